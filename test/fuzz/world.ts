import { randomBytes, randomUUID } from 'node:crypto';
import { hashTokenSecret } from '../../src/services/token-secret.js';
import { insertSession } from '../../src/store/sessions.js';
import { TEST_NOW } from '../helpers/app.js';
import { newCustomerBody } from '../helpers/customers.js';
import type { FuzzApp } from './fuzz-app.js';
import type { RouteSpec } from './openapi-routes.js';

/**
 * The data the fuzzer aims at: real ids, so that requests get past "not found" into the code
 * behind. Three partners: the fuzzed one (not a sandbox: its clock stays at TEST_NOW), another
 * one whose ids and cursors are sent as foreign ones, and a sandbox partner of its own for the
 * sandbox routes, whose clock the fuzzer may move without ageing the fuzzed partner's data.
 */

/** One customer with a bit of everything: subscriptions in each state, orders, its users. */
export interface Bundle {
  customerId: string;
  /** active, add-on, suspended, trial, cancelled, in that order where made. */
  subscriptionIds: string[];
  orderIds: string[];
  customerUserIds: string[];
}

export interface PartnerSide {
  name: 'main' | 'other' | 'sandbox';
  partnerId: string;
  token: string;
  bundles: Bundle[];
  /** Partner users the fuzzer may change (never the session user). */
  userIds: string[];
  /** Real nextCursors, by the route key of the list that gave them. */
  cursors: Map<string, string[]>;
}

export interface SessionUser {
  id: string;
  email: string;
  password: string;
}

export interface World {
  main: PartnerSide;
  other: PartnerSide;
  sandbox: PartnerSide;
  offerIds: string[];
  /** Offers a seeded customer (US, commercial, global) can buy: most orders name one. */
  orderableOfferIds: string[];
  productIds: string[];
  trialTargetOfferIds: string[];
  session: SessionUser;
  /** Bodies that seeding sent and the API took, by route key: valid baselines to start from. */
  exemplars: Map<string, unknown[]>;
  /** Seeding steps that did not work (the fuzzing goes on without their ids). */
  seedWarnings: string[];
  /** A fresh session of the session user: cookie and CSRF token. */
  mintSession(): Promise<{ cookie: string; csrfToken: string }>;
  /** One more customer bundle for the fuzzed partner, as earlier ones wear out. */
  reseed(): Promise<void>;
  partnerIds(): string[];
}

interface Answer {
  status: number;
  json: unknown;
  body: string;
}

export async function seedWorld(fuzz: FuzzApp, routes: readonly RouteSpec[]): Promise<World> {
  const warnings: string[] = [];
  const exemplars = new Map<string, unknown[]>();
  const call = async (
    token: string,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    body?: unknown,
  ): Promise<Answer> => {
    const response = await fuzz.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    let json: unknown = null;
    try {
      json = response.json();
    } catch {
      // not JSON: kept as text in the answer
    }
    const route = body === undefined ? undefined : routeOf(routes, method, url);
    if (route && response.statusCode < 300) {
      exemplars.set(route.key, [...(exemplars.get(route.key) ?? []), body]);
    }
    return { status: response.statusCode, json, body: response.body };
  };
  const must = async (what: string, answer: Promise<Answer>, status: number) => {
    const a = await answer;
    if (a.status !== status) throw new Error(`fuzz seeding: ${what} gave ${a.status}: ${a.body}`);
    return a.json as Record<string, unknown>;
  };
  const may = async (what: string, answer: Promise<Answer>, status: number) => {
    const a = await answer;
    if (a.status === status) return a.json as Record<string, unknown>;
    warnings.push(`${what} gave ${a.status}: ${a.body.slice(0, 200)}`);
    return null;
  };

  const catalog = fuzz.ctx.catalog.offers;
  const trialOffer = catalog.find((o) => o.isTrial && o.instances.includes('global'));
  const addOn = catalog.find((o) => o.isAddOn && o.baseOfferIds.includes('mail-basic'));

  async function seedBundle(side: PartnerSide): Promise<void> {
    const customer = await must(
      'create customer',
      call(
        side.token,
        'POST',
        '/v1/customers',
        newCustomerBody({ accountOpenedAt: '2026-01-10T15:30:00Z' }),
      ),
      201,
    );
    const customerId = String(customer.id);
    const base = `/v1/customers/${customerId}`;
    const bundle: Bundle = { customerId, subscriptionIds: [], orderIds: [], customerUserIds: [] };
    side.bundles.push(bundle);
    const order = await must(
      'place order',
      call(side.token, 'POST', `${base}/orders`, {
        billingCycle: 'monthly',
        lineItems: [
          { offerId: 'mail-basic', quantity: 5, friendlyName: 'Fuzz active' },
          { offerId: 'mail-basic', quantity: 5 },
          { offerId: 'mail-plus', quantity: 3 },
        ],
      }),
      201,
    );
    bundle.orderIds.push(String(order.id));
    const [active, suspended, cancelled] = (order.lineItems as { subscriptionId: string }[]).map(
      (l) => l.subscriptionId,
    );
    if (active) bundle.subscriptionIds.push(active);
    // The trial in an order of its own: one trial per customer, so the order above stays one
    // that can be placed again.
    const trialOrder = trialOffer
      ? await may(
          'trial order',
          call(side.token, 'POST', `${base}/orders`, {
            billingCycle: 'monthly',
            lineItems: [{ offerId: trialOffer.id, quantity: 1 }],
          }),
          201,
        )
      : null;
    if (trialOrder) bundle.orderIds.push(String(trialOrder.id));
    const trial = (trialOrder?.lineItems as { subscriptionId: string }[] | undefined)?.[0]
      ?.subscriptionId;
    if (addOn && active) {
      const addOnOrder = await may(
        'add-on order',
        call(side.token, 'POST', `${base}/orders`, {
          billingCycle: 'monthly',
          lineItems: [{ offerId: addOn.id, quantity: 1, parentSubscriptionId: active }],
        }),
        201,
      );
      if (addOnOrder) {
        bundle.orderIds.push(String(addOnOrder.id));
        for (const l of addOnOrder.lineItems as { subscriptionId: string }[]) {
          bundle.subscriptionIds.push(l.subscriptionId);
        }
      }
    }
    if (suspended) {
      await may(
        'suspend',
        call(side.token, 'PATCH', `${base}/subscriptions/${suspended}`, {
          status: 'suspended',
          suspensionReason: 'other',
        }),
        200,
      );
    }
    if (cancelled) {
      await may(
        'cancel',
        call(side.token, 'PATCH', `${base}/subscriptions/${cancelled}`, { status: 'deleted' }),
        200,
      );
    }
    for (const id of [suspended, trial, cancelled]) {
      if (id) bundle.subscriptionIds.push(id);
    }
    for (const n of [1, 2]) {
      const user = await may(
        'create customer user',
        call(side.token, 'POST', `${base}/users`, {
          email: `fuzz-${n}-${randomUUID().slice(0, 8)}@customer.example`,
          displayName: `Fuzz user ${n}`,
        }),
        201,
      );
      if (user) bundle.customerUserIds.push(String(user.id));
    }
    for (const userId of bundle.customerUserIds) {
      if (active) {
        await may(
          'assign license',
          call(side.token, 'POST', `${base}/subscriptions/${active}/licenses`, { userId }),
          201,
        );
      }
    }
  }

  async function newSide(name: PartnerSide['name'], isSandbox: boolean): Promise<PartnerSide> {
    const { partnerId, token } = await fuzz.newPartner(isSandbox);
    const side: PartnerSide = {
      name,
      partnerId,
      token,
      bundles: [],
      userIds: [],
      cursors: new Map(),
    };
    await seedBundle(side);
    await seedBundle(side);
    const user = await may(
      'invite user',
      call(token, 'POST', '/v1/users', {
        email: `fuzz-${randomUUID().slice(0, 8)}@partner.example`,
        displayName: 'Fuzz colleague',
        role: 'sales_agent',
      }),
      201,
    );
    const userId = (user?.user as { id?: string } | undefined)?.id;
    if (userId) side.userIds.push(userId);
    return side;
  }

  const main = await newSide('main', false);
  const other = await newSide('other', false);
  const sandbox = await newSide('sandbox', true);

  const session: SessionUser = {
    id: '',
    email: `fuzz-session-${randomUUID().slice(0, 8)}@partner.example`,
    password: 'Fuzz-session-password-1',
  };
  const sessionUser = await must(
    'create the session user',
    call(main.token, 'POST', '/v1/users', {
      email: session.email,
      displayName: 'Fuzz session user',
      role: 'global_admin',
      password: session.password,
    }),
    201,
  );
  session.id = (sessionUser.user as { id: string }).id;

  const world: World = {
    main,
    other,
    sandbox,
    offerIds: catalog.map((o) => o.id),
    orderableOfferIds: catalog
      .filter(
        (o) =>
          !o.isAddOn &&
          !o.isTrial &&
          o.instances.includes('global') &&
          o.segments.includes('commercial') &&
          o.markets.includes('US'),
      )
      .map((o) => o.id),
    productIds: [...new Set(catalog.map((o) => o.productId))],
    trialTargetOfferIds: catalog.flatMap((o) => o.trial?.conversionTargetOfferIds ?? []),
    session,
    exemplars,
    seedWarnings: warnings,
    async mintSession() {
      const cookie = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(32).toString('base64url');
      await insertSession(fuzz.ctx.db, {
        id: randomUUID(),
        token_hash: hashTokenSecret(cookie),
        csrf_token: csrfToken,
        user_id: session.id,
        partner_id: main.partnerId,
        created_at: TEST_NOW.toISOString(),
        expires_at: new Date(TEST_NOW.getTime() + 12 * 3600_000).toISOString(),
      });
      return { cookie, csrfToken };
    },
    async reseed() {
      await seedBundle(main);
    },
    partnerIds: () => [main.partnerId, other.partnerId, sandbox.partnerId],
  };
  for (const side of [main, other]) await harvestCursors(side, routes, call);
  return world;
}

/** The documented route a concrete method and URL are for. */
function routeOf(routes: readonly RouteSpec[], method: string, url: string): RouteSpec | undefined {
  const path = url.split('?')[0] ?? '';
  return routes.find(
    (r) => r.method === method && new RegExp(`^${r.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(path),
  );
}

/**
 * A real nextCursor of every list that pages (`cursor` in its query), asked with limit=1 on the
 * first bundle: sent later to the same list, to other lists, and as another partner's.
 */
async function harvestCursors(
  side: PartnerSide,
  routes: readonly RouteSpec[],
  call: (token: string, method: 'GET', url: string) => Promise<Answer>,
): Promise<void> {
  const bundle = side.bundles[0];
  if (!bundle) return;
  for (const route of routes) {
    if (route.method !== 'GET' || !route.queryParams.some((p) => p.name === 'cursor')) continue;
    const candidates = route.path.includes('{subscriptionId}') ? bundle.subscriptionIds : [''];
    for (const subscriptionId of candidates) {
      const values: Record<string, string> = {
        customerId: bundle.customerId,
        subscriptionId,
        orderId: bundle.orderIds[0] ?? '',
        userId:
          (route.path.includes('/customers/') ? bundle.customerUserIds : side.userIds)[0] ?? '',
      };
      const path = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? '');
      const required = route.queryParams
        .filter((p) => p.required && p.name !== 'cursor')
        .map((p) => `&${p.name}=${encodeURIComponent(values[p.name] ?? 'x')}`)
        .join('');
      const answer = await call(side.token, 'GET', `${path}?limit=1${required}`);
      const next = (answer.json as { nextCursor?: unknown } | null)?.nextCursor;
      if (typeof next === 'string') {
        side.cursors.set(route.key, [...(side.cursors.get(route.key) ?? []), next]);
        break;
      }
    }
  }
}
