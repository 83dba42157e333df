import { DomainError, notFound } from '../domain/errors.js';
import { authorize, type Role } from '../domain/permissions.js';
import type { User } from '../domain/user.js';
import { appendEvents } from '../store/events.js';
import { deleteUserSessions } from '../store/sessions.js';
import { inTransaction } from '../store/transaction.js';
import { findUser, listUsers as queryUsers, updateUser as writeUser } from '../store/users.js';
import type { CallerContext } from './context.js';
import { callerEvent } from './events.js';

export interface UserChanges {
  displayName?: string;
  role?: Role;
  disabled?: boolean;
}

/**
 * A global admin changes a user's name, role, or disables or enables them. A disabled user's
 * sessions end at once; nobody can change their own role or disable themselves, so a partner
 * always keeps a global admin.
 */
export function updateUser(
  ctx: CallerContext,
  userId: string,
  changes: UserChanges,
): Promise<User> {
  authorize(ctx.role, 'users.manage');
  return inTransaction(ctx.db, async (trx) => {
    const found = await findUser(trx, ctx.partner.id, userId);
    if (!found) throw notFound('User', userId);
    const before = found.user;
    const self = ctx.actor.type === 'user' && ctx.actor.id === userId;
    if (self && (changes.role !== undefined || changes.disabled !== undefined)) {
      throw new DomainError(
        'cannot_change_own_access',
        'You cannot change your own role or disable yourself; ask another global admin.',
      );
    }
    const now = ctx.clock.now();
    const after: User = {
      ...before,
      ...(changes.displayName === undefined ? {} : { displayName: changes.displayName.trim() }),
      ...(changes.role === undefined ? {} : { role: changes.role }),
      ...(changes.disabled === undefined
        ? {}
        : { disabledAt: changes.disabled ? (before.disabledAt ?? now) : null }),
    };
    await writeUser(trx, after);
    if (after.disabledAt !== null || after.role !== before.role) {
      await deleteUserSessions(trx, userId);
    }
    await appendEvents(trx, [
      callerEvent(ctx, now, {
        type: 'user.updated',
        data: {
          userId,
          ...(after.role === before.role ? {} : { role: after.role }),
          ...(after.displayName === before.displayName ? {} : { displayName: after.displayName }),
          ...(changes.disabled === undefined ? {} : { disabled: changes.disabled }),
        },
      }),
    ]);
    return after;
  });
}

export async function listUsers(ctx: CallerContext): Promise<User[]> {
  authorize(ctx.role, 'users.manage');
  return queryUsers(ctx.db, ctx.partner.id);
}

export async function getUser(ctx: CallerContext, userId: string): Promise<User> {
  authorize(ctx.role, 'users.manage');
  const found = await findUser(ctx.db, ctx.partner.id, userId);
  if (!found) throw notFound('User', userId);
  return found.user;
}
