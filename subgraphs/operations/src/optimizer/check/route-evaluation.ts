import type { TimeWindow, VrpInstance, VrpJob, VrpVehicle } from '../engine/vrp.types';

/*
 * Recomputes one route from the instance alone, with the earliest schedule: leave at the shift
 * start, wait where early, start each job in the first window still open. Waiting never helps a
 * later stop, so the earliest schedule is feasible whenever any schedule is. Breaks are placed by
 * trying every position (at the start, on arrival before a service, after a service, at the end)
 * in window order; routes have few breaks, so the enumeration stays small.
 */

export const EPS = 1e-6;

export interface RouteEvaluation {
  distance: number;
  travelTime: number;
  /** Earliest arrival and service start per stop (breaks not included). */
  arrivals: number[];
  starts: number[];
  /** Earliest return to the end location (breaks not included). */
  returnAt: number;
  violations: string[];
}

export const fmt = (x: number): string => String(Math.round(x * 1000) / 1000);
const fmtWindow = (w: TimeWindow): string => `[${fmt(w[0])}, ${fmt(w[1])}]`;

/** The earliest service start at or after `arrival` inside one of the windows, or null. */
export function earliestStart(windows: readonly TimeWindow[], arrival: number): number | null {
  let best: number | null = null;
  for (const [open, close] of windows) {
    if (arrival > close + EPS) continue;
    const start = Math.max(arrival, open);
    if (best === null || start < best) best = start;
  }
  return best;
}

/** Where each break goes: slot 0 = at the start, 2i+1 = on arrival at stop i, 2i+2 = after it. */
type Placement = number[];

/** Earliest timeline with the breaks at the given slots; null when something is late. */
function timeline(
  instance: VrpInstance,
  vehicle: VrpVehicle,
  jobs: readonly VrpJob[],
  breaks: readonly { window: TimeWindow; duration: number }[],
  placement: Placement,
): boolean {
  const { size, time } = instance.matrix;
  let t = vehicle.shift[0];
  let at = vehicle.start;
  let next = 0;
  const takeBreaks = (slot: number): boolean => {
    while (next < breaks.length && placement[next] === slot) {
      const b = breaks[next]!;
      const begin = Math.max(t, b.window[0]);
      if (begin > b.window[1] + EPS) return false;
      t = begin + b.duration;
      next++;
    }
    return true;
  };
  if (!takeBreaks(0)) return false;
  for (let i = 0; i < jobs.length; i++) {
    const job = jobs[i]!;
    t += time[at * size + job.location]!;
    at = job.location;
    if (!takeBreaks(2 * i + 1)) return false;
    const start = earliestStart(job.windows, t);
    if (start === null) return false;
    t = start + job.service;
    if (!takeBreaks(2 * i + 2)) return false;
  }
  t += time[at * size + vehicle.end]!;
  if (!takeBreaks(2 * jobs.length + 1)) return false;
  return t <= vehicle.shift[1] + EPS;
}

/** Tries every non-decreasing assignment of breaks (in window order) to slots. */
function breaksFit(instance: VrpInstance, vehicle: VrpVehicle, jobs: readonly VrpJob[]): boolean {
  const breaks = [...(vehicle.breaks ?? [])].sort((a, b) => a.window[0] - b.window[0]);
  if (breaks.length === 0) return true;
  const slots = 2 * jobs.length + 2;
  const placement: Placement = new Array<number>(breaks.length).fill(0);
  const search = (k: number, from: number): boolean => {
    if (k === breaks.length) return timeline(instance, vehicle, jobs, breaks, placement);
    for (let s = from; s < slots; s++) {
      placement[k] = s;
      if (search(k + 1, s)) return true;
    }
    return false;
  };
  return search(0, 0);
}

const lacksSkill = (vehicle: VrpVehicle, job: VrpJob): string | null => {
  for (const [skill, level] of Object.entries(job.skills)) {
    const held = vehicle.skills[skill] ?? 0;
    if (held < level) return `${skill} ${level} (vehicle has ${held})`;
  }
  return null;
};

/** Checks one vehicle's sequence of jobs; an empty sequence is an unused vehicle. */
export function evaluateRoute(
  instance: VrpInstance,
  vehicle: VrpVehicle,
  jobs: readonly VrpJob[],
): RouteEvaluation {
  const { size, time, distance } = instance.matrix;
  const v = vehicle.id;
  const violations: string[] = [];
  const result: RouteEvaluation = {
    distance: 0,
    travelTime: 0,
    arrivals: [],
    starts: [],
    returnAt: vehicle.shift[0],
    violations,
  };
  if (jobs.length === 0) return result;

  if (vehicle.maxJobs !== undefined && jobs.length > vehicle.maxJobs)
    violations.push(
      `vehicle ${v} serves ${jobs.length} jobs, more than its maxJobs ${vehicle.maxJobs}`,
    );

  const load = vehicle.capacity.map(() => 0);
  for (const job of jobs) {
    job.demand.forEach((d, k) => {
      if (k >= load.length) load.push(0);
      load[k]! += d;
    });
    const missing = lacksSkill(vehicle, job);
    if (missing) violations.push(`job ${job.id} needs skill ${missing} on vehicle ${v}`);
    if (job.pinnedVehicle !== undefined && job.pinnedVehicle !== v)
      violations.push(`job ${job.id} is pinned to vehicle ${job.pinnedVehicle} but is on ${v}`);
  }
  load.forEach((l, k) => {
    const cap = vehicle.capacity[k] ?? 0;
    if (l > cap + EPS)
      violations.push(
        `vehicle ${v} carries ${fmt(l)} in dimension ${k}, over its capacity ${fmt(cap)}`,
      );
  });

  let t = vehicle.shift[0];
  let at = vehicle.start;
  let late = false;
  for (const job of jobs) {
    const leg = at * size + job.location;
    result.distance += distance[leg]!;
    result.travelTime += time[leg]!;
    t += time[leg]!;
    at = job.location;
    const start = earliestStart(job.windows, t);
    result.arrivals.push(t);
    if (start === null) {
      late = true;
      const windows = job.windows.map(fmtWindow).join(', ') || 'none';
      violations.push(
        `job ${job.id} starts at ${fmt(t)} after its window ${windows} on vehicle ${v}`,
      );
      result.starts.push(t);
      t += job.service;
    } else {
      result.starts.push(start);
      t = start + job.service;
    }
  }
  const home = at * size + vehicle.end;
  result.distance += distance[home]!;
  result.travelTime += time[home]!;
  result.returnAt = t + time[home]!;
  if (result.returnAt > vehicle.shift[1] + EPS) {
    late = true;
    violations.push(
      `vehicle ${v} returns at ${fmt(result.returnAt)} after its shift ${fmtWindow(vehicle.shift)}`,
    );
  }
  if (!late && !breaksFit(instance, vehicle, jobs))
    violations.push(`vehicle ${v} has no place for its breaks within their windows and its shift`);
  return result;
}
