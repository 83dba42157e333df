import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Title2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { SubscriptionStatus } from '../api/client';
import { ErrorBar, Loading, RouterLink } from '../components/common';
import { useAllSubscriptions } from '../lib/billing';
import { useCustomer } from '../lib/customers';
import { useFormat } from '../lib/format';
import { useCan } from '../session';
import { CustomerUsersCard } from './customer/CustomerUsersCard';
import { EditCustomerDialog } from './customer/EditCustomerDialog';
import { InvoicesCard } from './customer/InvoicesCard';
import { RecurringCard } from './customer/RecurringCard';
import { SubscriptionsTable } from './customer/SubscriptionsTable';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
  },
  title: { flexGrow: 1 },
  filter: { maxWidth: '240px' },
});

const STATUSES: readonly SubscriptionStatus[] = ['active', 'suspended', 'expired', 'deleted'];

export function CustomerPage() {
  const { customerId = '' } = useParams();
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const navigate = useNavigate();
  const location = useLocation();
  const state = location.state as { created?: number; customerCreated?: boolean } | null;
  const can = useCan();
  const [status, setStatus] = useState<SubscriptionStatus | ''>('');
  const customer = useCustomer(customerId);
  // The whole list: add-ons sit under their base and sorting spans every row, not one page.
  const subscriptions = useAllSubscriptions(customerId);

  if (customer.isPending) return <Loading />;
  if (customer.isError) return <ErrorBar error={customer.error} />;
  const c = customer.data;
  const shown = (subscriptions.data ?? []).filter((s) => status === '' || s.status === status);

  return (
    <section className={styles.page} aria-labelledby="customer-title">
      <div>
        <RouterLink to="/customers">{t('app.nav.customers')}</RouterLink>
      </div>
      <div className={styles.heading}>
        <Title2 as="h1" id="customer-title" className={styles.title}>
          {c.companyName}
        </Title2>
        {can('customers.create') && <EditCustomerDialog customer={c} />}
      </div>
      <Text data-testid="customer-summary">
        {c.domain} · {t(`segments.${c.segment}`)} ·{' '}
        {t('customer.details', {
          opened: format.date(c.accountOpenedAt),
          firstBilling: format.date(c.firstBillingPeriodStart),
        })}
      </Text>
      <Text data-testid="billing-contact">
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
        (shown.length === 0 ? (
          <Text>{t('customer.empty')}</Text>
        ) : (
          <SubscriptionsTable
            customerId={customerId}
            subscriptions={shown}
            labelledBy="subscriptions-title"
          />
        ))}
      {can('customer_users.read') && (
        <CustomerUsersCard customer={c} subscriptions={subscriptions.data ?? []} />
      )}
      {can('billing.read') && <InvoicesCard customerId={customerId} />}
    </section>
  );
}
