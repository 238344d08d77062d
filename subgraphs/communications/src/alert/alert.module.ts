import { startSweep, type Db, type StopBackground, type SubgraphDeps } from '@attendant/kit';
import { messagingModule } from '../messaging/messaging.module';
import { NotificationDeliverer } from '../notification/notification.deliverer';
import { AlertEngine } from './alert.engine';

const engines = new WeakMap<Db, AlertEngine>();

/** The alert engine of one process, shared by its event consumers and sweeps. */
export function alertEngine(deps: Pick<SubgraphDeps, 'db' | 'logger'>): AlertEngine {
  let engine = engines.get(deps.db);
  if (!engine) {
    engine = new AlertEngine(deps.db, undefined, deps.logger);
    engines.set(deps.db, engine);
  }
  return engine;
}

/**
 * The alert worker of one process: every second it escalates unacknowledged alerts that are
 * due, runs due arrival checks and sends pending SMS/email notifications. Each claim locks rows
 * with SKIP LOCKED, so any number of replicas share the work and none does a step twice.
 */
export function startAlertSweeps(deps: Required<SubgraphDeps>): StopBackground {
  const engine = alertEngine(deps);
  const deliverer = new NotificationDeliverer(
    deps.db,
    messagingModule(deps).service,
    undefined,
    deps.logger,
  );
  return startSweep('alert sweep', deps.logger, [
    () => engine.escalateDue(),
    () => engine.runDueChecks(),
    () => deliverer.deliverPending(),
  ]);
}
