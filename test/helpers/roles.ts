import type { Role } from '../../src/domain/permissions.js';
import { createApiToken } from '../../src/services/create-api-token.js';
import type { TestApp } from './app.js';

/** An API token of `partnerId` acting with `role`. */
export async function tokenWithRole(t: TestApp, partnerId: string, role: Role): Promise<string> {
  const { secret } = await createApiToken(t.ctx, { partnerId, name: `${role} token`, role });
  return secret;
}
