import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../components/DialogForm';
import type { WebhookEndpoint } from '../../lib/webhooks';
import { patchOf, type EndpointDraft } from './endpointDraft';
import { EndpointForm } from './EndpointForm';
import { useUpdateEndpoint } from './mutations';

/** Changing an endpoint's URL, description or events. */
export function EditEndpointDialog(props: {
  endpoint: WebhookEndpoint;
  onSaved: (endpoint: WebhookEndpoint) => void;
}) {
  const { t } = useTranslation();
  return (
    <FormDialog trigger={<Button>{t('webhooks.commands.edit')}</Button>}>
      {(close) => (
        <EditEndpointForm
          endpoint={props.endpoint}
          onSaved={(endpoint) => {
            close();
            props.onSaved(endpoint);
          }}
        />
      )}
    </FormDialog>
  );
}

function EditEndpointForm(props: {
  endpoint: WebhookEndpoint;
  onSaved: (endpoint: WebhookEndpoint) => void;
}) {
  const { endpoint } = props;
  const { t } = useTranslation();
  const [unchanged, setUnchanged] = useState(false);
  const update = useUpdateEndpoint(endpoint.id);

  const onSubmit = (draft: EndpointDraft) => {
    const patch = patchOf(draft, endpoint);
    setUnchanged(Object.keys(patch).length === 0);
    if (Object.keys(patch).length > 0) update.mutate(patch, { onSuccess: props.onSaved });
  };

  return (
    <EndpointForm
      endpoint={endpoint}
      title={t('webhooks.form.editTitle')}
      submit={update.isPending ? t('webhooks.form.saving') : t('webhooks.form.save')}
      mutation={update}
      onSubmit={onSubmit}
    >
      {unchanged && (
        <MessageBar intent="info" role="status">
          <MessageBarBody>{t('webhooks.form.noChanges')}</MessageBarBody>
        </MessageBar>
      )}
    </EndpointForm>
  );
}
