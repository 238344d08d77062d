import type { DomainEvent, EventConsumer, Tx } from '@attendant/kit';
import { z } from 'zod';
import {
  ProjectionRepository,
  type ReservationFields,
  type ReservationProjection,
} from './projection.repository';

/*
 * What operations reads from guests' events. Optional fields may be missing while guests' payloads
 * grow: a missing field keeps what the projection has, an explicit null clears it.
 */
const uuid = z.string().uuid();
const instant = z.coerce.date();

const reservationPayload = z.object({
  arrivalAt: instant,
  departureAt: instant.nullable().optional(),
  status: z.string().min(1),
  guestId: uuid.nullable().optional(),
  guestName: z.string().nullable().optional(),
  roomId: uuid.nullable().optional(),
  roomNumber: z.string().nullable().optional(),
  vip: z.boolean().nullable().optional(),
  products: z.array(z.string()).nullable().optional(),
  etaAt: instant.nullable().optional(),
  notes: z.string().nullable().optional(),
});

const roomPayload = z.object({ state: z.string().min(1), number: z.string().optional() });

const sitePayload = z.object({
  name: z.string().min(1).optional(),
  city: z.string().nullable().optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
});

/** Called in the consumer's transaction after a reservation projection changed. */
export type ReservationChanged = (
  tx: Tx,
  organizationId: string,
  projection: ReservationProjection,
) => Promise<unknown>;

/** When the event happened; an unreadable time counts as now (it then wins over older rows). */
function occurredAt(event: DomainEvent): Date {
  const at = new Date(event.occurredAt);
  return Number.isNaN(at.getTime()) ? new Date() : at;
}

export function reservationProjector(onChange: ReservationChanged): EventConsumer {
  return {
    name: 'reservation-projection',
    events: ['ReservationCreated', 'ReservationUpdated'],
    async handle(event, tx) {
      const p = reservationPayload.parse(event.payload);
      const fields: ReservationFields = {
        arrivalAt: p.arrivalAt,
        status: p.status,
        departureAt: p.departureAt,
        guestId: p.guestId,
        guestName: p.guestName === undefined ? undefined : p.guestName?.trim() || null,
        roomId: p.roomId,
        roomNumber: p.roomNumber,
        // A null flag or list means "not set": stored as false / empty.
        vip: p.vip === undefined ? undefined : (p.vip ?? false),
        products:
          p.products === undefined
            ? undefined
            : (p.products ?? []).map((x) => x.trim()).filter((x) => x.length > 0),
        etaAt: p.etaAt,
        notes: p.notes,
      };
      const row = await new ProjectionRepository(tx).applyReservation(
        event.organizationId,
        event.entityId,
        occurredAt(event),
        fields,
      );
      if (row) await onChange(tx, event.organizationId, row);
    },
  };
}

export function roomProjector(): EventConsumer {
  return {
    name: 'room-projection',
    events: ['RoomStateChanged'],
    async handle(event, tx) {
      const p = roomPayload.parse(event.payload);
      await new ProjectionRepository(tx).applyRoom(
        event.organizationId,
        event.entityId,
        occurredAt(event),
        { state: p.state, number: p.number },
      );
    },
  };
}

export function siteProjector(): EventConsumer {
  return {
    name: 'site-projection',
    events: ['SiteCreated', 'SiteUpdated'],
    async handle(event, tx) {
      const p = sitePayload.parse(event.payload);
      await new ProjectionRepository(tx).applySite(
        event.organizationId,
        event.entityId,
        occurredAt(event),
        { name: p.name, city: p.city, lat: p.lat, lng: p.lng },
      );
    },
  };
}
