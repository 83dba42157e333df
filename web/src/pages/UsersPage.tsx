import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { ErrorBar, Loading } from '../components/common';
import { useNotify } from '../components/Toasts';
import { useCan, useSession } from '../session';
import { InviteUserDialog, type Invited } from './users/InviteUserDialog';
import { USERS_KEY } from './users/model';
import { TemporaryPassword } from './users/TemporaryPassword';
import { UsersTable } from './users/UsersTable';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  toolbar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL },
});

export function UsersPage() {
  const can = useCan();
  return can('users.manage') ? <UsersManager /> : <NotAllowed />;
}

/** Not an error: the role simply does not include managing users. */
function NotAllowed() {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <section className={styles.page} aria-labelledby="users-title">
      <Title2 as="h1" id="users-title">
        {t('users.title')}
      </Title2>
      <MessageBar intent="info" role="status">
        <MessageBarBody>{t('users.notAllowed')}</MessageBarBody>
      </MessageBar>
    </section>
  );
}

function UsersManager() {
  const { t } = useTranslation();
  const styles = useStyles();
  const session = useSession();
  const users = useQuery({
    queryKey: USERS_KEY,
    queryFn: () => unwrap(api.GET('/v1/users')),
  });
  const [invited, setInvited] = useState<Invited | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const notify = useNotify();

  const onInvited = (answer: Invited) => {
    setInvited(answer.temporaryPassword ? answer : null);
    setNotice(
      t('users.invite.invited', {
        name: answer.user.displayName,
        role: t(`users.roles.${answer.user.role}`),
      }),
    );
  };

  const onReset = (answer: Invited) => {
    setInvited(answer.temporaryPassword ? answer : null);
    setNotice(null);
    notify(t('users.reset.done', { name: answer.user.displayName || answer.user.email }));
  };

  return (
    <section className={styles.page} aria-labelledby="users-title">
      <Title2 as="h1" id="users-title">
        {t('users.title')}
      </Title2>
      <Text>{t('users.intro')}</Text>
      <div className={styles.toolbar}>
        <InviteUserDialog onInvited={onInvited} />
        {users.data && <Text>{t('users.count', { count: users.data.items.length })}</Text>}
      </div>
      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {invited?.temporaryPassword && (
        <TemporaryPassword
          email={invited.user.email}
          password={invited.temporaryPassword}
          onDone={() => setInvited(null)}
        />
      )}
      {users.isPending && <Loading />}
      {users.isError && <ErrorBar error={users.error} />}
      {users.data && (
        <UsersTable
          users={users.data.items}
          selfId={session.data?.user.id}
          labelledBy="users-title"
          onNotice={setNotice}
          onReset={onReset}
        />
      )}
    </section>
  );
}
