import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookEndpoint, WebhookEndpointWithSecret } from '../../lib/webhooks';
import { ConfirmDialog } from './ConfirmDialog';
import { useRotateSecret } from './mutations';
import { commandProblem } from './problems';

/** Rotating the signing secret, after a confirmation; the new secret goes to `onRotated`. */
export function RotateSecretCommand(props: {
  endpoint: WebhookEndpoint;
  onRotated: (rotated: WebhookEndpointWithSecret) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const rotate = useRotateSecret(props.endpoint.id);
  const url = props.endpoint.url;
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => {
        if (next) rotate.reset();
        setOpen(next);
      }}
      button={t('webhooks.commands.rotate')}
      title={t('webhooks.confirm.rotateTitle', { url })}
      text={t('webhooks.confirm.rotateText')}
      confirm={t('webhooks.confirm.rotate')}
      pending={rotate.isPending}
      problem={rotate.isError ? commandProblem(t, rotate.error) : undefined}
      onConfirm={() =>
        rotate.mutate(undefined, {
          onSuccess: (rotated) => {
            setOpen(false);
            props.onRotated(rotated);
          },
        })
      }
    />
  );
}
