import { Card, makeStyles, Text, Title3, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorBar, Loading } from '../../components/common';
import { useAllSubscriptions } from '../../lib/billing';
import { useFormat } from '../../lib/format';
import { recurringTotals } from './recurring';

const useStyles = makeStyles({
  figures: { display: 'flex', gap: tokens.spacingHorizontalXXXL, flexWrap: 'wrap' },
  figure: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  amount: {
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: 'tabular-nums',
  },
});

/** What the customer pays every month, and every year for annual billing. */
export function RecurringCard(props: { customerId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const subscriptions = useAllSubscriptions(props.customerId);
  const totals = subscriptions.data ? recurringTotals(subscriptions.data) : [];
  return (
    <Card aria-labelledby="recurring-title">
      <Title3 as="h2" id="recurring-title">
        {t('billing.customer.recurring')}
      </Title3>
      {subscriptions.isPending && <Loading />}
      {subscriptions.isError && <ErrorBar error={subscriptions.error} />}
      {subscriptions.data && totals.length === 0 && <Text>{t('billing.customer.noPaid')}</Text>}
      {totals.length > 0 && (
        <div className={styles.figures}>
          {totals.map((total) => (
            <div
              key={`${total.billingCycle} ${total.currency}`}
              className={styles.figure}
              data-testid={`${total.billingCycle}-total`}
            >
              <Text>{t(`billing.customer.totals.${total.billingCycle}`)}</Text>
              <Text className={styles.amount}>{format.money(total.total, total.currency)}</Text>
            </div>
          ))}
        </div>
      )}
      <Text size={200}>{t('billing.customer.recurringNote')}</Text>
    </Card>
  );
}
