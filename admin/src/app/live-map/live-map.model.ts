import { DateTime } from 'luxon';
import type {
  LiveMapBoardQuery,
  LiveMapJobFragment,
  LiveMapPositionFragment,
  WorkOrderStatus,
} from '../generated/graphql';
import { woNumber } from '../shared/format';

export type Position = LiveMapPositionFragment;
export type Board = LiveMapBoardQuery['dispatchBoard'];
export type Job = LiveMapJobFragment;

export interface PathPoint {
  recordedAt: string;
  lat: number;
  lng: number;
}

/** Who sees the live map (the API answers technicianPositions to these roles). */
export const LIVE_MAP_READERS = ['ADMIN', 'MANAGER', 'DISPATCHER', 'ANALYST'] as const;

/**
 * Marker colours of work order statuses: the tone families of the status chips the board and
 * the work orders show (info blue, progress purple, success green, warning orange, danger red),
 * saturated enough to read on map tiles.
 */
export const STATUS_COLORS: Readonly<Record<WorkOrderStatus, string>> = {
  NEW: '#757575',
  SCHEDULED: '#1565c0',
  DISPATCHED: '#1565c0',
  EN_ROUTE: '#6a1b9a',
  ARRIVED: '#6a1b9a',
  IN_PROGRESS: '#6a1b9a',
  ON_HOLD: '#ef6c00',
  COMPLETED: '#2e7d32',
  CANCELLED: '#c62828',
};

export const LIVE_COLOR = '#2e7d32';
export const STALE_COLOR = '#9e9e9e';

/** "Ana Novak" → "AN", "Bob" → "B", "" → "?". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = words[0]!.charAt(0);
  const last = words.length > 1 ? words[words.length - 1]!.charAt(0) : '';
  return (first + last).toUpperCase();
}

/**
 * How long a position counts as live without a new ping: three intervals, the server's rule.
 * Its `stale` flag is as of the fetch; this keeps markers honest while the page stays open and
 * no ping arrives.
 */
export function staleAfterMs(pingIntervalSeconds: number): number {
  return 3 * pingIntervalSeconds * 1000;
}

export function isStale(p: Position, now: number, pingIntervalSeconds: number): boolean {
  return p.stale || now - Date.parse(p.recordedAt) > staleAfterMs(pingIntervalSeconds);
}

/** The newest position of each technician, from the fetched list and the pushed ones. */
export function mergePositions(
  fetched: readonly Position[],
  pushed: ReadonlyMap<string, Position>,
): Position[] {
  const out = new Map(fetched.map((p) => [p.id, p]));
  for (const p of pushed.values()) {
    const known = out.get(p.id);
    if (!known || Date.parse(p.recordedAt) >= Date.parse(known.recordedAt)) out.set(p.id, p);
  }
  return [...out.values()];
}

/** Shared during the day shown (local midnight `dayStart` on). */
export function sharedSince(p: Position, dayStart: string): boolean {
  return Date.parse(p.recordedAt) >= Date.parse(dayStart);
}

/** "10:42" in the organization's zone. */
export function clock(iso: string, zone: string): string {
  const t = DateTime.fromISO(iso, { zone });
  return (t.isValid ? t : DateTime.fromISO(iso)).toFormat('HH:mm');
}

/** "ETA 10:42 · 12 min", "ETA 10:42 · now"; null without an ETA. */
export function etaLabel(p: Position | null, now: number, zone: string): string | null {
  if (!p?.etaAt) return null;
  const minutes = Math.round((Date.parse(p.etaAt) - now) / 60_000);
  return `ETA ${clock(p.etaAt, zone)} · ${minutes <= 0 ? 'now' : `${minutes} min`}`;
}

export interface TechnicianRow {
  id: string;
  name: string;
  initials: string;
  teamId: string | null;
  position: Position | null;
  stale: boolean;
  /** "WO-12 Boiler check", or null when nothing is next. */
  next: string | null;
  eta: string | null;
}

const OPEN: readonly WorkOrderStatus[] = [
  'NEW',
  'SCHEDULED',
  'DISPATCHED',
  'EN_ROUTE',
  'ARRIVED',
  'IN_PROGRESS',
  'ON_HOLD',
];

/** The first open job of a lane by time: "next" for a technician without a position. */
function nextOnLane(jobs: readonly Job[]): Job | null {
  return (
    [...jobs]
      .filter((j) => OPEN.includes(j.status))
      .sort((a, b) => Date.parse(a.scheduledStart ?? '') - Date.parse(b.scheduledStart ?? ''))[0] ??
    null
  );
}

export interface RowContext {
  now: number;
  zone: string;
  pingIntervalSeconds: number;
  dayStart: string;
}

/**
 * One row per technician of the board (and per technician with a position today that the board
 * does not list): live first, then stale, then those without a position today; by name within.
 */
export function technicianRows(
  lanes: Board['technicians'],
  positions: readonly Position[],
  ctx: RowContext,
): TechnicianRow[] {
  const today = new Map(
    positions.filter((p) => sharedSince(p, ctx.dayStart)).map((p) => [p.id, p]),
  );
  const rows = new Map<string, TechnicianRow>();
  const row = (
    id: string,
    name: string,
    teamId: string | null,
    jobs: readonly Job[],
  ): TechnicianRow => {
    const p = today.get(id) ?? null;
    // The job the ETA is for; without one, the lane's next open job and its planned time.
    const ahead = p?.nextWorkOrder ?? null;
    const planned = ahead ? null : nextOnLane(jobs);
    const at = planned?.scheduledStart ? ` at ${clock(planned.scheduledStart, ctx.zone)}` : '';
    const next = ahead ?? planned;
    return {
      id,
      name,
      initials: initialsOf(name),
      teamId,
      position: p,
      stale: p ? isStale(p, ctx.now, ctx.pingIntervalSeconds) : false,
      next: next ? `${woNumber(next.number)} ${next.title}${at}` : null,
      eta: etaLabel(p, ctx.now, ctx.zone),
    };
  };
  for (const lane of lanes) {
    const t = lane.technician;
    rows.set(t.id, row(t.id, t.name, t.team?.id ?? null, lane.jobs));
  }
  for (const p of today.values()) {
    if (!rows.has(p.id))
      rows.set(p.id, row(p.id, p.technician.name, p.technician.team?.id ?? null, []));
  }
  const rank = (r: TechnicianRow) => (r.position ? (r.stale ? 1 : 0) : 2);
  return [...rows.values()].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** Rows whose name (or next job) contains the search, ignoring case. */
export function searchRows(rows: readonly TechnicianRow[], search: string): TechnicianRow[] {
  const q = search.trim().toLowerCase();
  if (!q) return [...rows];
  return rows.filter(
    (r) => r.name.toLowerCase().includes(q) || (r.next ?? '').toLowerCase().includes(q),
  );
}

export interface MapJob {
  id: string;
  number: number;
  title: string;
  status: WorkOrderStatus;
  lat: number;
  lng: number;
  technician: string;
}

/** Today's jobs on the technicians' lanes that have a place. */
export function mapJobs(board: Board): MapJob[] {
  const where = new Map(board.locations.map((l) => [l.workOrderId, l]));
  return board.technicians.flatMap((lane) =>
    lane.jobs.flatMap((j) => {
      const at = where.get(j.id);
      return at
        ? [
            {
              id: j.id,
              number: j.number,
              title: j.title,
              status: j.status,
              lat: at.lat,
              lng: at.lng,
              technician: lane.technician.name,
            },
          ]
        : [];
    }),
  );
}

/** The path asked for: the local day so far, at most the 24 h the API allows. */
export function pathWindow(
  dayStart: string,
  dayEnd: string,
  now: number,
): { from: string; to: string } {
  const to = Math.min(Date.parse(dayEnd), now + 60_000);
  const from = Math.max(Date.parse(dayStart), to - 24 * 3_600_000);
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/** The path with a pushed position added at its end, unless it is not newer than the end. */
export function extendPath(path: readonly PathPoint[], point: PathPoint): PathPoint[] {
  const last = path[path.length - 1];
  if (last && Date.parse(point.recordedAt) <= Date.parse(last.recordedAt)) return [...path];
  return [...path, { recordedAt: point.recordedAt, lat: point.lat, lng: point.lng }];
}

/** The board's state in the URL: `?team=<id>&paths=1`. */
export interface LiveMapParams {
  teamId: string | null;
  paths: boolean;
}

export function paramsOf(p: { team?: string | null; paths?: string | null }): LiveMapParams {
  return { teamId: p.team?.trim() || null, paths: p.paths === '1' || p.paths === 'true' };
}

export function queryParamsOf(p: LiveMapParams): Record<string, string | null> {
  return { team: p.teamId, paths: p.paths ? '1' : null };
}

/** The local day of `now` in `zone` (YYYY-MM-DD). */
export function todayIn(zone: string, now: Date = new Date()): string {
  const local = DateTime.fromJSDate(now, { zone });
  return (local.isValid ? local : DateTime.fromJSDate(now)).toISODate()!;
}
