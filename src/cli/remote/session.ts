import { randomUUID } from 'node:crypto';
import { answer, createApiClient, type ApiClient } from '../api/client.js';
import type { CommandOutput } from '../output.js';
import { resolveConnection, type Connection } from './connection.js';

/** What a remote command works with: where it prints, the environment, and standard input. */
export interface RemoteIo {
  out: CommandOutput;
  env: NodeJS.ProcessEnv;
  readStdin(): Promise<string>;
}

/** A connected command: the typed client, and `call` to unwrap an answer or throw its problem. */
export interface Session {
  api: ApiClient;
  call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T>;
  callWithResponse<T>(
    request: Promise<{ data?: T; error?: unknown; response: Response }>,
  ): Promise<{ data: T; response: Response }>;
}

export function connect(io: RemoteIo): Session {
  return sessionFor(resolveConnection(io.env));
}

export function sessionFor(connection: Connection): Session {
  return {
    api: createApiClient(connection),
    call: async (request) => (await answer(connection, request)).data,
    callWithResponse: (request) => answer(connection, request),
  };
}

/** The Idempotency-Key of a write: `--idempotency-key`, else a fresh UUID for this invocation. */
export function idempotencyKey(given: string | undefined): { 'Idempotency-Key': string } {
  return { 'Idempotency-Key': given ?? randomUUID() };
}

export function printJson(io: RemoteIo, value: unknown): void {
  io.out.stdout(JSON.stringify(value, null, 2));
}
