import { makeStyles, Text, Title3, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { ErrorBar, Loading } from '../../components/common';
import type { PriceFilters } from './filters';
import { OfferCard } from './OfferCard';
import { groupByProduct } from '../../lib/catalog';
import { useOfferText } from '../../lib/catalogText';
import { useOffers, type OfferQuery } from './queries';
import type { OfferNames } from './words';

const useStyles = makeStyles({
  product: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  offers: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 420px), 1fr))',
    gap: tokens.spacingHorizontalM,
  },
});

/** The offers sold in the filters' country, by product, priced in that country's currency. */
export function PriceList(props: { filters: PriceFilters; currency: string; names: OfferNames }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const text = useOfferText();
  const { country, segment, billingCycle } = props.filters;
  const query: OfferQuery = {
    country,
    ...(segment ? { segment } : {}),
    ...(billingCycle ? { billingCycle } : {}),
  };
  const offers = useOffers(query);
  const currencyName = format.currency(props.currency);

  if (offers.isPending) return <Loading />;
  if (offers.isError) return <ErrorBar error={offers.error} />;
  if (offers.data.length === 0) return <Text>{t('pricing.list.empty')}</Text>;
  return (
    <>
      <Text>{t('pricing.list.currency', { currency: currencyName })}</Text>
      {groupByProduct(offers.data, (offer) => offer).map(({ productId, items }) => (
        <section
          key={productId}
          className={styles.product}
          aria-labelledby={`product-${productId}`}
          data-product-id={productId}
        >
          <Title3 as="h3" id={`product-${productId}`}>
            {items[0] ? text.productName(items[0]) : productId}
          </Title3>
          <div className={styles.offers}>
            {items.map((offer) => (
              <OfferCard
                key={offer.id}
                offer={offer}
                currency={props.currency}
                billingCycle={billingCycle}
                names={props.names}
              />
            ))}
          </div>
        </section>
      ))}
    </>
  );
}
