import type { Logger } from '../logger';
import type { StopBackground } from '../server/subgraph';

/**
 * A worker loop of one process: every `everyMs` it drains each step in turn; a step answers how
 * many rows it took, and a full batch means more may be due, so it runs again until it comes
 * back with nothing. One pass at a time; stopping waits for the pass under way. Steps claim their
 * rows with SKIP LOCKED, so replicas share the work. `immediately` runs the first pass at start.
 */
export function startSweep(
  what: string,
  logger: Logger,
  steps: readonly (() => Promise<number>)[],
  everyMs = 1000,
  immediately = false,
): StopBackground {
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= (async () => {
      for (const step of steps) while ((await step()) > 0);
    })()
      .catch((err: unknown) => logger.warn({ err }, `${what} failed`))
      .finally(() => {
        running = null;
      });
  };
  if (immediately) tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
