import type { MaintenancePlan } from '@attendant/db';
import type { Db, DbOrTx } from '@attendant/kit';
import {
  createGeneratedWorkOrder,
  loadServiceTypes,
  lockGeneration,
} from '../generated-orders/generated-order';
import {
  addDays,
  dateOnly,
  localDate,
  localDayBounds,
  organizationZone,
} from '../generated-orders/local-days';
import { dueDays } from './maintenance.schedule';

export interface MaintenanceOutcome {
  /** Work orders created. */
  created: number;
  /** Due days whose work order already existed. */
  skipped: number;
}

export const maintenanceKey = (planId: string, day: string) => `maint:${planId}:${day}`;

/**
 * Generates the work orders of active maintenance plans: every due day from today to today +
 * leadDays (the organization's local dates) gets one order, keyed `maint:<plan>:<day>`. Each plan
 * runs in its own transaction under a lock on the plan, and the insert skips an existing key, so
 * running twice, or in two processes at once, creates nothing twice. `organizationId` null runs
 * every organization.
 */
export async function generateDue(
  db: Db,
  organizationId: string | null,
  now: Date = new Date(),
): Promise<MaintenanceOutcome> {
  const total: MaintenanceOutcome = { created: 0, skipped: 0 };
  const organizations = organizationId ? [organizationId] : await organizationsWithPlans(db);
  for (const org of organizations) {
    const zone = await organizationZone(db, org);
    const plans = await db.maintenancePlan.findMany({
      where: { organizationId: org, active: true },
      select: { id: true },
      orderBy: { id: 'asc' },
    });
    for (const { id } of plans) {
      const outcome = await db.$transaction((tx) => generatePlan(tx, org, id, zone, now));
      total.created += outcome.created;
      total.skipped += outcome.skipped;
    }
  }
  return total;
}

async function generatePlan(
  tx: DbOrTx,
  organizationId: string,
  planId: string,
  zone: string,
  now: Date,
): Promise<MaintenanceOutcome> {
  const outcome: MaintenanceOutcome = { created: 0, skipped: 0 };
  await lockGeneration(tx, `maint:${planId}`);
  const plan = await tx.maintenancePlan.findFirst({ where: { id: planId, organizationId } });
  if (!plan?.active) return outcome;
  const today = localDate(now, zone);
  const days = dueDays(
    { intervalDays: plan.intervalDays, rrule: plan.rrule, startsOn: dateOnly(plan.startsOn) },
    today,
    addDays(today, plan.leadDays),
  );
  if (days.length === 0) return outcome;
  const [serviceType] = await loadServiceTypes(tx, organizationId, [plan.serviceTypeId]);
  if (!serviceType) return outcome; // Deleted from the catalog: nothing to order.
  const refs = await references(tx, plan);
  for (const day of days) {
    const window = localDayBounds(day, zone);
    const created = await createGeneratedWorkOrder(tx, {
      organizationId,
      dedupeKey: maintenanceKey(plan.id, day),
      kind: plan.roomId ? 'HOTEL_SERVICE' : 'FIELD_JOB',
      title: `${plan.name} — ${refs.label}`,
      priority: plan.priority,
      serviceType,
      teamId: refs.teamId,
      technicianId: refs.technicianId,
      guestId: plan.guestId,
      roomId: plan.roomId,
      siteId: plan.siteId,
      windowStart: window.start,
      windowEnd: window.end,
      maintenancePlanId: plan.id,
    });
    if (created) outcome.created += 1;
    else outcome.skipped += 1;
  }
  if (outcome.created > 0) {
    await tx.maintenancePlan.updateMany({
      where: { id: plan.id, organizationId },
      data: { lastGeneratedAt: now },
    });
  }
  return outcome;
}

/** What the order names and who it goes to; a team or technician removed since counts as none. */
async function references(tx: DbOrTx, plan: MaintenancePlan) {
  const { organizationId } = plan;
  const site = plan.siteId
    ? await tx.siteProjection.findFirst({
        where: { organizationId, siteId: plan.siteId },
        select: { name: true },
      })
    : null;
  const room = plan.roomId
    ? await tx.roomProjection.findFirst({
        where: { organizationId, roomId: plan.roomId },
        select: { number: true },
      })
    : null;
  const team = plan.teamId
    ? await tx.team.findFirst({ where: { organizationId, id: plan.teamId }, select: { id: true } })
    : null;
  const technician = plan.technicianId
    ? await tx.technician.findFirst({
        where: { organizationId, id: plan.technicianId },
        select: { id: true },
      })
    : null;
  const label =
    plan.asset?.trim() ||
    site?.name ||
    (plan.roomId
      ? room?.number
        ? `Room ${room.number}`
        : 'Room'
      : plan.siteId
        ? 'Site'
        : 'Asset');
  return { label, teamId: team?.id ?? null, technicianId: technician?.id ?? null };
}

async function organizationsWithPlans(db: Db): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ organizationId: string }[]>(
    `SELECT DISTINCT "organizationId"::text AS "organizationId"
       FROM "operations"."maintenance_plan" WHERE "active"`,
  );
  return rows.map((r) => r.organizationId);
}
