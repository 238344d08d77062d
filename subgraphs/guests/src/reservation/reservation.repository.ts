import type { Prisma, Reservation as ReservationRow } from '@attendant/db';
import { keysetQuery, type DbOrTx, type TenantActor } from '@attendant/kit';
import { validIds } from '../shared/ids';
import type { ReservationFilter } from './reservation.type';

export type { ReservationRow };

/** Reservation queries. Every query is scoped to the actor's organization. */
export class ReservationRepository {
  constructor(private readonly db: DbOrTx) {}

  findByIds(actor: TenantActor, ids: readonly string[]): Promise<ReservationRow[]> {
    return this.db.reservation.findMany({
      where: { id: { in: validIds(ids) }, organizationId: actor.organizationId },
    });
  }

  findCheckedInByRoomIds(
    actor: TenantActor,
    roomIds: readonly string[],
  ): Promise<ReservationRow[]> {
    return this.db.reservation.findMany({
      where: {
        organizationId: actor.organizationId,
        roomId: { in: validIds(roomIds) },
        status: 'CHECKED_IN',
      },
      orderBy: [{ arrivalAt: 'asc' }],
    });
  }

  /** The `perGuest` latest reservations (by arrival) of each guest, in one query. */
  findRecentByGuestIds(
    actor: TenantActor,
    guestIds: readonly string[],
    perGuest: number,
  ): Promise<ReservationRow[]> {
    const ids = validIds(guestIds);
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.$queryRaw<ReservationRow[]>`
      SELECT r.* FROM "guests"."reservation" r
      WHERE r."id" IN (
        SELECT ranked."id" FROM (
          SELECT "id", row_number() OVER (PARTITION BY "guestId" ORDER BY "arrivalAt" DESC, "id" DESC) AS n
          FROM "guests"."reservation"
          WHERE "organizationId" = ${actor.organizationId}::uuid AND "guestId" = ANY(${ids}::uuid[])
        ) ranked WHERE ranked.n <= ${perGuest}
      )
      ORDER BY r."arrivalAt" DESC, r."id" DESC`;
  }

  private where(
    actor: TenantActor,
    filter: ReservationFilter | undefined,
  ): Prisma.ReservationWhereInput {
    const where: Prisma.ReservationWhereInput = { organizationId: actor.organizationId };
    if (filter?.status?.length) where.status = { in: filter.status };
    if (filter?.guestId) where.guestId = filter.guestId;
    if (filter?.arrivalFrom || filter?.arrivalTo) {
      where.arrivalAt = { gte: filter.arrivalFrom ?? undefined, lt: filter.arrivalTo ?? undefined };
    }
    return where;
  }

  async page(
    actor: TenantActor,
    args: { first: number; after?: string | null; filter?: ReservationFilter },
  ) {
    const base = this.where(actor, args.filter);
    const keyset = keysetQuery('arrivalAt', 'ASC', args.after);
    // Counted only when a client selects totalCount.
    const rows = await this.db.reservation.findMany({
      where: {
        ...(keyset.where ? { AND: [base, keyset.where] } : base),
        organizationId: actor.organizationId,
      },
      orderBy: keyset.orderBy as Prisma.ReservationOrderByWithRelationInput[],
      take: args.first + 1,
    });
    return { rows, totalCount: () => this.db.reservation.count({ where: base }) };
  }
}
