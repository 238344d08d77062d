import { alns } from './alns';
import { reduceFleet } from './fleet-reduction';
import { localSearch } from './local-search';
import { buildModel } from './model';
import { repair } from './operators/insertion';
import { Rng } from './rng';
import { Solution } from './solution';
import { toVrpSolution } from './solution-output';
import type { SolveOptions, VrpInstance, VrpSolution } from './vrp.types';
import { warmStart } from './warm-start';

/**
 * Solve a routing instance: regret-2 construction, local search, route elimination (for
 * 'vehicles-then-distance', up to half the budget), then adaptive large neighbourhood search
 * until the time budget (or `maxIterations`) is used. Deterministic for
 * a seed when bounded by `maxIterations` (progress then counts iterations, not time). With
 * `initialRoutes` the construction starts from that plan instead of from nothing, and as every
 * later phase keeps the best solution, the result never costs more than the plan.
 */
export function solve(instance: VrpInstance, options: SolveOptions): VrpSolution {
  const started = performance.now();
  const m = buildModel(instance);
  const rng = new Rng(options.seed);
  // A warm start keeps the feasible part of the current plan; repair only fills it in.
  const initial = options.initialRoutes ? warmStart(m, options.initialRoutes) : Solution.empty(m);
  repair(initial, rng, { regret: 2, noise: 0 });
  localSearch(initial);
  options.onImprovement?.(toVrpSolution(initial));
  const maxIt = options.maxIterations;
  const budget = Math.max(1, options.timeLimitMs);
  // With maxIterations the progress counts iterations (machine-independent); otherwise time.
  // The clock is read every 16 iterations only.
  let it = 0;
  let elapsed = 0;
  const tick = (): number => {
    it++;
    if ((it & 15) === 0 || it < 16) elapsed = (performance.now() - started) / budget;
    if (maxIt !== undefined) return it >= maxIt || elapsed >= 1 ? 1 : it / Math.max(1, maxIt);
    return elapsed;
  };
  const onBest = (s: Solution): void => options.onImprovement?.(toVrpSolution(s));
  let best = initial;
  if (m.nJobs > 0 && m.fixedCost > 0) best = reduceFleet(best, rng, tick, 0.5, onBest);
  if (m.nJobs > 0) best = alns(best, { rng, tick, onBest });
  return toVrpSolution(best);
}
