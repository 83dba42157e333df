import { Button } from '@fluentui/react-components';
import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { WebhookEndpoint } from '../../lib/webhooks';
import { useDeleteEndpoint } from './mutations';
import { commandProblem } from './problems';

/** Deleting the endpoint, after a confirmation. */
export function DeleteEndpointCommand(props: {
  endpoint: WebhookEndpoint;
  onDeleted: (endpoint: WebhookEndpoint) => void;
}) {
  const { endpoint } = props;
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const remove = useDeleteEndpoint(endpoint.id);

  // The endpoint (and this command with it) goes only once the dialog has closed: unmounting an
  // open Fluent dialog would leave the page aria-hidden.
  const deleted = remove.isSuccess;
  const onDeleted = useEffectEvent(() => props.onDeleted(endpoint));
  useEffect(() => {
    if (open || !deleted) return;
    const timer = setTimeout(() => {
      // The button that had focus goes away with the endpoint: let go of it first.
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      onDeleted();
    }, 300);
    return () => clearTimeout(timer);
  }, [open, deleted]);

  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => {
        if (next) remove.reset();
        setOpen(next);
      }}
      trigger={<Button>{t('webhooks.commands.delete')}</Button>}
      title={t('webhooks.confirm.deleteTitle', { url: endpoint.url })}
      text={t('webhooks.confirm.deleteText')}
      confirm={t('webhooks.confirm.delete')}
      keep={t('webhooks.confirm.keep')}
      pending={remove.isPending}
      problem={remove.isError ? commandProblem(t, remove.error) : undefined}
      onConfirm={() => remove.mutate(undefined, { onSuccess: () => setOpen(false) })}
    />
  );
}
