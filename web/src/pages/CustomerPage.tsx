import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
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
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { api, unwrap, type Subscription } from '../api/client';
import { ErrorBar, Loading, RouterLink } from '../components/common';
import { useFormat } from '../lib/format';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL },
});

export function useCustomer(customerId: string) {
  return useQuery({
    queryKey: ['customer', customerId],
    queryFn: () =>
      unwrap(api.GET('/v1/customers/{customerId}', { params: { path: { customerId } } })),
  });
}

export function StatusBadge(props: { status: Subscription['status'] }) {
  const { t } = useTranslation();
  const color = {
    active: 'success',
    suspended: 'warning',
    expired: 'subtle',
    deleted: 'danger',
  } as const;
  return (
    <Badge appearance="tint" color={color[props.status]}>
      {t(`statuses.${props.status}`)}
    </Badge>
  );
}

export function CustomerPage() {
  const { customerId = '' } = useParams();
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const navigate = useNavigate();
  const location = useLocation();
  const created = (location.state as { created?: number } | null)?.created;
  const customer = useCustomer(customerId);
  const subscriptions = useQuery({
    queryKey: ['subscriptions', customerId],
    queryFn: () =>
      unwrap(
        api.GET('/v1/customers/{customerId}/subscriptions', {
          params: { path: { customerId }, query: { limit: 500 } },
        }),
      ),
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
      {created !== undefined && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('customer.created', { count: created })}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.heading}>
        <Title3 as="h2" id="subscriptions-title">
          {t('customer.subscriptions')}
        </Title3>
        <Button
          appearance="primary"
          onClick={() => void navigate(`/customers/${customerId}/new-subscription`)}
        >
          {t('customer.newSubscription')}
        </Button>
      </div>
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
                <TableHeaderCell>{t('customer.columns.price')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {subscriptions.data.items.map((s) => (
                <TableRow key={s.id}>
                  <TableCell>
                    <RouterLink to={`/customers/${customerId}/subscriptions/${s.id}`}>
                      {s.friendlyName || s.offerName}
                    </RouterLink>
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
                  <TableCell>{t(`billingCycles.${s.billingCycle}`)}</TableCell>
                  <TableCell>
                    {s.status === 'suspended' && s.expiresAt
                      ? t('customer.expires', { date: format.date(s.expiresAt) })
                      : t('customer.termEnds', { date: format.date(s.commitmentEndDate) })}
                  </TableCell>
                  <TableCell>{format.money(s.unitPrice, s.currency)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ))}
    </section>
  );
}
