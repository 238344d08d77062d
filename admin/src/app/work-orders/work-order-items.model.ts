import type {
  WorkOrderPartFieldsFragment,
  WorkOrderStatus,
  WorkOrderTimeEntryFieldsFragment,
} from '../generated/graphql';
import type { MoneyLike } from '../shared/format';

/** Completed and cancelled orders take notes only (the server refuses other changes). */
export function isClosed(status: WorkOrderStatus): boolean {
  return status === 'COMPLETED' || status === 'CANCELLED';
}

/** The sum of the priced part lines, in their (shared) currency; null when none is priced. */
export function partsTotal(
  parts: readonly Pick<WorkOrderPartFieldsFragment, 'lineTotal'>[],
): MoneyLike | null {
  let total: MoneyLike | null = null;
  for (const p of parts) {
    if (!p.lineTotal) continue;
    if (!total) total = { amountMinor: 0, currency: p.lineTotal.currency };
    if (p.lineTotal.currency === total.currency) total.amountMinor += p.lineTotal.amountMinor;
  }
  return total;
}

/** 2 → "2", 1.5 → "1.5", 0.3333 → "0.333". */
export function formatQuantity(quantity: number): string {
  return String(Math.round(quantity * 1000) / 1000);
}

/** A quantity typed by a person: "1,5" → 1.5; null when it is not a number above 0. */
export function parseQuantity(text: string | null | undefined): number | null {
  const t = (text ?? '').trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return n > 0 && n <= 100_000 ? n : null;
}

const MAX_ENTRY_MINUTES = 24 * 60;
// The server accepts an end a little after its own clock (device clocks drift).
const CLOCK_SKEW_MS = 5 * 60_000;

/** The same checks as the server's logTime, with its messages; null when the range is fine. */
export function timeRangeProblem(
  startedAt: string | null,
  endedAt: string | null,
  now: number = Date.now(),
): { field: 'startedAt' | 'endedAt'; message: string } | null {
  if (!startedAt) return { field: 'startedAt', message: 'Give the start' };
  if (!endedAt) return { field: 'endedAt', message: 'Give the end' };
  const span = Date.parse(endedAt) - Date.parse(startedAt);
  if (!(span > 0)) return { field: 'endedAt', message: 'The end must be after the start' };
  if (span > MAX_ENTRY_MINUTES * 60_000) {
    return { field: 'endedAt', message: 'One entry covers at most 24 hours' };
  }
  if (Date.parse(endedAt) > now + CLOCK_SKEW_MS) {
    return { field: 'endedAt', message: 'Time cannot be logged in the future' };
  }
  return null;
}

/** Timers still running (no end yet), newest first. */
export function runningTimers(
  entries: readonly WorkOrderTimeEntryFieldsFragment[],
): WorkOrderTimeEntryFieldsFragment[] {
  return entries
    .filter((e) => !e.endedAt)
    .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
}

/** Stars of a rating: [1..5] with whether each is filled. */
export function stars(rating: number | null | undefined): { value: number; filled: boolean }[] {
  return [1, 2, 3, 4, 5].map((value) => ({ value, filled: rating != null && value <= rating }));
}
