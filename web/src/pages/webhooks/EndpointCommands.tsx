import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { WebhookEndpoint, WebhookEndpointWithSecret } from '../../lib/webhooks';
import { DeleteEndpointCommand } from './DeleteEndpointCommand';
import { RotateSecretCommand } from './RotateSecretCommand';
import { EditEndpointDialog } from './EditEndpointDialog';
import { useSendTest, useUpdateEndpoint } from './mutations';
import { commandProblem } from './problems';

const useStyles = makeStyles({
  commands: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** What the page hears of the commands: what to tell the user, a new secret, a deletion. */
export interface EndpointCommandEvents {
  onNotice: (notice: { intent: 'success' | 'error'; text: string }) => void;
  onSecret: (rotated: WebhookEndpointWithSecret) => void;
  onDeleted: (endpoint: WebhookEndpoint) => void;
}

/** Send a test event, edit, enable or disable, rotate the secret, delete. */
export function EndpointCommands(props: { endpoint: WebhookEndpoint } & EndpointCommandEvents) {
  const { endpoint, onNotice } = props;
  const { url } = endpoint;
  const { t } = useTranslation();
  const styles = useStyles();
  const sendTest = useSendTest(endpoint.id);
  const update = useUpdateEndpoint(endpoint.id);
  const failed = (error: unknown) => onNotice({ intent: 'error', text: commandProblem(t, error) });

  return (
    <div role="toolbar" aria-label={t('webhooks.commands.label')} className={styles.commands}>
      <Button
        appearance="primary"
        disabledFocusable={sendTest.isPending}
        onClick={() =>
          sendTest.mutate(undefined, {
            onSuccess: () =>
              onNotice({ intent: 'success', text: t('webhooks.commands.tested', { url }) }),
            onError: failed,
          })
        }
      >
        {sendTest.isPending ? t('webhooks.commands.testing') : t('webhooks.commands.test')}
      </Button>
      <EditEndpointDialog
        endpoint={endpoint}
        onSaved={(saved) =>
          onNotice({ intent: 'success', text: t('webhooks.form.saved', { url: saved.url }) })
        }
      />
      <Button
        disabledFocusable={update.isPending}
        onClick={() =>
          update.mutate(
            { enabled: !endpoint.enabled },
            {
              onSuccess: (saved) =>
                onNotice({
                  intent: 'success',
                  text: t(
                    saved.enabled ? 'webhooks.commands.enabled' : 'webhooks.commands.disabled',
                    {
                      url,
                    },
                  ),
                }),
              onError: failed,
            },
          )
        }
      >
        {endpoint.enabled ? t('webhooks.commands.disable') : t('webhooks.commands.enable')}
      </Button>
      <RotateSecretCommand endpoint={endpoint} onRotated={props.onSecret} />
      <DeleteEndpointCommand endpoint={endpoint} onDeleted={props.onDeleted} />
    </div>
  );
}
