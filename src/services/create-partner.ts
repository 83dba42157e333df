import {
  DEFAULT_BILLING_DAY,
  isBillingDay,
  type Instance,
  type Partner,
} from '../domain/partner.js';
import { validationFailed, type ErrorDetail } from '../domain/errors.js';
import { appendEvents } from '../store/events.js';
import { insertPartner } from '../store/partners.js';
import { inTransaction } from '../store/transaction.js';
import type { AppContext } from './context.js';
import { systemEvent } from './events.js';
import { newId } from './ids.js';

export interface CreatePartnerInput {
  name: string;
  instance: Instance;
  billingDay?: number;
  isSandbox?: boolean;
  /** A fixed id, for the demo partner; else a new one. */
  id?: string;
}

export async function createPartner(ctx: AppContext, input: CreatePartnerInput): Promise<Partner> {
  const name = input.name.trim();
  const billingDay = input.billingDay ?? DEFAULT_BILLING_DAY;
  const errors: ErrorDetail[] = [];
  if (name.length === 0 || name.length > 200) {
    errors.push({
      field: '/name',
      code: 'invalid_name',
      detail: 'name must have 1 to 200 characters.',
    });
  }
  if (!isBillingDay(billingDay)) {
    errors.push({
      field: '/billingDay',
      code: 'invalid_billing_day',
      detail: 'billingDay must be a day from 1 to 28.',
    });
  }
  if (errors.length > 0) throw validationFailed(errors);
  const partner: Partner = {
    id: input.id ?? newId(),
    name,
    instance: input.instance,
    billingDay,
    isSandbox: input.isSandbox ?? false,
    priceBookVersion: 0,
    sandboxNow: input.isSandbox === true ? ctx.clock.now() : null,
    createdAt: ctx.clock.now(),
  };
  await inTransaction(ctx.db, async (trx) => {
    await insertPartner(trx, partner);
    await appendEvents(trx, [
      systemEvent(partner.id, partner.createdAt, {
        type: 'partner.created',
        data: { name, instance: partner.instance, billingDay, isSandbox: partner.isSandbox },
      }),
    ]);
  });
  return partner;
}
