import { Button } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../components/DialogForm';
import type { WebhookEndpointWithSecret } from '../../lib/webhooks';
import { bodyOf } from './endpointDraft';
import { EndpointForm } from './EndpointForm';
import { useCreateEndpoint } from './mutations';

/** The "New endpoint" button and its form; `onCreated` gets the endpoint with its secret, once. */
export function NewEndpointDialog(props: {
  disabled: boolean;
  onCreated: (created: WebhookEndpointWithSecret) => void;
}) {
  const { t } = useTranslation();
  return (
    <FormDialog
      trigger={
        <Button appearance="primary" disabled={props.disabled}>
          {t('webhooks.form.newButton')}
        </Button>
      }
    >
      {(close) => (
        <NewEndpointForm
          onCreated={(created) => {
            close();
            props.onCreated(created);
          }}
        />
      )}
    </FormDialog>
  );
}

function NewEndpointForm(props: { onCreated: (created: WebhookEndpointWithSecret) => void }) {
  const { t } = useTranslation();
  const create = useCreateEndpoint();
  return (
    <EndpointForm
      title={t('webhooks.form.newTitle')}
      submit={create.isPending ? t('webhooks.form.creating') : t('webhooks.form.create')}
      mutation={create}
      onSubmit={(draft) => create.mutate(bodyOf(draft), { onSuccess: props.onCreated })}
    />
  );
}
