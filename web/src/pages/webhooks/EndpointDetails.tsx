import { Card, makeStyles, mergeClasses, Text, Title3, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDetailsStyles } from '../../components/detailsStyles';
import { useFormat } from '../../lib/format';
import { ALL_EVENTS, type WebhookEndpoint } from '../../lib/webhooks';
import { EndpointCommands, type EndpointCommandEvents } from './EndpointCommands';
import { EndpointState, stateOf } from './EndpointState';
import { useEventTypesText } from './EndpointTable';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { margin: 0 },
  url: { wordBreak: 'break-all', fontFamily: tokens.fontFamilyMonospace },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** The chosen endpoint: what it receives, its state and secret, and what can be done with it. */
export function EndpointDetails(props: { endpoint: WebhookEndpoint } & EndpointCommandEvents) {
  const { endpoint, ...events } = props;
  const { t } = useTranslation();
  const styles = useStyles();
  const details = useDetailsStyles();
  const format = useFormat();
  const eventsText = useEventTypesText();
  const state = stateOf(endpoint);
  // When the page was opened is recent enough to tell whether the old secret still signs.
  const [openedAt] = useState(() => Date.now());
  const previousSecretUntil =
    endpoint.previousSecretExpiresAt && Date.parse(endpoint.previousSecretExpiresAt) > openedAt
      ? endpoint.previousSecretExpiresAt
      : null;
  return (
    <Card className={styles.card} aria-labelledby="endpoint-title" data-testid="endpoint-details">
      <Title3 as="h2" id="endpoint-title" className={styles.title}>
        {t('webhooks.details.title')}
      </Title3>
      <dl className={details.list}>
        <dt className={details.term}>{t('webhooks.details.url')}</dt>
        <dd className={mergeClasses(details.value, styles.url)}>{endpoint.url}</dd>
        <dt className={details.term}>{t('webhooks.details.description')}</dt>
        <dd className={details.value}>
          {endpoint.description ?? t('webhooks.details.noDescription')}
        </dd>
        <dt className={details.term}>{t('webhooks.details.events')}</dt>
        <dd className={details.value}>
          {endpoint.eventTypes.includes(ALL_EVENTS)
            ? t('webhooks.details.allEvents')
            : eventsText(endpoint.eventTypes)}
        </dd>
        <dt className={details.term}>{t('webhooks.details.state')}</dt>
        <dd className={details.value}>
          <EndpointState endpoint={endpoint} />
          {state !== 'enabled' && (
            <Text size={200} block className={styles.hint}>
              {t(`webhooks.stateHints.${state}`, {
                date: endpoint.failingSince ? format.dateTime(endpoint.failingSince) : '',
              })}
            </Text>
          )}
        </dd>
        {previousSecretUntil && (
          <>
            <dt className={details.term}>{t('webhooks.details.previousSecret')}</dt>
            <dd className={details.value}>
              {t('webhooks.details.previousSecretUntil', {
                date: format.dateTime(previousSecretUntil),
              })}
            </dd>
          </>
        )}
        <dt className={details.term}>{t('webhooks.details.created')}</dt>
        <dd className={details.value}>{format.dateTime(endpoint.createdAt)}</dd>
        <dt className={details.term}>{t('webhooks.details.updated')}</dt>
        <dd className={details.value}>{format.dateTime(endpoint.updatedAt)}</dd>
      </dl>
      <EndpointCommands endpoint={endpoint} {...events} />
    </Card>
  );
}
