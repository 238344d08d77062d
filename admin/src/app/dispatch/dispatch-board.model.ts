import type {
  DispatchBoardQuery,
  DispatchConflictFragment,
  DispatchJobFragment,
  DispatchLaneJobFragment,
  SlaState,
  WorkOrderPriority,
} from '../generated/graphql';
import { isDay } from './dispatch-timeline.model';

export type Board = DispatchBoardQuery['dispatchBoard'];
export type Lane = Board['technicians'][number];
/** A queued order (with SLA, type, site). */
export type Job = DispatchJobFragment;
/** An order on a timeline: less detail, since lanes multiply the query's cost. */
export type LaneJob = DispatchLaneJobFragment;
export type Conflict = DispatchConflictFragment;

/** Who may plan from the board, and force a schedule despite blocking conflicts. */
export const PLANNERS = ['ADMIN', 'MANAGER', 'DISPATCHER'] as const;

/** The board's state as kept in the URL: `?day=2026-05-12&team=<id>&map=1`. */
export interface BoardParams {
  day: string | null;
  teamId: string | null;
  map: boolean;
}

export function paramsOf(params: {
  day?: string | null;
  team?: string | null;
  map?: string | null;
}): BoardParams {
  return {
    day: isDay(params.day) ? params.day : null,
    teamId: params.team?.trim() || null,
    map: params.map === '1' || params.map === 'true',
  };
}

export function queryParamsOf(p: BoardParams): Record<string, string | null> {
  return { day: p.day, team: p.teamId, map: p.map ? '1' : null };
}

/**
 * A move on its way to (or just accepted by) the server, shown on the board straight away.
 * `settledVersion` is the version the server answered with; until then the move is tentative.
 */
export interface PendingMove {
  workOrderId: string;
  technicianId: string | null;
  start: string | null;
  end: string | null;
  settledVersion: number | null;
}

/** Where a work order sits on a board: a lane (technician id) or the queue (null). */
function locate(board: Board, id: string): { technicianId: string | null; job: LaneJob } | null {
  for (const lane of board.technicians) {
    const job = lane.jobs.find((j) => j.id === id);
    if (job) return { technicianId: lane.technician.id, job };
  }
  const queued = board.unassigned.find((j) => j.id === id);
  return queued ? { technicianId: null, job: queued } : null;
}

/**
 * A move stops overriding the board once the server accepted it and the board shows the
 * outcome: the order sits where it was moved with that version, it changed again since, or it
 * left the board (another day).
 */
export function isSettled(move: PendingMove, board: Board): boolean {
  if (move.settledVersion == null) return false;
  const found = locate(board, move.workOrderId);
  if (!found) return true;
  if (found.job.version > move.settledVersion) return true;
  return found.job.version === move.settledVersion && found.technicianId === move.technicianId;
}

const PRIORITY_RANK: Readonly<Record<WorkOrderPriority, number>> = {
  EMERGENCY: 0,
  HIGH: 1,
  NORMAL: 2,
  LOW: 3,
};

export interface BoardView {
  lanes: Lane[];
  queue: Job[];
}

const NO_SLA: Job['sla'] = { state: 'NONE', resolutionDueAt: null, minutesRemaining: null };

/** A timeline job as a queue card; what lanes do not load stays empty until the refetch. */
function asQueued(job: LaneJob | Job): Job {
  return 'sla' in job ? job : { ...job, sla: NO_SLA, serviceType: null, site: null };
}

/** The board with moves that are not yet reflected in it applied (optimistic drops). */
export function applyPending(board: Board, pending: ReadonlyMap<string, PendingMove>): BoardView {
  const moves = [...pending.values()].filter((m) => !isSettled(m, board));
  if (moves.length === 0) return { lanes: board.technicians, queue: board.unassigned };
  const moved = new Map(moves.map((m) => [m.workOrderId, m]));
  const jobs = new Map<string, LaneJob | Job>();
  for (const j of [...board.technicians.flatMap((l) => l.jobs), ...board.unassigned]) {
    if (moved.has(j.id)) jobs.set(j.id, j);
  }
  const placed = (m: PendingMove): Job | null => {
    const job = jobs.get(m.workOrderId);
    return job ? { ...asQueued(job), scheduledStart: m.start, scheduledEnd: m.end } : null;
  };
  const lanes = board.technicians.map((lane): Lane => {
    const arriving = moves
      .filter((m) => m.technicianId === lane.technician.id)
      .flatMap((m) => placed(m) ?? []);
    const staying = lane.jobs.filter((j) => !moved.has(j.id));
    if (arriving.length === 0 && staying.length === lane.jobs.length) return lane;
    const all = [...staying, ...arriving].sort(
      (a, b) => Date.parse(a.scheduledStart ?? '') - Date.parse(b.scheduledStart ?? ''),
    );
    return { ...lane, jobs: all };
  });
  const back = moves.filter((m) => m.technicianId === null).flatMap((m) => placed(m) ?? []);
  const queue = board.unassigned.filter((j) => !moved.has(j.id));
  // Returned orders join the queue after those of the same priority until the server re-sorts.
  for (const job of back) {
    const at = queue.findIndex((q) => PRIORITY_RANK[q.priority] > PRIORITY_RANK[job.priority]);
    queue.splice(at < 0 ? queue.length : at, 0, job);
  }
  return { lanes, queue };
}

/** The board's conflicts by work order. */
export function conflictsByOrder(conflicts: readonly Conflict[]): Map<string, Conflict[]> {
  const out = new Map<string, Conflict[]>();
  for (const c of conflicts) out.set(c.workOrderId, [...(out.get(c.workOrderId) ?? []), c]);
  return out;
}

/** A GraphQL error as the client sees it. */
export interface ErrorLike {
  message: string;
  extensions?: Readonly<Record<string, unknown>> | null;
}

export interface ConflictLike {
  kind: string;
  message: string;
  blocking: boolean;
}

/** Why the server refused a schedule because of conflicts (CONFLICT with `conflicts`). */
export interface ScheduleRefusal {
  message: string;
  conflicts: ConflictLike[];
  warnings: ConflictLike[];
}

const asConflicts = (value: unknown): ConflictLike[] =>
  Array.isArray(value)
    ? value.flatMap((c: unknown) => {
        const o = c as Partial<ConflictLike> | null;
        return o && typeof o.message === 'string'
          ? [{ kind: String(o.kind ?? ''), message: o.message, blocking: o.blocking !== false }]
          : [];
      })
    : [];

/** The conflict refusal among GraphQL errors, or null when the failure was something else. */
export function refusalOf(errors: readonly ErrorLike[]): ScheduleRefusal | null {
  for (const e of errors) {
    const ext = e.extensions ?? {};
    const conflicts = asConflicts(ext['conflicts']);
    if (ext['code'] === 'CONFLICT' && conflicts.length > 0) {
      return { message: e.message, conflicts, warnings: asConflicts(ext['warnings']) };
    }
  }
  return null;
}

/** "1 h 30 min", "45 min", "2 h". */
export function formatMinutes(total: number): string {
  const m = Math.abs(Math.round(total));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return `${rest} min`;
  return rest ? `${h} h ${rest} min` : `${h} h`;
}

const SLA_LABELS: Readonly<Record<SlaState, string>> = {
  NONE: 'No SLA',
  ON_TRACK: 'On track',
  AT_RISK: 'At risk',
  BREACHED: 'Breached',
  MET: 'Met',
  MISSED: 'Missed',
};

/** "At risk · 45 min left", "Breached · 2 h over", "No SLA". */
export function slaLabel(sla: Job['sla']): string {
  const label = SLA_LABELS[sla.state];
  const left = sla.minutesRemaining;
  if (sla.state === 'NONE' || left == null) return label;
  return left < 0
    ? `${label} · ${formatMinutes(left)} over`
    : `${label} · ${formatMinutes(left)} left`;
}

/** "75%" of the working time booked; "Off" when not working; capped for tiny windows. */
export function utilizationLabel(utilization: number | null | undefined): string {
  if (utilization == null) return 'Off';
  return utilization > 9.99 ? '>999%' : `${Math.round(utilization * 100)}%`;
}

/** "Room 101 · HQ, Berlin". */
export function placeOf(job: LaneJob & Partial<Pick<Job, 'site'>>): string {
  const parts: string[] = [];
  if (job.room) parts.push(`Room ${job.room.number}`);
  const site = job.site;
  if (site) parts.push(site.city ? `${site.name}, ${site.city}` : site.name);
  return parts.join(' · ');
}

export interface MapHome {
  id: string;
  name: string;
  lat: number;
  lng: number;
}

export interface MapJob {
  id: string;
  number: number;
  title: string;
  lat: number;
  lng: number;
  /** The technician's name when assigned; null in the queue. */
  technician: string | null;
}

/** Technicians' home bases and the day's jobs that have a location, for the map. */
export function mapPoints(view: BoardView, board: Board): { homes: MapHome[]; jobs: MapJob[] } {
  const homes = view.lanes.flatMap(({ technician: t }) =>
    t.homeLat != null && t.homeLng != null
      ? [{ id: t.id, name: t.name, lat: t.homeLat, lng: t.homeLng }]
      : [],
  );
  const where = new Map(board.locations.map((l) => [l.workOrderId, l]));
  const point = (job: LaneJob, technician: string | null): MapJob[] => {
    const at = where.get(job.id);
    return at
      ? [{ id: job.id, number: job.number, title: job.title, lat: at.lat, lng: at.lng, technician }]
      : [];
  };
  const jobs = [
    ...view.lanes.flatMap((l) => l.jobs.flatMap((j) => point(j, l.technician.name))),
    ...view.queue.flatMap((j) => point(j, null)),
  ];
  return { homes, jobs };
}
