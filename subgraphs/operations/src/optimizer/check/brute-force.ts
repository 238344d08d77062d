import type { VrpInstance, VrpJob, VrpVehicle } from '../engine/vrp.types';
import { earliestStart, EPS, evaluateRoute } from './route-evaluation';

/*
 * Exact reference for tiny instances: the least total distance that serves every job, or null
 * when no assignment does. For each vehicle a depth-first search over job orders (cut as soon as
 * a prefix is late, over capacity or lacks a skill) gives the best route per subset of jobs; the
 * vehicles are then combined over disjoint subsets. Routes are validated by the checker's own
 * route evaluation, so the reference and the checker agree on what is feasible.
 */

export const BRUTE_FORCE_MAX_JOBS = 8;

function bestRoutePerSubset(instance: VrpInstance, vehicle: VrpVehicle): Float64Array {
  const { jobs } = instance;
  const { size, time, distance } = instance.matrix;
  const best = new Float64Array(1 << jobs.length).fill(Infinity);
  best[0] = 0;
  const fits = (job: VrpJob) =>
    Object.entries(job.skills).every(([s, level]) => (vehicle.skills[s] ?? 0) >= level) &&
    (job.pinnedVehicle === undefined || job.pinnedVehicle === vehicle.id);
  const candidates = jobs.map((j, i) => (fits(j) ? i : -1)).filter((i) => i >= 0);
  const sequence: VrpJob[] = [];
  const load = vehicle.capacity.map(() => 0);

  const visit = (mask: number, at: number, t: number, dist: number): void => {
    if (sequence.length > 0) {
      const total = dist + distance[at * size + vehicle.end]!;
      // Only a possible improvement is worth the full evaluation (breaks, return in shift).
      if (
        total < best[mask]! - EPS &&
        t + time[at * size + vehicle.end]! <= vehicle.shift[1] + EPS
      ) {
        const evaluation = evaluateRoute(instance, vehicle, sequence);
        if (evaluation.violations.length === 0) best[mask] = evaluation.distance;
      }
    }
    if (vehicle.maxJobs !== undefined && sequence.length >= vehicle.maxJobs) return;
    for (const i of candidates) {
      if (mask & (1 << i)) continue;
      const job = jobs[i]!;
      const start = earliestStart(job.windows, t + time[at * size + job.location]!);
      if (start === null) continue;
      // Demands are non-negative, so an overloaded prefix stays overloaded.
      if (job.demand.some((d, k) => (load[k] ?? 0) + d > (vehicle.capacity[k] ?? 0) + EPS))
        continue;
      job.demand.forEach((d, k) => (load[k] = (load[k] ?? 0) + d));
      sequence.push(job);
      visit(
        mask | (1 << i),
        job.location,
        start + job.service,
        dist + distance[at * size + job.location]!,
      );
      sequence.pop();
      job.demand.forEach((d, k) => (load[k] = load[k]! - d));
    }
  };
  visit(0, vehicle.start, vehicle.shift[0], 0);
  return best;
}

/** Least total distance serving every job (optional ones included), or null if impossible. */
export function bruteForceOptimum(instance: VrpInstance): number | null {
  const n = instance.jobs.length;
  if (n > BRUTE_FORCE_MAX_JOBS)
    throw new Error(`brute force is for at most ${BRUTE_FORCE_MAX_JOBS} jobs, got ${n}`);
  const full = (1 << n) - 1;
  let acc = new Float64Array(1 << n).fill(Infinity);
  acc[0] = 0;
  for (const vehicle of instance.vehicles) {
    const route = bestRoutePerSubset(instance, vehicle);
    const next = Float64Array.from(acc);
    for (let mask = 1; mask <= full; mask++) {
      // Every non-empty subset of `mask` as this vehicle's jobs.
      for (let sub = mask; sub > 0; sub = (sub - 1) & mask) {
        const cost = acc[mask ^ sub]! + route[sub]!;
        if (cost < next[mask]!) next[mask] = cost;
      }
    }
    acc = next;
  }
  return Number.isFinite(acc[full]!) ? acc[full]! : null;
}
