import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookEndpointWithSecret } from '../../lib/webhooks';
import { DialogForm, FormDialog } from '../users/DialogForm';
import { bodyOf, draftOf, draftProblems } from './endpointDraft';
import { EndpointFields } from './EndpointFields';
import { useCreateEndpoint } from './mutations';
import { fieldProblems } from './problems';

/** The "New endpoint" button and its form; `onCreated` gets the endpoint with its secret, once. */
export function NewEndpointDialog(props: {
  disabled: boolean;
  onCreated: (created: WebhookEndpointWithSecret) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <FormDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button appearance="primary" disabled={props.disabled}>
          {t('webhooks.form.newButton')}
        </Button>
      }
    >
      <NewEndpointForm
        onCreated={(created) => {
          setOpen(false);
          props.onCreated(created);
        }}
      />
    </FormDialog>
  );
}

function NewEndpointForm(props: { onCreated: (created: WebhookEndpointWithSecret) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(draftOf());
  const [checked, setChecked] = useState(false);
  const create = useCreateEndpoint();
  const problems = checked ? draftProblems(t, draft) : new Map();
  const shown = problems.size > 0 ? problems : fieldProblems(t, create.error);

  const onSubmit = () => {
    setChecked(true);
    create.reset();
    if (draftProblems(t, draft).size > 0) return;
    create.mutate(bodyOf(draft), { onSuccess: props.onCreated });
  };

  return (
    <DialogForm
      title={t('webhooks.form.newTitle')}
      onSubmit={onSubmit}
      submit={create.isPending ? t('webhooks.form.creating') : t('webhooks.form.create')}
      cancel={t('webhooks.form.cancel')}
      pending={create.isPending}
    >
      <EndpointFields draft={draft} onChange={setDraft} problems={shown} />
    </DialogForm>
  );
}
