import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  Title2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorBar, Loading, NotAllowed } from '../components/common';
import { useFormat } from '../lib/format';
import {
  MAX_ENDPOINTS,
  useWebhookEndpoints,
  type WebhookEndpointWithSecret,
} from '../lib/webhooks';
import { useCan } from '../session';
import { DeliveriesSection } from './webhooks/DeliveriesSection';
import { EndpointDetails } from './webhooks/EndpointDetails';
import { EndpointTable } from './webhooks/EndpointTable';
import { useForgetEndpoint } from './webhooks/mutations';
import { NewEndpointDialog } from './webhooks/NewEndpointDialog';
import { SecretBar } from './webhooks/SecretBar';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  // The title and its summary on the left, the page's command on the right.
  header: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    flexWrap: 'wrap',
  },
  summary: { maxWidth: '760px' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  listHeading: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalM },
  count: { color: tokens.colorNeutralForeground3 },
});

export function WebhooksPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const can = useCan();
  if (!can('webhooks.manage')) {
    return (
      <section className={styles.page} aria-labelledby="webhooks-title">
        <Title2 as="h1" id="webhooks-title">
          {t('webhooks.title')}
        </Title2>
        <NotAllowed what={t('webhooks.notAllowed')} />
      </section>
    );
  }
  return <Webhooks />;
}

/** A secret the API answered, with what it belongs to: shown until the user is done with it. */
type ShownSecret = { kind: 'created' | 'rotated' } & WebhookEndpointWithSecret;
type Notice = { intent: 'success' | 'error'; text: string };

function Webhooks() {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const endpoints = useWebhookEndpoints();
  const forget = useForgetEndpoint();
  const [params, setParams] = useSearchParams();
  const [secret, setSecret] = useState<ShownSecret | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const list = endpoints.data ?? [];
  const selectedId = params.get('endpoint') ?? undefined;
  const selected = list.find((endpoint) => endpoint.id === selectedId);
  const full = list.length >= MAX_ENDPOINTS;
  const select = (endpointId: string | undefined) =>
    setParams(endpointId ? { endpoint: endpointId } : {}, { replace: endpointId === undefined });

  return (
    <section className={styles.page} aria-labelledby="webhooks-title">
      <div className={styles.header}>
        <div className={styles.summary}>
          <Title2 as="h1" id="webhooks-title">
            {t('webhooks.title')}
          </Title2>
          <Text block>{t('webhooks.intro')}</Text>
        </div>
        <NewEndpointDialog
          disabled={!endpoints.data || full}
          onCreated={(created) => {
            setNotice(null);
            setSecret({ kind: 'created', ...created });
            select(created.id);
          }}
        />
      </div>
      {notice && (
        <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {/* A replayed answer withholds the secret; the portal's own requests are never replays. */}
      {secret?.secret && (
        <SecretBar
          title={
            secret.kind === 'created'
              ? t('webhooks.secret.createdTitle')
              : t('webhooks.secret.rotatedTitle', { url: secret.url })
          }
          secret={secret.secret}
          note={
            secret.kind === 'rotated' && secret.previousSecretExpiresAt
              ? t('webhooks.secret.rotatedNote', {
                  date: format.dateTime(secret.previousSecretExpiresAt),
                })
              : undefined
          }
          onDone={() => setSecret(null)}
        />
      )}
      <div className={styles.list}>
        <div className={styles.listHeading}>
          <Title3 as="h2" id="endpoints-title">
            {t('webhooks.endpoints')}
          </Title3>
          {endpoints.data && (
            <Text className={styles.count}>
              {t('webhooks.count', { count: list.length, max: MAX_ENDPOINTS })}
            </Text>
          )}
        </div>
        {full && (
          <MessageBar intent="info" role="status">
            <MessageBarBody>{t('webhooks.limitReached', { max: MAX_ENDPOINTS })}</MessageBarBody>
          </MessageBar>
        )}
        {endpoints.isPending ? (
          <Loading />
        ) : endpoints.isError ? (
          <ErrorBar error={endpoints.error} />
        ) : list.length === 0 ? (
          <Text>{t('webhooks.empty')}</Text>
        ) : (
          <EndpointTable
            endpoints={list}
            selectedId={selected?.id}
            onSelect={(endpointId) => {
              setNotice(null);
              select(endpointId);
            }}
            labelledBy="endpoints-title"
          />
        )}
      </div>
      {selected && (
        <>
          <EndpointDetails
            key={`details-${selected.id}`}
            endpoint={selected}
            onNotice={setNotice}
            onSecret={(rotated) => {
              setNotice(null);
              setSecret({ kind: 'rotated', ...rotated });
            }}
            onDeleted={(deleted) => {
              setNotice({
                intent: 'success',
                text: t('webhooks.commands.deleted', { url: deleted.url }),
              });
              if (secret?.id === deleted.id) setSecret(null);
              select(undefined);
              void forget(deleted.id);
            }}
          />
          <DeliveriesSection key={`deliveries-${selected.id}`} endpoint={selected} />
        </>
      )}
    </section>
  );
}
