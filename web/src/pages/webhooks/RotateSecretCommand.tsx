import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { WebhookEndpoint, WebhookEndpointWithSecret } from '../../lib/webhooks';
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
      trigger={<Button>{t('webhooks.commands.rotate')}</Button>}
      title={t('webhooks.confirm.rotateTitle', { url })}
      text={t('webhooks.confirm.rotateText')}
      confirm={t('webhooks.confirm.rotate')}
      keep={t('webhooks.confirm.keep')}
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
