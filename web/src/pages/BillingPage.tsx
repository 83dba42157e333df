import { makeStyles, Text, Title2, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { NotAllowed } from '../components/common';
import { useCan } from '../session';
import { PeriodSection } from './billing/PeriodSection';
import { PriceBookSection } from './billing/PriceBookSection';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/** Money in and margin by billing period, and the price book that sets the prices. */
export function BillingPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const can = useCan();
  if (!can('billing.read') && !can('price_book.read')) {
    return <NotAllowed what={t('billing.page.notAllowed')} />;
  }
  return (
    <section className={styles.page} aria-labelledby="billing-title">
      <div>
        <Title2 as="h1" id="billing-title">
          {t('billing.page.title')}
        </Title2>
        <Text block>{t('billing.page.intro')}</Text>
      </div>
      {can('billing.read') && <PeriodSection />}
      {can('price_book.read') && <PriceBookSection />}
    </section>
  );
}
