import { makeStyles, Text, Title2, Title3, tokens } from '@fluentui/react-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { ErrorBar, Loading, NotAllowed } from '../components/common';
import { Pager } from '../components/Pager';
import { useCursorPages } from '../lib/paging';
import { useCan } from '../session';
import { AuditFilterForm } from './audit/AuditFilterForm';
import { EventTable } from './audit/EventTable';
import { ExportCsvButton } from './audit/ExportCsvButton';
import { eventFilter, useAuditFilters } from './audit/filters';

const PAGE_SIZE = 25;

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export function AuditLogPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const can = useCan();
  return (
    <section className={styles.page} aria-labelledby="audit-title">
      <Title2 as="h1" id="audit-title">
        {t('audit.title')}
      </Title2>
      {can('audit.read') ? <AuditLog /> : <NotAllowed what={t('audit.notAllowed')} />}
    </section>
  );
}

function AuditLog() {
  const { t } = useTranslation();
  const { filters, change, clear } = useAuditFilters();
  const filter = eventFilter(filters);
  const filterKey = JSON.stringify(filter);
  const pages = useCursorPages(filterKey);
  const { cursor } = pages;
  const events = useQuery({
    queryKey: ['events', filter, cursor],
    queryFn: () =>
      unwrap(
        api.GET('/v1/events', {
          params: { query: { ...filter, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <Text>{t('audit.intro')}</Text>
      <AuditFilterForm filters={filters} onChange={change} onClear={clear} />
      {/* A new filter starts a new export: the last one's outcome was about other events. */}
      <ExportCsvButton key={filterKey} filter={filter} />
      <Title3 as="h2" id="audit-events-title">
        {t('audit.events')}
      </Title3>
      {events.isPending ? (
        <Loading />
      ) : events.isError ? (
        <ErrorBar error={events.error} />
      ) : (
        <>
          {events.data.items.length === 0 ? (
            <Text>{t('audit.empty')}</Text>
          ) : (
            <EventTable events={events.data.items} labelledBy="audit-events-title" />
          )}
          <Pager pages={pages} nextCursor={events.data.nextCursor} label={t('audit.events')} />
        </>
      )}
    </>
  );
}
