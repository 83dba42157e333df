/** The shape of the benchmark: the figures docs/performance.md reports were made with these. */
export const BENCH = {
  /** Customers seeded before the order load; orders cycle through them, one per request. */
  customers: 10_000,
  /** Parallel requests while seeding customers through the API. */
  seedConcurrency: 16,
  orderConnections: 50,
  orderSeconds: 10,
  /** Load before each measurement, not counted: lets V8 optimise the hot paths first. */
  warmupSeconds: 2,
  /**
   * The warm-up of the two nodes, which start just before it: until V8 has compiled their hot
   * paths, compiling takes a large share of a new process's CPU.
   */
  freshNodeWarmupSeconds: 6,
  /** Subscriptions in the database, in total, when reads are measured. */
  subscriptionsForReads: 200_000,
  /** Subscriptions of the one customer whose list is read, so every page read is full. */
  readCustomerSubscriptions: 1_000,
  readConnections: 10,
  readSeconds: 5,
  readPageSize: 50,
} as const;

/** The order every request places: two non-limited offers sold monthly to US commercial customers. */
export const ORDER_BODY = {
  billingCycle: 'monthly',
  lineItems: [
    { offerId: 'mail-basic', quantity: 5 },
    { offerId: 'office-apps-business', quantity: 3 },
  ],
} as const;
