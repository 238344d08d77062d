import type { MewsConnection, Prisma } from '@attendant/db';
import type { Db, Logger, Tx } from '@attendant/kit';
import { MewsError, type CallMeta } from '../mews/mews.client';
import {
  customerUpdate,
  profileFromCustomer,
  PUSHABLE_GUEST_FIELDS,
  resourceState,
  type GuestProfile,
} from './mews.mapping';
import { describeMewsFailure, type MewsConnections } from './mews-connections';
import { profileFromRow, ROOM_PUSHING } from './mews-inbound';
import type { SyncEngine } from './sync-engine';

export type OutboundJob =
  | { organizationId: string; kind: 'customer'; id: string }
  | { organizationId: string; kind: 'room'; id: string }
  | { organizationId: string; kind: 'charge'; id: string };

/** A failure retrying cannot fix (bad data, a business rule, revoked tokens): dead-letter now. */
export function isPermanent(error: unknown): boolean {
  return (
    error instanceof MewsError &&
    (error.kind === 'auth' || error.kind === 'business' || error.kind === 'client')
  );
}

/**
 * Platform → Mews writes, run by the job queue: guest profile edits (customers/update), room
 * states (resources/update) and charges (orders/add). Each job reads the current state when it
 * runs, so a retried or repeated job sends the same thing; a charge carries its
 * `ExternalIdentifier` and is marked posted in the same transaction as the answer, so it bills
 * once.
 */
export class SyncOutbound {
  constructor(
    private readonly db: Db,
    private readonly connections: MewsConnections,
    private readonly engine: SyncEngine,
    private readonly logger: Logger,
  ) {}

  async run(job: OutboundJob): Promise<void> {
    switch (job.kind) {
      case 'customer':
        return this.pushCustomer(job.organizationId, job.id);
      case 'room':
        return this.pushRoom(job.organizationId, job.id);
      case 'charge':
        return this.postCharge(job.organizationId, job.id);
    }
  }

  /**
   * Sends the guest's platform-newer fields. First it re-reads the customer from Mews and
   * applies it (newest change wins per field), so an edit made in Mews after ours is not
   * overwritten; only the fields the platform still wins are sent.
   */
  async pushCustomer(organizationId: string, guestId: string, depth = 0): Promise<void> {
    const guest = await this.db.guest.findFirst({
      where: { id: guestId, organizationId },
      select: { externalId: true },
    });
    if (!guest?.externalId) return; // not a Mews profile
    await this.engine.fetchEntity(organizationId, 'Customer', guest.externalId, 'MANUAL');
    const row = await this.db.guest.findFirstOrThrow({
      where: { id: guestId, organizationId },
      include: { company: { select: { externalId: true } } },
    });
    const changedAt = (row.fieldChangedAt ?? {}) as Record<string, string>;
    const seen = row.mewsUpdatedAt?.getTime() ?? 0;
    const fields = PUSHABLE_GUEST_FIELDS.filter(
      (f) => changedAt[f] && Date.parse(changedAt[f]) > seen,
    );
    if (fields.length === 0) {
      await this.markGuest(organizationId, guestId, 'SYNCED');
      return;
    }
    const profile = profileFromRow(row);
    const values: Partial<GuestProfile> = {};
    for (const f of fields) values[f] = profile[f];
    if ('companyId' in values && row.companyId && !row.company?.externalId) delete values.companyId;
    const connection = await this.connections.require(organizationId);
    const meta: CallMeta = {};
    let updated;
    try {
      updated = await this.connections
        .client(connection)
        .updateCustomer(customerUpdate(row.externalId!, values), meta);
    } catch (error) {
      await this.connections.markFailure(organizationId, error);
      if (error instanceof MewsError && error.kind === 'business') {
        // e.g. the email belongs to another Mews profile: the rules cannot settle it. The conflict
        // carries Mews' current values: "keep Mews" restores them.
        const mews = await this.mewsProfile(connection, row.externalId!);
        await this.db.$transaction(async (tx) => {
          for (const field of Object.keys(values)) {
            await tx.syncConflict.create({
              data: {
                organizationId,
                entityType: 'Guest',
                entityId: guestId,
                field,
                platformValue: values[field as keyof GuestProfile] as Prisma.InputJsonValue,
                mewsValue: (mews?.profile[field as keyof GuestProfile] ?? undefined) as
                  Prisma.InputJsonValue | undefined,
                platformChangedAt: changedAt[field] ? new Date(changedAt[field]) : null,
                mewsChangedAt: mews?.updatedAt ?? null,
                resolution: null,
              },
            });
          }
          await tx.guest.update({
            where: { id: guestId, organizationId },
            data: { syncStatus: 'CONFLICT' },
          });
        });
      }
      throw error;
    }
    await this.db
      .$transaction(async (tx) => {
        await tx.syncAudit.create({
          data: {
            organizationId,
            entityType: 'Guest',
            entityId: guestId,
            externalId: row.externalId,
            side: 'PLATFORM',
            source: 'JOB',
            action: 'PUSHED',
            changes: Object.entries(values).map(([field, to]) => ({
              field,
              to,
            })) as Prisma.InputJsonValue,
            requestId: meta.requestId ?? null,
          },
        });
        // Stamps from Mews' clock: what we sent is now part of the Mews record we know. A field
        // edited while we were sending (this one or any other) is not in that record although
        // its stamp may be older than Mews' stamp of it: it is stamped just after our echo, so
        // the echo does not hide it and it goes out next time.
        await tx.$queryRawUnsafe(
          `SELECT 1 FROM "guests"."guest" WHERE "id" = $1::uuid AND "organizationId" = $2::uuid FOR UPDATE`,
          guestId,
          organizationId,
        );
        const fresh = await tx.guest.findFirstOrThrow({
          where: { id: guestId, organizationId },
          select: { fieldChangedAt: true },
        });
        const now = { ...((fresh.fieldChangedAt ?? {}) as Record<string, string>) };
        const echoAt = new Date(updated.UpdatedUtc);
        const edited = PUSHABLE_GUEST_FIELDS.filter((f) => now[f] && now[f] !== changedAt[f]);
        for (const f of edited) {
          if (Date.parse(now[f]!) <= echoAt.getTime()) {
            now[f] = new Date(echoAt.getTime() + 1).toISOString();
          }
        }
        const again = edited.length > 0;
        await tx.guest.update({
          where: { id: guestId, organizationId },
          data: {
            syncStatus: again ? 'PENDING' : 'SYNCED',
            lastSyncedAt: new Date(),
            mewsEchoAt: echoAt,
            ...(again ? { fieldChangedAt: now } : {}),
          },
        });
        return again;
      })
      .then((again) => {
        if (!again || depth >= 3) return;
        this.logger.info({ guestId }, 'guest changed during the push; sending again');
        return this.pushCustomer(organizationId, guestId, depth + 1);
      });
  }

  /** The customer as Mews has it now, in platform terms; null when Mews cannot be read. */
  private async mewsProfile(
    connection: MewsConnection,
    customerId: string,
  ): Promise<{ profile: GuestProfile; updatedAt: Date } | null> {
    try {
      const r = await this.connections.client(connection).getCustomers({
        Extent: { Customers: true, Addresses: true },
        CustomerIds: [customerId],
        Limitation: { Count: 1 },
      });
      const customer = r.Customers?.[0];
      if (!customer) return null;
      const address = r.Addresses?.find((a) => a.Id === customer.AddressId) ?? null;
      return {
        profile: profileFromCustomer(customer, address),
        updatedAt: new Date(customer.UpdatedUtc),
      };
    } catch {
      return null;
    }
  }

  /**
   * Sends the room's local state. Like a guest push it first re-reads the room from Mews: a
   * newer Mews change wins there (and nothing is sent); a newer local one stays PENDING and goes.
   */
  async pushRoom(organizationId: string, roomId: string): Promise<void> {
    const before = await this.db.room.findFirst({ where: { id: roomId, organizationId } });
    if (!before?.externalId) return;
    await this.engine.fetchEntity(organizationId, 'Resource', before.externalId, 'MANUAL');
    const room = await this.db.room.findFirst({ where: { id: roomId, organizationId } });
    if (!room?.externalId || room.syncStatus !== 'PENDING') return;
    const connection = await this.connections.require(organizationId);
    const meta: CallMeta = {};
    // Written before the call, so the echo of this push is known as ours even when it comes back
    // before Mews' answer; it becomes PUSHED when Mews accepts the state, and goes if it refuses.
    const pushing = await this.db.syncAudit.create({
      data: {
        organizationId,
        entityType: 'Room',
        entityId: roomId,
        externalId: room.externalId,
        side: 'PLATFORM',
        source: 'JOB',
        action: ROOM_PUSHING,
        changes: [{ field: 'state', to: room.state }] as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    try {
      await this.connections.client(connection).updateResources(
        [
          {
            ResourceId: room.externalId,
            State: { Value: resourceState(room.state) },
            StateReason: { Value: room.stateReason },
          },
        ],
        meta,
      );
    } catch (error) {
      await this.db.syncAudit.deleteMany({ where: { id: pushing.id, organizationId } });
      await this.connections.markFailure(organizationId, error);
      throw error;
    }
    await this.db.$transaction(async (tx) => {
      // Stamped when Mews answered: a local change made before then may meet this push's echo.
      await tx.syncAudit.update({
        where: { id: pushing.id, organizationId },
        data: { action: 'PUSHED', requestId: meta.requestId ?? null, occurredAt: new Date() },
      });
      // Still the state we sent: synced (a newer local change has queued its own push).
      await tx.room.updateMany({
        where: { id: roomId, organizationId, state: room.state },
        data: { syncStatus: 'SYNCED' },
      });
    });
  }

  async postCharge(organizationId: string, chargeId: string): Promise<void> {
    const charge = await this.db.pmsCharge.findFirst({ where: { id: chargeId, organizationId } });
    if (!charge || charge.postedAt) return; // posted already: never bill twice
    const reservation = await this.db.reservation.findFirst({
      where: { id: charge.reservationId, organizationId },
      include: { guest: { select: { externalId: true } } },
    });
    const connection = await this.connections.require(organizationId);
    if (!reservation?.externalId || !reservation.guest.externalId || !connection.chargeServiceId) {
      throw new MewsError(
        'client',
        'The reservation, its guest or the hotel services are not linked to Mews yet',
        null,
        null,
        'orders/add',
      );
    }
    const meta: CallMeta = {};
    let result;
    try {
      result = await this.connections.client(connection).addOrder(
        {
          ServiceId: connection.chargeServiceId,
          AccountId: reservation.guest.externalId,
          LinkedReservationId: reservation.externalId,
          ConsumptionUtc: charge.createdAt.toISOString(),
          Notes: charge.name,
          Items: [
            {
              Name: charge.name,
              UnitCount: 1,
              UnitAmount: {
                Currency: charge.currency,
                GrossValue: charge.amountMinor / 100,
                TaxCodes: [],
              },
              ExternalIdentifier: charge.externalIdentifier,
            },
          ],
        },
        meta,
      );
    } catch (error) {
      await this.connections.markFailure(organizationId, error);
      throw error;
    }
    await this.db.$transaction(async (tx) => {
      await tx.pmsCharge.update({
        where: { id: charge.id, organizationId },
        data: {
          mewsOrderId: result.OrderId,
          requestId: meta.requestId ?? null,
          postedAt: new Date(),
        },
      });
      await tx.syncAudit.create({
        data: {
          organizationId,
          entityType: 'Reservation',
          entityId: reservation.id,
          externalId: reservation.externalId,
          side: 'PLATFORM',
          source: 'JOB',
          action: 'CHARGED',
          changes: [
            {
              field: 'charge',
              to: `${charge.name}: ${(charge.amountMinor / 100).toFixed(2)} ${charge.currency}`,
            },
          ] as Prisma.InputJsonValue,
          requestId: meta.requestId ?? null,
        },
      });
    });
  }

  /** Keeps a failed outbound item visible (and retryable) in the admin. */
  async deadLetter(job: OutboundJob, error: unknown, attempts: number): Promise<void> {
    const message = describeMewsFailure(error);
    await this.db.$transaction(async (tx) => {
      await recordDeadLetter(tx, {
        organizationId: job.organizationId,
        operation: `push:${job.kind}`,
        entityType: { customer: 'Guest', room: 'Room', charge: 'PmsCharge' }[job.kind],
        entityId: job.id,
        payload: job,
        error: message,
        requestId: error instanceof MewsError ? error.requestId : null,
        attempts,
      });
      if (job.kind === 'customer') {
        await tx.guest.updateMany({
          where: {
            id: job.id,
            organizationId: job.organizationId,
            syncStatus: { not: 'CONFLICT' },
          },
          data: { syncStatus: 'FAILED' },
        });
      }
      if (job.kind === 'room') {
        await tx.room.updateMany({
          where: { id: job.id, organizationId: job.organizationId },
          data: { syncStatus: 'FAILED' },
        });
      }
    });
  }

  private async markGuest(organizationId: string, guestId: string, status: 'SYNCED') {
    await this.db.guest.updateMany({
      where: { id: guestId, organizationId, syncStatus: { in: ['PENDING', 'FAILED'] } },
      data: { syncStatus: status, lastSyncedAt: new Date() },
    });
  }
}

/** One open dead letter per item: a repeated failure counts an attempt on it. */
export async function recordDeadLetter(
  tx: Tx,
  item: {
    organizationId: string;
    operation: string;
    entityType: string | null;
    entityId: string | null;
    payload: unknown;
    error: string;
    requestId: string | null;
    attempts: number;
  },
): Promise<void> {
  const open = await tx.syncDeadLetter.findFirst({
    where: {
      organizationId: item.organizationId,
      operation: item.operation,
      entityId: item.entityId,
      status: 'OPEN',
    },
  });
  if (open) {
    await tx.syncDeadLetter.update({
      where: { id: open.id, organizationId: item.organizationId },
      data: {
        attempts: open.attempts + item.attempts,
        error: item.error,
        requestId: item.requestId,
        lastAttemptAt: new Date(),
      },
    });
    return;
  }
  await tx.syncDeadLetter.create({
    data: { ...item, payload: item.payload as Prisma.InputJsonValue },
  });
}
