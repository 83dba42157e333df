import { Card, makeStyles, Title2, Title3, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Loading } from '../components/common';
import { useSession } from '../session';
import { ChangePasswordForm } from './users/ChangePasswordForm';
import { useDetailsStyles } from '../components/detailsStyles';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  card: { maxWidth: '560px' },
  cardTitle: { margin: 0 },
});

/** Every signed-in user's own page: who they are to the portal, and their password. */
export function AccountPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const details = useDetailsStyles();
  const user = useSession().data?.user;
  if (!user) return <Loading />;
  return (
    <section className={styles.page} aria-labelledby="account-title">
      <Title2 as="h1" id="account-title">
        {t('users.account.title')}
      </Title2>
      <Card className={styles.card}>
        <Title3 as="h2" className={styles.cardTitle}>
          {t('users.account.details')}
        </Title3>
        <dl className={details.list} data-testid="account-details">
          <dt className={details.term}>{t('users.account.name')}</dt>
          <dd className={details.value}>{user.displayName}</dd>
          <dt className={details.term}>{t('users.account.email')}</dt>
          <dd className={details.value}>{user.email}</dd>
          <dt className={details.term}>{t('users.account.role')}</dt>
          <dd className={details.value}>
            {t(`users.roles.${user.role}`)} — {t(`users.roleDescriptions.${user.role}`)}
          </dd>
        </dl>
      </Card>
      <ChangePasswordForm email={user.email} />
    </section>
  );
}
