import { useSearchParams } from 'react-router';
import type { components, paths } from '../../api/schema';

export type AuditEvent = components['schemas']['Event'];
export type ActorType = AuditEvent['actor']['type'];
export type EventQuery = NonNullable<paths['/v1/events']['get']['parameters']['query']>;
/** The filter part of the query: what the table and the CSV export share. */
export type EventFilter = Omit<EventQuery, 'limit' | 'cursor'>;

export const ACTOR_TYPES: readonly ActorType[] = ['user', 'token', 'system'];

/** The filters as the URL holds them; '' is "any". Dates are calendar days, YYYY-MM-DD, in UTC. */
export interface AuditFilters {
  customerId: string;
  type: string;
  actorType: ActorType | '';
  from: string;
  to: string;
  /** '' is newest first, the default. */
  order: 'oldest' | '';
}

const DAY_MS = 24 * 60 * 60 * 1000;

function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

function isActorType(value: string): value is ActorType {
  return (ACTOR_TYPES as readonly string[]).includes(value);
}

export function readFilters(params: URLSearchParams): AuditFilters {
  const date = (name: string) => {
    const value = params.get(name) ?? '';
    return isDate(value) ? value : '';
  };
  const actorType = params.get('actorType') ?? '';
  return {
    customerId: params.get('customerId') ?? '',
    type: params.get('type') ?? '',
    actorType: isActorType(actorType) ? actorType : '',
    from: date('from'),
    to: date('to'),
    order: params.get('order') === 'oldest' ? 'oldest' : '',
  };
}

/** The API's filter: `from` is the start of its day; `to` is exclusive, so its whole day counts. */
export function eventFilter(filters: AuditFilters): EventFilter {
  const { customerId, type, actorType, from, to, order } = filters;
  return {
    order: order === 'oldest' ? 'oldest' : 'newest',
    ...(customerId ? { customerId } : {}),
    ...(type ? { type } : {}),
    ...(actorType ? { actorType } : {}),
    ...(from ? { from: `${from}T00:00:00.000Z` } : {}),
    ...(to ? { to: new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS).toISOString() } : {}),
  };
}

/** The filters in the query string: each change is a history entry, so Back undoes it. */
export function useAuditFilters() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const change = (patch: Partial<AuditFilters>) => {
    // The address bar, not the last render: the router redraws in a transition, so two changes
    // in quick succession would otherwise build on the same old filters and the first be lost.
    const current = readFilters(new URLSearchParams(globalThis.location.search));
    const next: Record<string, string> = { ...current, ...patch };
    setParams(Object.fromEntries(Object.entries(next).filter(([, value]) => value !== '')));
  };
  return { filters, change, clear: () => setParams({}) };
}
