/**
 * The deliveries this process holds, in one lane per endpoint: at most `concurrency` posting at
 * once, and up to `rounds` × that held (posting or waiting), so the next round is claimed before
 * the lane runs dry. A waiting delivery starts when one of its endpoint's posts ends.
 */
export class EndpointLanes<Item> {
  private readonly posting = new Map<string, number>();
  private readonly waiting = new Map<string, Item[]>();
  private held = 0;

  constructor(
    private readonly concurrency: number,
    private readonly rounds: number,
    private readonly start: (item: Item) => Promise<void>,
  ) {}

  /** How many more deliveries of the endpoint may be held now. */
  room(endpointId: string): number {
    return this.concurrency * this.rounds - this.heldBy(endpointId);
  }

  /** Endpoints that hold all they may: no claim should bring more of theirs. */
  full(): string[] {
    const endpoints = new Set([...this.posting.keys(), ...this.waiting.keys()]);
    return [...endpoints].filter((id) => this.room(id) <= 0);
  }

  /** Whether the endpoint is down to its last round: time to claim more of it. */
  runningLow(endpointId: string): boolean {
    return this.heldBy(endpointId) <= this.concurrency;
  }

  get size(): number {
    return this.held;
  }

  add(endpointId: string, item: Item): void {
    this.held += 1;
    const queue = this.waiting.get(endpointId) ?? [];
    queue.push(item);
    this.waiting.set(endpointId, queue);
    this.startWaiting(endpointId);
  }

  /** Takes every waiting delivery out (a stopping dispatcher gives them back). */
  drainWaiting(): Item[] {
    const items = [...this.waiting.values()].flat();
    this.waiting.clear();
    this.held -= items.length;
    return items;
  }

  private heldBy(endpointId: string): number {
    return (this.posting.get(endpointId) ?? 0) + (this.waiting.get(endpointId)?.length ?? 0);
  }

  private startWaiting(endpointId: string): void {
    const queue = this.waiting.get(endpointId) ?? [];
    while (queue.length > 0 && (this.posting.get(endpointId) ?? 0) < this.concurrency) {
      const item = queue.shift() as Item;
      this.posting.set(endpointId, (this.posting.get(endpointId) ?? 0) + 1);
      void this.start(item).finally(() => this.ended(endpointId));
    }
    if (queue.length === 0) this.waiting.delete(endpointId);
  }

  private ended(endpointId: string): void {
    this.held -= 1;
    const left = (this.posting.get(endpointId) ?? 1) - 1;
    if (left === 0) this.posting.delete(endpointId);
    else this.posting.set(endpointId, left);
    this.startWaiting(endpointId);
  }
}
