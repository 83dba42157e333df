import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { User } from './model';
import { usePasswordLength } from './policy';
import { problemText } from './problems';
import { useUpdateUser } from './useUpdateUser';

/** Disabling a user (or enabling them again), after a confirmation; never oneself. */
export function AccessDialog(props: { user: User; self: boolean; onSaved: (user: User) => void }) {
  const { user } = props;
  const { t } = useTranslation();
  const passwordLength = usePasswordLength();
  const [open, setOpen] = useState(false);
  const update = useUpdateUser(user, props.self, (updated) => {
    setOpen(false);
    props.onSaved(updated);
  });
  const name = user.displayName || user.email;
  const action = user.disabled ? 'enable' : 'disable';

  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => {
        if (next) update.reset();
        setOpen(next);
      }}
      trigger={
        <Button
          size="small"
          disabled={props.self}
          aria-label={t(`users.access.${action}For`, { name })}
        >
          {t(`users.access.${action}`)}
        </Button>
      }
      title={t(`users.access.${action}Title`, { name })}
      text={t(`users.access.${action}Text`, { name })}
      confirm={t(`users.access.${action}`)}
      keep={t('users.access.keep')}
      pending={update.isPending}
      problem={update.isError ? problemText(t, update.error, passwordLength) : undefined}
      onConfirm={() => update.mutate({ disabled: !user.disabled })}
    />
  );
}
