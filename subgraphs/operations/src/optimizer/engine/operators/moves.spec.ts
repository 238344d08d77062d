import { buildModel, type Model } from '../model';
import { localSearch } from '../local-search';
import { Rng } from '../rng';
import { Route, simulate } from '../route-state';
import { Solution } from '../solution';
import { randomInstance } from '../vrp.factory';
import { repair } from './insertion';
import {
  applyOrOpt,
  applyRelocate,
  applySwap,
  applyTwoOpt,
  applyTwoOptStar,
  orOptDelta,
  relocateDelta,
  swapDelta,
  twoOptDelta,
  twoOptStarDelta,
} from './moves';

/** Independent check: schedule, capacity and skills from scratch. */
function routeOk(m: Model, r: Route): boolean {
  for (let d = 0; d < m.dims; d++) {
    let q = 0;
    for (let p = 1; p <= r.len; p++) q += m.demand[r.job(p) * m.dims + d] as number;
    if (q > (m.capacity[r.v * m.dims + d] as number) + 1e-9) return false;
  }
  for (let p = 1; p <= r.len; p++) if (!m.compat[r.v * m.nJobs + r.job(p)]) return false;
  return simulate(m, r.v, r.jobs, r.len, null);
}

function solutionFor(seed: number): Solution {
  const m = buildModel(randomInstance(seed, 14, 4));
  const s = Solution.empty(m);
  repair(s, new Rng(seed), { regret: 2, noise: 0.1 });
  return s;
}

type Move = { delta: () => number; apply: (s: Solution) => void; touched: number[] };

function* allMoves(s: Solution): Generator<Move> {
  const R = s.routes;
  for (let a = 0; a < R.length; a++) {
    const r1 = R[a] as Route;
    for (let k = 1; k <= 3; k++) {
      for (let i = 1; i + k - 1 <= r1.len; i++) {
        for (let p = 0; p <= r1.len; p++) {
          yield {
            delta: () => orOptDelta(r1, i, k, p),
            apply: (x) => applyOrOpt(x.routes[a] as Route, i, k, p),
            touched: [a],
          };
        }
      }
    }
    for (let i = 1; i < r1.len; i++) {
      for (let j = i + 1; j <= r1.len; j++) {
        yield {
          delta: () => twoOptDelta(r1, i, j),
          apply: (x) => applyTwoOpt(x.routes[a] as Route, i, j),
          touched: [a],
        };
      }
    }
    for (let b = 0; b < R.length; b++) {
      if (a === b) continue;
      const r2 = R[b] as Route;
      for (let k = 1; k <= 3; k++) {
        for (let i = 1; i + k - 1 <= r1.len; i++) {
          for (let p = 0; p <= r2.len; p++) {
            yield {
              delta: () => relocateDelta(r1, i, k, r2, p),
              apply: (x) => applyRelocate(x.routes[a] as Route, i, k, x.routes[b] as Route, p),
              touched: [a, b],
            };
          }
        }
      }
      for (let i = 1; i <= r1.len; i++) {
        for (let j = 1; j <= r2.len; j++) {
          yield {
            delta: () => swapDelta(r1, i, r2, j),
            apply: (x) => applySwap(x.routes[a] as Route, i, x.routes[b] as Route, j),
            touched: [a, b],
          };
        }
      }
      for (let i = 0; i <= r1.len; i++) {
        for (let j = 0; j <= r2.len; j++) {
          yield {
            delta: () => twoOptStarDelta(r1, i, r2, j),
            apply: (x) => applyTwoOptStar(x.routes[a] as Route, i, x.routes[b] as Route, j),
            touched: [a, b],
          };
        }
      }
    }
  }
}

describe('local-search moves', () => {
  it('should price a reversal with the backward edges when the matrix is asymmetric', () => {
    const inst = randomInstance(4, 6, 1);
    const n = inst.matrix.size;
    const time = inst.matrix.time.slice();
    // Going "left" costs 50 % more than going "right".
    for (let a = 0; a < n; a++)
      for (let b = 0; b < a; b++) time[a * n + b] = 1.5 * (time[a * n + b] as number);
    const m = buildModel({
      ...inst,
      matrix: { size: n, time, distance: time },
      jobs: inst.jobs.map((j) => ({ ...j, windows: [[0, 10_000]] })),
      vehicles: [
        {
          ...(inst.vehicles[0] as (typeof inst.vehicles)[number]),
          shift: [0, 10_000],
          capacity: [1000],
        },
      ],
    });
    const r = new Route(m, 0);
    r.setJobs([5, 4, 3, 2, 1, 0], 6);
    const before = r.cost;
    const delta = twoOptDelta(r, 2, 5);
    const copy = new Route(m, 0);
    copy.copyFrom(r);
    applyTwoOpt(copy, 2, 5);
    expect(copy.cost - before).toBeCloseTo(delta, 9);
    expect(copy.timeFeasible()).toBe(true);
    expect(Array.from(copy.jobs.subarray(0, 6))).toEqual([5, 1, 2, 3, 4, 0]);
  });

  it('should report the exact cost change and keep routes feasible when a move improves', () => {
    let checked = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const s = solutionFor(seed);
      for (const move of allMoves(s)) {
        const delta = move.delta();
        const after = s.clone();
        move.apply(after);
        const feasible = move.touched.every((ri) => routeOk(s.m, after.routes[ri] as Route));
        const actual = after.routeCost() - s.routeCost();
        if (delta < -1e-9 && delta < Infinity) {
          checked++;
          expect(feasible).toBe(true);
          expect(actual).toBeCloseTo(delta, 6);
        }
        // Exactness the other way: an improving feasible move is never refused.
        if (feasible && actual < -1e-6) expect(delta).toBeCloseTo(actual, 6);
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('should never increase cost or break a route when local search runs', () => {
    for (let seed = 10; seed <= 20; seed++) {
      const s = solutionFor(seed);
      const before = s.cost();
      localSearch(s);
      expect(s.cost()).toBeLessThanOrEqual(before + 1e-9);
      for (const r of s.routes) expect(routeOk(s.m, r)).toBe(true);
    }
  });
});
