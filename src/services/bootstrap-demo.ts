import { systemActor } from '../domain/event.js';
import type { Instance, Partner } from '../domain/partner.js';
import { dialectOf } from '../store/dialects/dialect-of.js';
import { findPartner } from '../store/partners.js';
import { inTransaction } from '../store/transaction.js';
import type { AppContext } from './context.js';
import { createApiToken } from './create-api-token.js';
import { createCustomer } from './create-customer.js';
import { createPartner } from './create-partner.js';
import { createFirstUser } from './create-user.js';
import { DEMO_CUSTOMERS } from './demo-customers.js';

/** Fixed, so that two servers starting at once on an empty database create it only once. */
export const DEMO_PARTNER_ID = '00000000-0000-7000-8000-000000000001';

export const DEMO_ADMIN_EMAIL = 'admin@demo-partner.example';

export interface Bootstrapped {
  partner: Partner;
  token: string;
  /** True when the token was generated here and must be shown to the operator now. */
  tokenGenerated: boolean;
  adminEmail: string;
  /** Set when the admin's password was generated here: shown to the operator now, once. */
  generatedPassword?: string;
}

/**
 * On the first start on an empty database: a demo partner, its admin API token, and demo
 * customers of every segment, all or nothing. Null when the demo partner exists already.
 */
export async function bootstrapDemo(
  ctx: AppContext,
  input: { instance: Instance; token: string | undefined; password?: string | undefined },
): Promise<Bootstrapped | null> {
  if (await findPartner(ctx.db, DEMO_PARTNER_ID)) return null;
  try {
    return await inTransaction(ctx.db, async (trx) => {
      const txCtx = { ...ctx, db: trx };
      const partner = await createPartner(txCtx, {
        id: DEMO_PARTNER_ID,
        name: 'Demo Partner',
        instance: input.instance,
      });
      const { secret } = await createApiToken(txCtx, {
        partnerId: partner.id,
        name: 'Bootstrap admin token',
        ...(input.token === undefined ? {} : { secret: input.token }),
      });
      const callerCtx = {
        ...txCtx,
        partner,
        actor: systemActor,
        role: 'global_admin' as const,
        serverClock: ctx.clock,
      };
      const now = ctx.clock.now();
      for (const customer of DEMO_CUSTOMERS) {
        // A clock set before a demo date (a test, a sandbox) must not make it lie in the future.
        const openedAt = customer.accountOpenedAt ?? now;
        await createCustomer(callerCtx, {
          ...customer,
          accountOpenedAt: openedAt < now ? openedAt : now,
        });
      }
      const admin = await createFirstUser(txCtx, partner.id, {
        email: DEMO_ADMIN_EMAIL,
        displayName: 'Demo Admin',
        role: 'global_admin',
        ...(input.password === undefined ? {} : { password: input.password }),
      });
      return {
        partner,
        token: secret,
        tokenGenerated: input.token === undefined,
        adminEmail: admin.user.email,
        ...(admin.temporaryPassword === undefined
          ? {}
          : { generatedPassword: admin.temporaryPassword }),
      };
    });
  } catch (error) {
    if (dialectOf(ctx.db).isUniqueViolation(error)) return null;
    throw error;
  }
}
