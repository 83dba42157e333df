import { useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { customerQuery as sharedCustomerQuery } from '../../lib/customers';
import type { AuditEvent } from './filters';

/** A customer read for its name is kept a minute: names rarely change. */
function customerQuery(customerId: string) {
  return { ...sharedCustomerQuery(customerId), staleTime: 60_000 };
}

export function useCustomerName(customerId: string): string | undefined {
  const customer = useQuery({ ...customerQuery(customerId), enabled: customerId !== '' });
  return customerId === '' ? undefined : customer.data?.companyName;
}

function subscriptionQuery(customerId: string, subscriptionId: string) {
  return {
    queryKey: ['subscription', customerId, subscriptionId],
    queryFn: () =>
      unwrap(
        api.GET('/v1/customers/{customerId}/subscriptions/{subscriptionId}', {
          params: { path: { customerId, subscriptionId } },
        }),
      ),
    staleTime: 60_000,
  };
}

/**
 * The names of the customers and subscriptions the events are about, read once each. Until a
 * name has come (or when it cannot be read) the caller shows something else.
 */
export function useEventNames(events: readonly AuditEvent[]) {
  const customerIds = [...new Set(events.flatMap((e) => (e.customerId ? [e.customerId] : [])))];
  const subscriptions = [
    ...new Map(
      events.flatMap((e) =>
        e.customerId && e.subscriptionId
          ? [[e.subscriptionId, { customerId: e.customerId, subscriptionId: e.subscriptionId }]]
          : [],
      ),
    ).values(),
  ];
  const customerNames = useQueries({
    queries: customerIds.map(customerQuery),
    combine: (results) =>
      new Map(results.flatMap((r) => (r.data ? [[r.data.id, r.data.companyName]] : []))),
  });
  const subscriptionNames = useQueries({
    queries: subscriptions.map((s) => subscriptionQuery(s.customerId, s.subscriptionId)),
    combine: (results) =>
      new Map(
        results.flatMap((r) =>
          r.data ? [[r.data.id, r.data.friendlyName || r.data.offerName]] : [],
        ),
      ),
  });
  return {
    customer: (id: string) => customerNames.get(id),
    subscription: (id: string) => subscriptionNames.get(id),
  };
}
