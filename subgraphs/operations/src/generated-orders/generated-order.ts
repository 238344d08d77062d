import type { Prisma, WorkOrder, WorkOrderKind, WorkOrderPriority } from '@attendant/db';
import type { DbOrTx } from '@attendant/kit';
import { recordWorkOrderEvent } from '../work-order/work-order.events';
import { WorkOrderRepository } from '../work-order/work-order.repository';
import { SlaService, type SlaTargets } from '../sla/sla.service';

/** What an automatic work order (automation rule or maintenance plan) is made from. */
export interface GeneratedOrderInput {
  organizationId: string;
  /** Unique per organization: `auto:<rule>:<reservation>` or `maint:<plan>:<YYYY-MM-DD>`. */
  dedupeKey: string;
  kind: WorkOrderKind;
  title: string;
  priority: WorkOrderPriority;
  serviceType: GeneratedServiceType;
  teamId?: string | null;
  technicianId?: string | null;
  guestId?: string | null;
  roomId?: string | null;
  siteId?: string | null;
  reservationId?: string | null;
  windowStart?: Date | null;
  windowEnd?: Date | null;
  scheduledStart?: Date | null;
  automationRuleId?: string | null;
  maintenancePlanId?: string | null;
}

export type GeneratedServiceType = Pick<
  Prisma.ServiceTypeGetPayload<object>,
  'id' | 'defaultMinutes' | 'priceMinor' | 'currency' | 'checklist'
>;

const TITLE_MAX = 200;

/**
 * Serialises the generators that work on one key (a reservation, a maintenance plan) until the
 * transaction ends, so a consumer, a sweep and a manual run never race on the same orders. Each
 * transaction takes one such lock before the work order counter, which keeps lock order fixed.
 */
export async function lockGeneration(tx: DbOrTx, key: string): Promise<void> {
  await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', key);
}

export function loadServiceTypes(
  tx: DbOrTx,
  organizationId: string,
  ids: readonly string[],
): Promise<(GeneratedServiceType & { active: boolean; name: string })[]> {
  return tx.serviceType.findMany({
    where: { organizationId, id: { in: [...ids] } },
    select: {
      id: true,
      name: true,
      active: true,
      defaultMinutes: true,
      priceMinor: true,
      currency: true,
      checklist: true,
    },
  });
}

/**
 * Creates one automatic work order, numbered like any other (WO-<n>), with the service type's
 * duration, price and checklist, SLA targets counted from when the work is due, and its
 * WorkOrderCreated event. Answers null when an order with
 * the same dedupe key exists: the insert is ON CONFLICT DO NOTHING on (organizationId,
 * dedupeKey), so redelivered events and concurrent runs create it once.
 */
export async function createGeneratedWorkOrder(
  tx: DbOrTx,
  input: GeneratedOrderInput,
): Promise<WorkOrder | null> {
  const { organizationId, dedupeKey, serviceType } = input;
  const existing = await tx.workOrder.findFirst({
    where: { organizationId, dedupeKey },
    select: { id: true },
  });
  if (existing) return null;
  const scheduledStart = input.scheduledStart ?? null;
  const minutes = serviceType.defaultMinutes;
  // The SLA clock starts when the work is due, not when it was generated days ahead.
  const slaStartsAt = dueFrom(scheduledStart, input.windowStart ?? null, new Date());
  const sla = await targetsFrom(tx, organizationId, serviceType.id, input.priority, slaStartsAt);
  const orders = new WorkOrderRepository(tx);
  const number = await orders.nextNumber(organizationId);
  const [row] = await tx.workOrder.createManyAndReturn({
    data: [
      {
        organizationId,
        number,
        kind: input.kind,
        title: input.title.trim().slice(0, TITLE_MAX),
        priority: input.priority,
        serviceTypeId: serviceType.id,
        teamId: input.teamId ?? null,
        technicianId: input.technicianId ?? null,
        guestId: input.guestId ?? null,
        roomId: input.roomId ?? null,
        siteId: input.siteId ?? null,
        reservationId: input.reservationId ?? null,
        windowStart: input.windowStart ?? null,
        windowEnd: input.windowEnd ?? null,
        scheduledStart,
        scheduledEnd: scheduledStart ? new Date(scheduledStart.getTime() + minutes * 60_000) : null,
        estimatedMinutes: minutes,
        priceMinor:
          serviceType.priceMinor != null && serviceType.currency ? serviceType.priceMinor : null,
        currency:
          serviceType.priceMinor != null && serviceType.currency ? serviceType.currency : null,
        slaStartsAt,
        slaPolicyId: sla?.slaPolicyId ?? null,
        responseDueAt: sla?.responseDueAt ?? null,
        slaDueAt: sla?.slaDueAt ?? null,
        automationRuleId: input.automationRuleId ?? null,
        maintenancePlanId: input.maintenancePlanId ?? null,
        dedupeKey,
      },
    ],
    skipDuplicates: true,
  });
  // Lost a race the callers' locks did not cover: the other order stands.
  if (!row) return null;
  await orders.addChecklist(organizationId, row.id, serviceType.checklist);
  await recordWorkOrderEvent(tx, 'WorkOrderCreated', row, {
    automationRuleId: row.automationRuleId,
    maintenancePlanId: row.maintenancePlanId,
  });
  return row;
}

/**
 * Cancels an automatic order that is still NEW (nobody planned it yet) and frees its dedupe key,
 * so the order is generated again if its reason comes back. Answers null when it moved on.
 */
export async function cancelGeneratedWorkOrder(
  tx: DbOrTx,
  order: Pick<WorkOrder, 'id' | 'organizationId' | 'version'>,
  reason: string,
  now: Date,
): Promise<WorkOrder | null> {
  const { count } = await tx.workOrder.updateMany({
    where: {
      id: order.id,
      organizationId: order.organizationId,
      status: 'NEW',
      version: order.version,
    },
    data: {
      status: 'CANCELLED',
      statusReason: reason.slice(0, 500),
      cancelledAt: now,
      dedupeKey: null,
      version: { increment: 1 },
    },
  });
  if (count === 0) return null;
  const row = await tx.workOrder.findFirstOrThrow({
    where: { id: order.id, organizationId: order.organizationId },
  });
  await recordWorkOrderEvent(tx, 'WorkOrderStatusChanged', row, { previousStatus: 'NEW' });
  return row;
}

export interface GeneratedOrderChanges {
  title: string;
  roomId: string | null;
  guestId: string | null;
  scheduledStart: Date;
  /** Left out: the window stays. */
  windowStart?: Date | null;
  windowEnd?: Date | null;
}

/**
 * Updates an automatic order nobody has planned yet (NEW, no technician or vendor) when what it
 * was made from changed (e.g. the reservation got a room or a new arrival time). When the work
 * moves (schedule or window), its SLA clock moves with it: start and targets are computed again
 * as at creation, and a moved deadline is watched afresh (warning and breach cleared). Answers
 * null when nothing changed or someone changed the order first.
 */
export async function refreshGeneratedWorkOrder(
  tx: DbOrTx,
  order: WorkOrder,
  changes: GeneratedOrderChanges,
): Promise<WorkOrder | null> {
  if (order.status !== 'NEW' || order.technicianId || order.vendorId) return null;
  const title = changes.title.trim().slice(0, TITLE_MAX);
  const windowStart = changes.windowStart === undefined ? order.windowStart : changes.windowStart;
  const windowEnd = changes.windowEnd === undefined ? order.windowEnd : changes.windowEnd;
  const moved =
    order.scheduledStart?.getTime() !== changes.scheduledStart.getTime() ||
    !sameInstant(order.windowStart, windowStart);
  const same =
    !moved &&
    order.title === title &&
    order.roomId === changes.roomId &&
    order.guestId === changes.guestId &&
    sameInstant(order.windowEnd, windowEnd);
  if (same) return null;
  const scheduledEnd = new Date(changes.scheduledStart.getTime() + order.estimatedMinutes * 60_000);
  const sla = moved ? await movedClock(tx, order, changes.scheduledStart, windowStart) : {};
  const { count } = await tx.workOrder.updateMany({
    where: {
      id: order.id,
      organizationId: order.organizationId,
      status: 'NEW',
      version: order.version,
      technicianId: null,
      vendorId: null,
    },
    data: { ...changes, title, scheduledEnd, ...sla, version: { increment: 1 } },
  });
  if (count === 0) return null;
  const row = await tx.workOrder.findFirstOrThrow({
    where: { id: order.id, organizationId: order.organizationId },
  });
  await recordWorkOrderEvent(tx, 'WorkOrderUpdated', row, { change: 'source-changed' });
  return row;
}

/** When the work is due (schedule, else window start), never before now. */
function dueFrom(scheduledStart: Date | null, windowStart: Date | null, now: Date): Date {
  const due = scheduledStart ?? windowStart ?? now;
  return due > now ? due : now;
}

function targetsFrom(
  tx: DbOrTx,
  organizationId: string,
  serviceTypeId: string | null,
  priority: WorkOrderPriority,
  startsAt: Date,
): Promise<SlaTargets | null> {
  return new SlaService(tx).targetsFor(tx, organizationId, {
    serviceTypeId,
    priority,
    createdAt: startsAt,
  });
}

/**
 * The SLA fields of an order whose work moved: the clock restarts when the work is now due and
 * the policy targets are counted from there (the policy that applies now, as at creation). A
 * deadline set by hand (no policy) stays as it is; only its clock start moves.
 */
async function movedClock(
  tx: DbOrTx,
  order: WorkOrder,
  scheduledStart: Date,
  windowStart: Date | null,
): Promise<Prisma.WorkOrderUpdateManyMutationInput> {
  const slaStartsAt = dueFrom(scheduledStart, windowStart, new Date());
  if (!order.slaPolicyId && order.slaDueAt) return { slaStartsAt };
  const sla = await targetsFrom(
    tx,
    order.organizationId,
    order.serviceTypeId,
    order.priority,
    slaStartsAt,
  );
  const slaDueAt = sla?.slaDueAt ?? null;
  return {
    slaStartsAt,
    slaPolicyId: sla?.slaPolicyId ?? null,
    responseDueAt: sla?.responseDueAt ?? null,
    slaDueAt,
    // A moved deadline is watched again: the monitor warns and breaches it afresh.
    ...(sameInstant(slaDueAt, order.slaDueAt) ? {} : { slaWarnedAt: null, slaBreachedAt: null }),
  };
}

function sameInstant(a: Date | null, b: Date | null): boolean {
  return (a?.getTime() ?? null) === (b?.getTime() ?? null);
}
