import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

/**
 * The time by the partner (a sandbox partner's own clock), read afresh when `enabled` turns on:
 * what the portal computes before a change uses the clock the change will use.
 */
export function usePartnerNow(enabled: boolean): Date | undefined {
  const clock = useQuery({
    queryKey: ['clock'],
    enabled,
    staleTime: 0,
    queryFn: () => unwrap(api.GET('/v1/clock')),
  });
  return clock.data ? new Date(clock.data.now) : undefined;
}
