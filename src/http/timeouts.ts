/** How long a client may take, in milliseconds; see docs/operations.md. */
export interface ServerTimeouts {
  /** To send the request line and headers. */
  headersMs: number;
  /** To send the whole request, body included. */
  requestMs: number;
  /** Of silence on a connection, either way, before it is closed. */
  idleMs: number;
}

export const DEFAULT_TIMEOUTS: ServerTimeouts = {
  headersMs: 10_000,
  requestMs: 30_000,
  idleMs: 60_000,
};

/** Fastify's options, and Node's that Fastify does not set, for the timeouts. */
export function timeoutOptions(timeouts: ServerTimeouts) {
  return {
    connectionTimeout: timeouts.idleMs,
    requestTimeout: timeouts.requestMs,
    http: {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      // Node looks for late requests only this often (30 s by default), which would stretch
      // every timeout by up to that much.
      connectionsCheckingInterval: Math.min(1000, timeouts.headersMs),
    },
  };
}
