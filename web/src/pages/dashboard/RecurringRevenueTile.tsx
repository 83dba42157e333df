import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { MoneyCell } from '../../components/MoneyCell';
import { useMoneyStyles } from '../../components/moneyStyles';
import { TableScroll } from '../../components/TableScroll';
import type { BillingOverview } from './api';
import { Tile } from './Tile';

/** What active subscriptions bring in each month, what they cost and the margin, per currency. */
export function RecurringRevenueTile(props: { recurring: BillingOverview['recurring'] }) {
  const { t } = useTranslation();
  const money = useMoneyStyles();
  const title = t('workspace.dashboard.money.recurring');
  return (
    <Tile id="tile-recurring" title={title} link={{ to: '/billing', text: t('app.nav.billing') }}>
      <Text size={200}>{t('workspace.dashboard.money.recurringHint')}</Text>
      {props.recurring.length === 0 ? (
        <Text>{t('workspace.dashboard.money.none')}</Text>
      ) : (
        <TableScroll label={title}>
          <Table size="small" aria-labelledby="tile-recurring-title">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('workspace.dashboard.money.currency')}</TableHeaderCell>
                <TableHeaderCell className={money.cell}>
                  {t('workspace.dashboard.money.revenue')}
                </TableHeaderCell>
                <TableHeaderCell className={money.cell}>
                  {t('workspace.dashboard.money.cost')}
                </TableHeaderCell>
                <TableHeaderCell className={money.cell}>
                  {t('workspace.dashboard.money.margin')}
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {props.recurring.map((line) => (
                <TableRow key={line.currency} data-currency={line.currency}>
                  <TableCell>{line.currency}</TableCell>
                  <MoneyCell amount={line.revenue} currency={line.currency} />
                  <MoneyCell amount={line.cost} currency={line.currency} />
                  <MoneyCell amount={line.margin} currency={line.currency} />
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
    </Tile>
  );
}
