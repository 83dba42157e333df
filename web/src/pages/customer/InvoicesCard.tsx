import {
  Card,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorBar, Loading, RouterLink } from '../../components/common';
import { InvoiceStatusBadge } from '../../components/InvoiceStatusBadge';
import { useMoneyStyles } from '../../components/moneyStyles';
import { useCustomerInvoices } from '../../lib/billing';
import { useFormat } from '../../lib/format';
import { MoneyCell } from '../../components/MoneyCell';

/** The customer's invoices, newest first, each opening its invoice page. */
export function InvoicesCard(props: { customerId: string }) {
  const { t } = useTranslation();
  const money = useMoneyStyles();
  const format = useFormat();
  const invoices = useCustomerInvoices(props.customerId);
  return (
    <Card aria-labelledby="invoices-title">
      <Title3 as="h2" id="invoices-title">
        {t('billing.customer.invoices')}
      </Title3>
      {invoices.isPending && <Loading />}
      {invoices.isError && <ErrorBar error={invoices.error} />}
      {invoices.data && invoices.data.length === 0 && (
        <Text>{t('billing.customer.noInvoices')}</Text>
      )}
      {invoices.data && invoices.data.length > 0 && (
        <Table aria-labelledby="invoices-title" data-testid="customer-invoices">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('billing.columns.number')}</TableHeaderCell>
              <TableHeaderCell>{t('billing.columns.period')}</TableHeaderCell>
              <TableHeaderCell>{t('billing.columns.status')}</TableHeaderCell>
              <TableHeaderCell className={money.cell}>{t('billing.columns.total')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {invoices.data.map((invoice) => (
              <TableRow key={invoice.id} data-invoice-id={invoice.id}>
                <TableCell>
                  <RouterLink to={`/customers/${props.customerId}/invoices/${invoice.id}`}>
                    {invoice.number ?? t('billing.draft')}
                  </RouterLink>
                </TableCell>
                <TableCell>
                  {t('billing.period', {
                    start: format.date(invoice.periodStart),
                    end: format.date(invoice.periodEnd),
                  })}
                </TableCell>
                <TableCell>
                  <InvoiceStatusBadge status={invoice.status} />
                </TableCell>
                <MoneyCell amount={invoice.total} currency={invoice.currency} />
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
