import {
  type CurrentRoute,
  type TimeWindow,
  type TravelMatrix,
  type VrpInstance,
  type VrpJob,
  type VrpSolution,
  type VrpVehicle,
} from '../optimizer/engine/vrp.types';
import type { WorkOrderPriority } from '@attendant/db';
import type {
  DayPlan,
  GeoPoint,
  Kpis,
  PlanJob,
  PlannedStop,
  PlannedTechnicianRoute,
  PlanResult,
  PlanTechnician,
} from './day-plan';

/*
 * A DayPlan as a routing instance: minutes since the day's local midnight, whole minutes
 * everywhere (travel times are rounded up), so every time the solver produces is a whole minute
 * and the conflict rules, which work on instants, agree with it.
 */

const MINUTE = 60_000;

/** Emergencies first: a mandatory job's unassigned penalty grows with this. */
const PRIORITY: Readonly<Record<WorkOrderPriority, number>> = {
  EMERGENCY: 3,
  HIGH: 2,
  NORMAL: 1,
  LOW: 0,
};

const BOOKED_BONUS = 0.5;

export interface RoutingInstance {
  plan: DayPlan;
  instance: VrpInstance;
  /** Location index → point (null: the "anywhere" location, zero travel to everything). */
  points: (GeoPoint | null)[];
  /** Each technician's route as it stands, in the instance's vehicles. */
  current: CurrentRoute[];
  /** Jobs that cannot be done in the day at all (left out of the instance), with the reason. */
  unplannable: { jobId: string; reason: string }[];
}

export type MatrixOf = (points: readonly GeoPoint[]) => Promise<TravelMatrix>;

export async function buildRoutingInstance(
  plan: DayPlan,
  matrixOf: MatrixOf,
): Promise<RoutingInstance> {
  const origin = plan.day.start.getTime();
  const toMin = (d: Date) => (d.getTime() - origin) / MINUTE;
  const dayEnd = toMin(plan.day.end);
  const from = Math.max(0, Math.ceil(toMin(plan.planFrom)));

  // Locations: distinct points, then one "anywhere" index for what has no coordinates.
  const keyOf = (p: GeoPoint) => `${p.lat.toFixed(6)},${p.lng.toFixed(6)}`;
  const unique = new Map<string, number>();
  const real: GeoPoint[] = [];
  const locOf = (p: GeoPoint | null): number => {
    if (!p) return -1;
    const key = keyOf(p);
    let i = unique.get(key);
    if (i === undefined) {
      i = real.length;
      unique.set(key, i);
      real.push(p);
    }
    return i;
  };
  const techLoc = new Map(plan.technicians.map((t) => [t.id, locOf(t.home)]));
  const jobLoc = new Map(plan.jobs.map((j) => [j.id, locOf(j.location)]));
  const anywhere = real.length;
  const matrix = expandMatrix(real.length > 0 ? await matrixOf(real) : null, real.length);
  const at = (i: number) => (i < 0 ? anywhere : i);

  const byTech = new Map<string, PlanJob[]>();
  for (const job of plan.jobs) {
    const owner = job.pinnedTo ?? (job.start ? job.technicianId : null);
    if (!owner) continue;
    const list = byTech.get(owner) ?? [];
    list.push(job);
    byTech.set(owner, list);
  }

  const vehicles: VrpVehicle[] = [];
  for (const t of plan.technicians) {
    const locked = (byTech.get(t.id) ?? []).filter((j) => j.locked && j.start);
    const home = at(techLoc.get(t.id) ?? -1);
    const travel = (j: PlanJob) =>
      matrix.time[home * matrix.size + at(jobLoc.get(j.id) ?? -1)] as number;
    const vehicle = vehicleOf(t, locked, toMin, from, dayEnd, home, travel);
    if (vehicle) vehicles.push(vehicle);
  }
  const onDuty = new Set(vehicles.map((v) => v.id));

  const jobs: VrpJob[] = [];
  const unplannable: { jobId: string; reason: string }[] = [];
  for (const job of plan.jobs) {
    if (job.locked && !(job.technicianId && onDuty.has(job.technicianId))) continue;
    const built = jobOf(job, toMin, from, dayEnd, at(jobLoc.get(job.id) ?? -1));
    if (typeof built === 'string') unplannable.push({ jobId: job.id, reason: built });
    else jobs.push(built);
  }
  const inInstance = new Set(jobs.map((j) => j.id));

  const current: CurrentRoute[] = vehicles.map((v) => ({
    vehicleId: v.id,
    jobIds: (byTech.get(v.id) ?? [])
      .filter((j) => j.start && j.technicianId === v.id && inInstance.has(j.id))
      .sort((a, b) => (a.start as Date).getTime() - (b.start as Date).getTime())
      .map((j) => j.id),
  }));

  const points: (GeoPoint | null)[] = [...real, null];
  return {
    plan,
    instance: { name: plan.day.day, matrix, vehicles, jobs, objective: 'time' },
    points,
    current,
    unplannable,
  };
}

function vehicleOf(
  t: PlanTechnician,
  locked: PlanJob[],
  toMin: (d: Date) => number,
  from: number,
  dayEnd: number,
  home: number,
  travelTo: (j: PlanJob) => number,
): VrpVehicle | null {
  const windows = t.windows
    .map((w): [number, number] => [
      Math.max(from, Math.ceil(toMin(w.start))),
      Math.floor(toMin(w.end)),
    ])
    .filter(([s, e]) => e > s);
  // Started jobs stay where they are, even outside the shift (the shift stretches to them).
  // A started job is where the technician is: they left home early enough to be there.
  for (const j of locked) {
    const s = lockedStart(j, toMin, from);
    windows.push([s - travelTo(j), s + remaining(j, toMin, from)]);
  }
  if (windows.length === 0) return null;
  windows.sort((a, b) => a[0] - b[0]);
  const start = windows[0]![0];
  const end = Math.min(dayEnd, Math.max(...windows.map((w) => w[1])));
  // Gaps between working windows (time off, split shifts) are fixed breaks.
  const breaks: { window: TimeWindow; duration: number }[] = [];
  let reach = windows[0]![1];
  for (const [s, e] of windows.slice(1)) {
    if (s > reach) breaks.push({ window: [reach, reach], duration: s - reach });
    reach = Math.max(reach, e);
  }
  return {
    id: t.id,
    start: home,
    end: home,
    shift: [start, Math.max(start, end)],
    capacity: [],
    skills: t.skills,
    maxJobs: Math.max(t.maxJobs, locked.length),
    ...(breaks.length > 0 ? { breaks } : {}),
  };
}

const lockedStart = (j: PlanJob, toMin: (d: Date) => number, from: number) =>
  Math.max(from, Math.ceil(toMin(j.start as Date)));

/** What is left of a started job (at least 5 minutes). */
function remaining(j: PlanJob, toMin: (d: Date) => number, from: number): number {
  const end = j.end ? Math.ceil(toMin(j.end)) : lockedStart(j, toMin, from) + j.durationMinutes;
  return Math.max(5, end - lockedStart(j, toMin, from));
}

function jobOf(
  j: PlanJob,
  toMin: (d: Date) => number,
  from: number,
  dayEnd: number,
  location: number,
): VrpJob | string {
  // A booked job outranks a queued one of the same priority (its customer was given a time),
  // but not a queued job of a higher priority.
  const booked = j.technicianId !== null && j.start !== null ? BOOKED_BONUS : 0;
  const base = {
    id: j.id,
    location,
    demand: [],
    skills: j.skills,
    priority: PRIORITY[j.priority] + booked,
  };
  if (j.locked) {
    const s = lockedStart(j, toMin, from);
    return {
      ...base,
      service: remaining(j, toMin, from),
      windows: [[s, s]],
      pinnedVehicle: j.technicianId as string,
    };
  }
  const service = Math.max(1, Math.round(j.durationMinutes));
  let earliest = from;
  let latest = dayEnd - service;
  const ws = j.windowStart ? Math.ceil(toMin(j.windowStart)) : null;
  const we = j.windowEnd ? Math.floor(toMin(j.windowEnd)) - service : null;
  // A customer window that has already passed no longer constrains the (overdue) job.
  if (we === null || we >= earliest) {
    if (ws !== null) earliest = Math.max(earliest, ws);
    if (we !== null) latest = Math.min(latest, we);
  }
  // An SLA deadline later today is a hard latest start, unless it can no longer be met.
  if (j.slaDueAt) {
    const due = Math.floor(toMin(j.slaDueAt)) - service;
    if (due >= earliest && due < latest) latest = due;
  }
  if (latest < earliest) {
    return ws !== null && we !== null && we < ws
      ? 'The customer’s window is shorter than the job'
      : 'Does not fit in what is left of the day';
  }
  return {
    ...base,
    service,
    windows: [[earliest, latest]],
    ...(j.priority === 'LOW' ? { optional: true } : {}),
    ...(j.pinnedTo ? { pinnedVehicle: j.pinnedTo } : {}),
  };
}

/** Provider minutes rounded up to whole minutes, plus the zero-travel "anywhere" location. */
function expandMatrix(m: TravelMatrix | null, n: number): TravelMatrix {
  const size = n + 1;
  const time = new Float64Array(size * size);
  const distance = new Float64Array(size * size);
  if (m) {
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        time[a * size + b] = a === b ? 0 : Math.ceil(m.time[a * n + b] as number);
        distance[a * size + b] = a === b ? 0 : (m.distance[a * n + b] as number);
      }
    }
  }
  return { size, time, distance };
}

/* ---------------------------------------------------------------------------------------- */

/** The instance's answer in instants, with the figures the dispatcher compares. */
export function planResultOf(ri: RoutingInstance, solution: VrpSolution): PlanResult {
  const { plan, instance } = ri;
  const origin = plan.day.start.getTime();
  const at = (min: number) => new Date(origin + Math.round(min) * MINUTE);
  const names = new Map(plan.technicians.map((t) => [t.id, t.name]));
  const jobs = new Map(instance.jobs.map((j) => [j.id, j]));
  const vehicles = new Map(instance.vehicles.map((v) => [v.id, v]));
  const n = instance.matrix.size;
  const routes: PlannedTechnicianRoute[] = solution.routes
    .filter((r) => r.stops.length > 0)
    .map((r) => {
      const v = vehicles.get(r.vehicleId) as VrpVehicle;
      let prev = v.start;
      const stops: PlannedStop[] = r.stops.map((s) => {
        const job = jobs.get(s.jobId) as VrpJob;
        const travel = instance.matrix.time[prev * n + job.location] as number;
        prev = job.location;
        return {
          jobId: s.jobId,
          arrival: at(s.arrival),
          start: at(s.start),
          end: at(s.start + job.service),
          travelMinutes: travel,
          location: ri.points[job.location] ?? null,
        };
      });
      return {
        technicianId: r.vehicleId,
        technicianName: names.get(r.vehicleId) ?? r.vehicleId,
        departure: at(r.departure),
        returnAt: at(r.returnAt),
        stops,
        travelMinutes: r.travelTime,
        distanceKm: r.distance / 1000,
        overtimeMinutes: Math.max(0, r.returnAt - v.shift[1]),
        path: pathOf(
          ri,
          v.start,
          r.stops.map((s) => (jobs.get(s.jobId) as VrpJob).location),
          v.end,
        ),
      };
    });
  const unassigned = [...solution.unassigned, ...ri.unplannable];
  return { routes, unassigned, kpis: kpisOf(routes, unassigned.length) };
}

function pathOf(ri: RoutingInstance, start: number, stops: number[], end: number): GeoPoint[] {
  return [start, ...stops, end].flatMap((i) => {
    const p = ri.points[i];
    return p ? [p] : [];
  });
}

export function kpisOf(routes: PlannedTechnicianRoute[], unassigned: number): Kpis {
  const sum = (f: (r: PlannedTechnicianRoute) => number) =>
    Math.round(routes.reduce((s, r) => s + f(r), 0) * 10) / 10;
  return {
    jobs: routes.reduce((s, r) => s + r.stops.length, 0),
    unassigned,
    travelMinutes: sum((r) => r.travelMinutes),
    distanceKm: sum((r) => r.distanceKm),
    overtimeMinutes: sum((r) => r.overtimeMinutes),
    techniciansUsed: routes.filter((r) => r.stops.length > 0).length,
  };
}

/**
 * The plan as it stands, measured the same way: each technician's scheduled jobs in order,
 * home → jobs → home, at their booked times (which may well be infeasible: forced bookings).
 */
export function currentPlanResult(ri: RoutingInstance): PlanResult {
  const { plan, instance } = ri;
  const n = instance.matrix.size;
  const jobs = new Map(instance.jobs.map((j) => [j.id, j]));
  const planJobs = new Map(plan.jobs.map((j) => [j.id, j]));
  const names = new Map(plan.technicians.map((t) => [t.id, t.name]));
  const vehicles = new Map(instance.vehicles.map((v) => [v.id, v]));
  const origin = plan.day.start.getTime();
  const routes: PlannedTechnicianRoute[] = [];
  for (const cur of ri.current) {
    if (cur.jobIds.length === 0) continue;
    const v = vehicles.get(cur.vehicleId) as VrpVehicle;
    let prev = v.start;
    let travel = 0;
    let distance = 0;
    const stops: PlannedStop[] = cur.jobIds.map((id) => {
      const job = jobs.get(id) as VrpJob;
      const pj = planJobs.get(id) as PlanJob;
      const t = instance.matrix.time[prev * n + job.location] as number;
      travel += t;
      distance += instance.matrix.distance[prev * n + job.location] as number;
      prev = job.location;
      const start = pj.start as Date;
      return {
        jobId: id,
        arrival: new Date(start.getTime() - t * MINUTE),
        start,
        end: pj.end ?? new Date(start.getTime() + pj.durationMinutes * MINUTE),
        travelMinutes: t,
        location: ri.points[job.location] ?? null,
      };
    });
    const back = instance.matrix.time[prev * n + v.end] as number;
    travel += back;
    distance += instance.matrix.distance[prev * n + v.end] as number;
    const first = stops[0] as PlannedStop;
    const lastEnd = Math.max(...stops.map((s) => s.end.getTime()));
    const returnAt = new Date(lastEnd + back * MINUTE);
    const shiftEnd = origin + v.shift[1] * MINUTE;
    routes.push({
      technicianId: cur.vehicleId,
      technicianName: names.get(cur.vehicleId) ?? cur.vehicleId,
      departure: first.arrival,
      returnAt,
      stops,
      travelMinutes: travel,
      distanceKm: distance / 1000,
      overtimeMinutes: Math.max(0, (returnAt.getTime() - shiftEnd) / MINUTE),
      path: pathOf(
        ri,
        v.start,
        cur.jobIds.map((id) => (jobs.get(id) as VrpJob).location),
        v.end,
      ),
    });
  }
  const placed = new Set(ri.current.flatMap((c) => c.jobIds));
  const unassigned = [
    ...instance.jobs
      .filter((j) => !placed.has(j.id))
      .map((j) => ({ jobId: j.id, reason: 'Not scheduled' })),
    ...ri.unplannable.filter((u) => !placed.has(u.jobId)),
  ];
  return { routes, unassigned, kpis: kpisOf(routes, unassigned.length) };
}
