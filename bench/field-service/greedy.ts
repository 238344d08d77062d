/*
 * The baseline: how a dispatcher assigns a day by hand, nearest-available. Jobs are taken in
 * order of window opening, then priority (higher first), then as listed; each goes to the
 * qualified technician nearest to where they are now (their last stop, or home) among those who
 * can still start it inside its window and get home by the end of the shift, and is appended to
 * that technician's route. Nothing is ever re-sequenced; a job nobody can take stays unassigned.
 * Times follow the engine's conventions (arrive, wait for the window, start; leave home as late
 * as the first job allows), so the checker verifies this answer exactly like the solver's.
 */
import type {
  VrpInstance,
  VrpJob,
  VrpRoute,
  VrpSolution,
} from '@attendant/operations/optimizer/engine/vrp.types';

const EPS = 1e-9;

interface TechState {
  at: number;
  free: number;
  route: VrpRoute;
}

export function greedyDispatch(instance: VrpInstance): VrpSolution {
  const { size, time, distance } = instance.matrix;
  const leg = (a: number, b: number): number => time[a * size + b] as number;
  const state: TechState[] = instance.vehicles.map((v) => ({
    at: v.start,
    free: v.shift[0],
    route: {
      vehicleId: v.id,
      stops: [],
      departure: v.shift[0],
      returnAt: v.shift[0],
      distance: 0,
      travelTime: 0,
    },
  }));
  const opens = (j: VrpJob): number => Math.min(...j.windows.map((w) => w[0]));
  const order = instance.jobs
    .map((job, k) => ({ job, k }))
    .sort((a, b) => opens(a.job) - opens(b.job) || b.job.priority - a.job.priority || a.k - b.k)
    .map(({ job }) => job);

  const unassigned: VrpSolution['unassigned'] = [];
  for (const job of order) {
    let best: { v: number; travel: number; arrival: number; start: number } | null = null;
    let qualified = false;
    for (let v = 0; v < instance.vehicles.length; v++) {
      const vehicle = instance.vehicles[v] as VrpInstance['vehicles'][number];
      const skilled = Object.entries(job.skills).every(
        ([s, level]) => (vehicle.skills[s] ?? -1) >= level,
      );
      if (!skilled || (job.pinnedVehicle !== undefined && job.pinnedVehicle !== vehicle.id))
        continue;
      qualified = true;
      const tech = state[v] as TechState;
      if (tech.route.stops.length >= (vehicle.maxJobs ?? Infinity)) continue;
      const travel = leg(tech.at, job.location);
      const arrival = tech.free + travel;
      const start = earliestStart(job, arrival);
      if (start === null) continue;
      if (start + job.service + leg(job.location, vehicle.end) > vehicle.shift[1] + EPS) continue;
      // Nearest first; on a tie the one who can start sooner, then the first listed.
      const better =
        !best ||
        travel < best.travel - EPS ||
        (travel <= best.travel + EPS && start < best.start - EPS);
      if (better) best = { v, travel, arrival, start };
    }
    const pick = best;
    if (!pick) {
      unassigned.push({
        jobId: job.id,
        reason: qualified
          ? 'no qualified technician can fit it in before the end of the shift'
          : 'no technician has the required skills',
      });
      continue;
    }
    const tech = state[pick.v] as TechState;
    tech.route.stops.push({ jobId: job.id, arrival: pick.arrival, start: pick.start });
    tech.at = job.location;
    tech.free = pick.start + job.service;
  }

  const byId = new Map(instance.jobs.map((j) => [j.id, j]));
  const routes: VrpRoute[] = [];
  instance.vehicles.forEach((vehicle, v) => {
    const { route } = state[v] as TechState;
    if (route.stops.length === 0) return;
    let at = vehicle.start;
    for (const stop of route.stops) {
      const loc = (byId.get(stop.jobId) as VrpJob).location;
      route.distance += distance[at * size + loc] as number;
      route.travelTime += leg(at, loc);
      at = loc;
    }
    route.distance += distance[at * size + vehicle.end] as number;
    route.travelTime += leg(at, vehicle.end);
    const { free } = state[v] as TechState;
    route.returnAt = free + leg(at, vehicle.end);
    // Leave home as late as the first job allows instead of waiting on site.
    const first = route.stops[0];
    if (first) {
      const travel = leg(vehicle.start, (byId.get(first.jobId) as VrpJob).location);
      route.departure = Math.max(vehicle.shift[0], first.start - travel);
      first.arrival = route.departure + travel;
    }
    routes.push(route);
  });
  unassigned.sort((a, b) => a.jobId.localeCompare(b.jobId));
  return {
    routes,
    unassigned,
    totals: {
      distance: routes.reduce((s, r) => s + r.distance, 0),
      travelTime: routes.reduce((s, r) => s + r.travelTime, 0),
      vehicles: routes.length,
      unassigned: unassigned.length,
    },
  };
}

/** Earliest start at or after `arrival` inside one of the job's windows, or null. */
function earliestStart(job: VrpJob, arrival: number): number | null {
  let best: number | null = null;
  for (const [open, close] of job.windows) {
    const s = Math.max(open, arrival);
    if (s <= close + EPS && (best === null || s < best)) best = s;
  }
  return best;
}
