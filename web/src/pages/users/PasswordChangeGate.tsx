import { makeStyles, Text, Title2, tokens } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../components/Toasts';
import { SESSION_KEY, useMustChangePassword, useSession } from '../../session';
import { ChangePasswordForm } from './ChangePasswordForm';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '560px',
  },
});

/**
 * While the signed-in user still has a temporary password, every page is the "choose a new
 * password" screen (the API refuses everything else anyway); once it is changed, the page they
 * were going to shows, as the address never changed.
 */
export function PasswordChangeGate(props: { children: ReactNode }) {
  const mustChange = useMustChangePassword();
  return mustChange ? <ChooseNewPassword /> : <>{props.children}</>;
}

function ChooseNewPassword() {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const email = useSession().data?.user.email ?? '';
  const onChanged = () => {
    notify(t('users.forced.changed'));
    void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  };
  return (
    <section className={styles.page} aria-labelledby="forced-title">
      <Title2 as="h1" id="forced-title">
        {t('users.forced.title')}
      </Title2>
      <Text>{t('users.forced.intro')}</Text>
      <ChangePasswordForm email={email} onChanged={onChanged} />
    </section>
  );
}
