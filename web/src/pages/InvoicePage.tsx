import {
  Button,
  Card,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Text,
  Title2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorBar, Loading, NotAllowed, RouterLink } from '../components/common';
import { useDetailsStyles } from '../components/detailsStyles';
import { InvoiceStatusBadge } from '../components/InvoiceStatusBadge';
import { usePrintStyles } from '../components/printStyles';
import { useAllSubscriptions, useInvoice } from '../lib/billing';
import { useFormat } from '../lib/format';
import { useCan } from '../session';
import { ChargeTable } from './invoice/ChargeTable';
import { InvoiceTotals } from './invoice/InvoiceTotals';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  header: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    flexWrap: 'wrap',
  },
  title: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  breadcrumbs: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export function InvoicePage() {
  const { t } = useTranslation();
  const can = useCan();
  if (!can('billing.read')) return <NotAllowed what={t('billing.invoice.notAllowed')} />;
  return <Invoice />;
}

function Invoice() {
  const { customerId = '', invoiceId = '' } = useParams();
  const { t } = useTranslation();
  const styles = useStyles();
  const print = usePrintStyles();
  const details = useDetailsStyles();
  const format = useFormat();
  const can = useCan();
  const invoice = useInvoice(customerId, invoiceId);
  const subscriptions = useAllSubscriptions(customerId);

  if (invoice.isPending) return <Loading />;
  if (invoice.isError) return <ErrorBar error={invoice.error} />;
  const i = invoice.data;
  const byId = new Map((subscriptions.data ?? []).map((s) => [s.id, s]));
  const title = i.number
    ? t('billing.invoice.title', { number: i.number })
    : t('billing.invoice.draftTitle');

  return (
    <section className={mergeClasses(styles.page, print.page)} aria-labelledby="invoice-title">
      <nav
        className={mergeClasses(styles.breadcrumbs, print.screenOnly)}
        aria-label={t('billing.breadcrumbs')}
      >
        <RouterLink to="/customers">{t('app.nav.customers')}</RouterLink>
        <Text aria-hidden>›</Text>
        <RouterLink to={`/customers/${customerId}`}>{i.customerName}</RouterLink>
        <Text aria-hidden>›</Text>
        <Text>{i.number ?? t('billing.draft')}</Text>
      </nav>
      <div className={styles.header}>
        <div className={styles.title}>
          <Title2 as="h1" id="invoice-title">
            {title}
          </Title2>
          <InvoiceStatusBadge status={i.status} />
        </div>
        <Button className={print.screenOnly} onClick={() => globalThis.print()}>
          {t('billing.invoice.print')}
        </Button>
      </div>
      {i.status === 'draft' && (
        <MessageBar intent="info" role="status" className={print.screenOnly}>
          <MessageBarBody>{t('billing.invoice.draftNote')}</MessageBarBody>
        </MessageBar>
      )}
      <Card>
        <dl className={details.list}>
          <dt className={details.term}>{t('billing.invoice.customer')}</dt>
          <dd className={details.value}>{i.customerName}</dd>
          <dt className={details.term}>{t('billing.invoice.number')}</dt>
          <dd className={details.value} data-testid="invoice-number">
            {i.number ?? t('billing.draft')}
          </dd>
          <dt className={details.term}>{t('billing.invoice.period')}</dt>
          <dd className={details.value}>
            {t('billing.period', {
              start: format.date(i.periodStart),
              end: format.date(i.periodEnd),
            })}
          </dd>
          {i.issuedAt && (
            <>
              <dt className={details.term}>{t('billing.invoice.issued')}</dt>
              <dd className={details.value}>{format.date(i.issuedAt)}</dd>
            </>
          )}
          <dt className={details.term}>{t('billing.invoice.currency')}</dt>
          <dd className={details.value}>
            {format.currency(i.currency)} ({i.currency})
          </dd>
        </dl>
      </Card>
      <Card>
        <Title3 as="h2" id="invoice-lines-title">
          {t('billing.invoice.lines')}
        </Title3>
        {i.charges.length === 0 ? (
          <Text>{t('billing.invoice.noLines')}</Text>
        ) : (
          <ChargeTable
            customerId={customerId}
            charges={i.charges}
            subscriptions={byId}
            labelledBy="invoice-lines-title"
          />
        )}
        <InvoiceTotals invoice={i} showMargin={can('billing.read')} />
      </Card>
    </section>
  );
}
