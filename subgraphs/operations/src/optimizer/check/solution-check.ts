import type { VrpInstance, VrpJob, VrpSolution, VrpVehicle } from '../engine/vrp.types';
import { EPS, evaluateRoute, fmt } from './route-evaluation';

/*
 * Feasibility checker independent of the solver: it recomputes every route from the instance
 * (matrix, windows, shifts, capacities, skills) and only compares the solution's own numbers
 * against what it recomputed. A benchmark result counts only when this finds nothing.
 */

export interface CheckResult {
  feasible: boolean;
  violations: string[];
  /** Recomputed totals over the used routes. */
  distance: number;
  travelTime: number;
  vehicles: number;
}

const differs = (a: number, b: number): boolean => !(Math.abs(a - b) <= EPS);

export function checkSolution(instance: VrpInstance, solution: VrpSolution): CheckResult {
  const violations: string[] = [];
  const jobs = new Map<string, VrpJob>(instance.jobs.map((j) => [j.id, j]));
  const vehicles = new Map<string, VrpVehicle>(instance.vehicles.map((v) => [v.id, v]));
  const servedBy = new Map<string, string>();
  const usedVehicles = new Set<string>();
  let distance = 0;
  let travelTime = 0;
  let used = 0;

  for (const route of solution.routes) {
    const v = route.vehicleId;
    const vehicle = vehicles.get(v);
    if (!vehicle) {
      violations.push(`route on unknown vehicle ${v}`);
      continue;
    }
    if (usedVehicles.has(v)) violations.push(`vehicle ${v} has more than one route`);
    usedVehicles.add(v);

    const sequence: VrpJob[] = [];
    for (const stop of route.stops) {
      const job = jobs.get(stop.jobId);
      if (!job) {
        violations.push(`unknown job ${stop.jobId} on vehicle ${v}`);
        continue;
      }
      const other = servedBy.get(job.id);
      if (other !== undefined)
        violations.push(`job ${job.id} is served twice (vehicles ${other} and ${v})`);
      servedBy.set(job.id, v);
      sequence.push(job);
    }

    const evaluation = evaluateRoute(instance, vehicle, sequence);
    violations.push(...evaluation.violations);
    distance += evaluation.distance;
    travelTime += evaluation.travelTime;
    if (sequence.length > 0) used++;

    if (differs(route.distance, evaluation.distance))
      violations.push(
        `vehicle ${v} reports distance ${fmt(route.distance)}, recomputed ${fmt(evaluation.distance)}`,
      );
    if (differs(route.travelTime, evaluation.travelTime))
      violations.push(
        `vehicle ${v} reports travel time ${fmt(route.travelTime)}, recomputed ${fmt(evaluation.travelTime)}`,
      );
    if (sequence.length === 0) continue;

    // The reported timeline may wait more than the earliest one, never less, and must be coherent.
    if (route.departure < vehicle.shift[0] - EPS)
      violations.push(
        `vehicle ${v} departs at ${fmt(route.departure)} before its shift starts at ${fmt(vehicle.shift[0])}`,
      );
    if (route.returnAt > vehicle.shift[1] + EPS)
      violations.push(
        `vehicle ${v} reports its return at ${fmt(route.returnAt)} after its shift ends at ${fmt(vehicle.shift[1])}`,
      );
    // Each reported time must follow from the previous one (waiting and breaks only add time).
    const { size, time } = instance.matrix;
    let at = vehicle.start;
    let free = route.departure;
    route.stops.forEach((stop, i) => {
      const job = jobs.get(stop.jobId);
      const k = job ? sequence.indexOf(job) : -1;
      if (!job || k < 0) return;
      const earliest = Math.max(evaluation.arrivals[k]!, free + time[at * size + job.location]!);
      if (stop.arrival < earliest - EPS)
        violations.push(
          `job ${job.id} reports arrival ${fmt(stop.arrival)} on vehicle ${v}, earlier than possible (${fmt(earliest)})`,
        );
      if (stop.start < stop.arrival - EPS)
        violations.push(
          `job ${job.id} reports start ${fmt(stop.start)} before its arrival ${fmt(stop.arrival)} (stop ${i + 1} of ${v})`,
        );
      if (!insideWindow(job, stop.start))
        violations.push(
          `job ${job.id} reports start ${fmt(stop.start)} outside its windows on vehicle ${v}`,
        );
      at = job.location;
      free = stop.start + job.service;
    });
    const back = Math.max(evaluation.returnAt, free + time[at * size + vehicle.end]!);
    if (route.returnAt < back - EPS)
      violations.push(
        `vehicle ${v} reports its return at ${fmt(route.returnAt)}, earlier than possible (${fmt(back)})`,
      );
  }

  const unassigned = new Set<string>();
  for (const { jobId } of solution.unassigned) {
    if (!jobs.has(jobId)) violations.push(`unknown job ${jobId} listed unassigned`);
    else if (unassigned.has(jobId)) violations.push(`job ${jobId} is listed unassigned twice`);
    else if (servedBy.has(jobId))
      violations.push(
        `job ${jobId} is listed unassigned but served by vehicle ${servedBy.get(jobId)}`,
      );
    unassigned.add(jobId);
  }
  for (const job of instance.jobs) {
    if (!job.optional && !servedBy.has(job.id) && !unassigned.has(job.id))
      violations.push(`job ${job.id} is neither served nor listed unassigned`);
  }

  const { totals } = solution;
  if (differs(totals.distance, distance))
    violations.push(`total distance reported ${fmt(totals.distance)}, recomputed ${fmt(distance)}`);
  if (differs(totals.travelTime, travelTime))
    violations.push(
      `total travel time reported ${fmt(totals.travelTime)}, recomputed ${fmt(travelTime)}`,
    );
  if (totals.vehicles !== used)
    violations.push(`vehicles reported ${totals.vehicles}, recomputed ${used}`);
  if (totals.unassigned !== solution.unassigned.length)
    violations.push(
      `unassigned reported ${totals.unassigned}, listed ${solution.unassigned.length}`,
    );

  return { feasible: violations.length === 0, violations, distance, travelTime, vehicles: used };
}

const insideWindow = (job: VrpJob, start: number): boolean =>
  job.windows.some(([open, close]) => start >= open - EPS && start <= close + EPS);
