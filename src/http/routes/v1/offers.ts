import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../services/context.js';
import { getOffer } from '../../../services/get-offer.js';
import { listOffers } from '../../../services/list-offers.js';
import { Page, PageQuery } from '../../schemas/common.js';
import { problems } from '../../schemas/problems.js';
import { BillingCycleSchema, InstanceSchema, SegmentSchema } from '../../schemas/offer.js';

export function offerRoutes(instance: FastifyInstance, ctx: AppContext): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/offers',
    {
      schema: {
        tags: ['catalog'],
        operationId: 'listOffers',
        summary: 'The catalog, filtered',
        querystring: Type.Object({
          country: Type.Optional(
            Type.String({ pattern: '^[A-Za-z]{2}$', description: 'Sold in this market.' }),
          ),
          segment: Type.Optional(SegmentSchema),
          billingCycle: Type.Optional(BillingCycleSchema),
          instance: Type.Optional(InstanceSchema),
          productId: Type.Optional(Type.String({ maxLength: 64 })),
          trial: Type.Optional(
            Type.Boolean({ description: 'Only trials (true) or no trials (false).' }),
          ),
          addOn: Type.Optional(
            Type.Boolean({ description: 'Only add-ons (true) or no add-ons (false).' }),
          ),
          ...PageQuery,
        }),
        response: { 200: Page(Type.Ref('Offer'), 'OfferPage'), ...problems(400, 401, 403) },
      },
    },
    (request) => {
      const { country, trial, addOn, limit = 50, cursor, ...rest } = request.query;
      const filter = {
        ...rest,
        ...(country === undefined ? {} : { country: country.toUpperCase() }),
        ...(trial === undefined ? {} : { isTrial: trial }),
        ...(addOn === undefined ? {} : { isAddOn: addOn }),
      };
      return listOffers(ctx, { filter, limit, ...(cursor === undefined ? {} : { cursor }) });
    },
  );

  app.get(
    '/markets',
    {
      schema: {
        tags: ['catalog'],
        operationId: 'listMarkets',
        summary: 'The countries the catalog sells in, with the currency each is billed in',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                country: Type.String({ description: 'ISO 3166-1 alpha-2.' }),
                currency: Type.String({ description: 'ISO 4217.' }),
                name: Type.String(),
              }),
            ),
          }),
          ...problems(401, 403),
        },
      },
    },
    () => ({ items: ctx.catalog.catalog.markets }),
  );

  app.get(
    '/offers/:offerId',
    {
      schema: {
        tags: ['catalog'],
        operationId: 'getOffer',
        summary: 'One offer',
        params: Type.Object({ offerId: Type.String({ maxLength: 64 }) }),
        response: { 200: Type.Ref('Offer'), ...problems(400, 401, 403, 404) },
      },
    },
    (request) => getOffer(ctx, request.params.offerId),
  );
}
