import { useSearchParams } from 'react-router';
import type { BillingCycle } from '../../api/client';
import type { Segment } from '../../api/client';

export const DEFAULT_COUNTRY = 'US';
export const SEGMENTS: readonly Segment[] = ['commercial', 'education', 'government', 'nonprofit'];
export const BILLING_CYCLES: readonly BillingCycle[] = ['monthly', 'annual'];

export interface PriceFilters {
  country: string;
  segment: Segment | undefined;
  billingCycle: BillingCycle | undefined;
}

/** `value` if it is one of `values`. */
export function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((candidate) => candidate === value);
}

/** The price list's filters, kept in the query string so that a filtered list can be shared. */
export function usePriceFilters(): [PriceFilters, (change: Partial<PriceFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const country = params.get('country')?.toUpperCase();
  const filters: PriceFilters = {
    country: country && /^[A-Z]{2}$/.test(country) ? country : DEFAULT_COUNTRY,
    segment: oneOf(SEGMENTS, params.get('segment')),
    billingCycle: oneOf(BILLING_CYCLES, params.get('billingCycle')),
  };
  const change = (next: Partial<PriceFilters>) => {
    const merged = { ...filters, ...next };
    const query: Record<string, string> = { country: merged.country };
    if (merged.segment) query.segment = merged.segment;
    if (merged.billingCycle) query.billingCycle = merged.billingCycle;
    setParams(query, { replace: true });
  };
  return [filters, change];
}
