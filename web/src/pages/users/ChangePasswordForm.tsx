import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useMutation } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { usePasswordLength } from './policy';
import { passwordLengthError, ProblemBar } from './problems';
import { TextField } from './TextField';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '420px',
  },
});

/**
 * The signed-in user's own password; the API ends their other sessions. `onChanged` runs once
 * the API took the new one.
 */
export function ChangePasswordForm(props: { email: string; onChanged?: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [checked, setChecked] = useState(false);
  const passwordLength = usePasswordLength();

  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      unwrap(
        api.POST('/v1/session/password', {
          body,
          headers: { 'Idempotency-Key': crypto.randomUUID() },
        }),
      ),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setConfirm('');
      setChecked(false);
      props.onChanged?.();
    },
  });

  const errors = {
    current: current === '' ? t('users.account.password.currentRequired') : undefined,
    next:
      passwordLengthError(t, next, passwordLength) ??
      (next !== '' && next === current ? t('users.problems.unchanged') : undefined),
    confirm: confirm !== next ? t('users.account.password.mismatch') : undefined,
  };
  const shown = (error: string | undefined) => (checked ? error : undefined);

  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    change.reset();
    setChecked(true);
    if (errors.current || errors.next || errors.confirm) return;
    change.mutate({ currentPassword: current, newPassword: next });
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby="password-title">
      <Title3 as="h2" id="password-title">
        {t('users.account.password.title')}
      </Title3>
      {/* A hidden username lets password managers file the new password under this account. */}
      <input type="text" autoComplete="username" value={props.email} readOnly hidden />
      <TextField
        label={t('users.account.password.current')}
        type="password"
        autoComplete="current-password"
        required
        value={current}
        onChange={setCurrent}
        error={shown(errors.current)}
      />
      <TextField
        label={t('users.account.password.new')}
        type="password"
        autoComplete="new-password"
        required
        hint={passwordLength && t('users.account.password.newHint', passwordLength)}
        value={next}
        onChange={setNext}
        error={shown(errors.next)}
      />
      <TextField
        label={t('users.account.password.confirm')}
        type="password"
        autoComplete="new-password"
        required
        value={confirm}
        onChange={setConfirm}
        error={shown(errors.confirm)}
      />
      {change.isSuccess && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('users.account.password.changed')}</MessageBarBody>
        </MessageBar>
      )}
      {change.isError && <ProblemBar error={change.error} />}
      <div>
        <Button appearance="primary" type="submit" disabledFocusable={change.isPending}>
          {change.isPending
            ? t('users.account.password.submitting')
            : t('users.account.password.submit')}
        </Button>
      </div>
    </form>
  );
}
