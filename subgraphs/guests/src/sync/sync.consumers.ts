import type { Prisma } from '@attendant/db';
import { type EventConsumer, type Logger } from '@attendant/kit';
import { z } from 'zod';
import { reservationEvent, roomStateChanged, upcomingArrivals } from './reservation-events';
import type { SyncWorker } from './sync-worker';
import { PUSHABLE_GUEST_FIELDS } from './mews.mapping';

/** What guests reads from operations' work order events. */
const workOrder = z.object({
  number: z.number().int(),
  title: z.string(),
  status: z.string(),
  kind: z.string().optional(),
  guestId: z.string().uuid().nullable().optional(),
  roomId: z.string().uuid().nullable().optional(),
  reservationId: z.string().uuid().nullable().optional(),
  priceMinor: z.number().int().nonnegative().nullable().optional(),
  currency: z.string().nullable().optional(),
});

const OPEN = new Set(['NEW', 'SCHEDULED', 'DISPATCHED', 'IN_PROGRESS', 'ON_HOLD']);

/**
 * Keeps a read model of work orders linked to reservations and rooms (the arrival board counts
 * open pre-arrival orders) and announces the reservations whose readiness changed.
 */
export function serviceOrderProjector(): EventConsumer {
  return {
    name: 'service-order-projection',
    events: ['WorkOrderCreated', 'WorkOrderUpdated', 'WorkOrderStatusChanged'],
    async handle(event, tx) {
      const wo = workOrder.parse(event.payload);
      const organizationId = event.organizationId;
      const before = await tx.serviceOrderProjection.findFirst({
        where: { workOrderId: event.entityId, organizationId },
      });
      if (!wo.reservationId && !wo.roomId && !before) return;
      await tx.serviceOrderProjection.upsert({
        where: { workOrderId: event.entityId, organizationId },
        create: {
          workOrderId: event.entityId,
          organizationId,
          reservationId: wo.reservationId ?? null,
          roomId: wo.roomId ?? null,
          number: wo.number,
          title: wo.title,
          status: wo.status,
        },
        update: {
          reservationId: wo.reservationId ?? null,
          roomId: wo.roomId ?? null,
          title: wo.title,
          status: wo.status,
          updatedAt: new Date(),
        },
      });
      const reservations = new Set(
        [wo.reservationId, before?.reservationId].filter((r): r is string => !!r),
      );
      for (const id of reservations) {
        const exists = await tx.reservation.findFirst({
          where: { id, organizationId },
          select: { id: true },
        });
        if (exists) await reservationEvent(tx, organizationId, id);
      }
    },
  };
}

export const isOpenServiceOrder = (status: string) => OPEN.has(status);

/**
 * When housekeeping or maintenance finishes in a room, its state changes here and goes to Mews:
 * a finished order in a room that was out of order or service leaves it DIRTY (it needs
 * cleaning after the repair); a finished cleaning order leaves a dirty room CLEAN.
 */
export function roomTurnaround(worker: SyncWorker, logger: Logger): EventConsumer {
  return {
    name: 'room-turnaround',
    events: ['WorkOrderCompleted'],
    async handle(event, tx) {
      const wo = workOrder.parse(event.payload);
      if (!wo.roomId) return;
      const organizationId = event.organizationId;
      const room = await tx.room.findFirst({ where: { id: wo.roomId, organizationId } });
      if (!room) return;
      const cleaning = /clean|housekeep|turndown|linen/i.test(wo.title);
      const next =
        room.state === 'OUT_OF_ORDER' || room.state === 'OUT_OF_SERVICE'
          ? 'DIRTY'
          : cleaning && room.state === 'DIRTY'
            ? 'CLEAN'
            : null;
      if (!next) return;
      await tx.room.update({
        where: { id: room.id, organizationId },
        data: {
          state: next,
          stateReason: null,
          stateChangedAt: new Date(),
          syncStatus: room.externalId ? 'PENDING' : null,
        },
      });
      await tx.syncAudit.create({
        data: {
          organizationId,
          entityType: 'Room',
          entityId: room.id,
          externalId: room.externalId,
          side: 'PLATFORM',
          source: 'WORK_ORDER',
          action: 'UPDATED',
          changes: [
            { field: 'state', from: room.state, to: next },
          ] as unknown as Prisma.InputJsonValue,
        },
      });
      await roomStateChanged(tx, organizationId, room.id, { workOrderId: event.entityId });
      if (room.externalId)
        await worker.enqueueOutbound({ organizationId, kind: 'room', id: room.id });
      logger.info(
        { roomId: room.id, from: room.state, to: next },
        'room state set by a work order',
      );
    },
  };
}

/**
 * A priced hotel service order, once completed, is charged to the guest's bill in Mews
 * (orders/add linked to the reservation). The charge row is unique per work order and carries
 * the `ExternalIdentifier`, so a redelivered event or a retried post bills once.
 */
export function pmsCharges(worker: SyncWorker): EventConsumer {
  return {
    name: 'pms-charges',
    events: ['WorkOrderCompleted'],
    async handle(event, tx) {
      const wo = workOrder.parse(event.payload);
      if (wo.kind && wo.kind !== 'HOTEL_SERVICE') return;
      if (!wo.priceMinor || !wo.currency) return;
      const organizationId = event.organizationId;
      const connection = await tx.mewsConnection.findUnique({ where: { organizationId } });
      if (!connection || connection.status === 'DISCONNECTED') return;
      const reservation = wo.reservationId
        ? await tx.reservation.findFirst({ where: { id: wo.reservationId, organizationId } })
        : wo.guestId
          ? await tx.reservation.findFirst({
              where: { organizationId, guestId: wo.guestId, status: 'CHECKED_IN' },
              orderBy: { arrivalAt: 'desc' },
            })
          : null;
      if (!reservation?.externalId) return;
      const charge = await tx.pmsCharge.upsert({
        where: {
          organizationId_workOrderId: { organizationId, workOrderId: event.entityId },
        },
        create: {
          organizationId,
          workOrderId: event.entityId,
          reservationId: reservation.id,
          name: `WO-${wo.number}: ${wo.title}`.slice(0, 200),
          amountMinor: wo.priceMinor,
          currency: wo.currency,
          externalIdentifier: `attendant-wo-${event.entityId}`,
        },
        update: {},
      });
      if (!charge.postedAt) {
        await worker.enqueueOutbound({ organizationId, kind: 'charge', id: charge.id });
      }
    },
  };
}

/** Staff edits of a Mews guest's profile go to Mews through the outbound queue. */
export function guestPusher(worker: SyncWorker): EventConsumer {
  const pushable = new Set<string>(PUSHABLE_GUEST_FIELDS);
  return {
    name: 'mews-guest-push',
    events: ['GuestUpdated', 'GuestCreated'],
    async handle(event, tx) {
      // Only staff edits go out (Mews' own changes, rules and managers' choices do not).
      if (event.payload['origin'] !== 'PLATFORM') return;
      const fields = (event.payload['changedFields'] as string[] | undefined) ?? [];
      if (!fields.some((f) => pushable.has(f))) return;
      const guest = await tx.guest.findFirst({
        where: { id: event.entityId, organizationId: event.organizationId },
        select: { externalId: true },
      });
      if (!guest?.externalId) return;
      await tx.guest.update({
        where: { id: event.entityId, organizationId: event.organizationId },
        data: { syncStatus: 'PENDING' },
      });
      await worker.enqueueOutbound({
        organizationId: event.organizationId,
        kind: 'customer',
        id: event.entityId,
      });
    },
  };
}

/** The arrival board shows guest profiles: a staff or rules change re-announces their arrivals. */
export function arrivalAnnouncer(): EventConsumer {
  return {
    name: 'arrival-announcer',
    events: ['GuestUpdated'],
    async handle(event, tx) {
      // Changes from Mews announce their arrivals as they are applied.
      if (event.payload['origin'] === 'MEWS') return;
      const soon = await upcomingArrivals(tx, event.organizationId, { guestId: event.entityId });
      for (const r of soon) await reservationEvent(tx, event.organizationId, r.id);
    },
  };
}
