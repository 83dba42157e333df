import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../components/common';
import { TableScroll } from '../../components/TableScroll';
import { useFormat } from '../../lib/format';
import type { AuditEvent } from './filters';
import { useEventLabels } from './labels';
import { useEventSummary } from './summary';

const COLUMNS = ['when', 'what', 'customer', 'subscription', 'who', 'reason', 'details'] as const;

const useStyles = makeStyles({
  // Columns as wide as their contents, not all alike: a time needs more room than a name.
  table: { tableLayout: 'auto' },
  nowrap: { whiteSpace: 'nowrap' },
});

/** Enough of an id to tell two apart, for a customer or subscription whose name cannot be read. */
const shortId = (id: string) => id.slice(-8);

export function EventTable(props: { events: readonly AuditEvent[]; labelledBy: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const labels = useEventLabels();
  const summary = useEventSummary();
  return (
    <TableScroll label={t('audit.events')}>
      <Table className={styles.table} aria-labelledby={props.labelledBy} data-testid="audit-events">
        <TableHeader>
          <TableRow>
            {COLUMNS.map((column) => (
              <TableHeaderCell key={column}>{t(`audit.columns.${column}`)}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.events.map((event) => (
            <TableRow key={event.id} data-event-id={event.id}>
              <TableCell className={styles.nowrap}>{format.dateTime(event.occurredAt)}</TableCell>
              <TableCell>{labels.what(event.type)}</TableCell>
              <TableCell>
                {event.customerId && (
                  <RouterLink to={`/customers/${event.customerId}`}>
                    {event.customerName ??
                      t('audit.unknownCustomer', { id: shortId(event.customerId) })}
                  </RouterLink>
                )}
              </TableCell>
              <TableCell>
                {event.customerId && event.subscriptionId && (
                  <RouterLink
                    to={`/customers/${event.customerId}/subscriptions/${event.subscriptionId}`}
                  >
                    {event.subscriptionName ??
                      t('audit.unknownSubscription', { id: shortId(event.subscriptionId) })}
                  </RouterLink>
                )}
              </TableCell>
              <TableCell className={styles.nowrap}>{labels.who(event.actor)}</TableCell>
              <TableCell>{labels.why(event.reason)}</TableCell>
              <TableCell>{summary(event)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
