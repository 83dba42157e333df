import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Charge, Subscription } from '../../api/client';
import { RouterLink } from '../../components/common';
import { useMoneyStyles } from '../../components/moneyStyles';
import { useOfferNames, useSubscriptionName } from '../../lib/catalogText';
import { useFormat } from '../../lib/format';
import { MoneyCell } from '../../components/MoneyCell';

const useStyles = makeStyles({
  table: { tableLayout: 'auto' },
  offer: { display: 'block', color: tokens.colorNeutralForeground3 },
  nowrap: { whiteSpace: 'nowrap' },
});

/** An invoice's lines: what was charged or credited, for which subscription, how it was worked out. */
export function ChargeTable(props: {
  customerId: string;
  charges: readonly Charge[];
  subscriptions: ReadonlyMap<string, Subscription>;
  labelledBy: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const money = useMoneyStyles();
  const format = useFormat();
  const offerName = useOfferNames();
  const subscriptionName = useSubscriptionName();
  return (
    <Table className={styles.table} aria-labelledby={props.labelledBy} data-testid="invoice-lines">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('billing.invoice.columns.date')}</TableHeaderCell>
          <TableHeaderCell>{t('billing.invoice.columns.subscription')}</TableHeaderCell>
          <TableHeaderCell>{t('billing.invoice.columns.type')}</TableHeaderCell>
          <TableHeaderCell className={money.cell}>
            {t('billing.invoice.columns.quantity')}
          </TableHeaderCell>
          <TableHeaderCell className={money.cell}>
            {t('billing.invoice.columns.days')}
          </TableHeaderCell>
          <TableHeaderCell className={money.cell}>
            {t('billing.invoice.columns.unitPrice')}
          </TableHeaderCell>
          <TableHeaderCell className={money.cell}>
            {t('billing.invoice.columns.amount')}
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.charges.map((charge) => {
          const subscription = props.subscriptions.get(charge.subscriptionId);
          return (
            <TableRow key={charge.id} data-charge-id={charge.id}>
              <TableCell className={styles.nowrap}>{format.date(charge.date)}</TableCell>
              <TableCell>
                <RouterLink
                  to={`/customers/${props.customerId}/subscriptions/${charge.subscriptionId}`}
                >
                  {subscription
                    ? subscriptionName(subscription)
                    : t('billing.invoice.subscription', { id: charge.subscriptionId.slice(-8) })}
                </RouterLink>
                {subscription?.friendlyName && (
                  <Text size={200} className={styles.offer}>
                    {offerName(subscription.offerId, subscription.offerName)}
                  </Text>
                )}
                <Text size={200} className={styles.offer}>
                  {t('billing.period', {
                    start: format.date(charge.periodStart),
                    end: format.date(charge.periodEnd),
                  })}
                </Text>
              </TableCell>
              <TableCell>{t(`billing.chargeTypes.${charge.type}`)}</TableCell>
              <TableCell className={money.cell}>{format.number(charge.quantity)}</TableCell>
              <TableCell className={money.cell}>
                {t('billing.invoice.daysOf', {
                  days: format.number(charge.days),
                  periodDays: format.number(charge.periodDays),
                })}
              </TableCell>
              <MoneyCell amount={charge.unitPrice} currency={charge.currency} />
              <MoneyCell amount={charge.amount} currency={charge.currency} />
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
