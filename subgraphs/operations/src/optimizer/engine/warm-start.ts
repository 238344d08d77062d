import type { Model } from './model';
import { Solution } from './solution';
import type { CurrentRoute } from './vrp.types';

/** A current route with its vehicle and jobs resolved to model indices. */
export interface IndexedRoute {
  v: number;
  jobs: number[];
}

/**
 * Resolve the ids of a current plan. Unknown ids, a vehicle listed twice or a job on two routes
 * are caller errors (the plan does not belong to this instance) and throw; whether the plan is
 * feasible is not checked here.
 */
export function indexRoutes(m: Model, routes: readonly CurrentRoute[]): IndexedRoute[] {
  const { vehicles, jobs } = m.instance;
  const vehicleIndex = new Map(vehicles.map((v, i) => [v.id, i]));
  const jobIndex = new Map(jobs.map((j, i) => [j.id, i]));
  const seenVehicle = new Set<number>();
  const seenJob = new Set<number>();
  return routes.map((route) => {
    const v = vehicleIndex.get(route.vehicleId);
    if (v === undefined) throw new Error(`current plan: unknown vehicle ${route.vehicleId}`);
    if (seenVehicle.has(v)) throw new Error(`current plan: vehicle ${route.vehicleId} twice`);
    seenVehicle.add(v);
    const idx = route.jobIds.map((id) => {
      const j = jobIndex.get(id);
      if (j === undefined) throw new Error(`current plan: unknown job ${id}`);
      if (seenJob.has(j)) throw new Error(`current plan: job ${id} on more than one route`);
      seenJob.add(j);
      return j;
    });
    return { v, jobs: idx };
  });
}

/**
 * The solver's starting point from a current plan: each route keeps its order, and a job is
 * appended only while the route stays feasible (skills, pinning, capacity, maxJobs, windows,
 * shift, breaks); the jobs that do not fit and those in no route are left unassigned for the
 * repair step. Every later step only accepts what is cheaper, so the answer never costs more
 * than the feasible part of the plan plus the penalties of what it leaves out.
 */
export function warmStart(m: Model, routes: readonly CurrentRoute[]): Solution {
  const sol = new Solution(m);
  const placed = new Uint8Array(m.nJobs);
  for (const { v, jobs } of indexRoutes(m, routes)) {
    const r = sol.routes[v];
    if (!r) continue;
    for (const j of jobs) {
      if (r.accepts(j) && r.insertDelta(j, r.len) < Infinity) {
        r.insert(r.len + 1, j);
        placed[j] = 1;
      }
    }
  }
  for (let j = 0; j < m.nJobs; j++) if (!placed[j]) sol.unassigned.push(j);
  return sol;
}
