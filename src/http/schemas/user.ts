import { Type } from 'typebox';
import { ROLES } from '../../domain/permissions.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../domain/user.js';
import { Instant, Uuid } from './common.js';
import { literals } from './offer.js';

export const RoleSchema = literals(ROLES, 'What the user may do; see docs/security.md.');

export const UserSchema = Type.Object(
  {
    id: Uuid,
    email: Type.String(),
    displayName: Type.String(),
    role: RoleSchema,
    disabled: Type.Boolean(),
    mustChangePassword: Type.Boolean({
      description:
        'Signed in with a temporary password (an invite or a reset): until it is changed (POST /v1/session/password), the session may only read itself, change the password and sign out; other routes answer 403 password_change_required.',
    }),
    createdAt: Instant,
  },
  { $id: 'User' },
);

export const NewUserSchema = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    displayName: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    role: RoleSchema,
    password: Type.Optional(
      Type.String({
        minLength: MIN_PASSWORD_LENGTH,
        maxLength: MAX_PASSWORD_LENGTH,
        description: 'Left out: a temporary password is made and shown once.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const UserPatchSchema = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })),
    role: Type.Optional(RoleSchema),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
