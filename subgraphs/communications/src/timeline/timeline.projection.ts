import type { DomainEvent, EventConsumer, Tx } from '@attendant/kit';
import { RESERVATION_EVENTS, WORK_ORDER_EVENTS } from '../trigger/trigger-rules';
import { recordTimelineChange } from './timeline-changed';
import { guestEntry, reservationEntry, workOrderEntry, type SystemEntry } from './timeline-titles';

export const TIMELINE_SOURCE_EVENTS: string[] = [
  ...WORK_ORDER_EVENTS,
  ...RESERVATION_EVENTS,
  // Not GuestCreated: a new guest's timeline stays empty until something happens with them.
  'GuestUpdated',
];

/**
 * Other domains' events about a guest, kept as timeline entries (communications never reads
 * their tables). Runs once per event through the consumer's processed-event record; the entry's
 * id is the event's too, so even a replay outside the consumer adds nothing twice.
 */
export async function projectTimelineEvent(tx: Tx, event: DomainEvent): Promise<void> {
  const entry = await entryOf(tx, event);
  if (!entry) return;
  const created = await tx.timelineEvent.createMany({
    data: [
      {
        id: event.id,
        organizationId: event.organizationId,
        guestId: entry.guestId,
        type: event.type,
        entityType: event.entityType,
        entityId: event.entityId,
        title: entry.title,
        detail: entry.detail,
        actorId: entry.actorId,
        occurredAt: new Date(event.occurredAt),
      },
    ],
    skipDuplicates: true,
  });
  if (created.count > 0)
    await recordTimelineChange(tx, {
      organizationId: event.organizationId,
      guestId: entry.guestId,
      entryId: event.id,
      change: 'ADDED',
    });
}

async function entryOf(tx: Tx, event: DomainEvent): Promise<SystemEntry | null> {
  switch (event.entityType) {
    case 'WorkOrder': {
      const technicianId = event.payload['technicianId'];
      const technician =
        event.type === 'WorkOrderUpdated' && typeof technicianId === 'string'
          ? await tx.contactProjection.findUnique({
              where: {
                entityType_entityId: { entityType: 'Technician', entityId: technicianId },
                organizationId: event.organizationId,
              },
              select: { name: true },
            })
          : null;
      return workOrderEntry(event, {
        timeZone: await timeZoneOf(tx, event.organizationId),
        technicianName: technician?.name ?? null,
      });
    }
    case 'Reservation':
      return reservationChange(tx, event);
    case 'Guest':
      return guestEntry(event);
    default:
      return null;
  }
}

/** Compares the snapshot with the last one kept; an older snapshot arriving late is ignored. */
async function reservationChange(tx: Tx, event: DomainEvent): Promise<SystemEntry | null> {
  const at = new Date(event.occurredAt);
  const before = await tx.timelineReservationState.findUnique({
    where: { reservationId: event.entityId, organizationId: event.organizationId },
  });
  if (before && before.occurredAt > at) return null;
  const told = reservationEntry(event, before, await timeZoneOf(tx, event.organizationId));
  if (!told) return null;
  const state = {
    organizationId: event.organizationId,
    guestId: told.entry?.guestId ?? String(event.payload['guestId']),
    ...told.snapshot,
    occurredAt: at,
  };
  await tx.timelineReservationState.upsert({
    where: { reservationId: event.entityId, organizationId: event.organizationId },
    create: { reservationId: event.entityId, ...state },
    update: state,
  });
  return told.entry;
}

async function timeZoneOf(tx: Tx, organizationId: string): Promise<string> {
  const settings = await tx.smsSettings.findUnique({
    where: { organizationId },
    select: { timeZone: true },
  });
  return settings?.timeZone ?? 'UTC';
}

export function timelineConsumers(): EventConsumer[] {
  return [
    {
      name: 'guest-timeline',
      events: TIMELINE_SOURCE_EVENTS,
      handle: (event, tx) => projectTimelineEvent(tx, event),
    },
  ];
}
