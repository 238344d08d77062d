import type { ReservationStatus, RoomState } from '@attendant/db';

export enum ReadinessStatus {
  READY = 'READY',
  ATTENTION = 'ATTENTION',
  NOT_READY = 'NOT_READY',
  ARRIVED = 'ARRIVED',
}

export interface ReadinessInput {
  status: ReservationStatus;
  room: { number: string; state: RoomState } | null;
  openServiceOrders: number;
  guest: {
    completenessGaps: string[];
    validationErrors: string[];
    syncStatus: string | null;
  };
}

const ROOM_PROBLEM: Partial<Record<RoomState, string>> = {
  DIRTY: 'is dirty',
  OUT_OF_ORDER: 'is out of order',
  OUT_OF_SERVICE: 'is out of service',
};

/**
 * Whether an arriving guest can be welcomed: NOT_READY when the room cannot take them (none
 * assigned, dirty, out of order) or service orders for the stay are still open; ATTENTION when
 * the room is fine but the profile has gaps, invalid data or a sync problem; READY otherwise.
 * Guests already in house are ARRIVED.
 */
export function readiness(input: ReadinessInput): { status: ReadinessStatus; reasons: string[] } {
  if (input.status === 'CHECKED_IN' || input.status === 'CHECKED_OUT') {
    return { status: ReadinessStatus.ARRIVED, reasons: [] };
  }
  const blocking: string[] = [];
  if (!input.room) blocking.push('No room assigned');
  else if (ROOM_PROBLEM[input.room.state]) {
    blocking.push(`Room ${input.room.number} ${ROOM_PROBLEM[input.room.state]}`);
  }
  if (input.openServiceOrders > 0) {
    blocking.push(
      `${input.openServiceOrders} open service order${input.openServiceOrders === 1 ? '' : 's'}`,
    );
  }
  const attention = [
    ...input.guest.validationErrors,
    ...input.guest.completenessGaps.map((g) => g.charAt(0).toUpperCase() + g.slice(1)),
  ];
  if (input.guest.syncStatus === 'CONFLICT') attention.push('Profile has a sync conflict');
  if (input.guest.syncStatus === 'FAILED') attention.push('Profile failed to sync to Mews');
  if (blocking.length > 0) {
    return { status: ReadinessStatus.NOT_READY, reasons: [...blocking, ...attention] };
  }
  if (attention.length > 0) return { status: ReadinessStatus.ATTENTION, reasons: attention };
  return { status: ReadinessStatus.READY, reasons: [] };
}
