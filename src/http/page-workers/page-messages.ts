import type { ErrorCode, ErrorDetail } from '../../domain/errors.js';
import type { Actor } from '../../domain/event.js';
import type { Partner } from '../../domain/partner.js';
import type { Role } from '../../domain/permissions.js';
import type { DatabaseTarget } from '../../create-context.js';
import type { PageJob } from './page-job.js';

/** What a page worker opens: the server's database (to read) and catalog. */
export interface PageWorkerData {
  target: DatabaseTarget;
  catalogPath: string;
}

/** Sent once the worker has opened the database and the catalog and takes pages. */
export interface PageWorkerReady {
  ready: true;
}

/** A page to answer for a caller the server has authenticated, at the caller's clock's `now`. */
export interface PageRequest {
  id: number;
  job: PageJob;
  caller: { partner: Partner; actor: Actor; role: Role; now: number };
}

/** The page's JSON, or the refusal a route would answer, or what went wrong otherwise. */
export type PageReply =
  { id: number; body: string } | { id: number; refusal: Refusal } | { id: number; failure: string };

/** A DomainError, as a message can carry it. */
export interface Refusal {
  code: ErrorCode;
  message: string;
  errors: ErrorDetail[];
  retryAfterSeconds: number | undefined;
}
