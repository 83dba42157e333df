import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  addOnOfferAvailability,
  customerOfferAvailability,
} from '../../../services/offer-availability.js';
import { caller } from '../../plugins/auth.js';
import { Uuid } from '../../schemas/common.js';
import { problems } from '../../schemas/problems.js';
import { BillingCycleSchema } from '../../schemas/offer.js';

const AvailabilityList = Type.Object({ items: Type.Array(Type.Ref('OfferAvailability')) });

export function customerOfferRoutes(instance: FastifyInstance): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/customers/:customerId/offers',
    {
      schema: {
        tags: ['orders'],
        operationId: 'listCustomerOffers',
        summary:
          'The catalog for this customer and billing frequency, each offer with its availability',
        params: Type.Object({ customerId: Uuid }),
        querystring: Type.Object({
          billingCycle: Type.Optional({ ...BillingCycleSchema, default: 'monthly' }),
          trial: Type.Optional(
            Type.Boolean({ default: false, description: 'The Trials tab: only trial offers.' }),
          ),
          addOn: Type.Optional(
            Type.Boolean({
              description: 'Only add-ons (true) or no add-ons (false); left out, both.',
            }),
          ),
        }),
        response: { 200: AvailabilityList, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { billingCycle = 'monthly', trial = false, addOn } = request.query;
      const items = await customerOfferAvailability(caller(request), request.params.customerId, {
        billingCycle,
        trial,
        addOn,
      });
      return { items };
    },
  );

  app.get(
    '/customers/:customerId/subscriptions/:subscriptionId/addon-offers',
    {
      schema: {
        tags: ['subscriptions'],
        operationId: 'listSubscriptionAddOnOffers',
        summary: 'The add-on offers this subscription can take, with availability',
        params: Type.Object({ customerId: Uuid, subscriptionId: Uuid }),
        response: { 200: AvailabilityList, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      items: await addOnOfferAvailability(
        caller(request),
        request.params.customerId,
        request.params.subscriptionId,
      ),
    }),
  );
}
