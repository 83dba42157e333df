import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type BillingOverview = components['schemas']['BillingOverview'];

export function useBillingOverview(enabled: boolean) {
  return useQuery({
    queryKey: ['billing-overview'],
    queryFn: () => unwrap(api.GET('/v1/billing/overview')),
    enabled,
  });
}

/** The partner's latest events, newest first. */
export function useRecentEvents(limit: number) {
  return useQuery({
    queryKey: ['events', 'recent', limit],
    queryFn: async () =>
      (await unwrap(api.GET('/v1/events', { params: { query: { order: 'newest', limit } } })))
        .items,
  });
}

/** Today by the partner's clock (a sandbox partner's own), as YYYY-MM-DD. */
export function usePartnerToday() {
  return useQuery({
    queryKey: ['clock'],
    queryFn: async () => (await unwrap(api.GET('/v1/clock'))).now.slice(0, 10),
  });
}

/** The calendar day `days` after `date` (both YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
