import { checkSolution } from '../check/solution-check';
import { solve } from '../engine/solver';
import { randomInstance } from '../engine/vrp.factory';
import {
  closeSharedOptimizerPool,
  OptimizerPool,
  sharedOptimizerPool,
  workerFilename,
} from './optimizer-pool';

/*
 * Runs the compiled worker (dist/…/solve.worker.js): `node tools/scripts/build.mjs` must have
 * run (Jest's global setup does it).
 */
const bounded = { seed: 11, timeLimitMs: 60_000, maxIterations: 150 };

describe('OptimizerPool', () => {
  let pool: OptimizerPool;

  beforeAll(() => {
    pool = new OptimizerPool({ maxThreads: 2 });
  });

  afterAll(async () => {
    await pool.close();
    await closeSharedOptimizerPool();
  });

  it('should find the compiled worker', () => {
    expect(workerFilename()).toMatch(/dist[/\\].*solve\.worker\.js$/);
  });

  it('should return what the in-thread solver returns for the same seed', async () => {
    const instance = randomInstance(4, 25, 5);
    const viaPool = await pool.solve(instance, bounded);
    expect(viaPool).toEqual(solve(instance, bounded));
    expect(viaPool.routes.length).toBeGreaterThan(0);
    expect(checkSolution(instance, viaPool)).toMatchObject({ feasible: true, violations: [] });
  });

  it('should keep the event loop ticking while a solve runs', async () => {
    const instance = randomInstance(9, 60, 10);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const started = performance.now();
    try {
      await pool.solve(instance, { seed: 1, timeLimitMs: 1_500 });
    } finally {
      clearInterval(timer);
    }
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1_400);
    // In-thread the interval could not fire at all; 20 is far below the ~75 an idle loop gets.
    expect(ticks).toBeGreaterThanOrEqual(20);
  });

  it('should reject with an AbortError when the signal aborts', async () => {
    const controller = new AbortController();
    const running = pool.solve(randomInstance(9, 60, 10), {
      seed: 1,
      timeLimitMs: 10_000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(5_000);
    await expect(
      pool.solve(randomInstance(1, 5, 1), { ...bounded, signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    // The pool still works after a worker was terminated.
    await expect(pool.solve(randomInstance(1, 5, 1), bounded)).resolves.toBeDefined();
  });

  it('should complete concurrent solves', async () => {
    const a = randomInstance(2, 20, 4);
    const b = randomInstance(3, 20, 4);
    const [sa, sb] = await Promise.all([pool.solve(a, bounded), pool.solve(b, bounded)]);
    expect(sa).toEqual(solve(a, bounded));
    expect(sb).toEqual(solve(b, bounded));
  });

  it('should queue solves beyond its threads', async () => {
    const single = new OptimizerPool();
    try {
      const instances = [5, 6, 7].map((seed) => randomInstance(seed, 15, 3));
      const solutions = await Promise.all(instances.map((inst) => single.solve(inst, bounded)));
      solutions.forEach((s, i) => expect(s).toEqual(solve(instances[i]!, bounded)));
    } finally {
      await single.close();
    }
  });

  it('should refuse to solve once closed', async () => {
    const closing = new OptimizerPool();
    await closing.close();
    await closing.close();
    await expect(closing.solve(randomInstance(1, 5, 1), bounded)).rejects.toThrow(
      'OptimizerPool is closed: cannot solve',
    );
  });

  it('should share one pool per process until it is closed', async () => {
    const shared = sharedOptimizerPool();
    expect(sharedOptimizerPool()).toBe(shared);
    await expect(shared.solve(randomInstance(1, 5, 1), bounded)).resolves.toBeDefined();
    await closeSharedOptimizerPool();
    await expect(shared.solve(randomInstance(1, 5, 1), bounded)).rejects.toThrow(/closed/);
    expect(sharedOptimizerPool()).not.toBe(shared);
  });

  it('should reject a bad thread count', () => {
    expect(() => new OptimizerPool({ maxThreads: 0 })).toThrow(/maxThreads/);
  });
});
