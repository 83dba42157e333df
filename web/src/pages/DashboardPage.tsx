import { makeStyles, Text, Title2, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorBar, Loading } from '../components/common';
import { useFormat } from '../lib/format';
import { useCan } from '../session';
import { useBillingOverview, usePartnerToday, type BillingOverview } from './dashboard/api';
import { InvoicedChart } from './dashboard/InvoicedChart';
import { RecentChangesTile } from './dashboard/RecentChangesTile';
import { RecurringRevenueTile } from './dashboard/RecurringRevenueTile';
import { SubscriptionTile } from './dashboard/SubscriptionTile';
import { subscriptionTiles } from './dashboard/tiles';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  tiles: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 320px), 1fr))',
    gap: tokens.spacingHorizontalL,
  },
});

/**
 * The periods of each currency invoiced in any of them, oldest first as the overview gives them:
 * a chart of twelve zeros says nothing.
 */
function byCurrency(periods: BillingOverview['periods']) {
  const groups = new Map<string, BillingOverview['periods']>();
  for (const period of periods) {
    groups.set(period.currency, [...(groups.get(period.currency) ?? []), period]);
  }
  const invoiced = (amount: string) => /[1-9]/.test(amount);
  return [...groups.entries()].filter(([, group]) => group.some((p) => invoiced(p.invoiced)));
}

/** The home page: what renews, ends and will be deleted across all customers, and the money. */
export function DashboardPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const can = useCan();
  const today = usePartnerToday();
  const billing = useBillingOverview(can('billing.read'));
  return (
    <section className={styles.page} aria-labelledby="dashboard-title">
      <Title2 as="h1" id="dashboard-title">
        {t('workspace.dashboard.title')}
      </Title2>
      {today.isPending ? (
        <Loading />
      ) : today.isError ? (
        <ErrorBar error={today.error} />
      ) : (
        <>
          <Text>{t('workspace.dashboard.summary', { date: format.date(today.data) })}</Text>
          <div className={styles.tiles}>
            {can('subscriptions.read') &&
              subscriptionTiles(today.data).map((spec) => (
                <SubscriptionTile key={spec.name} spec={spec} today={today.data} />
              ))}
            {can('audit.read') && <RecentChangesTile />}
            {billing.isError && <ErrorBar error={billing.error} />}
            {billing.data && <RecurringRevenueTile recurring={billing.data.recurring} />}
            {billing.data &&
              byCurrency(billing.data.periods).map(([currency, periods]) => (
                <InvoicedChart key={currency} currency={currency} periods={periods} />
              ))}
          </div>
        </>
      )}
    </section>
  );
}
