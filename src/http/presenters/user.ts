import type { Static } from 'typebox';
import type { User } from '../../domain/user.js';
import type { UserSchema } from '../schemas/user.js';

export function presentUser(user: User): Static<typeof UserSchema> {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    disabled: user.disabledAt !== null,
    mustChangePassword: user.mustChangePassword,
    createdAt: user.createdAt.toISOString(),
  };
}
