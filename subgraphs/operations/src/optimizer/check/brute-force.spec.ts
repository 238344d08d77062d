import fc from 'fast-check';
import type { VrpInstance, VrpSolution } from '../engine/vrp.types';
import { bruteForceOptimum } from './brute-force';
import { evaluateRoute } from './route-evaluation';
import { checkSolution } from './solution-check';
import { randomInstanceArb } from './vrp.arbitraries';
import { aJob, lineInstance } from './vrp.factory';

/** A solution that puts job i on vehicle assignment[i][0], in the order of assignment[i][1]. */
function solutionFrom(instance: VrpInstance, assignment: [number, number][]): VrpSolution {
  const routes = instance.vehicles.map((vehicle, v) => {
    const jobs = instance.jobs
      .map((job, i) => ({ job, key: assignment[i]! }))
      .filter(({ key }) => key[0] === v)
      .sort((a, b) => a.key[1] - b.key[1])
      .map(({ job }) => job);
    const e = evaluateRoute(instance, vehicle, jobs);
    return {
      vehicleId: vehicle.id,
      stops: jobs.map((job, k) => ({
        jobId: job.id,
        arrival: e.arrivals[k]!,
        start: e.starts[k]!,
      })),
      departure: vehicle.shift[0],
      returnAt: e.returnAt,
      distance: e.distance,
      travelTime: e.travelTime,
    };
  });
  const used = routes.filter((r) => r.stops.length > 0);
  return {
    routes: used,
    unassigned: [],
    totals: {
      distance: used.reduce((d, r) => d + r.distance, 0),
      travelTime: used.reduce((t, r) => t + r.travelTime, 0),
      vehicles: used.length,
      unassigned: 0,
    },
  };
}

describe('bruteForceOptimum', () => {
  it('should find the hand-computed optimum when the line instance is solved', () => {
    // j3 needs v1 (electric); j1 and j2 on one out-and-back to 20: 10 + 40 = 50.
    expect(bruteForceOptimum(lineInstance())).toBe(50);
  });

  it('should put everything on one vehicle when the skill allows it and the windows fit', () => {
    // v1 alone: 0 → -5 → 10 → 20 → 0 = 5 + 15 + 10 + 20 = 50; any split costs as much or more.
    const instance = lineInstance({ vehicles: [{}, { skills: { electric: 1 } }] });
    expect(bruteForceOptimum(instance)).toBe(50);
  });

  it('should return null when a job fits no vehicle', () => {
    const instance = lineInstance({ jobs: [{}, {}, { skills: { electric: 5 } }] });
    expect(bruteForceOptimum(instance)).toBeNull();
  });

  it('should respect capacity when the jobs cannot share a vehicle', () => {
    // j1 and j2 (demand 8 each) need two out-and-backs: 20 + 40; j3 (-5) costs 10 more.
    const instance = lineInstance({
      jobs: [{ demand: [8] }, { demand: [8] }, { demand: [1] }],
    });
    expect(bruteForceOptimum(instance)).toBe(70);
  });

  it('should refuse instances larger than it can enumerate', () => {
    const instance = lineInstance();
    const jobs = Array.from({ length: 9 }, (_, i) => aJob({ id: `x${i}` }));
    expect(() => bruteForceOptimum({ ...instance, jobs })).toThrow(/at most 8 jobs/);
  });

  it('should never exceed a feasible solution serving every job when solutions are random', () => {
    const caseArb = randomInstanceArb({ maxJobs: 6, maxVehicles: 2, optional: false }).chain(
      (instance) =>
        fc.tuple(
          fc.constant(instance),
          fc.array(fc.tuple(fc.nat(instance.vehicles.length - 1), fc.nat(1000)), {
            minLength: instance.jobs.length,
            maxLength: instance.jobs.length,
          }),
        ),
    );
    let feasible = 0;
    fc.assert(
      fc.property(caseArb, ([instance, assignment]) => {
        const solution = solutionFrom(instance, assignment);
        const result = checkSolution(instance, solution);
        if (!result.feasible) return;
        feasible++;
        const optimum = bruteForceOptimum(instance);
        expect(optimum).not.toBeNull();
        expect(optimum!).toBeLessThanOrEqual(result.distance + 1e-6);
      }),
      { numRuns: 300, seed: 5 },
    );
    expect(feasible).toBeGreaterThanOrEqual(10);
  });
});
