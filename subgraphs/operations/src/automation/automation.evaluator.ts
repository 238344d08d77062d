import type { AutomationRule, ReservationProjection, WorkOrder } from '@attendant/db';
import type { Db, DbOrTx } from '@attendant/kit';
import {
  cancelGeneratedWorkOrder,
  createGeneratedWorkOrder,
  loadServiceTypes,
  lockGeneration,
  refreshGeneratedWorkOrder,
} from '../generated-orders/generated-order';
import { organizationZone } from '../generated-orders/local-days';
import { ProjectionRepository } from '../projection/projection.repository';
import {
  conditionsHold,
  isGone,
  isPast,
  plannedStart,
  readConditions,
  renderTitle,
} from './automation.conditions';

export interface AutomationOutcome {
  /** Orders created. */
  created: number;
  /** Matches whose order already existed. */
  skipped: number;
  /** Still-new orders cancelled because the reservation no longer matches. */
  cancelled: number;
}

/** How far ahead the scheduled sweep looks for reservations. */
export const SWEEP_HORIZON_MS = 72 * 3_600_000;
const GRACE_MS = 12 * 3_600_000;

export const dedupeKeyOf = (ruleId: string, reservationId: string) =>
  `auto:${ruleId}:${reservationId}`;

/**
 * Runs the organization's automation rules on one reservation, in the caller's transaction: a
 * matching active rule gets its order (once: the dedupe key `auto:<rule>:<reservation>`), a
 * still-new order whose reservation no longer matches or went away is cancelled, and an order
 * nobody has planned yet follows the reservation (room, arrival time, title). Reservations that arrived more than 12 hours
 * ago get no new orders; when they go away (no-show, cancelled) their new orders are cancelled.
 */
export async function evaluateReservation(
  tx: DbOrTx,
  organizationId: string,
  projection: ReservationProjection,
  now: Date = new Date(),
): Promise<AutomationOutcome> {
  const outcome: AutomationOutcome = { created: 0, skipped: 0, cancelled: 0 };
  const { reservationId } = projection;
  await lockGeneration(tx, `auto:${reservationId}`);
  // Re-read under the lock: a sweep may hold an older copy.
  const r =
    (await new ProjectionRepository(tx).findReservation(organizationId, reservationId)) ??
    projection;
  if (isPast(r, now) && !isGone(r)) return outcome;
  const rules = await tx.automationRule.findMany({
    where: { organizationId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const orders = await tx.workOrder.findMany({
    where: {
      organizationId,
      reservationId,
      automationRuleId: { not: null },
      dedupeKey: { not: null },
    },
  });
  if (rules.every((rule) => !rule.active) && orders.length === 0) return outcome;
  const zone = await organizationZone(tx, organizationId);
  const byKey = new Map(orders.map((o) => [o.dedupeKey, o]));
  const gone = isGone(r);
  const matching = rules.filter(
    (rule) => rule.active && !gone && conditionsHold(readConditions(rule.conditions), r, zone),
  );
  const context = await loadReferences(tx, organizationId, matching);

  for (const rule of rules) {
    const order = byKey.get(dedupeKeyOf(rule.id, reservationId));
    byKey.delete(dedupeKeyOf(rule.id, reservationId));
    const title = renderTitle(rule.title, { ...r, roomLabel: r.roomNumber ?? null }, zone);
    if (matching.includes(rule)) {
      if (order) {
        outcome.skipped += 1;
        await refreshGeneratedWorkOrder(tx, order, {
          title,
          roomId: r.roomId,
          guestId: r.guestId,
          scheduledStart: nextStart(order, r.arrivalAt, rule.hoursBeforeArrival, now),
        });
        continue;
      }
      const serviceType = context.serviceTypes.get(rule.serviceTypeId);
      if (!serviceType) continue; // Deleted from the catalog since the rule was saved.
      const created = await createGeneratedWorkOrder(tx, {
        organizationId,
        dedupeKey: dedupeKeyOf(rule.id, reservationId),
        kind: 'HOTEL_SERVICE',
        title,
        priority: rule.priority,
        serviceType,
        teamId: rule.teamId && context.teamIds.has(rule.teamId) ? rule.teamId : null,
        guestId: r.guestId,
        roomId: r.roomId,
        reservationId,
        scheduledStart: plannedStart(r.arrivalAt, rule.hoursBeforeArrival, now),
        automationRuleId: rule.id,
      });
      if (!created) {
        outcome.skipped += 1;
        continue;
      }
      outcome.created += 1;
      await tx.automationRule.updateMany({
        where: { id: rule.id, organizationId },
        data: { firedCount: { increment: 1 }, lastFiredAt: now },
      });
    } else if (order && (rule.active || gone)) {
      const reason = noLongerMatches(`"${rule.name}"`, r.status, gone);
      if (await cancelGeneratedWorkOrder(tx, order, reason, now)) outcome.cancelled += 1;
    }
  }
  // Orders of rules deleted since: only a reservation that went away cancels them.
  if (gone) {
    for (const order of byKey.values()) {
      const reason = noLongerMatches('(deleted)', r.status, gone);
      if (await cancelGeneratedWorkOrder(tx, order, reason, now)) outcome.cancelled += 1;
    }
  }
  return outcome;
}

/** E.g. `Reservation no longer matches rule "VIP welcome" (reservation no show)`. */
function noLongerMatches(rule: string, status: string, gone: boolean): string {
  const why = gone ? ` (reservation ${status.toLowerCase().replace(/_/g, ' ')})` : '';
  return `Reservation no longer matches rule ${rule}${why}`;
}

/** An untouched order follows a moved arrival, but is never moved into the past. */
function nextStart(order: WorkOrder, arrivalAt: Date, hours: number, now: Date): Date {
  const target = new Date(arrivalAt.getTime() - hours * 3_600_000);
  if (target >= now || !order.scheduledStart) return plannedStart(arrivalAt, hours, now);
  return order.scheduledStart;
}

async function loadReferences(tx: DbOrTx, organizationId: string, rules: AutomationRule[]) {
  if (rules.length === 0) return { serviceTypes: new Map(), teamIds: new Set<string>() };
  const serviceTypes = await loadServiceTypes(
    tx,
    organizationId,
    rules.map((r) => r.serviceTypeId),
  );
  const teamIds = rules.flatMap((r) => (r.teamId ? [r.teamId] : []));
  const teams = teamIds.length
    ? await tx.team.findMany({
        where: { organizationId, id: { in: teamIds } },
        select: { id: true },
      })
    : [];
  return {
    serviceTypes: new Map(serviceTypes.map((s) => [s.id, s])),
    teamIds: new Set(teams.map((t) => t.id)),
  };
}

/**
 * The scheduled pass: every reservation arriving in the next 72 hours (or in the last 12) runs
 * through the rules, which catches rules created or changed after the reservation's last event.
 * One short transaction per reservation; safe to run in several processes at once.
 */
export async function runAutomationSweep(
  db: Db,
  now: Date = new Date(),
  organizationId?: string,
): Promise<{ created: number; skipped: number }> {
  const total = { created: 0, skipped: 0 };
  const organizations = organizationId ? [organizationId] : await organizationsWithRules(db);
  for (const org of organizations) {
    const arriving = await new ProjectionRepository(db).arriving(
      org,
      new Date(now.getTime() - GRACE_MS),
      new Date(now.getTime() + SWEEP_HORIZON_MS),
    );
    for (const projection of arriving) {
      const outcome = await db.$transaction((tx) => evaluateReservation(tx, org, projection, now));
      total.created += outcome.created;
      total.skipped += outcome.skipped;
    }
  }
  return total;
}

async function organizationsWithRules(db: Db): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ organizationId: string }[]>(
    `SELECT DISTINCT "organizationId"::text AS "organizationId"
       FROM "operations"."automation_rule" WHERE "active"`,
  );
  return rows.map((r) => r.organizationId);
}
