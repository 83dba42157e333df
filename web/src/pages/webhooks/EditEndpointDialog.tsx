import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookEndpoint } from '../../lib/webhooks';
import { DialogForm, FormDialog } from '../users/DialogForm';
import { draftOf, draftProblems, patchOf } from './endpointDraft';
import { EndpointFields } from './EndpointFields';
import { useUpdateEndpoint } from './mutations';
import { fieldProblems } from './problems';

/** Changing an endpoint's URL, description or events. */
export function EditEndpointDialog(props: {
  endpoint: WebhookEndpoint;
  onSaved: (endpoint: WebhookEndpoint) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <FormDialog
      open={open}
      onOpenChange={setOpen}
      trigger={<Button>{t('webhooks.commands.edit')}</Button>}
    >
      <EditEndpointForm
        endpoint={props.endpoint}
        onSaved={(endpoint) => {
          setOpen(false);
          props.onSaved(endpoint);
        }}
      />
    </FormDialog>
  );
}

function EditEndpointForm(props: {
  endpoint: WebhookEndpoint;
  onSaved: (endpoint: WebhookEndpoint) => void;
}) {
  const { endpoint } = props;
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => draftOf(endpoint));
  const [checked, setChecked] = useState(false);
  const [unchanged, setUnchanged] = useState(false);
  const update = useUpdateEndpoint(endpoint.id);
  const problems = checked ? draftProblems(t, draft) : new Map();
  const shown = problems.size > 0 ? problems : fieldProblems(t, update.error);

  const onSubmit = () => {
    setChecked(true);
    update.reset();
    if (draftProblems(t, draft).size > 0) return;
    const patch = patchOf(draft, endpoint);
    setUnchanged(Object.keys(patch).length === 0);
    if (Object.keys(patch).length > 0) update.mutate(patch, { onSuccess: props.onSaved });
  };

  return (
    <DialogForm
      title={t('webhooks.form.editTitle')}
      onSubmit={onSubmit}
      submit={update.isPending ? t('webhooks.form.saving') : t('webhooks.form.save')}
      cancel={t('webhooks.form.cancel')}
      pending={update.isPending}
    >
      <EndpointFields draft={draft} onChange={setDraft} problems={shown} />
      {unchanged && (
        <MessageBar intent="info" role="status">
          <MessageBarBody>{t('webhooks.form.noChanges')}</MessageBarBody>
        </MessageBar>
      )}
    </DialogForm>
  );
}
