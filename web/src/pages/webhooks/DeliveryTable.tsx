import {
  Button,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { WebhookDelivery } from '../../lib/webhooks';
import { useEventLabels } from '../audit/labels';
import { AttemptList } from './AttemptList';
import { DeliveryStatusBadge } from './DeliveryStatusBadge';
import { useAttemptTime } from './useAttemptTime';
import { TableScroll } from '../../components/TableScroll';

const COLUMNS = ['event', 'status', 'attempts', 'nextAttempt', 'actions'] as const;

const useStyles = makeStyles({
  table: { tableLayout: 'auto' },
  cell: { verticalAlign: 'top', paddingBlock: tokens.spacingVerticalS },
  event: { display: 'flex', flexDirection: 'column' },
  id: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3 },
  nowrap: { whiteSpace: 'nowrap' },
});

/** One page of deliveries, each with its attempts and a way to deliver it again. */
export function DeliveryTable(props: {
  deliveries: readonly WebhookDelivery[];
  labelledBy: string;
  redelivering: string | undefined;
  onRedeliver: (delivery: WebhookDelivery) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const time = useAttemptTime();
  const labels = useEventLabels();
  return (
    <TableScroll labelledBy={props.labelledBy}>
      <Table className={styles.table} aria-labelledby={props.labelledBy} data-testid="deliveries">
        <TableHeader>
          <TableRow>
            {COLUMNS.map((column) => (
              <TableHeaderCell key={column}>
                {t(`webhooks.deliveries.columns.${column}`)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.deliveries.map((delivery) => (
            <TableRow key={delivery.id} data-delivery-id={delivery.id}>
              <TableCell className={styles.cell}>
                <span className={styles.event}>
                  <Text>{labels.what(delivery.eventType)}</Text>
                  <Text size={200} className={styles.id}>
                    {delivery.eventType}
                  </Text>
                  <Text size={200} className={styles.id}>
                    {t('webhooks.deliveries.eventId', { id: delivery.eventId })}
                  </Text>
                </span>
              </TableCell>
              <TableCell className={styles.cell}>
                <DeliveryStatusBadge status={delivery.status} />
              </TableCell>
              <TableCell className={styles.cell}>
                <AttemptList attempts={delivery.attempts} />
              </TableCell>
              <TableCell className={mergeClasses(styles.cell, styles.nowrap)}>
                {delivery.nextAttemptAt
                  ? time(delivery.nextAttemptAt)
                  : t('webhooks.deliveries.noNextAttempt')}
              </TableCell>
              <TableCell className={styles.cell}>
                <Button
                  size="small"
                  disabledFocusable={delivery.inFlight || props.redelivering === delivery.id}
                  aria-label={t('webhooks.deliveries.redeliverFor', { id: delivery.eventId })}
                  onClick={() => props.onRedeliver(delivery)}
                >
                  {t('webhooks.deliveries.redeliver')}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
