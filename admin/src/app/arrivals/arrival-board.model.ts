import type { ArrivalRowFragment, ReadinessStatus } from '../generated/graphql';

/** Which local days the board shows. */
export type BoardDay = 'today' | 'tomorrow' | 'both';
export const BOARD_DAYS: readonly BoardDay[] = ['today', 'tomorrow', 'both'];
export const READINESS: readonly ReadinessStatus[] = ['READY', 'ATTENTION', 'NOT_READY', 'ARRIVED'];

/** The board's filters as kept in the URL (`?day=both&readiness=NOT_READY,ATTENTION&vip=1&q=…`). */
export interface BoardFilters {
  day: BoardDay;
  readiness: readonly ReadinessStatus[];
  vipOnly: boolean;
  search: string;
}

export interface BoardWindow {
  /** ISO start (inclusive) and end (exclusive) of the arrivals shown. */
  from: string;
  to: string;
}

/** What a pushed row is checked against before it joins the board. */
export interface BoardScope extends BoardWindow {
  vipOnly: boolean;
  search: string;
  includeCancelled?: boolean;
}

export type ArrivalRow = ArrivalRowFragment;

/** Midnight-to-midnight in the browser's time zone: today, tomorrow, or both. */
export function boardWindow(day: BoardDay, now: Date = new Date()): BoardWindow {
  const start = (offset: number) =>
    new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset).toISOString();
  const first = day === 'tomorrow' ? 1 : 0;
  const last = day === 'today' ? 1 : 2;
  return { from: start(first), to: start(last) };
}

/** Query parameters → filters; anything unknown falls back to the default. */
export function filtersFromParams(params: {
  day?: string | null;
  readiness?: string | null;
  vip?: string | null;
  q?: string | null;
}): BoardFilters {
  const day = BOARD_DAYS.find((d) => d === params.day) ?? 'today';
  const readiness = (params.readiness ?? '')
    .split(',')
    .filter((r): r is ReadinessStatus => (READINESS as readonly string[]).includes(r));
  return {
    day,
    readiness: [...new Set(readiness)],
    vipOnly: params.vip === '1' || params.vip === 'true',
    search: (params.q ?? '').trim(),
  };
}

/** Filters → query parameters, leaving defaults out of the URL (null removes a parameter). */
export function paramsFromFilters(f: BoardFilters): Record<string, string | null> {
  return {
    day: f.day === 'today' ? null : f.day,
    readiness: f.readiness.length ? f.readiness.join(',') : null,
    vip: f.vipOnly ? '1' : null,
    q: f.search || null,
  };
}

const CLOSED = ['CANCELLED', 'NO_SHOW'];

/**
 * Whether a row belongs on the board, by the same rules the API applies to `arrivalBoard`
 * (window, VIP, search over guest name, confirmation code and exact room number).
 */
export function inScope(row: ArrivalRow, scope: BoardScope): boolean {
  const at = Date.parse(row.arrivalAt);
  if (!(at >= Date.parse(scope.from) && at < Date.parse(scope.to))) return false;
  if (!scope.includeCancelled && CLOSED.includes(row.status)) return false;
  if (scope.vipOnly && !row.guest.vip) return false;
  const q = scope.search.trim().toLowerCase();
  if (!q) return true;
  return (
    row.confirmationCode.toLowerCase().includes(q) ||
    row.guest.firstName.toLowerCase().includes(q) ||
    row.guest.lastName.toLowerCase().includes(q) ||
    row.room?.number.toLowerCase() === q
  );
}

const byArrival = (a: ArrivalRow, b: ArrivalRow) =>
  a.arrivalAt === b.arrivalAt
    ? a.id < b.id
      ? -1
      : a.id > b.id
        ? 1
        : 0
    : a.arrivalAt < b.arrivalAt
      ? -1
      : 1;

/** The board after a pushed row: replaced in place, inserted in arrival order, or removed. */
export function applyArrival(
  rows: readonly ArrivalRow[],
  changed: ArrivalRow,
  scope: BoardScope,
): ArrivalRow[] {
  const rest = rows.filter((r) => r.id !== changed.id);
  if (!inScope(changed, scope)) return rest;
  const index = rows.findIndex((r) => r.id === changed.id);
  if (index >= 0 && rows[index]!.arrivalAt === changed.arrivalAt) {
    const next = [...rows];
    next[index] = changed;
    return next;
  }
  return [...rest, changed].sort(byArrival);
}

/** The board without a row whose arrival moved out of the window or that was cancelled. */
export function dropIfLeft(
  rows: readonly ArrivalRow[],
  moved: { id: string; arrivalAt: string; status: string },
  scope: BoardWindow & { includeCancelled?: boolean },
): readonly ArrivalRow[] {
  if (!rows.some((r) => r.id === moved.id)) return rows;
  const at = Date.parse(moved.arrivalAt);
  const inWindow = at >= Date.parse(scope.from) && at < Date.parse(scope.to);
  const closed = !scope.includeCancelled && CLOSED.includes(moved.status);
  return inWindow && !closed ? rows : rows.filter((r) => r.id !== moved.id);
}

export interface BoardCounts {
  total: number;
  READY: number;
  ATTENTION: number;
  NOT_READY: number;
  ARRIVED: number;
}

export function countReadiness(rows: readonly ArrivalRow[]): BoardCounts {
  const counts: BoardCounts = {
    total: rows.length,
    READY: 0,
    ATTENTION: 0,
    NOT_READY: 0,
    ARRIVED: 0,
  };
  for (const r of rows) counts[r.readiness.status]++;
  return counts;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO → "HH:mm" in local time, for `<input type="time">`; "" when absent. */
export function toTimeInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export type EtaResult = { ok: true; etaAt: string | null } | { ok: false; error: string };

/**
 * The ETA a person typed ("HH:mm", local time) on the arrival's local day; empty clears it.
 * Refused when malformed or not before departure.
 */
export function parseEta(value: string, arrivalAt: string, departureAt: string): EtaResult {
  const text = value.trim();
  if (!text) return { ok: true, etaAt: null };
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59)
    return { ok: false, error: 'Enter a time like 14:30' };
  const day = new Date(arrivalAt);
  const eta = new Date(
    day.getFullYear(),
    day.getMonth(),
    day.getDate(),
    Number(m[1]),
    Number(m[2]),
  );
  if (eta.getTime() >= Date.parse(departureAt))
    return { ok: false, error: 'The ETA must be before departure' };
  return { ok: true, etaAt: eta.toISOString() };
}

/** Who may set ETAs and room states from the board (the API's rules; analysts only look). */
export const ETA_EDITORS = ['ADMIN', 'MANAGER', 'DISPATCHER'] as const;
export const ROOM_STATE_EDITORS = ['ADMIN', 'MANAGER', 'DISPATCHER'] as const;
