import type { DomainEvent, EventConsumer, Tx } from '@attendant/kit';
import { insertUrgent } from '../optimizer/engine/insert-urgent';
import { type MatrixProvider } from '../optimizer/matrix/matrix-provider';
import { DayPlanLoader } from './day-plan.loader';
import { type VrpInstance } from '../optimizer/engine/vrp.types';
import type { DayPlan } from './day-plan';
import {
  buildRoutingInstance,
  currentPlanResult,
  planResultOf,
  type RoutingInstance,
} from './plan-instance';
import { recordSuggestionEvent, SuggestionRepository } from './suggestion.repository';
import { storedPlan } from './routing.service';

/**
 * Live re-optimisation: an unassigned emergency for today is fitted into the running plan with
 * minimal disruption (every route keeps its order, started jobs stay, a lower-priority job may
 * be bumped), and offered to the dispatcher as an URGENT_INSERTION suggestion: one click on
 * the board applies it. One suggestion per emergency, however often its events arrive.
 */
export function urgentInsertionConsumer(
  matrix: MatrixProvider,
  now: () => Date = () => new Date(),
): EventConsumer {
  return {
    name: 'urgent-insertion',
    events: ['WorkOrderCreated', 'WorkOrderUpdated'],
    async handle(event, tx) {
      if (!isUnassignedEmergency(event)) return;
      await suggestUrgentInsertion(tx, matrix, event.organizationId, event.entityId, now());
    },
  };
}

function isUnassignedEmergency(event: DomainEvent): boolean {
  const p = event.payload;
  return (
    event.entityType === 'WorkOrder' &&
    p['priority'] === 'EMERGENCY' &&
    p['status'] === 'NEW' &&
    !p['technicianId'] &&
    !p['vendorId']
  );
}

/**
 * Booked jobs may be pushed later by the insertion but never pulled earlier: customers were
 * told a time, so only what the emergency displaces moves.
 */
function keepTimes(ri: RoutingInstance, plan: DayPlan): VrpInstance {
  const origin = plan.day.start.getTime();
  const booked = new Map(
    plan.jobs.flatMap((j) => (j.start && j.technicianId && !j.locked ? [[j.id, j.start]] : [])),
  );
  return {
    ...ri.instance,
    jobs: ri.instance.jobs.map((job) => {
      const start = booked.get(job.id);
      if (!start) return job;
      const at = Math.ceil((start.getTime() - origin) / 60_000);
      const windows = job.windows
        .filter(([, late]) => late >= at)
        .map(([early, late]): [number, number] => [Math.max(early, at), late]);
      return windows.length > 0 ? { ...job, windows } : job;
    }),
  };
}

/** Returns the suggestion's id, or null when the emergency is not for today's plan. */
export async function suggestUrgentInsertion(
  tx: Tx,
  matrix: MatrixProvider,
  organizationId: string,
  workOrderId: string,
  at: Date,
): Promise<string | null> {
  const repo = new SuggestionRepository(tx);
  if (await repo.byTrigger(organizationId, workOrderId)) return null;
  const order = await tx.workOrder.findFirst({ where: { organizationId, id: workOrderId } });
  if (!order || order.technicianId || order.vendorId || order.status !== 'NEW') return null;
  const loader = new DayPlanLoader(tx);
  const day = await loader.today(organizationId, at);
  const plan = await loader.load(organizationId, day, order.teamId, at);
  const ri = await buildRoutingInstance(plan, (points) => matrix.matrix(points));
  if (!ri.instance.jobs.some((j) => j.id === workOrderId)) return null;
  const started = performance.now();
  const result = insertUrgent(keepTimes(ri, plan), ri.current, [workOrderId], {
    allowBump: true,
    soonest: true,
  });
  const searchMs = Math.round(performance.now() - started);
  const proposed = planResultOf(ri, result.solution);
  // Only the emergency and what it bumped matter here; the rest of the queue stays as it is.
  const bumped = new Map(result.bumped.map((b) => [b.jobId, b.reason]));
  const label = `WO-${order.number}`;
  proposed.unassigned = proposed.unassigned.filter(
    (u) => u.jobId === workOrderId || bumped.has(u.jobId),
  );
  proposed.kpis.unassigned = proposed.unassigned.length;
  const why = new Map([...bumped.keys()].map((id) => [id, `makes room for emergency ${label}`]));
  const stored = storedPlan(plan, ri, currentPlanResult(ri), proposed, matrix.name, searchMs, {
    why,
  });
  const row = await repo.create({
    organizationId,
    kind: 'URGENT_INSERTION',
    day: day.day,
    teamId: order.teamId,
    triggerWorkOrderId: workOrderId,
    createdById: null,
    plan: stored,
    expiresAt: day.end,
  });
  await recordSuggestionEvent(tx, row);
  return row.id;
}
