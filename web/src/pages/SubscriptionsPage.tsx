import { makeStyles, Text, Title2, tokens } from '@fluentui/react-components';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBar, Loading, NotAllowed } from '../components/common';
import { Pager } from '../components/Pager';
import { useNotify } from '../components/Toasts';
import { useCursorPages } from '../lib/paging';
import { useCan } from '../session';
import { listSubscriptions, type BulkResult, type SubscriptionPage } from './subscriptions/api';
import { BulkBar } from './subscriptions/BulkBar';
import { ACTION_PERMISSION, BULK_ACTIONS } from './subscriptions/bulkActions';
import { FilterBar } from './subscriptions/FilterBar';
import { SubscriptionTable } from './subscriptions/SubscriptionTable';
import { subscriptionQuery, useSubscriptionFilters } from './subscriptions/filters';

const PAGE_SIZE = 50;

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export function SubscriptionsPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const can = useCan();
  return (
    <section className={styles.page} aria-labelledby="subscriptions-title">
      <Title2 as="h1" id="subscriptions-title">
        {t('workspace.subscriptions.title')}
      </Title2>
      <Text>{t('workspace.subscriptions.summary')}</Text>
      {can('subscriptions.read') ? (
        <SubscriptionList />
      ) : (
        <NotAllowed what={t('workspace.subscriptions.notAllowed')} />
      )}
    </section>
  );
}

/** The outcome of the last bulk action, by subscription, and its summary. */
function useOutcomes(scope: string) {
  const [state, setState] = useState<{ scope: string; results: BulkResult[] }>({
    scope,
    results: [],
  });
  const results = state.scope === scope ? state.results : [];
  return {
    results,
    byId: new Map(results.map((result) => [result.subscriptionId, result])),
    set: (next: BulkResult[]) => setState({ scope, results: next }),
  };
}

function SubscriptionList() {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const { filters, change, clear } = useSubscriptionFilters();
  const query = subscriptionQuery(filters);
  const scope = JSON.stringify(query);
  const pages = useCursorPages(scope);
  const { cursor } = pages;
  const queryKey = ['subscriptions-across', query, cursor];
  const list = useQuery({
    queryKey,
    queryFn: () => listSubscriptions({ ...query, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
    placeholderData: keepPreviousData,
  });
  const pageScope = `${scope} ${cursor ?? ''}`;
  const [selection, setSelection] = useState<{ scope: string; ids: Set<string> }>({
    scope: pageScope,
    ids: new Set(),
  });
  const selected = selection.scope === pageScope ? selection.ids : new Set<string>();
  const select = (ids: string[], on: boolean) => {
    const next = new Set(selected);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    setSelection({ scope: pageScope, ids: next });
  };
  const outcomes = useOutcomes(pageScope);
  const selectable = BULK_ACTIONS.some((action) => can(ACTION_PERMISSION[action]));

  const done = (results: BulkResult[]) => {
    outcomes.set(results);
    const doneNow = results.filter((result) => result.status === 'done').length;
    notify(
      t('workspace.subscriptions.bulk.result', {
        done: doneNow,
        refused: results.length - doneNow,
      }),
      doneNow === results.length ? 'success' : 'info',
    );
    setSelection({ scope: pageScope, ids: new Set() });
    // The rows stay where they are, changed in place, so each outcome stays beside its row; other
    // pages and filters are read again when next shown.
    void queryClient.invalidateQueries({ queryKey: ['subscriptions-across'], refetchType: 'none' });
    queryClient.setQueryData<SubscriptionPage>(queryKey, (page) =>
      page
        ? {
            ...page,
            items: page.items.map((item) => {
              const changed = results.find((result) => result.subscriptionId === item.id);
              return changed?.subscription ? { ...item, ...changed.subscription } : item;
            }),
          }
        : page,
    );
  };

  return (
    <>
      <FilterBar filters={filters} onChange={change} onClear={clear} />
      <BulkBar
        selectedIds={[...selected]}
        onClear={() => select([...selected], false)}
        onDone={done}
      />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorBar error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Text>{t('workspace.subscriptions.empty')}</Text>
      ) : (
        <>
          <SubscriptionTable
            subscriptions={list.data.items}
            labelledBy="subscriptions-title"
            label={t('workspace.subscriptions.title')}
            selected={selected}
            onSelect={select}
            outcomes={outcomes.byId}
            selectable={selectable}
          />
          <Pager
            pages={pages}
            nextCursor={list.data.nextCursor}
            label={t('workspace.subscriptions.title')}
          />
        </>
      )}
    </>
  );
}
