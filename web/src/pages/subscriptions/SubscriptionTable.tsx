import {
  Badge,
  Checkbox,
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
import { RouterLink } from '../../components/common';
import { MoneyCell } from '../../components/MoneyCell';
import { useMoneyStyles } from '../../components/moneyStyles';
import { StatusBadge } from '../../components/StatusBadge';
import { TableScroll } from '../../components/TableScroll';
import { useOfferNames, useSubscriptionName } from '../../lib/catalogText';
import { useFormat } from '../../lib/format';
import { times } from '../../lib/money';
import type { BulkResult, ListedSubscription } from './api';

const useStyles = makeStyles({
  table: { minWidth: '900px' },
  select: { width: '44px' },
  refused: { color: tokens.colorPaletteRedForeground1 },
});

/** Which date matters now for a subscription, in words: what happens next, or when it ended. */
function useKeyDate() {
  const { t } = useTranslation();
  const format = useFormat();
  return (subscription: ListedSubscription): string => {
    const { status, expiresAt, deletedAt, isTrial, trialEndDate, commitmentEndDate } = subscription;
    const date = format.date;
    if (status === 'suspended' && expiresAt) {
      return t('workspace.subscriptions.dates.deleted', { date: date(expiresAt) });
    }
    if (status === 'expired' || status === 'deleted') {
      return t('workspace.subscriptions.dates.ended', {
        date: date(deletedAt ?? commitmentEndDate),
      });
    }
    if (isTrial && trialEndDate) {
      return t('workspace.subscriptions.dates.trialEnds', { date: date(trialEndDate) });
    }
    return subscription.autoRenewEnabled
      ? t('workspace.subscriptions.dates.renews', { date: date(commitmentEndDate) })
      : t('workspace.subscriptions.dates.ends', { date: date(commitmentEndDate) });
  };
}

function Outcome(props: { result: BulkResult | undefined }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { result } = props;
  if (!result) return null;
  if (result.status === 'done') {
    return (
      <Badge appearance="tint" color="success">
        {t('workspace.subscriptions.bulk.done')}
      </Badge>
    );
  }
  const message = result.error?.detail ?? result.error?.title ?? result.error?.code ?? '';
  return (
    <Text className={styles.refused}>{t('workspace.subscriptions.bulk.refused', { message })}</Text>
  );
}

/** The subscriptions of a page, each with a box to select it and the outcome of the last action. */
export function SubscriptionTable(props: {
  subscriptions: ListedSubscription[];
  labelledBy: string;
  label: string;
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], selected: boolean) => void;
  outcomes: ReadonlyMap<string, BulkResult>;
  selectable: boolean;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const money = useMoneyStyles();
  const keyDate = useKeyDate();
  const offerName = useOfferNames();
  const subscriptionName = useSubscriptionName();
  const { subscriptions, selected } = props;
  const ids = subscriptions.map((subscription) => subscription.id);
  const chosen = ids.filter((id) => selected.has(id)).length;
  const showOutcomes = subscriptions.some((subscription) => props.outcomes.has(subscription.id));
  return (
    <TableScroll label={props.label}>
      <Table
        className={styles.table}
        aria-labelledby={props.labelledBy}
        data-testid="subscriptions"
      >
        <TableHeader>
          <TableRow>
            {props.selectable && (
              <TableHeaderCell className={styles.select}>
                <Checkbox
                  aria-label={t('workspace.subscriptions.columns.selectAll')}
                  checked={chosen === 0 ? false : chosen === ids.length ? true : 'mixed'}
                  onChange={(_event, data) => props.onSelect(ids, data.checked === true)}
                />
              </TableHeaderCell>
            )}
            <TableHeaderCell>{t('workspace.subscriptions.columns.customer')}</TableHeaderCell>
            <TableHeaderCell>{t('workspace.subscriptions.columns.name')}</TableHeaderCell>
            <TableHeaderCell>{t('workspace.subscriptions.columns.offer')}</TableHeaderCell>
            <TableHeaderCell>{t('workspace.subscriptions.columns.status')}</TableHeaderCell>
            <TableHeaderCell className={money.cell}>
              {t('workspace.subscriptions.columns.quantity')}
            </TableHeaderCell>
            <TableHeaderCell className={money.cell}>
              {t('workspace.subscriptions.columns.amount')}
            </TableHeaderCell>
            <TableHeaderCell>{t('workspace.subscriptions.columns.dates')}</TableHeaderCell>
            {showOutcomes && (
              <TableHeaderCell>{t('workspace.subscriptions.columns.outcome')}</TableHeaderCell>
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {subscriptions.map((subscription) => (
            <TableRow key={subscription.id} data-subscription-id={subscription.id}>
              {props.selectable && (
                <TableCell>
                  <Checkbox
                    aria-label={t('workspace.subscriptions.columns.select', {
                      name: `${subscription.customerName} · ${subscriptionName(subscription)}`,
                    })}
                    checked={selected.has(subscription.id)}
                    onChange={(_event, data) =>
                      props.onSelect([subscription.id], data.checked === true)
                    }
                  />
                </TableCell>
              )}
              <TableCell>
                <RouterLink to={`/customers/${subscription.customerId}`}>
                  {subscription.customerName}
                </RouterLink>
              </TableCell>
              <TableCell>
                <RouterLink
                  to={`/customers/${subscription.customerId}/subscriptions/${subscription.id}`}
                >
                  {subscriptionName(subscription)}
                </RouterLink>
              </TableCell>
              <TableCell>{offerName(subscription.offerId, subscription.offerName)}</TableCell>
              <TableCell>
                <StatusBadge status={subscription.status} />
              </TableCell>
              <TableCell className={money.cell}>{subscription.quantity}</TableCell>
              <MoneyCell
                amount={times(subscription.unitPrice, subscription.quantity)}
                currency={subscription.currency}
              />
              <TableCell>{keyDate(subscription)}</TableCell>
              {showOutcomes && (
                <TableCell data-testid="outcome">
                  <Outcome result={props.outcomes.get(subscription.id)} />
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
