import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { allPages, LARGEST_PAGE } from './allPages';

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

/** The partner's billing day and the start of the period under way by its clock (a sandbox's own). */
export function useBillingCalendar() {
  return useQuery({
    queryKey: ['billing-calendar'],
    queryFn: async () => {
      const clock = await unwrap(api.GET('/v1/clock'));
      return { billingDay: clock.billingDay, currentPeriodStart: clock.billingPeriod.start };
    },
  });
}
