import { DomainError, notFound } from '../domain/errors.js';
import type { User } from '../domain/user.js';
import { findUser } from '../store/users.js';
import type { CallerContext } from './context.js';

/** The signed-in user themself: every user may read who they are. */
export async function currentUser(ctx: CallerContext): Promise<User> {
  if (ctx.actor.type !== 'user') {
    throw new DomainError('unauthorized', 'No portal session: sign in.');
  }
  const found = await findUser(ctx.db, ctx.partner.id, ctx.actor.id);
  if (!found) throw notFound('User', ctx.actor.id);
  return found.user;
}
