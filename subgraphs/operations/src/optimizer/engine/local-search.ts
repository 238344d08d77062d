import { EPS } from './model';
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
} from './operators/moves';
import type { Route } from './route-state';
import type { Solution } from './solution';

/**
 * First-improvement descent over or-opt and 2-opt (within a route), relocate of 1–3 jobs and swap
 * (between routes) and 2-opt* (tail exchange), until no move improves or `maxPasses` runs
 * out. Routes of vehicles with breaks are left alone (their schedule needs a full simulation).
 */
export function localSearch(sol: Solution, maxPasses = 50): void {
  const routes = sol.routes.filter((r) => !sol.m.hasBreaks[r.v]);
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    for (const r of routes) if (r.len > 1 && improveIntra(r)) improved = true;
    // Identical spare vehicles are interchangeable: offer one empty route per class.
    const seen = new Set<number>();
    const targets = routes.filter((r) => {
      if (r.len > 0) return true;
      const cls = sol.m.vClass[r.v] as number;
      if (seen.has(cls)) return false;
      seen.add(cls);
      return true;
    });
    for (const r1 of targets) {
      if (r1.len === 0) continue;
      for (const r2 of targets) {
        if (r1 === r2) continue;
        if (improvePair(r1, r2)) improved = true;
      }
    }
    if (!improved) return;
  }
}

function improveIntra(r: Route): boolean {
  let any = false;
  for (let k = 1; k <= 3; k++) {
    for (let i = 1; i + k - 1 <= r.len; i++) {
      for (let p = 0; p <= r.len; p++) {
        if (orOptDelta(r, i, k, p) < -EPS) {
          applyOrOpt(r, i, k, p);
          any = true;
        }
        if (i + k - 1 > r.len) break;
      }
    }
  }
  for (let i = 1; i < r.len; i++) {
    for (let j = i + 1; j <= r.len; j++) {
      if (twoOptDelta(r, i, j) < -EPS) {
        applyTwoOpt(r, i, j);
        any = true;
      }
    }
  }
  return any;
}

function improvePair(r1: Route, r2: Route): boolean {
  let any = false;
  for (let k = 1; k <= 3; k++) {
    for (let i = 1; i + k - 1 <= r1.len; i++) {
      for (let p = 0; p <= r2.len; p++) {
        if (relocateDelta(r1, i, k, r2, p) < -EPS) {
          applyRelocate(r1, i, k, r2, p);
          any = true;
          break;
        }
      }
    }
  }
  for (let i = 1; i <= r1.len; i++) {
    for (let j = 1; j <= r2.len; j++) {
      if (swapDelta(r1, i, r2, j) < -EPS) {
        applySwap(r1, i, r2, j);
        any = true;
      }
    }
  }
  for (let i = 0; i <= r1.len; i++) {
    for (let j = 0; j <= r2.len; j++) {
      if (twoOptStarDelta(r1, i, r2, j) < -EPS) {
        applyTwoOptStar(r1, i, r2, j);
        any = true;
      }
    }
  }
  return any;
}
