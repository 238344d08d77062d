import type { Prisma } from '@attendant/db';
import type { Tx } from '@attendant/kit';
import { randomUUID } from 'node:crypto';
import type { Address, Customer, Reservation } from '../mews/mews.types';
import {
  personCounts,
  profileFromCustomer,
  reservationStatus,
  sameValue,
  SYNCED_GUEST_FIELDS,
} from './mews.mapping';
import {
  auditRow,
  MissingReferences,
  toColumns,
  type ApplyContext,
  type CustomerOutcome,
  type MewsInbound,
} from './mews-inbound';

/** The initial import's fast path: whole pages of new customers and reservations at once. */
export class MewsBulkImport {
  constructor(private readonly inbound: MewsInbound) {}

  /**
   * The import's fast path: customers not here yet are created in one statement (with their
   * audit rows); those already here go through `applyCustomer` and its conflict rules.
   */
  async customers(
    tx: Tx,
    ctx: ApplyContext,
    customers: Customer[],
    addresses: Map<string, Address>,
  ): Promise<CustomerOutcome[]> {
    const { organizationId } = ctx;
    const existing = new Set(
      (
        await tx.guest.findMany({
          where: { organizationId, externalId: { in: customers.map((c) => c.Id) } },
          select: { externalId: true },
        })
      ).map((g) => g.externalId),
    );
    const companyIds = [
      ...new Set(customers.map((c) => c.CompanyId).filter((c): c is string => !!c)),
    ];
    const companies = new Map(
      (
        await tx.company.findMany({
          where: { organizationId, externalId: { in: companyIds } },
          select: { id: true, externalId: true },
        })
      ).map((c) => [c.externalId, c.id]),
    );
    const outcomes: CustomerOutcome[] = [];
    const rows: Prisma.GuestCreateManyInput[] = [];
    const audits: Prisma.SyncAuditCreateManyInput[] = [];
    const now = new Date();
    for (const c of customers) {
      const address = c.AddressId ? (addresses.get(c.AddressId) ?? null) : null;
      if (existing.has(c.Id)) {
        outcomes.push(await this.inbound.applyCustomer(tx, ctx, c, address));
        continue;
      }
      existing.add(c.Id); // a customer twice in one page is created once
      const incoming = profileFromCustomer(c, address);
      const id = randomUUID();
      rows.push({
        id,
        organizationId,
        kind: 'HOTEL_GUEST',
        externalId: c.Id,
        ...toColumns(incoming, c.CompanyId ? (companies.get(c.CompanyId) ?? null) : null),
        firstName: incoming.firstName as string,
        lastName: incoming.lastName as string,
        mewsUpdatedAt: new Date(c.UpdatedUtc),
        lastSyncedAt: now,
        syncStatus: 'SYNCED',
      } as Prisma.GuestCreateManyInput);
      audits.push(
        auditRow(
          ctx,
          'Guest',
          id,
          c.Id,
          'CREATED',
          SYNCED_GUEST_FIELDS.filter((f) => !sameValue(incoming[f], null)).map((f) => ({
            field: f,
            from: null,
            to: incoming[f],
          })),
        ),
      );
      outcomes.push({ guestId: id, changed: true, pushFields: [] });
    }
    if (rows.length > 0) {
      // A push-channel fetch may have created one of them meanwhile: that one is kept.
      await tx.guest.createMany({ data: rows, skipDuplicates: true });
      const created = new Set(
        (
          await tx.guest.findMany({
            where: { organizationId, id: { in: rows.map((r) => r.id!) } },
            select: { id: true },
          })
        ).map((g) => g.id),
      );
      const kept = audits.filter((a) => created.has(a.entityId));
      if (kept.length > 0) await tx.syncAudit.createMany({ data: kept });
      return outcomes.filter(
        (o) => created.has(o.guestId) || !rows.some((r) => r.id === o.guestId),
      );
    }
    return outcomes;
  }

  /**
   * The import's fast path for reservations: new ones in one statement; existing ones through
   * `applyReservation`. Returns the reservations that could not be attached (unknown customer
   * or room, or a confirmation number already used here) for the dead-letter list.
   */
  async reservations(
    tx: Tx,
    ctx: ApplyContext,
    reservations: Reservation[],
    currency: string,
  ): Promise<{ reservation: Reservation; reason: string }[]> {
    const { organizationId } = ctx;
    const accountOf = (r: Reservation) => (r.AccountType === 'Customer' ? r.AccountId : r.BookerId);
    const [guests, rooms, existing] = await Promise.all([
      tx.guest.findMany({
        where: {
          organizationId,
          externalId: { in: reservations.map(accountOf).filter((a): a is string => !!a) },
        },
        select: { id: true, externalId: true },
      }),
      tx.room.findMany({
        where: {
          organizationId,
          externalId: {
            in: reservations.map((r) => r.AssignedResourceId).filter((a): a is string => !!a),
          },
        },
        select: { id: true, externalId: true },
      }),
      tx.reservation.findMany({
        where: { organizationId, externalId: { in: reservations.map((r) => r.Id) } },
        select: { externalId: true },
      }),
    ]);
    const guestId = new Map(guests.map((g) => [g.externalId, g.id]));
    const roomId = new Map(rooms.map((r) => [r.externalId, r.id]));
    const known = new Set(existing.map((r) => r.externalId));
    const failed: { reservation: Reservation; reason: string }[] = [];
    const rows: (Prisma.ReservationCreateManyInput & { id: string })[] = [];
    const byId = new Map<string, Reservation>();
    const now = new Date();
    for (const r of reservations) {
      if (known.has(r.Id)) {
        try {
          await this.inbound.applyReservation(tx, ctx, r, currency);
        } catch (error) {
          if (!(error instanceof MissingReferences)) throw error;
          failed.push({ reservation: r, reason: error.message });
        }
        continue;
      }
      known.add(r.Id);
      const account = accountOf(r);
      const guest = account ? guestId.get(account) : undefined;
      const room = r.AssignedResourceId ? roomId.get(r.AssignedResourceId) : null;
      if (!guest || room === undefined) {
        failed.push({
          reservation: r,
          reason: 'The reservation refers to customers or rooms not synced yet',
        });
        continue;
      }
      const { adults, children } = personCounts(r);
      const id = randomUUID();
      byId.set(id, r);
      rows.push({
        id,
        organizationId,
        externalId: r.Id,
        currency,
        confirmationCode: r.Number,
        status: reservationStatus(r),
        guestId: guest,
        roomId: room,
        arrivalAt: new Date(r.ScheduledStartUtc),
        departureAt: new Date(r.ScheduledEndUtc),
        adults,
        children,
        mewsState: r.State,
        mewsUpdatedAt: new Date(r.UpdatedUtc),
        lastSyncedAt: now,
        syncStatus: 'SYNCED',
      });
    }
    if (rows.length > 0) {
      await tx.reservation.createMany({ data: rows, skipDuplicates: true });
      const created = new Set(
        (
          await tx.reservation.findMany({
            where: { organizationId, id: { in: rows.map((r) => r.id) } },
            select: { id: true },
          })
        ).map((r) => r.id),
      );
      const audits: Prisma.SyncAuditCreateManyInput[] = [];
      for (const row of rows) {
        const r = byId.get(row.id)!;
        if (!created.has(row.id)) {
          failed.push({
            reservation: r,
            reason: `Confirmation number ${r.Number} is already used by another reservation here`,
          });
          continue;
        }
        audits.push(
          auditRow(ctx, 'Reservation', row.id, r.Id, 'CREATED', [
            { field: 'status', from: null, to: row.status },
            { field: 'arrivalAt', from: null, to: r.ScheduledStartUtc },
            { field: 'departureAt', from: null, to: r.ScheduledEndUtc },
            { field: 'roomId', from: null, to: row.roomId ?? null },
          ]),
        );
      }
      if (audits.length > 0) await tx.syncAudit.createMany({ data: audits });
    }
    return failed;
  }
}
