import { Button } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { Invited } from './InviteUserDialog';
import { USERS_KEY, type User } from './model';
import { usePasswordLength } from './policy';
import { problemText } from './problems';

/**
 * "Reset password", after a confirmation: the user gets a temporary password, which `onReset`
 * receives once (a replayed answer has none), and must replace it at their next sign-in.
 * One's own password is changed on the Account page instead.
 */
export function ResetPasswordDialog(props: {
  user: User;
  self: boolean;
  onReset: (answer: Invited) => void;
}) {
  const { user } = props;
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const passwordLength = usePasswordLength();
  const [open, setOpen] = useState(false);
  const name = user.displayName || user.email;
  const reset = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/v1/users/{userId}/password-reset', {
          params: { path: { userId: user.id } },
          headers: { 'Idempotency-Key': crypto.randomUUID() },
        }),
      ),
    onSuccess: async (answer) => {
      setOpen(false);
      props.onReset(answer);
      await queryClient.invalidateQueries({ queryKey: USERS_KEY });
    },
  });

  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => {
        if (next) reset.reset();
        setOpen(next);
      }}
      trigger={
        <Button
          size="small"
          disabled={props.self || user.disabled}
          aria-label={t('users.reset.buttonFor', { name })}
        >
          {t('users.reset.button')}
        </Button>
      }
      title={t('users.reset.title', { name })}
      text={t('users.reset.text', { name })}
      confirm={t('users.reset.confirm')}
      keep={t('users.reset.keep')}
      pending={reset.isPending}
      problem={reset.isError ? problemText(t, reset.error, passwordLength) : undefined}
      onConfirm={() => reset.mutate()}
    />
  );
}
