import type { Prisma, RoomState } from '@attendant/db';
import { recordEvent, type Tx } from '@attendant/kit';
import { hasOpenConflicts, settleConflicts } from './conflict-settle';
import type { Address, Company, Customer, Reservation, Resource } from '../mews/mews.types';
import { fromLocalDate, toLocalDate } from '../shared/ids';
import {
  floorOf,
  personCounts,
  profileFromCustomer,
  reservationStatus,
  roomState,
  sameValue,
  SYNCED_GUEST_FIELDS,
  type GuestProfile,
  type GuestValue,
  type SyncedGuestField,
} from './mews.mapping';
import {
  refreshStays,
  reservationEvent,
  roomStateChanged,
  upcomingArrivals,
} from './reservation-events';

/** Where an inbound change came from (shown in the audit log). */
export type SyncSource = 'IMPORT' | 'POLL' | 'WEBSOCKET' | 'WEBHOOK' | 'MANUAL';

export interface ApplyContext {
  organizationId: string;
  source: SyncSource;
  requestId: string | null;
}

/** Recomputes a guest's completeness, gaps, enrichment and VIP status after a change. */
export interface GuestRefresher {
  refresh(
    tx: Tx,
    organizationId: string,
    guestId: string,
    source: string,
    actorId?: string | null,
  ): Promise<unknown>;
  refreshAll(
    organizationId: string,
    actorId?: string | null,
    options?: { events?: boolean; source?: string },
  ): Promise<number>;
}

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}
export interface LosingValue {
  field: string;
  value: unknown;
  side: 'MEWS' | 'PLATFORM';
}

export interface CustomerOutcome {
  guestId: string;
  changed: boolean;
  /** Fields where the platform's newer value won: they still have to reach Mews. */
  pushFields: SyncedGuestField[];
}

/** Ids Mews mentioned that are not here yet: fetch them, then apply again. */
export class MissingReferences extends Error {
  constructor(
    readonly customerIds: string[],
    readonly resourceIds: string[],
  ) {
    super('The reservation refers to customers or rooms not synced yet');
  }
}

const ms = (iso: string) => new Date(iso);

/*
 * Conflict policy for guest profile fields (both sides edit them): per field, the newer change
 * wins. Mews stamps a whole customer with `UpdatedUtc`; the platform stamps each field it changes
 * in `fieldChangedAt`. A field that differs takes the Mews value when Mews changed later (or the
 * platform never touched it) and keeps the platform value when the platform changed it later;
 * the losing value goes to the audit log. Equal timestamps, or an email that another local
 * profile already owns, cannot be settled by the rules: the platform value stays, the guest is
 * marked CONFLICT and a manager resolves it. Reservation and room fields belong to Mews: its
 * value always wins (a local edit that loses is kept in the audit log too), except over a room
 * state set here that is newer and not sent yet: that one is on its way to Mews. The echo of our
 * own push of an older room state (Mews stamps it when it arrives, which can be after a newer
 * local change) is not a Mews change and does not overwrite that newer state either.
 */
export class MewsInbound {
  constructor(readonly intelligence: GuestRefresher) {}

  async applyCompany(tx: Tx, ctx: ApplyContext, c: Company): Promise<string> {
    const where = {
      organizationId_externalId: { organizationId: ctx.organizationId, externalId: c.Id },
    };
    const row = await tx.company.upsert({
      where,
      create: {
        organizationId: ctx.organizationId,
        externalId: c.Id,
        name: c.Name,
        taxId: c.TaxIdentifier,
      },
      update: { name: c.Name, taxId: c.TaxIdentifier },
      select: { id: true },
    });
    return row.id;
  }

  async applyResource(
    tx: Tx,
    ctx: ApplyContext,
    r: Resource,
  ): Promise<{ roomId: string; changed: boolean }> {
    const { organizationId } = ctx;
    const updatedAt = ms(r.UpdatedUtc);
    // Locked while deciding: a staff change committed meanwhile would otherwise be overwritten by
    // a decision taken on the row as it was before it.
    await tx.$queryRawUnsafe(
      `SELECT 1 FROM "guests"."room" WHERE "organizationId" = $1::uuid AND "externalId" = $2 FOR UPDATE`,
      organizationId,
      r.Id,
    );
    const existing = await tx.room.findUnique({
      where: { organizationId_externalId: { organizationId, externalId: r.Id } },
    });
    const state = roomState(r.State);
    const reason = r.StateReason ?? null;
    if (!existing) {
      // A room known by number (seeded or made here before connecting) is linked, not duplicated.
      const byNumber = await tx.room.findUnique({
        where: { organizationId_number: { organizationId, number: r.Name } },
      });
      const data = {
        externalId: r.Id,
        state,
        stateReason: reason,
        stateChangedAt: updatedAt,
        mewsUpdatedAt: updatedAt,
        syncStatus: 'SYNCED' as const,
      };
      const row = byNumber
        ? await tx.room.update({ where: { id: byNumber.id, organizationId }, data })
        : await tx.room.create({
            data: {
              ...data,
              organizationId,
              number: r.Name,
              floor: floorOf(r),
              roomType: 'Standard',
            },
          });
      await this.audit(tx, ctx, 'Room', row.id, r.Id, byNumber ? 'LINKED' : 'CREATED', [
        { field: 'state', from: byNumber?.state ?? null, to: state },
      ]);
      await this.roomChanged(tx, ctx, row.id);
      return { roomId: row.id, changed: true };
    }
    if (existing.mewsUpdatedAt && existing.mewsUpdatedAt >= updatedAt) {
      return { roomId: existing.id, changed: false };
    }
    // A local change still waiting for its push and newer than this Mews version stays (Mews had
    // not heard of it yet): the queued push sends it. Mews' value goes to the audit as losing.
    if (
      existing.syncStatus === 'PENDING' &&
      existing.stateChangedAt &&
      existing.stateChangedAt > updatedAt
    ) {
      if (existing.state !== state) {
        await this.audit(
          tx,
          ctx,
          'Room',
          existing.id,
          r.Id,
          'UPDATED',
          [],
          [{ field: 'state', value: state, side: 'MEWS' }],
        );
      }
      return { roomId: existing.id, changed: false };
    }
    // Our own push of an older local state coming back: Mews stamped it after the newer local
    // change, but Mews changed nothing itself. The pending state stays and is still sent.
    if (
      existing.syncStatus === 'PENDING' &&
      existing.state !== state &&
      (await isRoomEcho(tx, organizationId, existing, state))
    ) {
      await tx.room.update({
        where: { id: existing.id, organizationId },
        data: { mewsUpdatedAt: updatedAt },
      });
      return { roomId: existing.id, changed: false };
    }
    const changes: FieldChange[] = [];
    if (existing.state !== state) changes.push({ field: 'state', from: existing.state, to: state });
    if ((existing.stateReason ?? null) !== reason) {
      changes.push({ field: 'stateReason', from: existing.stateReason, to: reason });
    }
    await tx.room.update({
      where: { id: existing.id, organizationId },
      data: {
        state,
        stateReason: reason,
        mewsUpdatedAt: updatedAt,
        syncStatus: 'SYNCED',
        ...(existing.state !== state ? { stateChangedAt: updatedAt } : {}),
      },
    });
    if (changes.length > 0) {
      await this.audit(tx, ctx, 'Room', existing.id, r.Id, 'UPDATED', changes);
      await this.roomChanged(tx, ctx, existing.id);
    }
    return { roomId: existing.id, changed: changes.length > 0 };
  }

  async applyCustomer(
    tx: Tx,
    ctx: ApplyContext,
    c: Customer,
    address: Address | null,
  ): Promise<CustomerOutcome> {
    const { organizationId } = ctx;
    const mewsAt = ms(c.UpdatedUtc);
    const incoming = profileFromCustomer(c, address);
    const companyId = c.CompanyId
      ? await this.localCompanyId(tx, organizationId, c.CompanyId)
      : null;
    // Locked while deciding, like a room: a staff edit or a push committed meanwhile is not
    // overwritten by a decision taken on the row as it was before it.
    await tx.$queryRawUnsafe(
      `SELECT 1 FROM "guests"."guest" WHERE "organizationId" = $1::uuid AND "externalId" = $2 FOR UPDATE`,
      organizationId,
      c.Id,
    );
    const existing = await tx.guest.findUnique({
      where: { organizationId_externalId: { organizationId, externalId: c.Id } },
      include: { company: { select: { externalId: true } } },
    });

    if (!existing) {
      const row = await tx.guest.create({
        data: {
          organizationId,
          kind: 'HOTEL_GUEST',
          externalId: c.Id,
          ...toColumns(incoming, companyId),
          firstName: incoming.firstName as string,
          lastName: incoming.lastName as string,
          mewsUpdatedAt: mewsAt,
          lastSyncedAt: new Date(),
          syncStatus: 'SYNCED',
        },
      });
      await this.audit(
        tx,
        ctx,
        'Guest',
        row.id,
        c.Id,
        'CREATED',
        SYNCED_GUEST_FIELDS.filter((f) => !sameValue(incoming[f], null)).map((f) => ({
          field: f,
          from: null,
          to: incoming[f],
        })),
      );
      // An import recomputes every guest once at its end instead (see SyncEngine.finishRun).
      if (ctx.source !== 'IMPORT') {
        await this.intelligence.refresh(tx, organizationId, row.id, ctx.source);
      }
      await this.guestEvent(tx, ctx, 'GuestCreated', row.id);
      return { guestId: row.id, changed: true, pushFields: [] };
    }

    if (existing.mewsUpdatedAt && existing.mewsUpdatedAt >= mewsAt) {
      return { guestId: existing.id, changed: false, pushFields: [] };
    }
    const current = profileFromRow(existing);
    const platformAt = (existing.fieldChangedAt ?? {}) as Record<string, string>;
    // Our own customers/update coming back: Mews changed nothing itself in that version.
    const echo = existing.mewsEchoAt?.getTime() === mewsAt.getTime();
    const take: Partial<GuestProfile> = {};
    const changes: FieldChange[] = [];
    const losing: LosingValue[] = [];
    const pushFields: SyncedGuestField[] = [];
    const conflicts: { field: SyncedGuestField; platformAt: Date | null }[] = [];
    for (const field of SYNCED_GUEST_FIELDS) {
      if (sameValue(current[field], incoming[field])) continue;
      const editedAt = platformAt[field] ? new Date(platformAt[field]) : null;
      if (editedAt && (editedAt > mewsAt || echo)) {
        losing.push({ field, value: incoming[field], side: 'MEWS' });
        pushFields.push(field);
      } else if (editedAt && editedAt.getTime() === mewsAt.getTime()) {
        conflicts.push({ field, platformAt: editedAt });
      } else {
        take[field] = incoming[field];
        changes.push({ field, from: current[field], to: incoming[field] });
        if (editedAt) losing.push({ field, value: current[field], side: 'PLATFORM' });
      }
    }
    if (
      take.email &&
      (await this.emailTaken(tx, organizationId, take.email as string, existing.id))
    ) {
      conflicts.push({
        field: 'email',
        platformAt: platformAt['email'] ? new Date(platformAt['email']) : null,
      });
      delete take.email;
      const i = changes.findIndex((ch) => ch.field === 'email');
      if (i >= 0) changes.splice(i, 1);
    }
    for (const conflict of conflicts) {
      await tx.syncConflict.create({
        data: {
          organizationId,
          entityType: 'Guest',
          entityId: existing.id,
          field: conflict.field,
          platformValue: current[conflict.field] as Prisma.InputJsonValue,
          mewsValue: incoming[conflict.field] as Prisma.InputJsonValue,
          platformChangedAt: conflict.platformAt,
          mewsChangedAt: mewsAt,
        },
      });
    }
    const settled = await settleConflicts(
      tx,
      organizationId,
      existing.id,
      Object.keys(take),
      'MEWS',
      null,
    );
    const stillOpen =
      conflicts.length > 0 ||
      (settled > 0 && (await hasOpenConflicts(tx, organizationId, existing.id)));
    await tx.guest.update({
      where: { id: existing.id, organizationId },
      data: {
        ...toColumns(take, 'companyId' in take ? companyId : undefined),
        mewsUpdatedAt: mewsAt,
        lastSyncedAt: new Date(),
        syncStatus: stillOpen ? 'CONFLICT' : pushFields.length > 0 ? 'PENDING' : 'SYNCED',
      },
    });
    const changed = changes.length > 0;
    if (changed || losing.length > 0 || conflicts.length > 0) {
      await this.audit(
        tx,
        ctx,
        'Guest',
        existing.id,
        c.Id,
        conflicts.length > 0 ? 'CONFLICT' : 'UPDATED',
        changes,
        losing,
      );
    }
    if (changed) {
      if (ctx.source !== 'IMPORT') {
        await this.intelligence.refresh(tx, organizationId, existing.id, ctx.source);
      }
      await this.guestEvent(tx, ctx, 'GuestUpdated', existing.id);
    }
    return { guestId: existing.id, changed, pushFields };
  }

  /** Mews owns every reservation field it sends; throws MissingReferences when not ready. */
  async applyReservation(
    tx: Tx,
    ctx: ApplyContext,
    r: Reservation,
    currency: string,
  ): Promise<{ reservationId: string; changed: boolean }> {
    const { organizationId } = ctx;
    const accountId = r.AccountType === 'Customer' ? r.AccountId : r.BookerId;
    const guest = accountId
      ? await tx.guest.findUnique({
          where: { organizationId_externalId: { organizationId, externalId: accountId } },
          select: { id: true },
        })
      : null;
    const room = r.AssignedResourceId
      ? await tx.room.findUnique({
          where: {
            organizationId_externalId: { organizationId, externalId: r.AssignedResourceId },
          },
          select: { id: true },
        })
      : null;
    if ((accountId && !guest) || (r.AssignedResourceId && !room)) {
      throw new MissingReferences(
        accountId && !guest ? [accountId] : [],
        r.AssignedResourceId && !room ? [r.AssignedResourceId] : [],
      );
    }
    if (!guest) throw new Error(`Reservation ${r.Number} has no customer to attach to`);
    const mewsAt = ms(r.UpdatedUtc);
    const { adults, children } = personCounts(r);
    const fields = {
      confirmationCode: r.Number,
      status: reservationStatus(r),
      guestId: guest.id,
      roomId: room?.id ?? null,
      arrivalAt: ms(r.ScheduledStartUtc),
      departureAt: ms(r.ScheduledEndUtc),
      adults,
      children,
      mewsState: r.State,
    };
    const existing = await tx.reservation.findUnique({
      where: { organizationId_externalId: { organizationId, externalId: r.Id } },
    });
    if (existing && existing.mewsUpdatedAt && existing.mewsUpdatedAt >= mewsAt) {
      return { reservationId: existing.id, changed: false };
    }
    const sync = { mewsUpdatedAt: mewsAt, lastSyncedAt: new Date(), syncStatus: 'SYNCED' as const };
    if (!existing) {
      const row = await tx.reservation.create({
        data: { organizationId, externalId: r.Id, currency, ...fields, ...sync },
      });
      await this.audit(tx, ctx, 'Reservation', row.id, r.Id, 'CREATED', diff({}, fields));
      await this.afterReservation(tx, ctx, row.id, guest.id, existing);
      return { reservationId: row.id, changed: true };
    }
    const changes = diff(existing as unknown as Record<string, unknown>, fields);
    await tx.reservation.update({
      where: { id: existing.id, organizationId },
      data: { ...fields, ...sync },
    });
    if (changes.length > 0) {
      await this.audit(tx, ctx, 'Reservation', existing.id, r.Id, 'UPDATED', changes);
      await this.afterReservation(tx, ctx, existing.id, guest.id, existing);
    }
    return { reservationId: existing.id, changed: changes.length > 0 };
  }

  private async afterReservation(
    tx: Tx,
    ctx: ApplyContext,
    reservationId: string,
    guestId: string,
    before: { guestId: string } | null,
  ): Promise<void> {
    if (ctx.source === 'IMPORT') return; // recomputed in bulk when the import ends
    for (const id of new Set([guestId, before?.guestId].filter((g): g is string => !!g))) {
      await refreshStays(tx, ctx.organizationId, id);
      await this.intelligence.refresh(tx, ctx.organizationId, id, ctx.source);
    }
    await reservationEvent(tx, ctx.organizationId, reservationId);
  }

  /** A room's state shows on the arrival board: announce the reservations it affects. */
  private async roomChanged(tx: Tx, ctx: ApplyContext, roomId: string) {
    if (ctx.source === 'IMPORT') return;
    await roomStateChanged(tx, ctx.organizationId, roomId);
  }

  private async guestEvent(
    tx: Tx,
    ctx: ApplyContext,
    type: 'GuestCreated' | 'GuestUpdated',
    guestId: string,
  ) {
    if (ctx.source === 'IMPORT') return;
    const row = await tx.guest.findUniqueOrThrow({
      where: { id: guestId, organizationId: ctx.organizationId },
      select: { firstName: true, lastName: true, vip: true, email: true, completeness: true },
    });
    await recordEvent(tx, 'guests', {
      type,
      entityType: 'Guest',
      entityId: guestId,
      organizationId: ctx.organizationId,
      payload: { ...row, origin: 'MEWS' },
    });
    // The arrival board shows the guest's profile: its upcoming reservations change too.
    const soon = await upcomingArrivals(tx, ctx.organizationId, { guestId });
    for (const r of soon) await reservationEvent(tx, ctx.organizationId, r.id);
  }

  private async localCompanyId(tx: Tx, organizationId: string, externalId: string) {
    const row = await tx.company.findUnique({
      where: { organizationId_externalId: { organizationId, externalId } },
      select: { id: true },
    });
    return row?.id ?? null;
  }

  private async emailTaken(tx: Tx, organizationId: string, email: string, guestId: string) {
    const other = await tx.guest.findFirst({
      where: {
        organizationId,
        email: { equals: email, mode: 'insensitive' },
        id: { not: guestId },
      },
      select: { id: true },
    });
    return other !== null;
  }

  private async audit(
    tx: Tx,
    ctx: ApplyContext,
    entityType: string,
    entityId: string,
    externalId: string,
    action: string,
    changes: FieldChange[],
    losing: LosingValue[] = [],
  ) {
    await tx.syncAudit.create({
      data: {
        organizationId: ctx.organizationId,
        entityType,
        entityId,
        externalId,
        side: 'MEWS',
        source: ctx.source,
        action,
        changes: changes as unknown as Prisma.InputJsonValue,
        losing: losing as unknown as Prisma.InputJsonValue,
        requestId: ctx.requestId,
      },
    });
  }
}

/** How long a room push that has not answered yet counts as on its way (a crash leaves it). */
export const ROOM_PUSH_IN_FLIGHT_MS = 5 * 60_000;

/** The audit entry a room push writes before it calls Mews (`PUSHED` once Mews answered). */
export const ROOM_PUSHING = 'PUSHING';

/**
 * Whether Mews having `state` is the echo of one of our own room pushes that was still on its
 * way when the room's pending local change was made: a push that carried `state` and is in
 * flight, or that Mews answered after that change. (Mews' `resources/update` answers nothing, so
 * the push is recognised by the state it carried, not by Mews' stamp.)
 */
async function isRoomEcho(
  tx: Tx,
  organizationId: string,
  room: { id: string; stateChangedAt: Date | null },
  state: RoomState,
): Promise<boolean> {
  if (!room.stateChangedAt) return false;
  const inFlightSince = new Date(Date.now() - ROOM_PUSH_IN_FLIGHT_MS);
  const pushes = await tx.syncAudit.findMany({
    where: {
      organizationId,
      entityType: 'Room',
      entityId: room.id,
      side: 'PLATFORM',
      source: 'JOB',
      OR: [
        { action: 'PUSHED', occurredAt: { gte: room.stateChangedAt } },
        { action: ROOM_PUSHING, occurredAt: { gte: inFlightSince } },
      ],
    },
    select: { changes: true },
  });
  return pushes.some((p) =>
    ((p.changes ?? []) as { field: string; to: unknown }[]).some(
      (c) => c.field === 'state' && c.to === state,
    ),
  );
}

export function auditRow(
  ctx: ApplyContext,
  entityType: string,
  entityId: string,
  externalId: string,
  action: string,
  changes: FieldChange[],
): Prisma.SyncAuditCreateManyInput {
  return {
    organizationId: ctx.organizationId,
    entityType,
    entityId,
    externalId,
    side: 'MEWS',
    source: ctx.source,
    action,
    changes: changes as unknown as Prisma.InputJsonValue,
    requestId: ctx.requestId,
  };
}

/** Platform columns for profile values; `companyId` is the already-resolved local id. */
export function toColumns(
  values: Partial<GuestProfile>,
  companyId: string | null | undefined,
): Omit<Prisma.GuestUncheckedCreateInput, 'organizationId' | 'kind' | 'firstName' | 'lastName'> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values) as [SyncedGuestField, GuestValue][]) {
    if (field === 'companyId') continue;
    if (field === 'birthDate') out[field] = typeof value === 'string' ? fromLocalDate(value) : null;
    else out[field] = value;
  }
  if (companyId !== undefined) out['companyId'] = companyId;
  return out as Omit<
    Prisma.GuestUncheckedCreateInput,
    'organizationId' | 'kind' | 'firstName' | 'lastName'
  >;
}

/** A guest row as profile values in Mews terms (the company as its Mews id). */
export function profileFromRow(row: {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  language: string | null;
  nationality: string | null;
  birthDate: Date | null;
  notes: string | null;
  title: string | null;
  classifications: string[];
  addressLine1: string | null;
  city: string | null;
  postalCode: string | null;
  countryCode: string | null;
  company: { externalId: string | null } | null;
}): GuestProfile {
  return {
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email?.toLowerCase() ?? null,
    phone: row.phone,
    language: row.language,
    nationality: row.nationality,
    birthDate: toLocalDate(row.birthDate),
    notes: row.notes,
    title: row.title,
    classifications: [...row.classifications].sort(),
    companyId: row.company?.externalId ?? null,
    addressLine1: row.addressLine1,
    city: row.city,
    postalCode: row.postalCode,
    countryCode: row.countryCode,
  };
}

function diff(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const norm = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null));
  return Object.entries(after)
    .filter(([k, v]) => norm(before[k]) !== norm(v))
    .map(([field, to]) => ({ field, from: norm(before[field]), to: norm(to) }));
}
