import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ErrorBar, Loading } from '../../components/common';
import { allPages, LARGEST_PAGE } from '../../lib/allPages';
import { useMarkets } from '../../lib/markets';
import { useOffers } from '../pricing/queries';
import { PriceBookEditor } from './PriceBookEditor';
import { usePriceBook } from './usePriceBook';

function useAllCustomers() {
  return useQuery({
    queryKey: ['customers', 'all'],
    queryFn: () =>
      allPages(async (cursor) =>
        unwrap(
          api.GET('/v1/customers', {
            params: { query: { limit: LARGEST_PAGE, ...(cursor ? { cursor } : {}) } },
          }),
        ),
      ),
  });
}

/** The price book with what its rules can name: offers, customers, currencies. */
export function PriceBookSection() {
  const book = usePriceBook();
  const offers = useOffers({});
  const customers = useAllCustomers();
  const markets = useMarkets();
  const loading = [book, offers, customers, markets].find((query) => query.isPending);
  const failed = [book, offers, customers, markets].find((query) => query.isError);
  if (failed) return <ErrorBar error={failed.error} />;
  if (loading || !book.data || !offers.data || !customers.data || !markets.data) {
    return <Loading />;
  }
  const currencies = [...new Set(markets.data.map((market) => market.currency))].sort();
  return (
    <PriceBookEditor
      book={book.data}
      choices={{ offers: offers.data, customers: customers.data, currencies }}
    />
  );
}
