/** The messages between bench/webhooks.ts and its receiver process (receiver.ts). */

export type ToReceiver =
  { type: 'secret'; secret: string } | { type: 'count' } | { type: 'collect' } | { type: 'stop' };

export interface SignatureSample {
  checked: number;
  verified: number;
  /** The first few that did not verify, with why. */
  failures: string[];
}

export type ToParent =
  | { type: 'listening'; port: number }
  | { type: 'count'; requests: number }
  /** Every request since the last collect: its webhook-id and when it was read whole (epoch ms). */
  | { type: 'receipts'; ids: string[]; times: number[]; sample: SignatureSample };
