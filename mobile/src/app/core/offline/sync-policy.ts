import type { Op } from './ops';

/** Why sending an op failed, in transport-neutral terms (see describeFailure in the transport). */
export type SendFailure =
  | { kind: 'network'; message: string }
  | { kind: 'http'; status: number; message: string }
  | { kind: 'graphql'; code: string; reason: string | null; message: string };

/**
 * What the engine does about a failure:
 * - offline: no connection; wait (with backoff) and try the same op again
 * - retry: the server had a problem (5xx, timeouts, an expired session being renewed); back off
 * - reject: the server refused this change for good; set it aside and go on with the queue
 * - handback: the job was taken away (reassigned); drop it and its status changes
 */
export type FailureAction = 'offline' | 'retry' | 'reject' | 'handback';

/** Codes that will answer the same however often the op is sent again. */
export const PERMANENT_CODES: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
]);

export function classifyFailure(failure: SendFailure, op: Op): FailureAction {
  switch (failure.kind) {
    case 'network':
      return 'offline';
    case 'http':
      // 408/429 and 5xx pass; 401 is a session being renewed by the auth layer.
      return failure.status >= 500 || [401, 408, 429].includes(failure.status) ? 'retry' : 'reject';
    case 'graphql': {
      if (!PERMANENT_CODES.has(failure.code)) return 'retry';
      if (op.payload.kind !== 'status') return 'reject';
      if (failure.code === 'CONFLICT' && failure.reason === 'REASSIGNED') return 'handback';
      if (failure.code === 'NOT_FOUND') return 'handback';
      return 'reject';
    }
  }
}

export const BACKOFF_START_MS = 1_000;
export const BACKOFF_MAX_MS = 60_000;

/**
 * Wait before retry number `attempt` (1 = the first retry): 1 s doubling up to 60 s, with ±25 %
 * jitter so a van full of phones coming back online do not all call at the same instant.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** Math.max(0, attempt - 1));
  const jittered = base * (0.75 + 0.5 * random());
  return Math.round(Math.min(BACKOFF_MAX_MS, jittered));
}

/** A person-readable line for a refused change. */
export function rejectionText(code: string, reason: string | null, message: string): string {
  if (reason === 'INVALID_STATUS_TRANSITION' || reason === 'VERSION_CONFLICT') {
    return `Dispatch changed this job first — ${message}`;
  }
  switch (code) {
    case 'NOT_FOUND':
      return `No longer on the server — ${message}`;
    case 'FORBIDDEN':
      return `Not allowed — ${message}`;
    default:
      return message;
  }
}

/** Dispatch-owned columns of a work order and how to say them, for "Dispatch changed: …". */
const CHANGE_LABELS: Readonly<Record<string, string>> = {
  scheduledStart: 'time',
  scheduledEnd: 'time',
  windowStart: 'arrival window',
  windowEnd: 'arrival window',
  priority: 'priority',
  title: 'title',
  description: 'description',
  estimatedMinutes: 'duration',
  siteId: 'address',
  guestId: 'customer',
  // Not status: the technician's own status changes are revisions too, and a status set by
  // dispatch shows on the job itself (or comes back as a refused change).
};

/**
 * "time, priority" from revisions, and the newest revision that changed something dispatch owns
 * (it names the notice, so the same change is announced once however often it is looked up).
 * Null when nothing dispatch-owned changed.
 */
export function describeChanges(
  revisions: readonly { version: number; fields: readonly string[] }[],
): { labels: string[]; version: number } | null {
  const labels: string[] = [];
  let version = -1;
  for (const revision of revisions) {
    for (const field of revision.fields) {
      const label = CHANGE_LABELS[field];
      if (!label) continue;
      version = Math.max(version, revision.version);
      if (!labels.includes(label)) labels.push(label);
    }
  }
  return labels.length > 0 ? { labels, version } : null;
}
