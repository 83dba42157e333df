import {
  Badge,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Subscription } from '../../api/client';
import { RouterLink } from '../../components/common';
import { useMoneyStyles } from '../../components/moneyStyles';
import { StatusBadge } from '../../components/StatusBadge';
import { TableScroll } from '../../components/TableScroll';
import { useFormat } from '../../lib/format';
import { amountOf } from './recurring';
import { useOfferNames } from '../../lib/catalogText';
import { endDateOf, subscriptionRows, type Sort, type SortKey } from './subscriptionRows';
import { useSubscriptionName } from './useSubscriptionName';

const useStyles = makeStyles({
  tag: { marginLeft: tokens.spacingHorizontalS },
  addOn: { paddingLeft: tokens.spacingHorizontalXXL },
  addOnRow: { backgroundColor: tokens.colorNeutralBackground2 },
  ended: { color: tokens.colorNeutralForeground3 },
  nowrap: { whiteSpace: 'nowrap' },
  // Wide enough for every column; narrower screens scroll the table in its box.
  table: { minWidth: '960px' },
});

/** What the date column says of a subscription, by its status. */
function useEndText() {
  const { t } = useTranslation();
  const format = useFormat();
  return (s: Subscription): string => {
    const date = format.date(endDateOf(s));
    if (s.status === 'deleted') return t('customerPage.subscriptions.ended', { date });
    if (s.status === 'expired') return t('customerPage.subscriptions.expired', { date });
    if (s.status === 'suspended' && s.expiresAt) return t('customer.expires', { date });
    return t('customer.termEnds', { date });
  };
}

/**
 * The customer's subscriptions, each base with its add-ons under it, sortable by the columns
 * people look things up by (the header buttons work with Enter and Space too).
 */
export function SubscriptionsTable(props: {
  customerId: string;
  subscriptions: readonly Subscription[];
  labelledBy: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const money = useMoneyStyles();
  const format = useFormat();
  const endText = useEndText();
  const [sort, setSort] = useState<Sort>({ key: 'name', direction: 'ascending' });
  const nameOf = useSubscriptionName();
  const offerName = useOfferNames();
  const rows = subscriptionRows(props.subscriptions, sort, nameOf);

  const sortable = (key: SortKey) => ({
    sortable: true,
    sortDirection: sort.key === key ? sort.direction : undefined,
    onClick: () =>
      setSort((previous) => ({
        key,
        direction:
          previous.key === key && previous.direction === 'ascending' ? 'descending' : 'ascending',
      })),
  });

  return (
    <TableScroll label={t('customer.subscriptions')}>
      <Table aria-labelledby={props.labelledBy} sortable className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell {...sortable('name')}>{t('customer.columns.name')}</TableHeaderCell>
            <TableHeaderCell sortable={false}>{t('customer.columns.offer')}</TableHeaderCell>
            <TableHeaderCell {...sortable('quantity')}>
              {t('customer.columns.licenses')}
            </TableHeaderCell>
            <TableHeaderCell {...sortable('status')}>
              {t('customer.columns.status')}
            </TableHeaderCell>
            <TableHeaderCell sortable={false}>{t('customer.columns.billing')}</TableHeaderCell>
            <TableHeaderCell {...sortable('endDate')}>
              {t('customer.columns.termEnd')}
            </TableHeaderCell>
            <TableHeaderCell className={money.cell} {...sortable('price')}>
              {t('customerPage.subscriptions.columns.price')}
            </TableHeaderCell>
            <TableHeaderCell sortable={false} className={money.cell}>
              {t('customer.columns.amount')}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map(({ subscription: s, baseName }) => {
            const ended = s.status === 'deleted' || s.status === 'expired';
            return (
              <TableRow
                key={s.id}
                data-subscription-id={s.id}
                className={baseName ? styles.addOnRow : undefined}
              >
                <TableCell className={baseName ? styles.addOn : undefined}>
                  <RouterLink to={`/customers/${props.customerId}/subscriptions/${s.id}`}>
                    {nameOf(s)}
                  </RouterLink>
                  {s.parentSubscriptionId && (
                    <Badge
                      appearance="outline"
                      className={styles.tag}
                      title={
                        baseName
                          ? t('customerPage.subscriptions.addOnOf', { name: baseName })
                          : undefined
                      }
                    >
                      {t('customer.addOn')}
                    </Badge>
                  )}
                  {s.isTrial && (
                    <Badge appearance="outline" className={styles.tag}>
                      {t('customer.trial')}
                    </Badge>
                  )}
                </TableCell>
                <TableCell>{offerName(s.offerId, s.offerName)}</TableCell>
                <TableCell>
                  {t('customer.licenses', {
                    assigned: format.number(s.assignedLicenses),
                    quantity: format.number(s.quantity),
                  })}
                </TableCell>
                <TableCell>
                  <StatusBadge status={s.status} />
                </TableCell>
                <TableCell>
                  {t(`billingCycles.${s.billingCycle}`)} · {t(`terms.${s.termDuration}`)}
                </TableCell>
                <TableCell className={ended ? styles.ended : undefined} data-testid="end-date">
                  {endText(s)}
                </TableCell>
                <TableCell className={mergeClasses(money.cell, styles.nowrap)}>
                  {t('customerPage.subscriptions.priceTimesQuantity', {
                    price: format.money(s.unitPrice, s.currency),
                    quantity: format.number(s.quantity),
                  })}
                </TableCell>
                <TableCell className={money.cell} data-testid="amount">
                  {format.money(amountOf(s), s.currency)}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
