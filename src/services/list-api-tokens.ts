import { listApiTokens as queryTokens, type ApiTokenRecord } from '../store/api-tokens.js';
import type { AppContext } from './context.js';

/** A partner's tokens with their prefixes and state; the secrets were never stored. */
export function listApiTokens(ctx: AppContext, partnerId: string): Promise<ApiTokenRecord[]> {
  return queryTokens(ctx.db, partnerId);
}
