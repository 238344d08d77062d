import { Prisma, type AlertKind } from '@attendant/db';
import type { DbOrTx } from '@attendant/kit';
import type { ArrivalFacts } from './alert-rules';

const CLOSED_ORDERS = new Set(['COMPLETED', 'CANCELLED']);

/**
 * What alert rules know of other domains, kept from their events (communications never reads
 * their tables): staff and their roles, reservations, guests' VIP flag and completeness, and open
 * work orders; plus the arrival checks planned from them.
 */
export class AlertFactsRepository {
  constructor(private readonly db: DbOrTx) {}

  async upsertStaff(
    organizationId: string,
    userId: string,
    data: { name: string; email: string | null; roles: string[]; active: boolean },
  ) {
    await this.db.staffProjection.upsert({
      where: { organizationId_userId: { organizationId, userId } },
      create: { organizationId, userId, ...data },
      update: data,
    });
  }

  async upsertGuest(
    organizationId: string,
    guestId: string,
    data: { name?: string | null; vip?: boolean; completeness?: number | null },
  ) {
    await this.db.alertGuestProjection.upsert({
      where: { organizationId_guestId: { organizationId, guestId } },
      create: { organizationId, guestId, ...data },
      update: data,
    });
  }

  async upsertReservation(
    organizationId: string,
    reservationId: string,
    data: {
      guestId: string | null;
      guestName: string | null;
      roomId: string | null;
      roomNumber: string | null;
      status: string;
      arrivalAt: Date;
    },
  ) {
    await this.db.alertReservationProjection.upsert({
      where: { organizationId_reservationId: { organizationId, reservationId } },
      create: { organizationId, reservationId, ...data },
      update: data,
    });
  }

  /** Keeps open work orders only; an older event (by version) never overwrites a newer one. */
  async workOrder(
    organizationId: string,
    workOrderId: string,
    data: {
      guestId: string | null;
      roomId: string | null;
      number: number | null;
      title: string | null;
      status: string;
      version: number | null;
    },
  ) {
    const stored = await this.db.alertOpenWorkOrder.findFirst({
      where: { organizationId, workOrderId },
    });
    if (stored?.version != null && data.version != null && data.version < stored.version) return;
    if (CLOSED_ORDERS.has(data.status)) {
      await this.db.alertOpenWorkOrder.deleteMany({ where: { organizationId, workOrderId } });
      return;
    }
    await this.db.alertOpenWorkOrder.upsert({
      where: { organizationId_workOrderId: { organizationId, workOrderId } },
      create: { organizationId, workOrderId, ...data },
      update: data,
    });
  }

  /** Plans (or moves) a check; a moved reservation is checked again when its time comes. */
  async planCheck(organizationId: string, kind: AlertKind, reservationId: string, dueAt: Date) {
    const dedupeKey = `Reservation:${reservationId}:${kind}`;
    await this.db.alertCheck.upsert({
      where: { organizationId_dedupeKey: { organizationId, dedupeKey } },
      create: {
        organizationId,
        kind,
        dedupeKey,
        entityType: 'Reservation',
        entityId: reservationId,
        dueAt,
      },
      update: { dueAt, doneAt: null },
    });
  }

  async cancelChecks(organizationId: string, reservationId: string, at: Date) {
    await this.db.alertCheck.updateMany({
      where: { organizationId, entityType: 'Reservation', entityId: reservationId, doneAt: null },
      data: { doneAt: at },
    });
  }

  /**
   * A guest's profile or open orders changed: checks already run for their (or their room's)
   * arrivals that are still ahead run again now (an alert is raised once however often).
   */
  async recheck(
    organizationId: string,
    by: { guestId?: string | null; roomId?: string | null },
    now: Date,
  ) {
    if (!by.guestId && !by.roomId) return;
    await this.db.$executeRaw(Prisma.sql`
      UPDATE "communications"."alert_check" c SET "doneAt" = NULL, "dueAt" = ${now}, "updatedAt" = ${now}
        FROM "communications"."alert_reservation_projection" r
       WHERE c."organizationId" = ${organizationId}::uuid AND c."entityType" = 'Reservation'
         AND r."organizationId" = c."organizationId" AND r."reservationId" = c."entityId"
         AND c."doneAt" IS NOT NULL AND c."dueAt" <= ${now} AND r."arrivalAt" > ${now}
         AND (r."guestId" = ${by.guestId ?? null}::uuid OR r."roomId" = ${by.roomId ?? null}::uuid)`);
  }

  /** Locks due checks for this transaction (SKIP LOCKED: sweepers share them). */
  lockDueChecks(now: Date, limit: number) {
    return this.db.$queryRaw<
      { id: string; organizationId: string; kind: AlertKind; entityId: string }[]
    >(Prisma.sql`
      SELECT "id", "organizationId", "kind"::text AS "kind", "entityId" FROM "communications"."alert_check"
       WHERE "doneAt" IS NULL AND "dueAt" <= ${now}
       ORDER BY "dueAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED`);
  }

  async finishCheck(organizationId: string, id: string, at: Date) {
    await this.db.alertCheck.updateMany({ where: { organizationId, id }, data: { doneAt: at } });
  }

  /** The reservation with its guest's facts and the open orders for the guest or the room. */
  async arrivalFacts(organizationId: string, reservationId: string): Promise<ArrivalFacts | null> {
    const r = await this.db.alertReservationProjection.findFirst({
      where: { organizationId, reservationId },
    });
    if (!r) return null;
    const [guest, orders] = await Promise.all([
      r.guestId
        ? this.db.alertGuestProjection.findFirst({ where: { organizationId, guestId: r.guestId } })
        : null,
      this.db.alertOpenWorkOrder.findMany({
        where: {
          organizationId,
          OR: [
            ...(r.guestId ? [{ guestId: r.guestId }] : []),
            ...(r.roomId ? [{ roomId: r.roomId }] : []),
          ],
        },
        orderBy: { number: 'asc' },
        take: 20,
      }),
    ]);
    return {
      reservationId,
      arrivalAt: r.arrivalAt,
      status: r.status,
      guestId: r.guestId,
      guestName: guest?.name ?? r.guestName,
      roomNumber: r.roomNumber,
      vip: guest?.vip ?? false,
      completeness: guest?.completeness ?? null,
      openOrders: r.guestId || r.roomId ? orders : [],
    };
  }
}
