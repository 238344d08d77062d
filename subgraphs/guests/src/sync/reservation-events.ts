import { recordEvent, type DbOrTx, type Tx } from '@attendant/kit';

/**
 * Completed stays and their spend, kept on guests for VIP rules: for one guest, or for every
 * guest of the organization in one statement (after an import).
 */
export async function refreshStays(
  db: DbOrTx,
  organizationId: string,
  guestId: string | null = null,
): Promise<void> {
  await db.$executeRawUnsafe(
    `UPDATE "guests"."guest" g
        SET "stayCount" = COALESCE(s.stays, 0), "totalSpendMinor" = COALESCE(s.spend, 0)
       FROM "guests"."guest" g2
       LEFT JOIN (SELECT "guestId", count(*)::int AS stays, sum("totalMinor")::int AS spend
                    FROM "guests"."reservation"
                   WHERE "organizationId" = $1::uuid AND "status" = 'CHECKED_OUT'
                     AND ($2::uuid IS NULL OR "guestId" = $2::uuid)
                   GROUP BY "guestId") s ON s."guestId" = g2."id"
      WHERE g."id" = g2."id" AND g2."organizationId" = $1::uuid
        AND ($2::uuid IS NULL OR g2."id" = $2::uuid)`,
    organizationId,
    guestId,
  );
}

const DAY = 86_400_000;

/** Reservations arriving from yesterday to two days ahead: what the arrival board can show. */
export function upcomingArrivals(
  tx: Tx,
  organizationId: string,
  where: { guestId?: string; roomId?: string },
) {
  const now = Date.now();
  return tx.reservation.findMany({
    where: {
      organizationId,
      ...where,
      arrivalAt: { gte: new Date(now - DAY), lt: new Date(now + 3 * DAY) },
    },
    select: { id: true },
  });
}

export async function announceRoomArrivals(tx: Tx, organizationId: string, roomId: string) {
  for (const r of await upcomingArrivals(tx, organizationId, { roomId })) {
    await reservationEvent(tx, organizationId, r.id);
  }
}

/** The event the arrival board subscribes to; carries what its filters need. */
export async function reservationEvent(tx: Tx, organizationId: string, reservationId: string) {
  const row = await tx.reservation.findUniqueOrThrow({
    where: { id: reservationId, organizationId },
    select: { arrivalAt: true, status: true, guestId: true, roomId: true },
  });
  await recordEvent(tx, 'guests', {
    type: 'ReservationUpdated',
    entityType: 'Reservation',
    entityId: reservationId,
    organizationId,
    payload: {
      arrivalAt: row.arrivalAt.toISOString(),
      status: row.status,
      guestId: row.guestId,
      roomId: row.roomId,
    },
  });
}
