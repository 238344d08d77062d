import type { StopBackground, SubgraphDeps } from '@attendant/kit';
import { messagingModule } from '../messaging/messaging.module';
import { TriggerFirer } from './trigger.firer';

const SWEEP_MS = 1000;

/**
 * The firing worker of one process: every second it fires what is due (a claim takes rows with
 * SKIP LOCKED, so replicas share the work). Planning runs in the event consumers.
 */
export function startTriggerFiring(deps: Required<SubgraphDeps>): StopBackground {
  const firer = new TriggerFirer(deps.db, messagingModule(deps).service, undefined, deps.logger);
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= (async () => {
      // A full batch means more may be due: keep going until a batch comes back short.
      while ((await firer.fireDue()) > 0);
    })()
      .catch((err: unknown) => deps.logger.warn({ err }, 'trigger firing sweep failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, SWEEP_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
