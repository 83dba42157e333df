import { sql, type RawBuilder } from 'kysely';

export interface DueScope {
  /** One sandbox partner, at its own clock; else every real partner, at real time. */
  partnerId?: string;
}

/**
 * The filter of a scheduler pass on rows whose partner is `partnerColumn` (`s.partner_id`): one
 * sandbox partner's rows, or every real partner's (a sandbox partner's wait for its own clock).
 */
export function inDueScope(scope: DueScope, partnerColumn: string): RawBuilder<boolean> {
  const partner = sql.ref(partnerColumn);
  return scope.partnerId !== undefined
    ? sql<boolean>`${partner} = ${scope.partnerId}`
    : sql<boolean>`exists (select 1 from partners p where p.id = ${partner} and p.sandbox_now is null)`;
}
