import { makeStyles, Text, Title2, Title3, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorBar, Loading } from '../components/common';
import { DEFAULT_COUNTRY, usePriceFilters } from './pricing/filters';
import { PriceFilterBar } from './pricing/PriceFilterBar';
import { PriceList } from './pricing/PriceList';
import { useOfferText } from '../lib/catalogText';
import { useMarkets } from '../lib/markets';
import { useOffers } from './pricing/queries';
import { RestrictedOffers } from './pricing/RestrictedOffers';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** The seed's "Pricing and Offers page": which offers are restricted, then the whole price list. */
export function PricingPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const [filters, setFilters] = usePriceFilters();
  // The whole catalog: the restrictions are everyone's, and add-ons name bases sold elsewhere.
  const catalog = useOffers({});
  const markets = useMarkets();
  const offerText = useOfferText();
  const names = new Map((catalog.data ?? []).map((offer) => [offer.id, offerText.name(offer)]));
  const market =
    markets.data?.find((m) => m.country === filters.country) ??
    markets.data?.find((m) => m.country === DEFAULT_COUNTRY);

  return (
    <section className={styles.page} aria-labelledby="pricing-title">
      <Title2 as="h1" id="pricing-title">
        {t('pricing.title')}
      </Title2>
      <Text>{t('pricing.intro')}</Text>
      {catalog.isPending && <Loading />}
      {catalog.isError && <ErrorBar error={catalog.error} />}
      {catalog.data && <RestrictedOffers offers={catalog.data} names={names} />}
      <section className={styles.section} aria-labelledby="price-list-title">
        <Title3 as="h2" id="price-list-title">
          {t('pricing.list.title')}
        </Title3>
        {markets.isPending && <Loading />}
        {markets.isError && <ErrorBar error={markets.error} />}
        {markets.data && market && (
          <>
            <PriceFilterBar
              markets={markets.data}
              filters={{ ...filters, country: market.country }}
              onChange={setFilters}
            />
            <PriceList
              filters={{ ...filters, country: market.country }}
              currency={market.currency}
              names={names}
            />
          </>
        )}
      </section>
    </section>
  );
}
