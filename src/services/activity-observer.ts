/** Told of the business the services commit, for metrics (src/metrics). */
export interface ActivityObserver {
  ordersPlaced(count: number): void;
  chargesWritten(count: number): void;
}

const NO_OBSERVER: ActivityObserver = {
  ordersPlaced: () => undefined,
  chargesWritten: () => undefined,
};

let observer: ActivityObserver = NO_OBSERVER;

/**
 * Sets who hears of orders and charges, process-wide (the ledger writer runs below any context);
 * undefined stops listening. Services never import the metrics library itself.
 */
export function observeActivityWith(next: ActivityObserver | undefined): void {
  observer = next ?? NO_OBSERVER;
}

export function activity(): ActivityObserver {
  return observer;
}
