import {
  Badge,
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { api, unwrap, type SubscriptionStatus } from '../api/client';
import { ErrorBar, Loading, RouterLink } from '../components/common';
import { Pager } from '../components/Pager';
import { StatusBadge } from '../components/StatusBadge';
import { useCustomer } from '../lib/customers';
import { useCursorPages } from '../lib/paging';
import { useCan } from '../session';
import { useFormat } from '../lib/format';
import { useMoneyStyles } from '../components/moneyStyles';
import { InvoicesCard } from './customer/InvoicesCard';
import { amountOf } from './customer/recurring';
import { RecurringCard } from './customer/RecurringCard';
import { MoneyCell } from '../components/MoneyCell';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL },
  filter: { maxWidth: '240px' },
  tag: { marginLeft: tokens.spacingHorizontalS },
});

const PAGE_SIZE = 50;
const STATUSES: readonly SubscriptionStatus[] = ['active', 'suspended', 'expired', 'deleted'];

export function CustomerPage() {
  const { customerId = '' } = useParams();
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const money = useMoneyStyles();
  const navigate = useNavigate();
  const location = useLocation();
  const state = location.state as { created?: number; customerCreated?: boolean } | null;
  const can = useCan();
  const [status, setStatus] = useState<SubscriptionStatus | ''>('');
  const pages = useCursorPages(status);
  const cursor = pages.cursor;
  const customer = useCustomer(customerId);
  const subscriptions = useQuery({
    queryKey: ['subscriptions', customerId, status, cursor],
    queryFn: () =>
      unwrap(
        api.GET('/v1/customers/{customerId}/subscriptions', {
          params: {
            path: { customerId },
            query: {
              limit: PAGE_SIZE,
              ...(status ? { status } : {}),
              ...(cursor ? { cursor } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  if (customer.isPending) return <Loading />;
  if (customer.isError) return <ErrorBar error={customer.error} />;
  const c = customer.data;

  return (
    <section className={styles.page} aria-labelledby="customer-title">
      <div>
        <RouterLink to="/customers">{t('app.nav.customers')}</RouterLink>
      </div>
      <Title2 as="h1" id="customer-title">
        {c.companyName}
      </Title2>
      <Text>
        {c.domain} · {t(`segments.${c.segment}`)} ·{' '}
        {t('customer.details', {
          opened: format.date(c.accountOpenedAt),
          firstBilling: format.date(c.firstBillingPeriodStart),
        })}
      </Text>
      <Text>
        {t('customer.billingContact', {
          name: `${c.billingProfile.firstName} ${c.billingProfile.lastName}`,
          email: c.billingProfile.email,
          address: [
            c.billingProfile.address.line1,
            `${c.billingProfile.address.postalCode} ${c.billingProfile.address.city}`,
            format.region(c.billingProfile.address.country),
          ].join(', '),
        })}
      </Text>
      {state?.customerCreated && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('customer.customerCreated')}</MessageBarBody>
        </MessageBar>
      )}
      {state?.created !== undefined && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('customer.created', { count: state.created })}</MessageBarBody>
        </MessageBar>
      )}
      <RecurringCard customerId={customerId} />
      <div className={styles.heading}>
        <Title3 as="h2" id="subscriptions-title">
          {t('customer.subscriptions')}
        </Title3>
        {can('orders.create') && (
          <Button
            appearance="primary"
            onClick={() => void navigate(`/customers/${customerId}/new-subscription`)}
          >
            {t('customer.newSubscription')}
          </Button>
        )}
      </div>
      <Field label={t('customer.statusFilter')} className={styles.filter}>
        <Select
          value={status}
          onChange={(_event, data) => setStatus(data.value as SubscriptionStatus | '')}
        >
          <option value="">{t('customer.allStatuses')}</option>
          {STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`statuses.${value}`)}
            </option>
          ))}
        </Select>
      </Field>
      {subscriptions.isPending && <Loading />}
      {subscriptions.isError && <ErrorBar error={subscriptions.error} />}
      {subscriptions.data &&
        (subscriptions.data.items.length === 0 ? (
          <Text>{t('customer.empty')}</Text>
        ) : (
          <Table aria-labelledby="subscriptions-title">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('customer.columns.name')}</TableHeaderCell>
                <TableHeaderCell>{t('customer.columns.offer')}</TableHeaderCell>
                <TableHeaderCell>{t('customer.columns.licenses')}</TableHeaderCell>
                <TableHeaderCell>{t('customer.columns.status')}</TableHeaderCell>
                <TableHeaderCell>{t('customer.columns.billing')}</TableHeaderCell>
                <TableHeaderCell>{t('customer.columns.termEnd')}</TableHeaderCell>
                <TableHeaderCell className={money.cell}>
                  {t('customer.columns.price')}
                </TableHeaderCell>
                <TableHeaderCell className={money.cell}>
                  {t('customer.columns.amount')}
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {subscriptions.data.items.map((s) => (
                <TableRow key={s.id}>
                  <TableCell>
                    <RouterLink to={`/customers/${customerId}/subscriptions/${s.id}`}>
                      {s.friendlyName || s.offerName}
                    </RouterLink>
                    {s.parentSubscriptionId && (
                      <Badge appearance="outline" className={styles.tag}>
                        {t('customer.addOn')}
                      </Badge>
                    )}
                    {s.isTrial && (
                      <Badge appearance="outline" className={styles.tag}>
                        {t('customer.trial')}
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell>{s.offerName}</TableCell>
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
                  <TableCell>
                    {s.status === 'suspended' && s.expiresAt
                      ? t('customer.expires', { date: format.date(s.expiresAt) })
                      : t('customer.termEnds', { date: format.date(s.commitmentEndDate) })}
                  </TableCell>
                  <MoneyCell amount={s.unitPrice} currency={s.currency} />
                  <TableCell className={money.cell} data-testid="amount">
                    {format.money(amountOf(s), s.currency)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ))}
      {subscriptions.data && (
        <Pager
          pages={pages}
          nextCursor={subscriptions.data.nextCursor}
          label={t('customer.subscriptions')}
        />
      )}
      {can('billing.read') && <InvoicesCard customerId={customerId} />}
    </section>
  );
}
