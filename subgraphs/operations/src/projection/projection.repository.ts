import type { Prisma, ReservationProjection, RoomProjection, SiteProjection } from '@attendant/db';
import type { DbOrTx } from '@attendant/kit';

export type { ReservationProjection, RoomProjection, SiteProjection };

/** Fields an event carries; `undefined` keeps what the row has, `null` clears it. */
export type ReservationFields = Omit<
  Prisma.ReservationProjectionUncheckedCreateInput,
  'reservationId' | 'organizationId' | 'updatedAt'
>;
export type RoomFields = { state: string; number?: string | undefined };
/** A site event may carry only what changed; a site is created from a complete one. */
export type SiteFields = { name?: string; city?: string | null; lat?: number; lng?: number };

/**
 * Read models of guests' entities, written from their events. Every write is conditional on the
 * row's `updatedAt` (the occurredAt of the event that last wrote it) not being newer than the
 * event's, so events handled out of order never bring back an older state.
 */
export class ProjectionRepository {
  constructor(private readonly db: DbOrTx) {}

  /** Applies a reservation event; answers the row when it changed it, null when it was older. */
  async applyReservation(
    organizationId: string,
    reservationId: string,
    occurredAt: Date,
    fields: ReservationFields,
  ): Promise<ReservationProjection | null> {
    const key = { reservationId, organizationId };
    return this.applyOrdered(
      () =>
        this.db.reservationProjection.updateMany({
          where: { ...key, updatedAt: { lte: occurredAt } },
          data: { ...fields, updatedAt: occurredAt },
        }),
      () =>
        this.db.reservationProjection.createMany({
          data: [{ ...key, ...fields, updatedAt: occurredAt }],
          skipDuplicates: true,
        }),
      () => this.db.reservationProjection.findFirst({ where: key }),
    );
  }

  async applyRoom(
    organizationId: string,
    roomId: string,
    occurredAt: Date,
    fields: RoomFields,
  ): Promise<RoomProjection | null> {
    const key = { roomId, organizationId };
    return this.applyOrdered(
      () =>
        this.db.roomProjection.updateMany({
          where: { ...key, updatedAt: { lte: occurredAt } },
          data: { ...fields, updatedAt: occurredAt },
        }),
      () =>
        this.db.roomProjection.createMany({
          data: [{ ...key, ...fields, updatedAt: occurredAt }],
          skipDuplicates: true,
        }),
      () => this.db.roomProjection.findFirst({ where: key }),
    );
  }

  async applySite(
    organizationId: string,
    siteId: string,
    occurredAt: Date,
    fields: SiteFields,
  ): Promise<SiteProjection | null> {
    const key = { siteId, organizationId };
    return this.applyOrdered(
      () =>
        this.db.siteProjection.updateMany({
          where: { ...key, updatedAt: { lte: occurredAt } },
          data: { ...fields, updatedAt: occurredAt },
        }),
      async () => {
        const { name, lat, lng } = fields;
        if (name === undefined || lat === undefined || lng === undefined) return { count: 0 };
        return this.db.siteProjection.createMany({
          data: [{ ...key, ...fields, name, lat, lng, updatedAt: occurredAt }],
          skipDuplicates: true,
        });
      },
      () => this.db.siteProjection.findFirst({ where: key }),
    );
  }

  findReservation(
    organizationId: string,
    reservationId: string,
  ): Promise<ReservationProjection | null> {
    return this.db.reservationProjection.findFirst({ where: { organizationId, reservationId } });
  }

  /** Reservations arriving in [from, to), earliest first. */
  arriving(organizationId: string, from: Date, to: Date): Promise<ReservationProjection[]> {
    return this.db.reservationProjection.findMany({
      where: { organizationId, arrivalAt: { gte: from, lt: to } },
      orderBy: [{ arrivalAt: 'asc' }, { reservationId: 'asc' }],
    });
  }

  /**
   * Update if not older, else insert; when a concurrent insert won (ON CONFLICT DO NOTHING
   * skipped ours), the update is tried once more against the committed row.
   */
  private async applyOrdered<T>(
    update: () => Promise<{ count: number }>,
    insert: () => Promise<{ count: number }>,
    read: () => Promise<T | null>,
  ): Promise<T | null> {
    if ((await update()).count > 0) return read();
    if ((await insert()).count > 0) return read();
    if ((await update()).count > 0) return read();
    return null;
  }
}
