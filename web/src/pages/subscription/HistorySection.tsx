import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
} from '@fluentui/react-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ErrorBar, Loading } from '../../components/common';
import { Pager } from '../../components/Pager';
import { useFormat } from '../../lib/format';
import { useCursorPages } from '../../lib/paging';
import { useEventLabels } from '../audit/labels';
import { useEventSummary } from '../audit/summary';

const PREFIX = 'subscription.';
const PAGE_SIZE = 20;

/**
 * The subscription's history, newest first, each entry with what changed; fetched again whenever
 * the subscription changes.
 */
export function HistorySection(props: {
  customerId: string;
  subscriptionId: string;
  etag: string;
}) {
  const { customerId, subscriptionId } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const summary = useEventSummary();
  const labels = useEventLabels();
  const pages = useCursorPages(subscriptionId);
  const cursor = pages.cursor;
  const events = useQuery({
    queryKey: ['subscription-events', customerId, subscriptionId, props.etag, cursor],
    queryFn: () =>
      unwrap(
        api.GET('/v1/customers/{customerId}/subscriptions/{subscriptionId}/events', {
          params: {
            path: { customerId, subscriptionId },
            query: { order: 'newest', limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  const what = (type: string) =>
    type.startsWith(PREFIX)
      ? t(`history.types.${type.slice(PREFIX.length)}`, { defaultValue: type })
      : labels.what(type);
  const why = labels.why;

  return (
    <section aria-labelledby="history-title">
      <Title3 as="h2" id="history-title">
        {t('history.title')}
      </Title3>
      {events.error ? (
        <ErrorBar error={events.error} />
      ) : !events.data ? (
        <Loading />
      ) : events.data.items.length === 0 ? (
        <Text>{t('history.empty')}</Text>
      ) : (
        <Table aria-labelledby="history-title" data-testid="history">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('history.columns.when')}</TableHeaderCell>
              <TableHeaderCell>{t('history.columns.what')}</TableHeaderCell>
              <TableHeaderCell>{t('forms.history.changes')}</TableHeaderCell>
              <TableHeaderCell>{t('history.columns.who')}</TableHeaderCell>
              <TableHeaderCell>{t('history.columns.reason')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {events.data.items.map((event) => (
              <TableRow key={event.id} data-event-type={event.type}>
                <TableCell>{format.dateTime(event.occurredAt)}</TableCell>
                <TableCell>{what(event.type)}</TableCell>
                <TableCell>{summary(event)}</TableCell>
                <TableCell>
                  {event.actor.type === 'system' ? t('history.system') : event.actor.name}
                </TableCell>
                <TableCell>{why(event.reason)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {events.data && (
        <Pager pages={pages} nextCursor={events.data.nextCursor} label={t('history.title')} />
      )}
    </section>
  );
}
