import { checkSolution } from '../check/solution-check';
import { solve } from './solver';
import { makeInstance, makeJob, makeVehicle, randomInstance } from './vrp.factory';
import type { CurrentRoute, VrpSolution } from './vrp.types';

const planOf = (s: VrpSolution): CurrentRoute[] =>
  s.routes.map((r) => ({ vehicleId: r.vehicleId, jobIds: r.stops.map((x) => x.jobId) }));

describe('solve with initialRoutes (warm start)', () => {
  it('should never come back worse than a good initial plan when it may barely search', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const instance = randomInstance(seed, 30, 6);
      const good = solve(instance, { seed, timeLimitMs: 5000, maxIterations: 400 });
      const warm = solve(instance, {
        seed: seed + 100,
        timeLimitMs: 5000,
        maxIterations: 1,
        initialRoutes: planOf(good),
      });
      expect(checkSolution(instance, warm).violations).toEqual([]);
      expect(warm.unassigned.length).toBeLessThanOrEqual(good.unassigned.length);
      if (warm.unassigned.length === good.unassigned.length)
        expect(warm.totals.distance).toBeLessThanOrEqual(good.totals.distance + 1e-9);
    }
  });

  it('should drop jobs that cannot stay in order and still serve them when it can', () => {
    const instance = makeInstance(
      [
        [0, 0],
        [10, 0],
        [20, 0],
        [-10, 0],
      ],
      [makeVehicle({ id: 'v1' }), makeVehicle({ id: 'v2', skills: { gas: 1 } })],
      [
        makeJob(1, { windows: [[0, 15]] }),
        makeJob(2, { windows: [[0, 25]] }),
        makeJob(3, { skills: { gas: 1 } }),
      ],
    );
    // j2 before j1 makes j1 late; j3 is on a vehicle without the skill.
    const initialRoutes = [{ vehicleId: 'v1', jobIds: ['j2', 'j1', 'j3'] }];
    const s = solve(instance, { seed: 1, timeLimitMs: 2000, maxIterations: 1, initialRoutes });
    expect(checkSolution(instance, s).violations).toEqual([]);
    expect(s.unassigned).toEqual([]);
    expect(s.routes.find((r) => r.stops.some((x) => x.jobId === 'j3'))?.vehicleId).toBe('v2');
  });

  it('should give the same answer for the same seed when warm started', () => {
    const instance = randomInstance(9, 25, 5);
    const cold = solve(instance, { seed: 2, timeLimitMs: 5000, maxIterations: 50 });
    const opts = { seed: 4, timeLimitMs: 5000, maxIterations: 200, initialRoutes: planOf(cold) };
    expect(solve(instance, opts)).toEqual(solve(instance, opts));
  });

  it('should throw when the initial plan names a job that is not in the instance', () => {
    const instance = randomInstance(9, 3, 1);
    expect(() =>
      solve(instance, {
        seed: 1,
        timeLimitMs: 100,
        initialRoutes: [{ vehicleId: 'v0', jobIds: ['nope'] }],
      }),
    ).toThrow('unknown job nope');
  });
});
