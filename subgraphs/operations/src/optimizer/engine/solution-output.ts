import { firstStart, type Model } from './model';
import { type Route, simulate, type Timeline } from './route-state';
import type { Solution } from './solution';
import type { VrpRoute, VrpSolution } from './vrp.types';

/** The internal solution as the public answer: timelines, totals, unassigned with reasons. */
export function toVrpSolution(sol: Solution): VrpSolution {
  const { m } = sol;
  const routes: VrpRoute[] = [];
  for (const r of sol.routes) {
    if (r.len === 0) continue;
    routes.push(routeOut(m, r));
  }
  const unassigned = sol.unassigned
    .slice()
    .sort((a, b) => a - b)
    .map((j) => ({ jobId: m.instance.jobs[j]?.id ?? String(j), reason: unassignedReason(sol, j) }));
  const distance = routes.reduce((s, r) => s + r.distance, 0);
  const travelTime = routes.reduce((s, r) => s + r.travelTime, 0);
  return {
    routes,
    unassigned,
    totals: { distance, travelTime, vehicles: routes.length, unassigned: unassigned.length },
  };
}

function routeOut(m: Model, r: Route): VrpRoute {
  const timeline: Timeline = { stops: [], breaks: [], returnAt: 0 };
  simulate(m, r.v, r.jobs, r.len, timeline);
  const size = m.size;
  let distance = 0;
  let travelTime = 0;
  let prev = m.vStart[r.v] as number;
  for (let p = 1; p <= r.len + 1; p++) {
    const l = r.loc(p);
    distance += m.dist[prev * size + l] as number;
    travelTime += m.time[prev * size + l] as number;
    prev = l;
  }
  let departure = m.shiftA[r.v] as number;
  const first = timeline.stops[0];
  if (first && timeline.breaks.length === 0) {
    // Leave as late as the first service allows, instead of waiting on site.
    const travel = m.time[
      (m.vStart[r.v] as number) * size + (m.jobLoc[first.job] as number)
    ] as number;
    departure = Math.max(departure, first.start - travel);
    first.arrival = departure + travel;
  }
  const vehicle = m.instance.vehicles[r.v];
  const out: VrpRoute = {
    vehicleId: vehicle?.id ?? String(r.v),
    stops: timeline.stops.map((s) => ({
      jobId: m.instance.jobs[s.job]?.id ?? String(s.job),
      arrival: s.arrival,
      start: s.start,
    })),
    departure,
    returnAt: timeline.returnAt,
    distance,
    travelTime,
  };
  if (timeline.breaks.length > 0) out.breaks = timeline.breaks;
  return out;
}

/** Why a job is left out, from the most to the least fundamental cause. */
export function unassignedReason(sol: Solution, j: number): string {
  const { m } = sol;
  if ((m.pinned[j] as number) === -2) return 'pinned vehicle does not exist';
  const skilled: number[] = [];
  for (let v = 0; v < m.nVehicles; v++) if (m.compat[v * m.nJobs + j]) skilled.push(v);
  if (skilled.length === 0) {
    return m.pinned[j] === -1
      ? 'no vehicle has the required skills'
      : 'pinned vehicle lacks the required skills';
  }
  const big = skilled.filter((v) => {
    for (let d = 0; d < m.dims; d++) {
      if ((m.demand[j * m.dims + d] as number) > (m.capacity[v * m.dims + d] as number))
        return false;
    }
    return (m.maxJobs[v] as number) > 0;
  });
  if (big.length === 0) return 'demand exceeds the capacity of every eligible vehicle';
  const reachable = big.filter((v) => {
    const arrive =
      (m.shiftA[v] as number) +
      (m.time[(m.vStart[v] as number) * m.size + (m.jobLoc[j] as number)] as number);
    return firstStart(m, j, arrive) !== Infinity && simulate(m, v, [j], 1, null);
  });
  if (reachable.length === 0) return 'no feasible time window within any eligible shift';
  let timeFits = false;
  for (const v of reachable) {
    const r = sol.routes[v];
    if (!r) continue;
    for (let p = 0; p <= r.len && !timeFits; p++)
      if (r.insertDelta(j, p) < Infinity) timeFits = true;
    if (timeFits && r.accepts(j)) {
      return m.optional[j]
        ? 'optional job left out: its penalty is cheaper than serving it'
        : 'not enough time';
    }
  }
  return timeFits
    ? 'not enough capacity or job slots left on any route'
    : 'not enough time left on any route';
}
