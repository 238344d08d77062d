import fc from 'fast-check';
import { evaluateRoute } from '../check/route-evaluation';
import { checkSolution } from '../check/solution-check';
import { randomInstanceArb } from '../check/vrp.arbitraries';
import { insertUrgent, type CurrentRoute } from './insert-urgent';
import { solve } from './solver';
import { makeInstance, makeJob, makeVehicle, randomInstance } from './vrp.factory';
import type { VrpInstance, VrpJob, VrpSolution } from './vrp.types';

/*
 * The current plan in these tests is a solver answer for every job but the new ones; the
 * brute force below tries the new job at every position of every route with the checker's own
 * route evaluation, so "cheapest" is judged independently of the engine's O(1) checks.
 */

const planOf = (s: VrpSolution): CurrentRoute[] =>
  s.routes.map((r) => ({ vehicleId: r.vehicleId, jobIds: r.stops.map((x) => x.jobId) }));

function currentPlan(instance: VrpInstance, without: readonly string[]): CurrentRoute[] {
  const rest = { ...instance, jobs: instance.jobs.filter((j) => !without.includes(j.id)) };
  return planOf(solve(rest, { seed: 3, timeLimitMs: 2000, maxIterations: 60 }));
}

/** Least added travel time of one new job over every feasible position, or null if none. */
function bruteForceInsertion(
  instance: VrpInstance,
  plan: readonly CurrentRoute[],
  jobId: string,
): number | null {
  const job = instance.jobs.find((j) => j.id === jobId) as VrpJob;
  const byId = new Map(instance.jobs.map((j) => [j.id, j]));
  let best: number | null = null;
  for (const vehicle of instance.vehicles) {
    const ids = plan.find((r) => r.vehicleId === vehicle.id)?.jobIds ?? [];
    const seq = ids.map((id) => byId.get(id) as VrpJob);
    const before = evaluateRoute(instance, vehicle, seq);
    if (before.violations.length > 0) continue;
    for (let p = 0; p <= seq.length; p++) {
      const trial = [...seq.slice(0, p), job, ...seq.slice(p)];
      const after = evaluateRoute(instance, vehicle, trial);
      if (after.violations.length > 0) continue;
      const added = after.travelTime - before.travelTime;
      if (best === null || added < best) best = added;
    }
  }
  return best;
}

/** Every job of the plan that is still served stays on its vehicle, in the same order. */
function expectOrderKept(plan: readonly CurrentRoute[], s: VrpSolution): void {
  for (const route of plan) {
    const out = s.routes.find((r) => r.vehicleId === route.vehicleId);
    const kept = (out?.stops ?? []).map((x) => x.jobId).filter((id) => route.jobIds.includes(id));
    const stillServed = route.jobIds.filter((id) => !s.unassigned.some((u) => u.jobId === id));
    expect(kept).toEqual(stillServed);
  }
}

function travelOn(s: VrpSolution, vehicleId: string): number {
  return s.routes.find((r) => r.vehicleId === vehicleId)?.travelTime ?? 0;
}

describe('insertUrgent', () => {
  it('should put the new job at the cheapest feasible position when compared with brute force', () => {
    let compared = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const instance = randomInstance(seed, 9, 3);
      const newId = instance.jobs[seed % 9]?.id as string;
      const plan = currentPlan(instance, [newId]);
      const result = insertUrgent(instance, plan, [newId]);
      expect(checkSolution(instance, result.solution).violations).toEqual([]);
      expectOrderKept(plan, result.solution);
      const best = bruteForceInsertion(instance, plan, newId);
      const placed = result.inserted.find((x) => x.jobId === newId);
      if (best === null) {
        expect(placed).toBeUndefined();
        expect(result.solution.unassigned.map((u) => u.jobId)).toContain(newId);
        continue;
      }
      compared++;
      expect(placed).toBeDefined();
      const vehicleId = placed?.vehicleId as string;
      const before = evaluateRoute(
        instance,
        instance.vehicles.find((v) => v.id === vehicleId)!,
        (plan.find((r) => r.vehicleId === vehicleId)?.jobIds ?? []).map((id) =>
          instance.jobs.find((j) => j.id === id)!,
        ),
      );
      expect(travelOn(result.solution, vehicleId) - before.travelTime).toBeCloseTo(best, 6);
      const stops = result.solution.routes.find((r) => r.vehicleId === vehicleId)?.stops ?? [];
      expect(stops[placed?.position ?? -1]?.jobId).toBe(newId);
    }
    expect(compared).toBeGreaterThanOrEqual(6);
  });

  it('should prefer the position that delays later stops least when added travel ties', () => {
    // Depot (0, 0), A at (10, 0), B at (10, 10); N sits on A's spot. Before or after A adds
    // no travel, but before A delays both A and B by N's service, after A only B.
    const instance = makeInstance(
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [10, 0],
      ],
      [makeVehicle({ id: 'v1' })],
      [
        makeJob(1, { id: 'A', service: 5 }),
        makeJob(2, { id: 'B' }),
        makeJob(3, { id: 'N', service: 5 }),
      ],
    );
    const result = insertUrgent(instance, [{ vehicleId: 'v1', jobIds: ['A', 'B'] }], ['N']);
    expect(result.inserted).toEqual([{ jobId: 'N', vehicleId: 'v1', position: 1 }]);
    expect(result.solution.routes[0]?.stops.map((s) => s.jobId)).toEqual(['A', 'N', 'B']);
  });

  it('should insert the highest priority first when two new jobs compete for one slot', () => {
    const instance = makeInstance(
      [
        [0, 0],
        [10, 0],
        [11, 0],
      ],
      [makeVehicle({ id: 'v1', maxJobs: 1 })],
      [makeJob(1, { id: 'low', priority: 0 }), makeJob(2, { id: 'high', priority: 50 })],
    );
    const result = insertUrgent(instance, [], ['low', 'high']);
    expect(result.inserted).toEqual([{ jobId: 'high', vehicleId: 'v1', position: 0 }]);
    expect(result.solution.unassigned).toEqual([
      { jobId: 'low', reason: 'not enough capacity or job slots left on any route' },
    ]);
  });

  it('should only use vehicles with the skills and keep pinned jobs on their vehicle', () => {
    const instance = makeInstance(
      [
        [0, 0],
        [5, 0],
        [6, 0],
        [7, 0],
      ],
      [makeVehicle({ id: 'near' }), makeVehicle({ id: 'gas', skills: { gas: 2 } })],
      [
        makeJob(1, { id: 'a' }),
        makeJob(2, { id: 'b', pinnedVehicle: 'gas' }),
        makeJob(3, { id: 'N', skills: { gas: 2 }, priority: 100 }),
      ],
    );
    const plan = [
      { vehicleId: 'near', jobIds: ['a'] },
      { vehicleId: 'gas', jobIds: ['b'] },
    ];
    const result = insertUrgent(instance, plan, ['N']);
    expect(result.inserted.map((x) => x.vehicleId)).toEqual(['gas']);
    expect(checkSolution(instance, result.solution).violations).toEqual([]);
    expectOrderKept(plan, result.solution);
  });

  it('should leave the job unassigned with the solver reason when nothing fits and bumping is off', () => {
    const instance = makeInstance(
      [
        [0, 0],
        [10, 0],
        [20, 0],
      ],
      [makeVehicle({ id: 'v1', maxJobs: 1 })],
      [makeJob(1, { id: 'a' }), makeJob(2, { id: 'N', priority: 100 })],
    );
    const result = insertUrgent(instance, [{ vehicleId: 'v1', jobIds: ['a'] }], ['N']);
    expect(result.inserted).toEqual([]);
    expect(result.bumped).toEqual([]);
    expect(result.solution.unassigned).toEqual([
      { jobId: 'N', reason: 'not enough capacity or job slots left on any route' },
    ]);

    const late = {
      ...instance,
      jobs: [instance.jobs[0]!, { ...instance.jobs[1]!, windows: [[0, 5]] as const }],
    };
    const none = insertUrgent(late, [{ vehicleId: 'v1', jobIds: ['a'] }], ['N'], {
      allowBump: true,
    });
    expect(none.bumped).toEqual([]);
    expect(none.solution.unassigned).toEqual([
      { jobId: 'N', reason: 'no feasible time window within any eligible shift' },
    ]);
    expect(none.solution.routes[0]?.stops.map((s) => s.jobId)).toEqual(['a']);
  });

  it('should bump the lowest-priority job and never a pinned one when room is needed', () => {
    const instance = makeInstance(
      [
        [0, 0],
        [10, 0],
        [12, 0],
        [14, 0],
        [11, 0],
      ],
      [makeVehicle({ id: 'v1', maxJobs: 3 })],
      [
        makeJob(1, { id: 'started', priority: 0, pinnedVehicle: 'v1' }),
        makeJob(2, { id: 'mid', priority: 5 }),
        makeJob(3, { id: 'low', priority: 1 }),
        makeJob(4, { id: 'N', priority: 100 }),
      ],
    );
    const plan = [{ vehicleId: 'v1', jobIds: ['started', 'mid', 'low'] }];
    const result = insertUrgent(instance, plan, ['N'], { allowBump: true });
    expect(result.bumped).toEqual([{ jobId: 'low', reason: 'made room for N' }]);
    expect(result.solution.unassigned).toEqual([{ jobId: 'low', reason: 'made room for N' }]);
    expect(result.solution.routes[0]?.stops.map((s) => s.jobId)).toEqual(['started', 'N', 'mid']);
    expect(checkSolution(instance, result.solution).violations).toEqual([]);

    // With every other job pinned, nothing may go: the new job stays out.
    const locked = {
      ...instance,
      jobs: instance.jobs.map((j) => (j.id === 'N' ? j : { ...j, pinnedVehicle: 'v1' })),
    };
    const none = insertUrgent(locked, plan, ['N'], { allowBump: true });
    expect(none.bumped).toEqual([]);
    expect(none.solution.unassigned.map((u) => u.jobId)).toEqual(['N']);
  });

  it('should bump a job only for a higher-priority one and prefer the least travel on a tie', () => {
    const instance = makeInstance(
      [
        [0, 0],
        [10, 0],
        [30, 0],
        [11, 0],
      ],
      [makeVehicle({ id: 'v1', maxJobs: 2 })],
      [
        makeJob(1, { id: 'near', priority: 1 }),
        makeJob(2, { id: 'far', priority: 1 }),
        makeJob(3, { id: 'N', priority: 1 }),
      ],
    );
    const plan = [{ vehicleId: 'v1', jobIds: ['near', 'far'] }];
    expect(insertUrgent(instance, plan, ['N'], { allowBump: true }).bumped).toEqual([]);
    const urgent = {
      ...instance,
      jobs: instance.jobs.map((j) => (j.id === 'N' ? { ...j, priority: 9 } : j)),
    };
    const result = insertUrgent(urgent, plan, ['N'], { allowBump: true });
    // Dropping `far` saves the long leg to 30; dropping `near` would not.
    expect(result.bumped).toEqual([{ jobId: 'far', reason: 'made room for N' }]);
    expect(result.solution.routes[0]?.stops.map((s) => s.jobId)).toEqual(['near', 'N']);
  });

  it('should keep an infeasible current route as it is and insert elsewhere without throwing', () => {
    const instance = makeInstance(
      [
        [0, 0],
        [50, 0],
        [1, 0],
        [-20, 0],
      ],
      [makeVehicle({ id: 'forced' }), makeVehicle({ id: 'other' })],
      [
        makeJob(1, { id: 'late', windows: [[0, 10]] }),
        makeJob(2, { id: 'b' }),
        makeJob(3, { id: 'N', priority: 100 }),
      ],
    );
    const plan = [
      { vehicleId: 'forced', jobIds: ['late', 'b'] },
      { vehicleId: 'other', jobIds: [] },
    ];
    const result = insertUrgent(instance, plan, ['N'], { allowBump: true });
    expect(result.inserted).toEqual([{ jobId: 'N', vehicleId: 'other', position: 0 }]);
    expect(result.bumped).toEqual([]);
    const forced = result.solution.routes.find((r) => r.vehicleId === 'forced');
    expect(forced?.stops.map((s) => s.jobId)).toEqual(['late', 'b']);
    // Reported as it would run: 'late' served on arrival at 50, after its window.
    expect(forced?.stops[0]).toEqual({ jobId: 'late', arrival: 50, start: 50 });
    const { violations } = checkSolution(instance, result.solution);
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.every((v) => v.includes('job late'))).toBe(true);
  });

  it('should report jobs in neither the plan nor the new jobs as not planned', () => {
    const instance = randomInstance(4, 5, 2);
    const result = insertUrgent(instance, [], ['j1']);
    const reasons = new Map(result.solution.unassigned.map((u) => [u.jobId, u.reason]));
    for (const id of ['j2', 'j3', 'j4', 'j5'])
      expect(reasons.get(id)).toBe('not in the current plan');
  });

  it('should throw on ids that are not in the instance', () => {
    const instance = randomInstance(4, 3, 1);
    expect(() => insertUrgent(instance, [{ vehicleId: 'nope', jobIds: [] }], [])).toThrow(
      'unknown vehicle nope',
    );
    expect(() => insertUrgent(instance, [], ['nope'])).toThrow('unknown job nope');
  });

  it('should always return a feasible, order-preserving plan when instances are random', () => {
    fc.assert(
      fc.property(
        randomInstanceArb({ maxJobs: 8, maxVehicles: 3, optional: false }),
        fc.integer({ min: 1, max: 2 }),
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 8, maxLength: 8 }),
        (base, nNew, allowBump, priorities) => {
          const instance: VrpInstance = {
            ...base,
            jobs: base.jobs.map((j, i) => ({ ...j, priority: priorities[i] ?? 0 })),
          };
          const newIds = instance.jobs.slice(-nNew).map((j) => j.id);
          const plan = currentPlan(instance, newIds);
          const result = insertUrgent(instance, plan, newIds, { allowBump });
          expect(checkSolution(instance, result.solution).violations).toEqual([]);
          expectOrderKept(plan, result.solution);
          if (!allowBump) expect(result.bumped).toEqual([]);
          for (const b of result.bumped) expect(b.reason).toMatch(/^made room for /);
          for (const id of newIds) {
            const placed = result.inserted.some((x) => x.jobId === id);
            const left = result.solution.unassigned.some((u) => u.jobId === id);
            expect(placed !== left).toBe(true);
          }
          // One new job without bumping: exactly the brute-force cheapest, or none exists.
          if (nNew === 1 && !allowBump) {
            const best = bruteForceInsertion(instance, plan, newIds[0]!);
            const placed = result.inserted[0];
            expect(placed === undefined).toBe(best === null);
            if (placed && best !== null) {
              const before = plan.find((r) => r.vehicleId === placed.vehicleId);
              const vehicle = instance.vehicles.find((v) => v.id === placed.vehicleId)!;
              const seq = (before?.jobIds ?? []).map((id) =>
                instance.jobs.find((j) => j.id === id)!,
              );
              const added =
                travelOn(result.solution, placed.vehicleId) -
                evaluateRoute(instance, vehicle, seq).travelTime;
              expect(Math.abs(added - best)).toBeLessThanOrEqual(1e-6);
            }
          }
        },
      ),
      { numRuns: 150, seed: 11 },
    );
  });
});
