import { Counter, type Registry } from 'prom-client';
import type { ActivityObserver } from '../services/activity-observer.js';

/** Counters of the orders and charges the services write. */
export function activityCounters(registry: Registry): ActivityObserver {
  const orders = new Counter({
    name: 'psc_orders_placed_total',
    help: 'Orders placed (committed).',
    registers: [registry],
  });
  const charges = new Counter({
    name: 'psc_charges_written_total',
    help: 'Ledger charges written: periods in advance, prorated changes and refunds.',
    registers: [registry],
  });
  return {
    ordersPlaced: (count) => orders.inc(count),
    chargesWritten: (count) => charges.inc(count),
  };
}
