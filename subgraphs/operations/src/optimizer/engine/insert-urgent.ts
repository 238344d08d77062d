import { buildModel, EPS, firstStart, type Model } from './model';
import { Route, simulate, type Timeline } from './route-state';
import { Solution } from './solution';
import { toVrpSolution } from './solution-output';
import type { CurrentRoute, VrpInstance, VrpRoute, VrpSolution } from './vrp.types';
import { indexRoutes } from './warm-start';

export type { CurrentRoute } from './vrp.types';

export interface UrgentInsertResult {
  /** Full routes with times, as `solve` returns them. */
  solution: VrpSolution;
  /** Where each new job went; `position` is its 0-based index in the vehicle's final stops. */
  inserted: { jobId: string; vehicleId: string; position: number }[];
  /** Jobs taken off their route to make room (only with `allowBump`); also in `unassigned`. */
  bumped: { jobId: string; reason: string }[];
}

export interface UrgentInsertOptions {
  /** May lower-priority jobs that have not started be taken off a route to fit a new job? */
  allowBump?: boolean;
  /**
   * Serve the new jobs as early as possible: the soonest service start wins, then the least
   * added travel (for emergencies, where response time matters more than driving).
   */
  soonest?: boolean;
}

/** At most this many jobs are bumped for one new job: beyond that it is a re-plan, not a fix. */
const MAX_BUMP = 3;

/** Jobs the dispatcher did not plan and did not send in: left out, not our call to place them. */
const NOT_PLANNED = 'not in the current plan';

interface Placement {
  v: number;
  /** Insert between route positions p and p + 1 (0 = right after the start). */
  p: number;
  travel: number;
  push: number;
  /** When the new job's service would start there. */
  start: number;
}

/**
 * Minimal-disruption insertion of emergency jobs into a running plan. Every current route keeps
 * its order (times only shift); each new job, highest priority first, goes to the position that
 * adds the least travel time over all vehicles that may serve it, ties broken by the least delay
 * pushed onto the later stops and then by vehicle order. Jobs of the plan never change vehicle.
 * With `allowBump`, a job that fits nowhere may take the place of up to MAX_BUMP lower-priority
 * jobs of one route that are not pinned (a pinned job is started or dispatched, so locked).
 * The plan is rebuilt in the engine's Route/Solution machinery so that times and reasons are
 * the solver's own. Unknown ids throw; an infeasible plan does not.
 */
export function insertUrgent(
  instance: VrpInstance,
  current: readonly CurrentRoute[],
  newJobIds: readonly string[],
  options: UrgentInsertOptions = {},
): UrgentInsertResult {
  const m = buildModel(instance);
  const jobIndex = new Map(instance.jobs.map((j, i) => [j.id, i]));
  const isNew = new Uint8Array(m.nJobs);
  const fresh: number[] = [];
  for (const id of newJobIds) {
    const j = jobIndex.get(id);
    if (j === undefined) throw new Error(`insertUrgent: unknown job ${id}`);
    if (isNew[j]) continue;
    isNew[j] = 1;
    fresh.push(j);
  }

  const sol = new Solution(m);
  const inPlan = new Uint8Array(m.nJobs);
  // A route that already breaks a constraint (e.g. a dispatcher forced it) is kept exactly as
  // it is: nothing is inserted into it or bumped from it, since any check on it would fail.
  const frozen = new Uint8Array(m.nVehicles);
  for (const { v, jobs } of indexRoutes(m, current)) {
    const r = sol.routes[v] as Route;
    // A new job that is also on a route is being re-placed: it leaves its old spot.
    const keep = jobs.filter((j) => !isNew[j]);
    r.setJobs(keep, keep.length);
    for (const j of keep) inPlan[j] = 1;
    if (!routeFeasible(r)) frozen[v] = 1;
  }
  for (let j = 0; j < m.nJobs; j++) if (!inPlan[j]) sol.unassigned.push(j);

  // Pinned jobs count as started; new jobs placed in this call are not bumped by later ones.
  const locked = Uint8Array.from(m.pinned, (pin) => (pin === -1 ? 0 : 1));
  const order = fresh
    .map((j, k) => ({ j, k }))
    .sort((a, b) => (m.priority[b.j] as number) - (m.priority[a.j] as number) || a.k - b.k)
    .map(({ j }) => j);
  const bumpedFor = new Map<number, number>();
  for (const j of order) {
    let place = cheapestPlacement(sol, j, frozen, -1, options.soonest ?? false);
    if (!place && options.allowBump) {
      const bump = cheapestBump(sol, j, frozen, locked);
      if (bump) {
        const r = sol.routes[bump.v] as Route;
        const keep: number[] = [];
        for (let p = 1; p <= r.len; p++) {
          const k = r.job(p);
          if (bump.drop.includes(k)) {
            bumpedFor.set(k, j);
            sol.unassigned.push(k);
          } else keep.push(k);
        }
        r.setJobs(keep, keep.length);
        place = cheapestPlacement(sol, j, frozen, bump.v, options.soonest ?? false);
      }
    }
    if (!place) continue;
    (sol.routes[place.v] as Route).insert(place.p + 1, j);
    sol.unassigned.splice(sol.unassigned.indexOf(j), 1);
    locked[j] = 1;
  }

  const solution = toVrpSolution(sol);
  // The engine's timeline stops at the first violation; a frozen route is reported in full.
  const vehicleIndex = new Map(instance.vehicles.map((v, i) => [v.id, i]));
  solution.routes = solution.routes.map((route) => {
    const v = vehicleIndex.get(route.vehicleId) as number;
    return frozen[v] ? { ...route, ...lenientTimeline(sol.routes[v] as Route) } : route;
  });
  const idOf = (j: number): string => instance.jobs[j]?.id ?? String(j);
  const reasonOf = new Map<string, string>();
  for (const [k, j] of bumpedFor) reasonOf.set(idOf(k), `made room for ${idOf(j)}`);
  for (const u of solution.unassigned) {
    const j = jobIndex.get(u.jobId) as number;
    u.reason = reasonOf.get(u.jobId) ?? (isNew[j] ? u.reason : NOT_PLANNED);
  }
  const inserted: UrgentInsertResult['inserted'] = [];
  for (const j of order) {
    const id = idOf(j);
    for (const route of solution.routes) {
      const position = route.stops.findIndex((s) => s.jobId === id);
      if (position >= 0) inserted.push({ jobId: id, vehicleId: route.vehicleId, position });
    }
  }
  const bumped = [...bumpedFor.keys()]
    .sort((a, b) => a - b)
    .map((k) => ({ jobId: idOf(k), reason: reasonOf.get(idOf(k)) as string }));
  return { solution, inserted, bumped };
}

/** Skills, pinning, maxJobs, capacity, windows, shift and breaks all hold on the route. */
function routeFeasible(r: Route): boolean {
  const { m, v } = r;
  if (r.len === 0) return true;
  if (r.len > (m.maxJobs[v] as number)) return false;
  for (let p = 1; p <= r.len; p++) if (!m.compat[v * m.nJobs + r.job(p)]) return false;
  for (let d = 0; d < m.dims; d++) {
    if ((r.load[r.len * m.dims + d] as number) > (m.capacity[v * m.dims + d] as number) + EPS)
      return false;
  }
  if (!r.timeFeasible()) return false;
  return !m.hasBreaks[v] || simulate(m, v, r.jobs, r.len, null);
}

/**
 * The schedule of a route that breaks its constraints, as it would run: a stop reached after
 * its windows is served on arrival (late), and breaks are not placed. Only used for frozen
 * routes, which the dispatcher forced and which the checker will flag anyway.
 */
function lenientTimeline(r: Route): Pick<VrpRoute, 'stops' | 'departure' | 'returnAt'> {
  const { m, v } = r;
  let t = m.shiftA[v] as number;
  const stops: VrpRoute['stops'] = [];
  for (let p = 1; p <= r.len; p++) {
    const j = r.job(p);
    const arrival = t + (m.time[r.loc(p - 1) * m.size + r.loc(p)] as number);
    const start = firstStart(m, j, arrival);
    const begin = start === Infinity ? arrival : start;
    stops.push({ jobId: m.instance.jobs[j]?.id ?? String(j), arrival, start: begin });
    t = begin + (m.service[j] as number);
  }
  const returnAt = t + (m.time[r.loc(r.len) * m.size + r.loc(r.len + 1)] as number);
  return { stops, departure: m.shiftA[v] as number, returnAt };
}

function travelOf(r: Route): number {
  const { m } = r;
  let t = 0;
  if (r.len === 0) return 0;
  for (let p = 0; p <= r.len; p++) t += m.time[r.loc(p) * m.size + r.loc(p + 1)] as number;
  return t;
}

/**
 * Travel time added by putting job j between positions p and p + 1. An unused vehicle does not
 * drive from its start to its end, so on an empty route nothing is saved on that leg.
 */
function addedTravel(r: Route, j: number, p: number): number {
  const { m } = r;
  const a = r.loc(p);
  const b = r.loc(p + 1);
  const u = m.jobLoc[j] as number;
  const saved = r.len === 0 ? 0 : (m.time[a * m.size + b] as number);
  return (m.time[a * m.size + u] as number) + (m.time[u * m.size + b] as number) - saved;
}

/** Service starts of the route's jobs, breaks included (the schedule the output reports). */
function starts(m: Model, v: number, seq: ArrayLike<number>, n: number): number[] {
  const timeline: Timeline = { stops: [], breaks: [], returnAt: 0 };
  simulate(m, v, seq, n, timeline);
  return timeline.stops.map((s) => s.start);
}

/**
 * Total delay that inserting j after position p pushes onto the stops after it, and when j
 * itself would start.
 */
function pushedDelay(r: Route, j: number, p: number): { push: number; start: number } {
  const { m } = r;
  const before = starts(m, r.v, r.jobs, r.len);
  const seq = [...r.jobs.subarray(0, p), j, ...r.jobs.subarray(p, r.len)];
  const after = starts(m, r.v, seq, seq.length);
  let push = 0;
  for (let i = p; i < r.len; i++) push += Math.max(0, (after[i + 1] ?? 0) - (before[i] ?? 0));
  return { push, start: after[p] ?? Infinity };
}

/**
 * The cheapest feasible position for j over the routes that are not frozen (or on vehicle
 * `only`), or null when there is none.
 */
function cheapestPlacement(
  sol: Solution,
  j: number,
  frozen: Uint8Array,
  only = -1,
  soonest = false,
): Placement | null {
  let best: Placement | null = null;
  for (const r of sol.routes) {
    if (frozen[r.v] || (only >= 0 && r.v !== only) || !r.accepts(j)) continue;
    for (let p = 0; p <= r.len; p++) {
      if (r.insertDelta(j, p) === Infinity) continue;
      const travel = addedTravel(r, j, p);
      if (!soonest && best && travel > best.travel + EPS) continue;
      const { push, start } = pushedDelay(r, j, p);
      const candidate = { v: r.v, p, travel, push, start };
      // Strictly better only: an equal option on an earlier vehicle or position stays.
      if (!best || (soonest ? soonerThan(candidate, best) : cheaperThan(candidate, best)))
        best = candidate;
    }
  }
  return best;
}

const cheaperThan = (a: Placement, b: Placement) =>
  a.travel < b.travel - EPS || (a.travel <= b.travel + EPS && a.push < b.push - EPS);

const soonerThan = (a: Placement, b: Placement) =>
  a.start < b.start - EPS || (a.start <= b.start + EPS && cheaperThan(a, b));

interface Bump {
  v: number;
  drop: number[];
  priority: number;
  travel: number;
}

/**
 * The least harmful way to make room for j on one route: a minimal set (no subset of it would
 * do) of at most MAX_BUMP removable jobs (not pinned, not placed in this call, lower priority
 * than j) whose removal lets j in. Preferred: the smallest total priority removed, then the
 * fewest jobs, then the least change in the route's travel time, then vehicle order.
 */
function cheapestBump(
  sol: Solution,
  j: number,
  frozen: Uint8Array,
  locked: Uint8Array,
): Bump | null {
  const { m } = sol;
  let best: Bump | null = null;
  for (const r of sol.routes) {
    if (frozen[r.v] || !m.compat[r.v * m.nJobs + j] || r.len === 0) continue;
    const removable: number[] = [];
    for (let p = 1; p <= r.len; p++) {
      const k = r.job(p);
      if (!locked[k] && (m.priority[k] as number) < (m.priority[j] as number)) removable.push(k);
    }
    const before = travelOf(r);
    const feasible: number[][] = [];
    const route = new Route(m, r.v);
    for (const drop of subsets(removable, MAX_BUMP)) {
      if (feasible.some((f) => f.every((k) => drop.includes(k)))) continue;
      const keep: number[] = [];
      for (let p = 1; p <= r.len; p++) if (!drop.includes(r.job(p))) keep.push(r.job(p));
      route.setJobs(keep, keep.length);
      if (!route.accepts(j)) continue;
      let travel = Infinity;
      for (let p = 0; p <= route.len; p++) {
        if (route.insertDelta(j, p) < Infinity) travel = Math.min(travel, addedTravel(route, j, p));
      }
      if (travel === Infinity) continue;
      feasible.push(drop);
      travel += travelOf(route) - before;
      let priority = 0;
      for (const k of drop) priority += m.priority[k] as number;
      const better =
        !best ||
        priority < best.priority - EPS ||
        (priority <= best.priority + EPS &&
          (drop.length < best.drop.length ||
            (drop.length === best.drop.length && travel < best.travel - EPS)));
      if (better) best = { v: r.v, drop, priority, travel };
    }
  }
  return best;
}

/** Every subset of `items` with 1..max elements, smaller ones first, in item order. */
function* subsets(items: readonly number[], max: number): Generator<number[]> {
  const pick: number[] = [];
  function* grow(from: number, size: number): Generator<number[]> {
    if (pick.length === size) {
      yield pick.slice();
      return;
    }
    for (let i = from; i < items.length; i++) {
      pick.push(items[i] as number);
      yield* grow(i + 1, size);
      pick.pop();
    }
  }
  for (let size = 1; size <= Math.min(max, items.length); size++) yield* grow(0, size);
}
