import { recordEvent, type Db, type DbOrTx, type Tx } from '@attendant/kit';

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

/**
 * A room's state changed: the event (with the room number, for operations' read model) and the
 * reservations the arrival board shows for it.
 */
export async function roomStateChanged(
  tx: Tx,
  organizationId: string,
  roomId: string,
  extra: Record<string, unknown> = {},
) {
  const room = await tx.room.findUniqueOrThrow({
    where: { id: roomId, organizationId },
    select: { number: true, state: true },
  });
  await recordEvent(tx, 'guests', {
    type: 'RoomStateChanged',
    entityType: 'Room',
    entityId: roomId,
    organizationId,
    payload: { state: room.state, number: room.number, ...extra },
  });
  await announceRoomArrivals(tx, organizationId, roomId);
}

export async function announceRoomArrivals(tx: Tx, organizationId: string, roomId: string) {
  for (const r of await upcomingArrivals(tx, organizationId, { roomId })) {
    await reservationEvent(tx, organizationId, r.id);
  }
}

/**
 * The event the arrival board subscribes to. It also carries what operations' automation rules
 * match on (VIP, products, ETA, special requests), so operations never reads this schema.
 */
export async function reservationEvent(tx: Tx, organizationId: string, reservationId: string) {
  const row = await tx.reservation.findUniqueOrThrow({
    where: { id: reservationId, organizationId },
    select: RESERVATION_EVENT_FIELDS,
  });
  await recordEvent(tx, 'guests', {
    type: 'ReservationUpdated',
    entityType: 'Reservation',
    entityId: reservationId,
    organizationId,
    payload: reservationPayload(row),
  });
  if (isCheckInReady(row, new Date())) await checkInReady(tx, organizationId, reservationId, row);
}

/** How far from now an arrival counts as "arrival day" (guests keeps no property time zone). */
export const ARRIVAL_DAY_MS = 18 * 3_600_000;
const READY_ROOM_STATES = new Set(['CLEAN', 'INSPECTED']);

/** A confirmed stay arriving about now whose assigned room is clean or inspected. */
export function isCheckInReady(
  row: Pick<ReservationEventRow, 'status' | 'arrivalAt' | 'room'>,
  now: Date,
): boolean {
  return (
    row.status === 'CONFIRMED' &&
    READY_ROOM_STATES.has(row.room?.state ?? '') &&
    Math.abs(row.arrivalAt.getTime() - now.getTime()) <= ARRIVAL_DAY_MS
  );
}

/**
 * `CheckInReady`, once per reservation: the stamp is set only while it is still empty, in the
 * transaction that writes the event, so a room cleaned twice (or two events racing) announces once.
 */
async function checkInReady(
  tx: Tx,
  organizationId: string,
  reservationId: string,
  row: ReservationEventRow,
): Promise<void> {
  const stamped = await tx.reservation.updateMany({
    where: { id: reservationId, organizationId, checkInReadyAt: null },
    data: { checkInReadyAt: new Date() },
  });
  if (stamped.count === 0) return;
  await recordEvent(tx, 'guests', {
    type: 'CheckInReady',
    entityType: 'Reservation',
    entityId: reservationId,
    organizationId,
    payload: { ...reservationPayload(row), roomState: row.room?.state ?? null },
  });
}

export const RESERVATION_EVENT_FIELDS = {
  arrivalAt: true,
  departureAt: true,
  status: true,
  guestId: true,
  roomId: true,
  room: { select: { number: true, state: true } },
  etaAt: true,
  notes: true,
  products: true,
  guest: { select: { firstName: true, lastName: true, vip: true } },
} as const;

type ReservationEventRow = {
  arrivalAt: Date;
  departureAt: Date;
  status: string;
  guestId: string;
  roomId: string | null;
  room: { number: string; state?: string } | null;
  etaAt: Date | null;
  notes: string | null;
  products: string[];
  guest: { firstName: string | null; lastName: string; vip: boolean };
};

export function reservationPayload(row: ReservationEventRow) {
  return {
    arrivalAt: row.arrivalAt.toISOString(),
    departureAt: row.departureAt.toISOString(),
    status: row.status,
    guestId: row.guestId,
    guestName: [row.guest.firstName, row.guest.lastName].filter(Boolean).join(' '),
    vip: row.guest.vip,
    roomId: row.roomId,
    roomNumber: row.room?.number ?? null,
    etaAt: row.etaAt?.toISOString() ?? null,
    products: row.products,
    // Events stay small: a special request is announced, its text shortened.
    notes: row.notes ? row.notes.slice(0, 280) : null,
  };
}

/**
 * After an import: one event per upcoming arrival (the import itself writes none), so read
 * models elsewhere (operations' automation rules) learn about the stays they may act on.
 */
export async function announceUpcomingArrivals(db: Db, organizationId: string): Promise<number> {
  const rows = await db.reservation.findMany({
    where: {
      organizationId,
      arrivalAt: { gte: new Date(Date.now() - DAY), lt: new Date(Date.now() + 7 * DAY) },
    },
    select: { id: true },
  });
  for (let i = 0; i < rows.length; i += 200) {
    await db.$transaction(async (tx) => {
      for (const r of rows.slice(i, i + 200)) await reservationEvent(tx, organizationId, r.id);
    });
  }
  return rows.length;
}
