import type {
  Prisma,
  RoomState,
  SyncAudit,
  SyncConflict,
  SyncDeadLetter,
  SyncRun,
} from '@attendant/db';
import {
  isUuid,
  keysetQuery,
  pageSize,
  recordEvent,
  requireRoles,
  tenant,
  toPage,
  type Actor,
  type Db,
  type Page,
  type Role,
} from '@attendant/kit';
import { validIds } from '../shared/ids';
import { roomStateChanged } from './reservation-events';
import type { ConnectInput, MewsConnections } from './mews-connections';
import { runEvent, type SyncEngine } from './sync-engine';
import { SyncError, SyncErrorCode } from './sync.errors';
import type { SyncWorker } from './sync-worker';
import { type SYNCED_GUEST_FIELDS } from './mews.mapping';

export const SYNC_ADMINS: Role[] = ['ADMIN'];
export const SYNC_MANAGERS: Role[] = ['ADMIN', 'MANAGER'];
/** Housekeeping and maintenance staff set room states. */
export const ROOM_STATE_WRITERS: Role[] = ['ADMIN', 'MANAGER', 'DISPATCHER', 'TECHNICIAN'];
const MAX_WINDOW_MS = 366 * 86_400_000;

/** What admins do with the Mews link: connect, import, re-sync, retry, settle conflicts. */
export class SyncService {
  constructor(
    private readonly db: Db,
    private readonly connections: MewsConnections,
    private readonly engine: SyncEngine,
    private readonly worker: SyncWorker,
  ) {}

  connection(actor: Actor) {
    const t = requireRoles(actor, SYNC_MANAGERS);
    return this.connections.find(t.organizationId);
  }

  /** The webhook URL carries its secret: admins see it, everyone else null. */
  webhookUrl(actor: Actor, connection: Parameters<MewsConnections['webhookUrl']>[0]) {
    const t = tenant(actor);
    return t.roles.some((r) => SYNC_ADMINS.includes(r))
      ? this.connections.webhookUrl(connection)
      : null;
  }

  async connect(actor: Actor, input: ConnectInput) {
    const t = requireRoles(actor, SYNC_ADMINS);
    const connection = await this.connections.connect(t.organizationId, input);
    if (!connection.importedAt) await this.startImport(actor);
    return connection;
  }

  test(actor: Actor) {
    const t = requireRoles(actor, SYNC_ADMINS);
    return this.connections.testExisting(t.organizationId);
  }

  async disconnect(actor: Actor) {
    const t = requireRoles(actor, SYNC_ADMINS);
    await this.connections.disconnect(t.organizationId);
    return this.connections.find(t.organizationId);
  }

  async startImport(actor: Actor): Promise<SyncRun> {
    const t = requireRoles(actor, SYNC_ADMINS);
    const run = await this.engine.createRun(t.organizationId, 'IMPORT');
    this.worker.kick();
    return run;
  }

  async resyncWindow(actor: Actor, from: Date, to: Date): Promise<SyncRun> {
    const t = requireRoles(actor, SYNC_MANAGERS);
    if (!(from < to)) {
      throw new SyncError(SyncErrorCode.InvalidWindow, 'The window must end after it starts', {
        field: 'to',
      });
    }
    if (to.getTime() - from.getTime() > MAX_WINDOW_MS) {
      throw new SyncError(SyncErrorCode.InvalidWindow, 'Re-sync at most one year at a time', {
        field: 'from',
      });
    }
    const run = await this.engine.createRun(t.organizationId, 'WINDOW', {
      from: from.toISOString(),
      to: to.toISOString(),
    });
    this.worker.kick();
    return run;
  }

  async resyncGuest(actor: Actor, guestId: string) {
    checkId(guestId, SyncErrorCode.NotFound);
    const t = requireRoles(actor, SYNC_MANAGERS);
    const guest = await this.db.guest.findFirst({
      where: { id: guestId, organizationId: t.organizationId },
    });
    if (!guest) throw notFoundGuest(guestId);
    if (!guest.externalId) {
      throw new SyncError(SyncErrorCode.NotLinked, 'This guest is not linked to a Mews profile');
    }
    await this.engine.fetchEntity(t.organizationId, 'Customer', guest.externalId, 'MANUAL');
    await this.worker.enqueueOutbound({
      organizationId: t.organizationId,
      kind: 'customer',
      id: guestId,
    });
    return this.db.guest.findFirstOrThrow({
      where: { id: guestId, organizationId: t.organizationId },
    });
  }

  async resyncReservation(actor: Actor, reservationId: string) {
    checkId(reservationId, SyncErrorCode.NotFound);
    const t = requireRoles(actor, SYNC_MANAGERS);
    const reservation = await this.db.reservation.findFirst({
      where: { id: reservationId, organizationId: t.organizationId },
    });
    if (!reservation) {
      throw new SyncError(SyncErrorCode.NotFound, `Reservation ${reservationId} was not found`);
    }
    if (!reservation.externalId) {
      throw new SyncError(SyncErrorCode.NotLinked, 'This reservation did not come from Mews');
    }
    await this.engine.fetchEntity(
      t.organizationId,
      'Reservation',
      reservation.externalId,
      'MANUAL',
    );
    return this.db.reservation.findFirstOrThrow({
      where: { id: reservationId, organizationId: t.organizationId },
    });
  }

  run(actor: Actor, id: string) {
    checkId(id, SyncErrorCode.RunNotFound);
    const t = requireRoles(actor, SYNC_MANAGERS);
    return this.db.syncRun
      .findFirst({ where: { id, organizationId: t.organizationId } })
      .then((run) => {
        if (!run) throw new SyncError(SyncErrorCode.RunNotFound, `Sync run ${id} was not found`);
        return run;
      });
  }

  runsByIds(actor: Actor, ids: readonly string[]) {
    const t = tenant(actor);
    return this.db.syncRun.findMany({
      where: { id: { in: validIds(ids) }, organizationId: t.organizationId },
    });
  }

  currentRun(actor: Actor) {
    const t = requireRoles(actor, SYNC_MANAGERS);
    return this.db.syncRun.findFirst({
      where: { organizationId: t.organizationId },
      orderBy: { startedAt: 'desc' },
    });
  }

  runs(actor: Actor, args: PageArgs): Promise<Page<SyncRun>> {
    const t = requireRoles(actor, SYNC_MANAGERS);
    const where = { organizationId: t.organizationId };
    return this.list(lister<SyncRun>(this.db.syncRun), where, 'startedAt', args);
  }

  audit(actor: Actor, args: PageArgs & { entityType?: string | null; entityId?: string | null }) {
    const t = requireRoles(actor, SYNC_MANAGERS);
    const where: Prisma.SyncAuditWhereInput = {
      organizationId: t.organizationId,
      ...(args.entityType ? { entityType: args.entityType } : {}),
      ...(args.entityId ? { entityId: args.entityId } : {}),
    };
    return this.list(lister<SyncAudit>(this.db.syncAudit), where, 'occurredAt', args);
  }

  deadLetters(actor: Actor, args: PageArgs & { status?: 'OPEN' | 'RESOLVED' | null }) {
    const t = requireRoles(actor, SYNC_MANAGERS);
    const where = {
      organizationId: t.organizationId,
      ...(args.status ? { status: args.status } : {}),
    };
    return this.list(lister<SyncDeadLetter>(this.db.syncDeadLetter), where, 'createdAt', args);
  }

  conflicts(actor: Actor, args: PageArgs & { status?: 'OPEN' | 'RESOLVED' | null }) {
    const t = requireRoles(actor, SYNC_MANAGERS);
    const where = {
      organizationId: t.organizationId,
      ...(args.status ? { status: args.status } : {}),
    };
    return this.list(lister<SyncConflict>(this.db.syncConflict), where, 'createdAt', args);
  }

  async health(actor: Actor) {
    const t = requireRoles(actor, SYNC_MANAGERS);
    const organizationId = t.organizationId;
    const [connection, openDeadLetters, openConflicts, pendingGuests] = await Promise.all([
      this.connections.find(organizationId),
      this.db.syncDeadLetter.count({ where: { organizationId, status: 'OPEN' } }),
      this.db.syncConflict.count({ where: { organizationId, status: 'OPEN' } }),
      this.db.guest.count({ where: { organizationId, syncStatus: { in: ['PENDING', 'FAILED'] } } }),
    ]);
    const watermark = connection?.pollWatermark;
    return {
      lastEventAt: connection?.lastEventAt ?? null,
      lastPollAt: connection?.lastPollAt ?? null,
      lagSeconds: watermark
        ? Math.max(0, Math.round((Date.now() - watermark.getTime()) / 1000))
        : null,
      openDeadLetters,
      openConflicts,
      pendingGuests,
    };
  }

  /** Runs a dead-lettered item again; it stays open (with one more attempt) if it fails again. */
  async retryDeadLetter(actor: Actor, id: string) {
    checkId(id, SyncErrorCode.DeadLetterNotFound);
    const t = requireRoles(actor, SYNC_MANAGERS);
    const item = await this.db.syncDeadLetter.findFirst({
      where: { id, organizationId: t.organizationId },
    });
    if (!item)
      throw new SyncError(SyncErrorCode.DeadLetterNotFound, `Dead letter ${id} was not found`);
    if (item.status === 'RESOLVED') {
      throw new SyncError(
        SyncErrorCode.AlreadyResolved,
        'This item was already retried successfully',
      );
    }
    const payload = item.payload as Record<string, string>;
    const organizationId = t.organizationId;
    if (item.operation.startsWith('push:')) {
      const kind = item.operation.slice(5) as 'customer' | 'room' | 'charge';
      await this.worker.enqueueOutbound({ organizationId, kind, id: item.entityId! });
    } else if (item.operation.startsWith('fetch:') || item.operation === 'apply:Reservation') {
      const entityType = (item.entityType ?? payload['entityType']) as
        'Reservation' | 'Customer' | 'Resource';
      await this.worker.enqueueFetch({
        organizationId,
        entityType,
        externalId: item.entityId ?? payload['externalId']!,
        source: 'MANUAL',
      });
    }
    return this.db.syncDeadLetter.update({
      where: { id, organizationId },
      data: { status: 'RESOLVED', resolvedAt: new Date() },
    });
  }

  /** A manager picks the value that stays; the platform value is pushed when it wins. */
  async resolveConflict(actor: Actor, id: string, keep: 'PLATFORM' | 'MEWS') {
    checkId(id, SyncErrorCode.ConflictNotFound);
    const t = requireRoles(actor, SYNC_MANAGERS);
    const organizationId = t.organizationId;
    const conflict = await this.db.syncConflict.findFirst({ where: { id, organizationId } });
    if (!conflict)
      throw new SyncError(SyncErrorCode.ConflictNotFound, `Conflict ${id} was not found`);
    if (conflict.status === 'RESOLVED') {
      throw new SyncError(SyncErrorCode.AlreadyResolved, 'This conflict was already resolved');
    }
    const resolved = await this.db.$transaction(async (tx) => {
      const guest = await tx.guest.findFirstOrThrow({
        where: { id: conflict.entityId, organizationId },
      });
      const field = conflict.field as (typeof SYNCED_GUEST_FIELDS)[number];
      const stamps = { ...((guest.fieldChangedAt ?? {}) as Record<string, string>) };
      const data: Prisma.GuestUncheckedUpdateInput = {};
      // The newest conflict about this field holds the newest Mews value we were offered.
      const newest = await tx.syncConflict.findFirst({
        where: {
          organizationId,
          entityType: 'Guest',
          entityId: guest.id,
          field: conflict.field,
          status: 'OPEN',
        },
        orderBy: { createdAt: 'desc' },
      });
      const mewsValue = (newest ?? conflict).mewsValue;
      if (keep === 'MEWS') {
        const value = mewsValue as string | string[] | null;
        (data as Record<string, unknown>)[field] =
          field === 'birthDate' && typeof value === 'string'
            ? new Date(`${value}T00:00:00Z`)
            : value;
        delete stamps[field];
      } else {
        stamps[field] = new Date().toISOString(); // newest now: it goes to Mews
      }
      // Other open conflicts about this field (a push refused twice records two) ask the same
      // question: this answer settles them too. Left open, keeping Mews on one later would bring
      // back the Mews value it recorded, stale by then, and mark the guest SYNCED with it.
      await tx.syncConflict.updateMany({
        where: {
          organizationId,
          entityType: 'Guest',
          entityId: guest.id,
          field,
          status: 'OPEN',
          id: { not: id },
        },
        data: {
          status: 'RESOLVED',
          resolution: keep,
          resolvedAt: new Date(),
          resolvedById: t.userId ?? null,
        },
      });
      const others = await tx.syncConflict.count({
        where: { organizationId, entityId: guest.id, status: 'OPEN', id: { not: id } },
      });
      await tx.guest.update({
        where: { id: guest.id, organizationId },
        data: {
          ...data,
          fieldChangedAt: stamps,
          syncStatus: others > 0 ? 'CONFLICT' : keep === 'PLATFORM' ? 'PENDING' : 'SYNCED',
        },
      });
      await tx.syncAudit.create({
        data: {
          organizationId,
          entityType: 'Guest',
          entityId: guest.id,
          externalId: guest.externalId,
          side: keep === 'MEWS' ? 'MEWS' : 'PLATFORM',
          source: 'MANAGER',
          action: 'RESOLVED',
          changes: [
            { field, to: keep === 'MEWS' ? mewsValue : conflict.platformValue },
          ] as Prisma.InputJsonValue,
          losing: [
            {
              field,
              value: keep === 'MEWS' ? conflict.platformValue : mewsValue,
              side: keep === 'MEWS' ? 'PLATFORM' : 'MEWS',
            },
          ] as Prisma.InputJsonValue,
          actorId: t.userId ?? null,
        },
      });
      await recordEvent(tx, 'guests', {
        type: 'GuestUpdated',
        entityType: 'Guest',
        entityId: guest.id,
        organizationId,
        payload: { vip: guest.vip, origin: 'MANAGER' },
      });
      return tx.syncConflict.update({
        where: { id, organizationId },
        data: {
          status: 'RESOLVED',
          resolution: keep,
          resolvedAt: new Date(),
          resolvedById: t.userId ?? null,
        },
      });
    });
    if (keep === 'PLATFORM') {
      await this.worker.enqueueOutbound({
        organizationId,
        kind: 'customer',
        id: conflict.entityId,
      });
    }
    return resolved;
  }

  /** Housekeeping or maintenance set a room's state here; it goes to Mews through a job. */
  async setRoomState(actor: Actor, roomId: string, state: RoomState, reason: string | null) {
    checkId(roomId, SyncErrorCode.NotFound);
    const t = requireRoles(actor, ROOM_STATE_WRITERS);
    const organizationId = t.organizationId;
    const room = await this.db.$transaction(async (tx) => {
      const current = await tx.room.findFirst({ where: { id: roomId, organizationId } });
      if (!current) throw new SyncError(SyncErrorCode.NotFound, `Room ${roomId} was not found`);
      const updated = await tx.room.update({
        where: { id: roomId, organizationId },
        data: {
          state,
          stateReason: reason,
          stateChangedAt: new Date(),
          syncStatus: current.externalId ? 'PENDING' : null,
        },
      });
      await tx.syncAudit.create({
        data: {
          organizationId,
          entityType: 'Room',
          entityId: roomId,
          externalId: current.externalId,
          side: 'PLATFORM',
          source: 'STAFF',
          action: 'UPDATED',
          changes: [{ field: 'state', from: current.state, to: state }] as Prisma.InputJsonValue,
          actorId: t.userId ?? null,
        },
      });
      await roomStateChanged(tx, organizationId, roomId);
      return updated;
    });
    if (room.externalId)
      await this.worker.enqueueOutbound({ organizationId, kind: 'room', id: roomId });
    return room;
  }

  /** Newest first by `field`, keyset-paged; the count runs only when asked for. */
  private async list<T extends { id: string }>(
    model: Lister<T>,
    where: object,
    field: keyof T & string,
    args: PageArgs,
  ): Promise<Page<T>> {
    const size = pageSize(args.first);
    const keyset = keysetQuery(field, 'DESC', args.after);
    const rows = await model.findMany({
      where: { AND: [where, keyset.where ?? {}] },
      orderBy: keyset.orderBy,
      take: size + 1,
    });
    return toPage(rows, size, field, () => model.count({ where }));
  }
}

interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** The part of a Prisma model delegate that listing needs. */
interface Lister<T> {
  findMany(args: { where: object; orderBy: object[]; take: number }): Promise<T[]>;
  count(args: { where: object }): Promise<number>;
}
// Prisma's delegates are generic over their arguments; each is used here with its own model.
const lister = <T>(delegate: unknown) => delegate as Lister<T>;

/** An id that is not a UUID names nothing: answer as for a missing row. */
function checkId(id: string, code: SyncErrorCode): void {
  if (!isUuid(id)) throw new SyncError(code, `Nothing with id ${id} was found`, { id });
}

const notFoundGuest = (id: string) =>
  new SyncError(SyncErrorCode.NotFound, `Guest ${id} was not found`);

export { runEvent };
