import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogForm, FormDialog } from '../../components/DialogForm';
import type { Role, User, UserPatch } from './model';
import { ProblemBar } from './problems';
import { RolePicker } from './RolePicker';
import { TextField } from './TextField';
import { useUpdateUser } from './useUpdateUser';

/** Renaming a user or changing their role; one's own role stays as it is. */
export function EditUserDialog(props: {
  user: User;
  self: boolean;
  onSaved: (user: User) => void;
}) {
  const { t } = useTranslation();
  const name = props.user.displayName || props.user.email;
  return (
    <FormDialog
      trigger={
        <Button size="small" aria-label={t('users.edit.buttonFor', { name })}>
          {t('users.edit.button')}
        </Button>
      }
    >
      {(close) => (
        <EditForm
          user={props.user}
          self={props.self}
          onSaved={(user) => {
            close();
            props.onSaved(user);
          }}
        />
      )}
    </FormDialog>
  );
}

function EditForm(props: { user: User; self: boolean; onSaved: (user: User) => void }) {
  const { user, self } = props;
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const [unchanged, setUnchanged] = useState(false);
  const [checked, setChecked] = useState(false);
  const update = useUpdateUser(user, self, props.onSaved);

  const nameError = displayName.trim() === '' ? t('users.invite.nameRequired') : undefined;

  const onSubmit = () => {
    setChecked(true);
    if (nameError) return;
    const patch: UserPatch = {};
    if (displayName.trim() !== user.displayName) patch.displayName = displayName.trim();
    if (!self && role !== user.role) patch.role = role;
    setUnchanged(Object.keys(patch).length === 0);
    if (Object.keys(patch).length > 0) update.mutate(patch);
  };

  return (
    <DialogForm
      title={t('users.edit.title', { name: user.displayName || user.email })}
      onSubmit={onSubmit}
      submit={update.isPending ? t('users.edit.saving') : t('users.edit.save')}
      cancel={t('users.edit.cancel')}
      pending={update.isPending}
    >
      <TextField
        label={t('users.edit.displayName')}
        maxLength={200}
        required
        value={displayName}
        onChange={setDisplayName}
        error={checked ? nameError : undefined}
      />
      <RolePicker
        value={role}
        onChange={setRole}
        disabled={self}
        hint={self ? t('users.edit.ownRole') : undefined}
      />
      {unchanged && (
        <MessageBar intent="info" role="status">
          <MessageBarBody>{t('users.edit.noChanges')}</MessageBarBody>
        </MessageBar>
      )}
      {update.isError && <ProblemBar error={update.error} />}
    </DialogForm>
  );
}
