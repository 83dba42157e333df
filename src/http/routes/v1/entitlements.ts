import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { checkEntitlement } from '../../../services/check-entitlement.js';
import { caller } from '../../plugins/auth.js';
import { presentEntitlement } from '../../presenters/customer-user.js';
import { Uuid } from '../../schemas/common.js';
import { problems } from '../../schemas/problems.js';

/** The call a vendor's service makes at sign-in: may this user use this offer now? */
export function entitlementRoutes(instance: FastifyInstance): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/customers/:customerId/entitlements/check',
    {
      schema: {
        tags: ['licenses'],
        operationId: 'checkEntitlement',
        summary: 'May this user of the customer use this offer now?',
        description:
          'Active subscription and a license assigned → full. Suspended → administrators admin_data_only, users none (subscription_suspended). Deleted or expired → none. An add-on follows its base.',
        params: Type.Object({ customerId: Uuid }),
        querystring: Type.Object({
          userId: Uuid,
          offerId: Type.String({ minLength: 1, maxLength: 64 }),
        }),
        response: { 200: Type.Ref('Entitlement'), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const entitlement = await checkEntitlement(
        caller(request),
        request.params.customerId,
        request.query,
      );
      return presentEntitlement(request.query, entitlement);
    },
  );
}
