import type { DeliveryAttempt } from '../domain/webhooks/delivery.js';
import type { AppContext } from '../services/context.js';
import { recordAttempts, type ClaimedDelivery } from '../services/webhooks/dispatch.js';

/** Records at most this late, or at once with this many waiting: one transaction for many. */
const RECORD_EVERY_MS = 25;
const RECORD_BATCH = 100;

/**
 * Records finished attempts in batches, one transaction at a time and in order. A batch that
 * fails to record is lost to the log only: its deliveries are claimed again when their claims run
 * out, and attempted again.
 */
export class AttemptRecorder {
  private readonly pending: { claimed: ClaimedDelivery; attempt: DeliveryAttempt }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private queued = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly onError: (err: unknown, attempts: number) => void,
  ) {}

  add(claimed: ClaimedDelivery, attempt: DeliveryAttempt): void {
    this.pending.push({ claimed, attempt });
    if (this.pending.length >= RECORD_BATCH) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), RECORD_EVERY_MS);
  }

  /** Records what is waiting now; resolves once everything added so far is written. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.queued) {
      this.queued = true;
      this.writing = this.writing.then(async () => {
        this.queued = false;
        const batch = this.pending.splice(0);
        try {
          await recordAttempts(this.ctx, batch);
        } catch (err) {
          this.onError(err, batch.length);
        }
      });
    }
    return this.writing;
  }
}
