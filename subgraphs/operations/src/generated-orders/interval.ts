import type { Logger, StopBackground } from '@attendant/kit';
import { z } from 'zod';

const intervalMs = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z.coerce
    .number()
    .int()
    .refine((n) => n === 0 || n >= 1000, 'must be 0 (off) or at least 1000 ms')
    .optional(),
);

/** An interval from the environment (read once at start); 0 turns the job off. */
export function loadIntervalMs(
  name: string,
  defaultMs: number,
  env: NodeJS.ProcessEnv = process.env,
): number {
  const parsed = intervalMs.safeParse(env[name]);
  if (!parsed.success) {
    throw new Error(`Invalid configuration:\n  ${name}: ${parsed.error.issues[0]?.message}`);
  }
  return parsed.data ?? defaultMs;
}

/**
 * Runs `job` now and then every `everyMs` in this process, never two at once; the returned
 * function stops it and waits for a run in progress. Several processes may run the same job:
 * the jobs themselves are idempotent and lock what they generate.
 */
export function startInterval(
  name: string,
  everyMs: number,
  logger: Logger,
  job: () => Promise<void>,
): StopBackground {
  if (everyMs === 0) return () => Promise.resolve();
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const tick = () => {
    running = job()
      .catch((err: unknown) => {
        if (!stopped) logger.error({ err, job: name }, 'background job failed');
      })
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(tick, everyMs);
      });
  };
  tick();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
