import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { allPages, LARGEST_PAGE } from './allPages';
import { periodStartAt } from './periods';

/** Every subscription of the customer, whatever its status: for totals and invoice lines. */
export function useAllSubscriptions(customerId: string) {
  return useQuery({
    queryKey: ['subscriptions', customerId, 'all'],
    queryFn: () =>
      allPages(async (cursor) =>
        unwrap(
          api.GET('/v1/customers/{customerId}/subscriptions', {
            params: {
              path: { customerId },
              query: { limit: LARGEST_PAGE, ...(cursor ? { cursor } : {}) },
            },
          }),
        ),
      ),
  });
}

/** The customer's invoices, newest first. */
export function useCustomerInvoices(customerId: string) {
  return useQuery({
    queryKey: ['invoices', 'customer', customerId],
    queryFn: async () =>
      (
        await allPages(async (cursor) =>
          unwrap(
            api.GET('/v1/customers/{customerId}/invoices', {
              params: {
                path: { customerId },
                query: { limit: LARGEST_PAGE, ...(cursor ? { cursor } : {}) },
              },
            }),
          ),
        )
      ).reverse(),
  });
}

export function useInvoice(customerId: string, invoiceId: string) {
  return useQuery({
    queryKey: ['invoice', customerId, invoiceId],
    queryFn: () =>
      unwrap(
        api.GET('/v1/customers/{customerId}/invoices/{invoiceId}', {
          params: { path: { customerId, invoiceId } },
        }),
      ),
  });
}

/** Every customer's invoice of one billing period. */
export function usePeriodInvoices(periodStart: string | undefined) {
  return useQuery({
    queryKey: ['invoices', 'period', periodStart],
    queryFn: () =>
      allPages(async (cursor) =>
        unwrap(
          api.GET('/v1/invoices', {
            params: {
              query: {
                periodStart: periodStart ?? '',
                limit: LARGEST_PAGE,
                ...(cursor ? { cursor } : {}),
              },
            },
          }),
        ),
      ),
    enabled: periodStart !== undefined,
  });
}

const DEFAULT_BILLING_DAY = 1;

/**
 * The partner's billing day. The session does not tell it, but every invoice starts on it, and so
 * does every customer's first billing period.
 */
async function billingDay(): Promise<number> {
  const invoices = await unwrap(api.GET('/v1/invoices', { params: { query: { limit: 1 } } }));
  const customers = invoices.items[0]
    ? undefined
    : await unwrap(api.GET('/v1/customers', { params: { query: { limit: 1 } } }));
  const known = invoices.items[0]?.periodStart ?? customers?.items[0]?.firstBillingPeriodStart;
  return known ? Number(known.slice(8, 10)) : DEFAULT_BILLING_DAY;
}

/** The partner's billing day and the start of the period under way by its clock (a sandbox's own). */
export function useBillingCalendar() {
  return useQuery({
    queryKey: ['billing-calendar'],
    queryFn: async () => {
      const [day, clock] = await Promise.all([billingDay(), unwrap(api.GET('/v1/clock'))]);
      return { billingDay: day, currentPeriodStart: periodStartAt(day, clock.now.slice(0, 10)) };
    },
  });
}
