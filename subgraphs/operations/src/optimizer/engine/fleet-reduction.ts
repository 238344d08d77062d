import { localSearch } from './local-search';
import { repair } from './operators/insertion';
import {
  randomRemoval,
  shawRemoval,
  stringRemoval,
  type RemovalOperator,
} from './operators/removal';
import type { Rng } from './rng';
import type { Solution } from './solution';

const perturbations: RemovalOperator[] = [randomRemoval, shawRemoval, stringRemoval];

/**
 * Route elimination for 'vehicles-then-distance': empty the smallest route, and try to fit its jobs into the others, shaking the others with small destroy/repair steps
 * while never letting more mandatory jobs drop out. Success removes a vehicle and repeats;
 * the phase ends at the first route that cannot be eliminated or when `until` is reached.
 */
export function reduceFleet(
  start: Solution,
  rng: Rng,
  tick: () => number,
  until: number,
  onBest: (best: Solution) => void,
): Solution {
  const { m } = start;
  const missing = (s: Solution): number => {
    let n = 0;
    for (const j of s.unassigned) if (!m.optional[j]) n++;
    return n;
  };
  let best = start.clone();
  const baseMissing = missing(best);
  for (;;) {
    const used = best.routes.filter((r) => r.len > 0);
    if (used.length <= 1) return best;
    const victim = used.reduce((a, b) => (b.len < a.len ? b : a));
    const trial = best.clone();
    const marked = new Uint8Array(m.nJobs);
    for (let p = 1; p <= victim.len; p++) marked[victim.job(p)] = 1;
    trial.removeJobs(marked);
    repair(trial, rng, { regret: 2, noise: 0, noNewRoutes: true });
    const work = trial.clone();
    let done = missing(trial) <= baseMissing;
    while (!done) {
      if (tick() >= until) return best;
      work.copyFrom(trial);
      const op = perturbations[rng.int(0, perturbations.length - 1)] as RemovalOperator;
      op(work, rng, rng.int(2, 12));
      repair(work, rng, { regret: rng.int(1, 3), noise: 0.025, noNewRoutes: true });
      if (!work.valid()) continue;
      const w = missing(work);
      const t = missing(trial);
      if (w < t || (w === t && work.routeCost() <= trial.routeCost())) trial.copyFrom(work);
      done = missing(trial) <= baseMissing;
    }
    localSearch(trial);
    best = trial;
    onBest(best);
  }
}
