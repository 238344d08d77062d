import { startSweep, type StopBackground, type SubgraphDeps } from '@attendant/kit';
import { messagingModule } from '../messaging/messaging.module';
import { TriggerFirer } from './trigger.firer';

/**
 * The firing worker of one process: every second it fires what is due (a claim takes rows with
 * SKIP LOCKED, so replicas share the work). Planning runs in the event consumers.
 */
export function startTriggerFiring(deps: Required<SubgraphDeps>): StopBackground {
  const messaging = messagingModule(deps);
  // A retried firing sends nothing twice (the message's idempotency key is the firing).
  const firer = new TriggerFirer(
    deps.db,
    messaging.service,
    undefined,
    deps.logger,
    messaging.recoveryMs,
  );
  return startSweep('trigger firing sweep', deps.logger, [() => firer.fireDue()]);
}
