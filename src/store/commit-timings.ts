/** Told how long each commit took to be acknowledged, for metrics (src/metrics). */
export interface CommitObserver {
  observeCommit(seconds: number): void;
}

const NO_OBSERVER: CommitObserver = { observeCommit: () => undefined };

let observer: CommitObserver = NO_OBSERVER;

/**
 * Sets who hears of commits, process-wide: commits happen deep in the store, below any context,
 * so the one process-wide metrics registry listens here. Undefined stops listening.
 */
export function observeCommitsWith(next: CommitObserver | undefined): void {
  observer = next ?? NO_OBSERVER;
}

/** Reports a commit acknowledged `seconds` after its transaction's work had finished. */
export function commitObserved(seconds: number): void {
  observer.observeCommit(seconds);
}
