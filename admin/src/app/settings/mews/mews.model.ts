import type { ConnectMewsInput, SyncRunFieldsFragment } from '../../generated/graphql';
import { fromLocalInput } from '../../shared/format';

/** Connecting, testing, importing and disconnecting Mews: admins (the server enforces the same). */
export const MEWS_ADMINS = ['ADMIN'] as const;
/**
 * Day-to-day sync work: retrying dead letters, settling conflicts, re-syncing a window. The
 * server lets managers do these ("conflicts waiting for a manager"), so the console does too.
 */
export const SYNC_OPERATORS = ['ADMIN', 'MANAGER'] as const;

/** The server re-syncs at most this much at a time (366 days, so a leap year fits). */
export const MAX_WINDOW_MS = 366 * 86_400_000;

/** The lag is worth a warning once it is this many poll intervals behind. */
export const LAG_WARN_INTERVALS = 5;

/** How often the health card is refreshed while the page is open. */
export const HEALTH_POLL_MS = 15_000;

export function lagIsHigh(lagSeconds: number | null | undefined, pollIntervalSeconds: number) {
  return lagSeconds != null && lagSeconds > LAG_WARN_INTERVALS * pollIntervalSeconds;
}

const count = new Intl.NumberFormat(undefined);

/** "customers 1,200", or "reservations 3,400/10,000" once the phase knows its total. */
export function phaseCountLabel(c: { phase: string; done: number; total: number | null }) {
  return c.total == null
    ? `${c.phase} ${count.format(c.done)}`
    : `${c.phase} ${count.format(c.done)}/${count.format(c.total)}`;
}

const progressRank = (run: SyncRunFieldsFragment) =>
  run.status === 'RUNNING' ? run.percent : 1000 + run.percent;

/**
 * Of the run the connection query returned and the one the subscription pushed last, the one to
 * show: the newer run, or for the same run the state further along (events and refetches can
 * arrive out of order).
 */
export function newerRun(
  fetched: SyncRunFieldsFragment | null | undefined,
  pushed: SyncRunFieldsFragment | null | undefined,
): SyncRunFieldsFragment | null {
  if (!fetched || !pushed) return fetched ?? pushed ?? null;
  if (fetched.id === pushed.id)
    return progressRank(pushed) >= progressRank(fetched) ? pushed : fetched;
  return Date.parse(pushed.startedAt) > Date.parse(fetched.startedAt) ? pushed : fetched;
}

/** What is wrong with a re-sync window of `datetime-local` values; null when it is fine. */
export function windowProblem(from: string, to: string): 'order' | 'tooLong' | null {
  const start = fromLocalInput(from);
  const end = fromLocalInput(to);
  if (!start || !end) return null;
  const span = Date.parse(end) - Date.parse(start);
  if (span <= 0) return 'order';
  return span > MAX_WINDOW_MS ? 'tooLong' : null;
}

export interface ConnectFormValue {
  baseUrl: string;
  webSocketUrl: string;
  clientToken: string;
  accessToken: string;
  pollIntervalSeconds: number | null;
}

export function connectInputOf(v: ConnectFormValue): ConnectMewsInput {
  const webSocketUrl = v.webSocketUrl.trim();
  return {
    baseUrl: v.baseUrl.trim(),
    webSocketUrl: webSocketUrl || null,
    clientToken: v.clientToken.trim(),
    accessToken: v.accessToken.trim(),
    pollIntervalSeconds: v.pollIntervalSeconds ?? 60,
  };
}
