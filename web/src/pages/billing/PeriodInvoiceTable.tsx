import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { InvoiceSummary } from '../../api/client';
import { RouterLink } from '../../components/common';
import { InvoiceStatusBadge } from '../../components/InvoiceStatusBadge';
import { useMoneyStyles } from '../../components/moneyStyles';
import { MoneyCell } from '../../components/MoneyCell';
import { TableScroll } from '../../components/TableScroll';

/** One period's invoices, a customer each: what it pays, what it costs, what is left. */
export function PeriodInvoiceTable(props: {
  invoices: readonly InvoiceSummary[];
  labelledBy: string;
}) {
  const { t } = useTranslation();
  const money = useMoneyStyles();
  return (
    <TableScroll labelledBy={props.labelledBy}>
      <Table aria-labelledby={props.labelledBy} data-testid="period-invoices">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('billing.columns.number')}</TableHeaderCell>
            <TableHeaderCell>{t('billing.columns.customer')}</TableHeaderCell>
            <TableHeaderCell>{t('billing.columns.status')}</TableHeaderCell>
            <TableHeaderCell className={money.cell}>{t('billing.columns.total')}</TableHeaderCell>
            <TableHeaderCell className={money.cell}>{t('billing.columns.cost')}</TableHeaderCell>
            <TableHeaderCell className={money.cell}>{t('billing.columns.margin')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.invoices.map((invoice) => (
            <TableRow key={invoice.id} data-invoice-id={invoice.id}>
              <TableCell>
                <RouterLink to={`/customers/${invoice.customerId}/invoices/${invoice.id}`}>
                  {invoice.number ?? t('billing.draft')}
                </RouterLink>
              </TableCell>
              <TableCell>
                <RouterLink to={`/customers/${invoice.customerId}`}>
                  {invoice.customerName}
                </RouterLink>
              </TableCell>
              <TableCell>
                <InvoiceStatusBadge status={invoice.status} />
              </TableCell>
              <MoneyCell amount={invoice.total} currency={invoice.currency} />
              <MoneyCell amount={invoice.cost} currency={invoice.currency} />
              <MoneyCell amount={invoice.margin} currency={invoice.currency} />
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
