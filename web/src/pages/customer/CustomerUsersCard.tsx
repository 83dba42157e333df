import {
  Badge,
  Card,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Customer, Subscription } from '../../api/client';
import { ErrorBar, Loading } from '../../components/common';
import { TableScroll } from '../../components/TableScroll';
import { useFormat } from '../../lib/format';
import { useCan } from '../../session';
import { AddCustomerUserDialog } from './AddCustomerUserDialog';
import { useCustomerUsers } from './customerUsers';
import { LicenseDialog } from './LicenseDialog';
import { useSubscriptionName } from './useSubscriptionName';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
  },
  title: { margin: 0 },
  // Wide enough for an email beside its badge; narrower screens scroll the table in its box.
  usersTable: { minWidth: '560px' },
});

/** Subscriptions whose licenses go to users: sold per license, and not ended. */
function licensed(subscriptions: readonly Subscription[]): Subscription[] {
  return subscriptions.filter(
    (s) => s.unitType === 'licenses' && (s.status === 'active' || s.status === 'suspended'),
  );
}

/** The customer's own users and, per subscription, who holds its licenses. */
export function CustomerUsersCard(props: {
  customer: Customer;
  subscriptions: readonly Subscription[];
}) {
  const { customer } = props;
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const can = useCan();
  const nameOf = useSubscriptionName();
  const users = useCustomerUsers(customer.id);
  const withLicenses = licensed(props.subscriptions);

  return (
    <Card className={styles.card} aria-labelledby="customer-users-title">
      <div className={styles.heading}>
        <Title3 as="h2" id="customer-users-title" className={styles.title}>
          {t('customerPage.users.title')}
        </Title3>
        {can('customer_users.write') && (
          <AddCustomerUserDialog customerId={customer.id} customerName={customer.companyName} />
        )}
      </div>
      <Text>{t('customerPage.users.intro')}</Text>
      {users.isPending && <Loading />}
      {users.isError && <ErrorBar error={users.error} />}
      {users.data &&
        (users.data.length === 0 ? (
          <Text>{t('customerPage.users.empty')}</Text>
        ) : (
          <TableScroll label={t('customerPage.users.title')}>
            <Table aria-labelledby="customer-users-title" className={styles.usersTable}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('customerPage.users.columns.name')}</TableHeaderCell>
                  <TableHeaderCell>{t('customerPage.users.columns.email')}</TableHeaderCell>
                  <TableHeaderCell>{t('customerPage.users.columns.kind')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {users.data.map((user) => (
                  <TableRow key={user.id} data-customer-user-id={user.id}>
                    <TableCell>{user.displayName}</TableCell>
                    <TableCell>{user.email}</TableCell>
                    <TableCell>
                      <Badge appearance="tint" color={user.isAdmin ? 'brand' : 'informative'}>
                        {user.isAdmin
                          ? t('customerPage.users.admin')
                          : t('customerPage.users.user')}
                      </Badge>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
        ))}
      <Title3 as="h3" id="licenses-title" className={styles.title}>
        {t('customerPage.licenses.title')}
      </Title3>
      {withLicenses.length === 0 ? (
        <Text>{t('customerPage.licenses.none')}</Text>
      ) : (
        <TableScroll label={t('customerPage.licenses.title')}>
          <Table aria-labelledby="licenses-title">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('customerPage.licenses.columns.subscription')}</TableHeaderCell>
                <TableHeaderCell>{t('customerPage.licenses.columns.assigned')}</TableHeaderCell>
                {can('licenses.assign') && (
                  <TableHeaderCell>{t('customerPage.licenses.columns.actions')}</TableHeaderCell>
                )}
              </TableRow>
            </TableHeader>
            <TableBody>
              {withLicenses.map((s) => (
                <TableRow key={s.id} data-license-subscription-id={s.id}>
                  <TableCell>{nameOf(s)}</TableCell>
                  <TableCell>
                    {t('customerPage.licenses.count', {
                      assigned: format.number(s.assignedLicenses),
                      quantity: format.number(s.quantity),
                    })}
                  </TableCell>
                  {can('licenses.assign') && (
                    <TableCell>
                      <LicenseDialog
                        customerId={customer.id}
                        subscription={s}
                        users={users.data ?? []}
                      />
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
    </Card>
  );
}
