import { solve } from '../engine/solver';
import type { CurrentRoute, VrpInstance, VrpSolution } from '../engine/vrp.types';

/** What the pool posts to the worker (structured clone copies the Float64Arrays). */
export interface SolveTask {
  instance: VrpInstance;
  seed: number;
  timeLimitMs: number;
  maxIterations?: number;
  /** Warm start: the plan as it stands (see SolveOptions.initialRoutes). */
  initialRoutes?: readonly CurrentRoute[];
}

/** Piscina's entry point: runs the solver on the worker thread, off the main event loop. */
export default function solveTask(task: SolveTask): VrpSolution {
  const { instance, seed, timeLimitMs, maxIterations, initialRoutes } = task;
  return solve(instance, { seed, timeLimitMs, maxIterations, initialRoutes });
}
