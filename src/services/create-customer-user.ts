import { normalizeCustomerUserEmail, type CustomerUser } from '../domain/customer-user.js';
import { DomainError, notFound } from '../domain/errors.js';
import { authorize } from '../domain/permissions.js';
import { lockCustomer } from '../store/customers.js';
import { customerUserEmailExists, insertCustomerUser } from '../store/customer-users.js';
import { dialectOf } from '../store/dialects/dialect-of.js';
import { appendEvents } from '../store/events.js';
import { inTransaction } from '../store/transaction.js';
import type { CallerContext } from './context.js';
import { callerEvent } from './events.js';
import { newId } from './ids.js';

export interface CreateCustomerUserInput {
  email: string;
  displayName: string;
  /** An administrator of the customer keeps access to data while a subscription is suspended. */
  isAdmin?: boolean;
}

/** Adds a user to the customer; an email belongs to one user of the customer. */
export async function createCustomerUser(
  ctx: CallerContext,
  customerId: string,
  input: CreateCustomerUserInput,
): Promise<CustomerUser> {
  authorize(ctx.role, 'customer_users.write');
  const now = ctx.clock.now();
  const user: CustomerUser = {
    id: newId(),
    partnerId: ctx.partner.id,
    customerId,
    email: normalizeCustomerUserEmail(input.email),
    displayName: input.displayName.trim(),
    isAdmin: input.isAdmin ?? false,
    createdAt: now,
  };
  const emailTaken = () =>
    new DomainError(
      'customer_user_email_taken',
      `The customer already has a user with email ${user.email}.`,
      [{ field: '/email', code: 'customer_user_email_taken', detail: `${user.email} is taken.` }],
    );
  try {
    await inTransaction(ctx.db, async (trx) => {
      // The customer's row lock makes two creations for one customer take turns.
      if (!(await lockCustomer(trx, ctx.partner.id, customerId))) {
        throw notFound('Customer', customerId);
      }
      if (await customerUserEmailExists(trx, ctx.partner.id, customerId, user.email)) {
        throw emailTaken();
      }
      await insertCustomerUser(trx, user);
      await appendEvents(trx, [
        callerEvent(ctx, now, {
          type: 'customer_user.created',
          customerId,
          data: { userId: user.id, email: user.email, isAdmin: user.isAdmin },
        }),
      ]);
    });
  } catch (error) {
    if (dialectOf(ctx.db).isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
  return user;
}
