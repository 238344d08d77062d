import { existsSync } from 'node:fs';
import path from 'node:path';
import { Piscina } from 'piscina';
import type { CurrentRoute, VrpInstance, VrpSolution } from '../engine/vrp.types';
import type { SolveTask } from './solve.worker';

export interface WorkerSolveOptions {
  seed: number;
  timeLimitMs: number;
  maxIterations?: number;
  /** Warm start from the plan as it stands. */
  initialRoutes?: readonly CurrentRoute[];
  /** Aborting terminates the worker running the task and rejects with an AbortError. */
  signal?: AbortSignal;
}

export interface OptimizerPoolOptions {
  /** Default 1: one core for optimisation, the other for requests. */
  maxThreads?: number;
  /** The compiled worker entry; see workerFilename(). */
  filename?: string;
}

/**
 * The repository root when this file runs as TypeScript (five levels up). Not taken from
 * @attendant/runtime/processes: the runtime imports the subgraphs, so that would be a cycle.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');

/** How long an idle worker thread stays before it exits (a new one starts on demand). */
const IDLE_TIMEOUT_MS = 60_000;

/**
 * The worker must be plain JavaScript: compiled, this module has a sibling solve.worker.js;
 * under Jest (running .ts) the build's output is used instead.
 */
export function workerFilename(): string {
  const file = __filename.endsWith('.js')
    ? path.join(__dirname, 'solve.worker.js')
    : path.join(ROOT, 'dist/subgraphs/operations/src/optimizer/worker/solve.worker.js');
  if (!existsSync(file))
    throw new Error(
      `Optimizer worker not built (${path.relative(ROOT, file)} is missing): run node tools/scripts/build.mjs`,
    );
  return file;
}

/**
 * Runs the solver on worker threads: a solve takes seconds of CPU, which must never block the
 * subgraph's event loop. Tasks beyond maxThreads wait in the queue.
 */
export class OptimizerPool {
  private readonly piscina: Piscina<SolveTask, VrpSolution>;
  private closed = false;

  constructor(options: OptimizerPoolOptions = {}) {
    const maxThreads = options.maxThreads ?? 1;
    if (!Number.isInteger(maxThreads) || maxThreads < 1)
      throw new Error(`maxThreads must be a positive integer (got ${maxThreads})`);
    this.piscina = new Piscina<SolveTask, VrpSolution>({
      filename: options.filename ?? workerFilename(),
      maxThreads,
      // No thread until the first solve, and none kept after a quiet minute.
      minThreads: 0,
      idleTimeout: IDLE_TIMEOUT_MS,
    });
  }

  solve(instance: VrpInstance, options: WorkerSolveOptions): Promise<VrpSolution> {
    if (this.closed) return Promise.reject(new Error('OptimizerPool is closed: cannot solve'));
    const { seed, timeLimitMs, maxIterations, initialRoutes, signal } = options;
    const task: SolveTask = { instance, seed, timeLimitMs, maxIterations, initialRoutes };
    return this.piscina.run(task, { signal });
  }

  /** Lets running and queued solves finish (they are bounded by their time limit), then stops. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.piscina.close();
  }
}

let shared: OptimizerPool | undefined;

/** One pool per process, created on first use (closed by closeSharedOptimizerPool). */
export function sharedOptimizerPool(): OptimizerPool {
  shared ??= new OptimizerPool();
  return shared;
}

export async function closeSharedOptimizerPool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}
