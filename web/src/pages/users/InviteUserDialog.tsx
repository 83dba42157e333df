import { Button } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { DialogForm, FormDialog } from '../../components/DialogForm';
import { USERS_KEY, type NewUser, type Role, type User } from './model';
import { usePasswordLength } from './policy';
import { passwordLengthError, ProblemBar } from './problems';
import { RolePicker } from './RolePicker';
import { TextField } from './TextField';

export interface Invited {
  user: User;
  temporaryPassword?: string;
}

/** The "Invite user" button and its form; `onInvited` gets the API's answer once. */
export function InviteUserDialog(props: { onInvited: (invited: Invited) => void }) {
  const { t } = useTranslation();
  return (
    <FormDialog trigger={<Button appearance="primary">{t('users.invite.button')}</Button>}>
      {(close) => (
        <InviteForm
          onInvited={(invited) => {
            close();
            props.onInvited(invited);
          }}
        />
      )}
    </FormDialog>
  );
}

function InviteForm(props: { onInvited: (invited: Invited) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('sales_agent');
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState(false);
  const passwordLength = usePasswordLength();

  const invite = useMutation({
    mutationFn: (body: NewUser) =>
      unwrap(
        api.POST('/v1/users', {
          body,
          headers: { 'Idempotency-Key': crypto.randomUUID() },
        }),
      ),
    onSuccess: async (invited) => {
      props.onInvited(invited);
      await queryClient.invalidateQueries({ queryKey: USERS_KEY });
    },
  });

  const errors = {
    email: email.trim() === '' ? t('users.invite.emailRequired') : undefined,
    displayName: displayName.trim() === '' ? t('users.invite.nameRequired') : undefined,
    password: password === '' ? undefined : passwordLengthError(t, password, passwordLength),
  };
  const shown = (error: string | undefined) => (checked ? error : undefined);

  const onSubmit = () => {
    setChecked(true);
    if (errors.email || errors.displayName || errors.password) return;
    invite.mutate({
      email: email.trim(),
      displayName: displayName.trim(),
      role,
      ...(password === '' ? {} : { password }),
    });
  };

  return (
    <DialogForm
      title={t('users.invite.title')}
      onSubmit={onSubmit}
      submit={invite.isPending ? t('users.invite.submitting') : t('users.invite.submit')}
      cancel={t('users.invite.cancel')}
      pending={invite.isPending}
    >
      <TextField
        label={t('users.invite.email')}
        type="email"
        autoComplete="off"
        maxLength={254}
        required
        value={email}
        onChange={setEmail}
        error={shown(errors.email)}
      />
      <TextField
        label={t('users.invite.displayName')}
        maxLength={200}
        required
        value={displayName}
        onChange={setDisplayName}
        error={shown(errors.displayName)}
      />
      <RolePicker value={role} onChange={setRole} />
      <TextField
        label={t('users.invite.password')}
        type="password"
        autoComplete="new-password"
        hint={passwordLength && t('users.invite.passwordHint', passwordLength)}
        value={password}
        onChange={setPassword}
        error={shown(errors.password)}
      />
      {invite.isError && <ProblemBar error={invite.error} />}
    </DialogForm>
  );
}
