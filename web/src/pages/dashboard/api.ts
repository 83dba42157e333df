import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { AuditEvent } from '../audit/filters';

/**
 * The home page's reads that are not yet in the served OpenAPI document (the billing overview,
 * the events newest first), typed by their contract; then they come from it like every other.
 */
export interface BillingOverview {
  asOf: string;
  recurring: { currency: string; revenue: string; cost: string; margin: string }[];
  periods: {
    periodStart: string;
    periodEnd: string;
    currency: string;
    invoiced: string;
    cost: string;
    margin: string;
  }[];
}

type Answer = Promise<{ data?: unknown; error?: unknown; response: Response }>;
interface UntypedClient {
  GET: (path: string, init: { params: { query: Record<string, string | number> } }) => Answer;
}
const untyped = api as unknown as UntypedClient;

export function useBillingOverview(enabled: boolean) {
  return useQuery({
    queryKey: ['billing-overview'],
    queryFn: async () =>
      (await unwrap(
        untyped.GET('/v1/billing/overview', { params: { query: {} } }),
      )) as BillingOverview,
    enabled,
  });
}

export function useRecentEvents(limit: number) {
  return useQuery({
    queryKey: ['events', 'recent', limit],
    queryFn: async () =>
      (
        (await unwrap(
          untyped.GET('/v1/events', { params: { query: { order: 'newest', limit } } }),
        )) as { items: AuditEvent[] }
      ).items,
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
