import { localSearch } from './local-search';
import { repair, type InsertionOptions } from './operators/insertion';
import {
  randomRemoval,
  routeRemoval,
  shawRemoval,
  stringRemoval,
  worstRemoval,
  type RemovalOperator,
} from './operators/removal';
import type { Rng } from './rng';
import type { Solution } from './solution';

export interface AlnsOptions {
  rng: Rng;
  /** Counts one iteration and returns the overall progress in [0, 1]; 1 stops the search. */
  tick: () => number;
  onBest: (best: Solution) => void;
}

const removals: RemovalOperator[] = [
  randomRemoval,
  worstRemoval,
  shawRemoval,
  stringRemoval,
  routeRemoval,
];
const insertions: InsertionOptions[] = [
  { regret: 1, noise: 0 },
  { regret: 2, noise: 0 },
  { regret: 3, noise: 0 },
  { regret: 1, noise: 0.025 },
  { regret: 2, noise: 0.025 },
];

/** Rewards (Ropke & Pisinger): new best, better than current, accepted. */
const SIGMA = [33, 9, 13] as const;
const SEGMENT = 100;
const REACTION = 0.1;
const STALL = 1500;

/**
 * Adaptive large neighbourhood search: destroy q jobs with a removal operator, reinsert them
 * with greedy or regret insertion, accept by simulated annealing on a schedule that cools with
 * progress, and polish every new best with the local search. Operator weights adapt to how
 * often each one leads to improvements.
 */
export function alns(start: Solution, opts: AlnsOptions): Solution {
  const { rng } = opts;
  const { m } = start;
  const best = start.clone();
  const current = start.clone();
  const cand = start.clone();
  let bestCost = best.cost();
  let currentCost = bestCost;
  // Annealing from 10 % of the route cost down to 0.1 %; hot starts matter on long routes (R2).
  const t0 = 0.1 * Math.max(1, start.routeCost() - start.usedVehicles() * m.fixedCost) + 1e-9;
  const tEnd = t0 / 100;
  let p0 = -1;
  const wR = new Float64Array(removals.length).fill(1);
  const wI = new Float64Array(insertions.length).fill(1);
  const sR = new Float64Array(removals.length);
  const sI = new Float64Array(insertions.length);
  const nR = new Float64Array(removals.length);
  const nI = new Float64Array(insertions.length);
  const assigned = (): number => m.nJobs - current.unassigned.length;
  let lastBest = 0;
  for (let it = 0; ; it++) {
    const overall = opts.tick();
    if (overall >= 1) break;
    if (p0 < 0) p0 = overall;
    const progress = p0 >= 1 ? 1 : (overall - p0) / (1 - p0);
    const temperature = t0 * Math.pow(tEnd / t0, progress);
    const ri = roulette(wR, rng);
    const ii = roulette(wI, rng);
    cand.copyFrom(current);
    const n = Math.max(1, assigned());
    const qMax = Math.max(2, Math.min(60, Math.ceil(0.3 * n)));
    const q = rng.int(Math.min(2, qMax), qMax);
    (removals[ri] as RemovalOperator)(cand, rng, q);
    repair(cand, rng, insertions[ii] as InsertionOptions);
    if (!cand.valid()) continue;
    let c = cand.cost();
    if (c < bestCost - 1e-9) {
      localSearch(cand);
      c = cand.cost();
    }
    let reward = -1;
    // Stagnating: restart the walk from the best solution.
    if (it - lastBest > STALL) {
      current.copyFrom(best);
      currentCost = bestCost;
      lastBest = it;
    }
    if (c < bestCost - 1e-9) {
      lastBest = it;
      best.copyFrom(cand);
      bestCost = c;
      opts.onBest(best);
      reward = 0;
    } else if (c < currentCost - 1e-9) {
      reward = 1;
    } else if (c - currentCost < -temperature * Math.log(rng.next() + 1e-300)) {
      reward = 2;
    }
    if (reward >= 0 || c <= currentCost) {
      current.copyFrom(cand);
      currentCost = c;
    }
    nR[ri]++;
    nI[ii]++;
    if (reward >= 0) {
      sR[ri] += SIGMA[reward as 0 | 1 | 2];
      sI[ii] += SIGMA[reward as 0 | 1 | 2];
    }
    if ((it + 1) % SEGMENT === 0) {
      adapt(wR, sR, nR);
      adapt(wI, sI, nI);
    }
  }
  return best;
}

function roulette(w: Float64Array, rng: Rng): number {
  let total = 0;
  for (let i = 0; i < w.length; i++) total += w[i] as number;
  let x = rng.next() * total;
  for (let i = 0; i < w.length; i++) {
    x -= w[i] as number;
    if (x < 0) return i;
  }
  return w.length - 1;
}

function adapt(w: Float64Array, s: Float64Array, n: Float64Array): void {
  for (let i = 0; i < w.length; i++) {
    const used = n[i] as number;
    if (used > 0)
      w[i] = Math.max(
        0.05,
        (w[i] as number) * (1 - REACTION) + (REACTION * (s[i] as number)) / used,
      );
    s[i] = 0;
    n[i] = 0;
  }
}
