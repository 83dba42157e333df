import {
  Button,
  Card,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBar, Loading } from '../../components/common';
import { Pager } from '../../components/Pager';
import { useCursorPages } from '../../lib/paging';
import {
  DELIVERY_STATUSES,
  useDeliveries,
  type DeliveryStatus,
  type WebhookEndpoint,
} from '../../lib/webhooks';
import { DeliveryTable } from './DeliveryTable';
import { useRedeliver } from './mutations';
import { commandProblem } from './problems';

const PAGE_SIZE = 20;

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { margin: 0, wordBreak: 'break-all' },
  toolbar: {
    display: 'flex',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
    flexWrap: 'wrap',
  },
  filter: { minWidth: '200px' },
});

/** The endpoint's deliveries, newest first, filtered by status and a page at a time. */
export function DeliveriesSection(props: { endpoint: WebhookEndpoint }) {
  const { endpoint } = props;
  const { t } = useTranslation();
  const styles = useStyles();
  const [status, setStatus] = useState<DeliveryStatus | ''>('');
  const pages = useCursorPages(`${endpoint.id}:${status}`);
  const deliveries = useDeliveries({
    endpointId: endpoint.id,
    status,
    cursor: pages.cursor,
    limit: PAGE_SIZE,
  });
  const redeliver = useRedeliver(endpoint.id);

  return (
    <Card className={styles.card} aria-labelledby="deliveries-title">
      <div>
        <Title3 as="h2" id="deliveries-title" className={styles.title}>
          {t('webhooks.deliveries.title', { url: endpoint.url })}
        </Title3>
        <Text block>{t('webhooks.deliveries.intro')}</Text>
      </div>
      <div className={styles.toolbar}>
        <Field label={t('webhooks.deliveries.status')} className={styles.filter}>
          <Select
            value={status}
            onChange={(_event, data) => setStatus(data.value as DeliveryStatus | '')}
          >
            <option value="">{t('webhooks.deliveries.anyStatus')}</option>
            {DELIVERY_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`webhooks.deliveries.statuses.${value}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Button disabledFocusable={deliveries.isFetching} onClick={() => void deliveries.refetch()}>
          {t('webhooks.deliveries.refresh')}
        </Button>
      </div>
      {redeliver.isSuccess && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('webhooks.deliveries.redelivering')}</MessageBarBody>
        </MessageBar>
      )}
      {redeliver.isError && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{commandProblem(t, redeliver.error)}</MessageBarBody>
        </MessageBar>
      )}
      {deliveries.isPending ? (
        <Loading />
      ) : deliveries.isError ? (
        <ErrorBar error={deliveries.error} />
      ) : (
        <>
          {deliveries.data.items.length === 0 ? (
            <Text>
              {status === ''
                ? t('webhooks.deliveries.empty')
                : t('webhooks.deliveries.emptyFiltered')}
            </Text>
          ) : (
            <DeliveryTable
              deliveries={deliveries.data.items}
              labelledBy="deliveries-title"
              redelivering={redeliver.isPending ? redeliver.variables : undefined}
              onRedeliver={(delivery) => redeliver.mutate(delivery.id)}
            />
          )}
          <Pager
            pages={pages}
            nextCursor={deliveries.data.nextCursor}
            label={t('webhooks.deliveries.title', { url: endpoint.url })}
          />
        </>
      )}
    </Card>
  );
}
