import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import type { WebhookEndpoint } from '../../lib/webhooks';

const useStyles = makeStyles({
  state: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '2px' },
  failing: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** Whether events go to the endpoint: enabled, disabled by a person, or after failing 5 days. */
export function stateOf(endpoint: WebhookEndpoint): 'enabled' | 'manual' | 'failing' {
  if (endpoint.enabled) return 'enabled';
  return endpoint.disabledReason === 'failing' ? 'failing' : 'manual';
}

/** The endpoint's state as a badge, and since when it fails when it does. */
export function EndpointState(props: { endpoint: WebhookEndpoint }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const { endpoint } = props;
  const state = stateOf(endpoint);
  const color = { enabled: 'success', manual: 'subtle', failing: 'danger' } as const;
  return (
    <span className={styles.state}>
      <Badge appearance="tint" color={color[state]}>
        {t(`webhooks.states.${state}`)}
      </Badge>
      {state === 'enabled' && endpoint.failingSince && (
        <Text size={200} className={styles.failing}>
          {t('webhooks.failingSince', { date: format.dateTime(endpoint.failingSince) })}
        </Text>
      )}
    </span>
  );
}
