import type { Prisma, Reservation } from '@attendant/db';
import { isUuid, requireRoles, tenant, type Actor, type Db, type Role } from '@attendant/kit';
import { validIds } from '../shared/ids';
import { SyncError, SyncErrorCode } from '../sync/sync.errors';
import { isOpenServiceOrder } from '../sync/sync.consumers';
import { reservationEvent } from '../sync/reservation-events';
import { readiness, type ReadinessStatus } from './readiness';

export const ETA_WRITERS: Role[] = ['ADMIN', 'MANAGER', 'DISPATCHER', 'INTEGRATOR'];
const MAX_SPAN_MS = 8 * 86_400_000;
const MAX_ROWS = 500;

export interface ArrivalsFilter {
  readiness?: ReadinessStatus[] | null;
  vipOnly?: boolean | null;
  search?: string | null;
  includeCancelled?: boolean | null;
}

/** The arrival readiness board: who arrives in a window and whether they can be welcomed. */
export class ArrivalsService {
  constructor(private readonly db: Db) {}

  async arrivals(actor: Actor, from: Date, to: Date, filter: ArrivalsFilter = {}) {
    const t = tenant(actor);
    if (!(from < to)) {
      throw new SyncError(SyncErrorCode.InvalidWindow, 'The window must end after it starts', {
        field: 'to',
      });
    }
    if (to.getTime() - from.getTime() > MAX_SPAN_MS) {
      throw new SyncError(SyncErrorCode.InvalidWindow, 'Show at most 8 days of arrivals at once', {
        field: 'to',
      });
    }
    const search = filter.search?.trim();
    const where: Prisma.ReservationWhereInput = {
      organizationId: t.organizationId,
      arrivalAt: { gte: from, lt: to },
      ...(filter.includeCancelled ? {} : { status: { notIn: ['CANCELLED', 'NO_SHOW'] } }),
      ...(filter.vipOnly ? { guest: { vip: true } } : {}),
      ...(search
        ? {
            OR: [
              { confirmationCode: { contains: search, mode: 'insensitive' } },
              { guest: { lastName: { contains: search, mode: 'insensitive' } } },
              { guest: { firstName: { contains: search, mode: 'insensitive' } } },
              { room: { number: { equals: search } } },
            ],
          }
        : {}),
    };
    const rows = await this.db.reservation.findMany({
      where,
      orderBy: [{ arrivalAt: 'asc' }, { id: 'asc' }],
      take: MAX_ROWS,
    });
    const withReadiness = await this.annotate(t.organizationId, rows);
    return filter.readiness?.length
      ? withReadiness.filter((r) => filter.readiness!.includes(r.readiness.status))
      : withReadiness;
  }

  async annotateByIds(actor: Actor, ids: readonly string[]) {
    const t = tenant(actor);
    const rows = await this.db.reservation.findMany({
      where: { organizationId: t.organizationId, id: { in: validIds(ids) } },
    });
    return this.annotate(t.organizationId, rows);
  }

  /** Readiness of reservations, loaded in three queries whatever their number. */
  async annotate<T extends Reservation>(organizationId: string, rows: T[]) {
    const guestIds = [...new Set(rows.map((r) => r.guestId))];
    const roomIds = [...new Set(rows.map((r) => r.roomId).filter((r): r is string => !!r))];
    const [guests, rooms, orders] = await Promise.all([
      this.db.guest.findMany({
        where: { organizationId, id: { in: guestIds } },
        select: { id: true, completenessGaps: true, validationErrors: true, syncStatus: true },
      }),
      this.db.room.findMany({
        where: { organizationId, id: { in: roomIds } },
        select: { id: true, number: true, state: true },
      }),
      this.db.serviceOrderProjection.findMany({
        where: { organizationId, reservationId: { in: rows.map((r) => r.id) } },
      }),
    ]);
    const guestById = new Map(guests.map((g) => [g.id, g]));
    const roomById = new Map(rooms.map((r) => [r.id, r]));
    return rows.map((r) => {
      const open = orders.filter((o) => o.reservationId === r.id && isOpenServiceOrder(o.status));
      const guest = guestById.get(r.guestId);
      return {
        ...r,
        openServiceOrderList: open,
        readiness: readiness({
          status: r.status,
          room: r.roomId ? (roomById.get(r.roomId) ?? null) : null,
          openServiceOrders: open.length,
          guest: {
            completenessGaps: guest?.completenessGaps ?? [],
            validationErrors: guest?.validationErrors ?? [],
            syncStatus: guest?.syncStatus ?? null,
          },
        }),
      };
    });
  }

  async setEta(actor: Actor, reservationId: string, etaAt: Date | null) {
    const t = requireRoles(actor, ETA_WRITERS);
    if (!isUuid(reservationId)) {
      throw new SyncError(SyncErrorCode.NotFound, `Reservation ${reservationId} was not found`);
    }
    return this.db.$transaction(async (tx) => {
      const current = await tx.reservation.findFirst({
        where: { id: reservationId, organizationId: t.organizationId },
      });
      if (!current) {
        throw new SyncError(SyncErrorCode.NotFound, `Reservation ${reservationId} was not found`);
      }
      const updated = await tx.reservation.update({
        where: { id: reservationId, organizationId: t.organizationId },
        data: { etaAt },
      });
      await reservationEvent(tx, t.organizationId, reservationId);
      return updated;
    });
  }
}
