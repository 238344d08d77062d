import type { DomainEvent } from '@attendant/kit';

/** What a timeline entry from another domain's event says. */
export interface SystemEntry {
  guestId: string;
  title: string;
  detail: string | null;
  actorId: string | null;
}

/** The last known reservation, to tell a new snapshot as what changed. */
export interface ReservationSnapshot {
  status: string;
  roomNumber: string | null;
  arrivalAt: Date | null;
  departureAt: Date | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const dateOf = (v: unknown): Date | null => {
  const s = str(v);
  return s ? new Date(s) : null;
};

const WORK_ORDER_STATUS: Record<string, string> = {
  NEW: 'reopened',
  SCHEDULED: 'scheduled',
  DISPATCHED: 'dispatched',
  EN_ROUTE: 'technician on the way',
  ARRIVED: 'technician arrived',
  IN_PROGRESS: 'started',
  ON_HOLD: 'put on hold',
  COMPLETED: 'completed',
  CANCELLED: 'cancelled',
};

const RESERVATION_STATUS: Record<string, string> = {
  INQUIRED: 'Reservation inquiry',
  CONFIRMED: 'Reservation confirmed',
  CHECKED_IN: 'Checked in',
  CHECKED_OUT: 'Checked out',
  CANCELLED: 'Reservation cancelled',
  NO_SHOW: 'Marked as no-show',
};

const PROFILE_FIELD: Record<string, string> = {
  firstName: 'first name',
  lastName: 'last name',
  email: 'email',
  phone: 'phone',
  language: 'language',
  nationality: 'nationality',
  birthDate: 'birth date',
  addressLine1: 'address',
  city: 'city',
  postalCode: 'postal code',
  countryCode: 'country',
  preferences: 'preferences',
  classifications: 'classifications',
  notes: 'notes',
  companyId: 'company',
};

const ORIGIN: Record<string, string> = { MEWS: ' (from the PMS)', RULE: ' (by a guest rule)' };

/** Dates as the property reads them: "24 Nov", and "24 Nov, 15:00" with the time. */
export function formatDay(at: Date, timeZone: string, withTime = false): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone,
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
  }).format(at);
}

/**
 * A work order event as a guest timeline entry, or null when it does not concern a guest or says
 * nothing new to them (a status change to COMPLETED comes again as WorkOrderCompleted, which is
 * the one kept; plain edits such as a price change are not the guest's story).
 */
export function workOrderEntry(
  e: DomainEvent,
  ctx: { timeZone: string; technicianName: string | null },
): SystemEntry | null {
  const p = e.payload;
  const guestId = str(p['guestId']);
  if (!guestId) return null;
  const name = typeof p['number'] === 'number' ? `Work order WO-${p['number']}` : 'Work order';
  const detail = str(p['title']);
  const actorId = str(p['changedById']);
  const entry = (title: string, more: string | null = detail) => ({
    guestId,
    title,
    detail: more,
    actorId,
  });
  switch (e.type) {
    case 'WorkOrderCreated':
      return entry(`${name} created`);
    case 'WorkOrderCompleted':
      return entry(`${name} completed`);
    case 'WorkOrderStatusChanged': {
      const status = String(p['status']);
      if (status === 'COMPLETED') return null;
      return entry(`${name} ${WORK_ORDER_STATUS[status] ?? status.toLowerCase()}`);
    }
    case 'WorkOrderUpdated': {
      if (p['change'] !== 'schedule') return null;
      const start = dateOf(p['scheduledStart']);
      const when = start ? formatDay(start, ctx.timeZone, true) : null;
      if (!str(p['technicianId'])) return entry(`${name} unassigned`);
      const who = ctx.technicianName ? ` with ${ctx.technicianName}` : '';
      return entry(
        `${name} scheduled${who}${when ? ` for ${when}` : ''}`,
        [detail, str(p['reason'])].filter(Boolean).join(' · ') || null,
      );
    }
    default:
      return null;
  }
}

/**
 * A reservation snapshot as what changed since the last one: status, room, dates. The first
 * snapshot seen tells the stay; a snapshot that changes none of these (a room's cleaning state)
 * adds nothing.
 */
export function reservationEntry(
  e: DomainEvent,
  before: ReservationSnapshot | null,
  timeZone: string,
): { entry: SystemEntry | null; snapshot: ReservationSnapshot } | null {
  const p = e.payload;
  const guestId = str(p['guestId']);
  if (!guestId) return null;
  const now: ReservationSnapshot = {
    status: String(p['status']),
    roomNumber: str(p['roomNumber']),
    arrivalAt: dateOf(p['arrivalAt']),
    departureAt: dateOf(p['departureAt']),
  };
  const day = (d: Date | null) => (d ? formatDay(d, timeZone) : '?');
  const stay = `${day(now.arrivalAt)} – ${day(now.departureAt)}`;
  const room = now.roomNumber ? `room ${now.roomNumber}` : 'no room yet';
  const entry = (title: string, detail: string | null): SystemEntry => ({
    guestId,
    title,
    detail,
    actorId: null,
  });
  const statusTitle = RESERVATION_STATUS[now.status] ?? `Reservation ${now.status.toLowerCase()}`;
  if (!before) return { entry: entry(statusTitle, `${stay}, ${room}`), snapshot: now };
  const changes: string[] = [];
  if (before.status !== now.status) changes.push(statusTitle);
  if (before.roomNumber !== now.roomNumber)
    changes.push(
      !now.roomNumber
        ? `Room ${before.roomNumber} released`
        : before.roomNumber
          ? `Room changed ${before.roomNumber} → ${now.roomNumber}`
          : `Room ${now.roomNumber} assigned`,
    );
  if (!sameTime(before.arrivalAt, now.arrivalAt) || !sameTime(before.departureAt, now.departureAt))
    changes.push(`Stay changed to ${stay}`);
  if (changes.length === 0) return { entry: null, snapshot: now };
  return { entry: entry(changes.join(' · '), `${stay}, ${room}`), snapshot: now };
}

/** A guest's profile updates that touched fields people care about (VIP first). */
export function guestEntry(e: DomainEvent): SystemEntry | null {
  const p = e.payload;
  const origin = ORIGIN[String(p['origin'])] ?? '';
  const actorId = str(p['changedById']);
  if (e.type !== 'GuestUpdated') return null;
  const fields = Array.isArray(p['changedFields']) ? (p['changedFields'] as unknown[]) : [];
  if (fields.includes('vip'))
    return {
      guestId: e.entityId,
      title: p['vip'] === true ? `Marked as VIP${origin}` : `No longer VIP${origin}`,
      detail: null,
      actorId,
    };
  const named = fields.map((f) => PROFILE_FIELD[String(f)]).filter((f): f is string => !!f);
  if (named.length === 0) return null;
  return {
    guestId: e.entityId,
    title: `Profile updated${origin}: ${named.join(', ')}`,
    detail: null,
    actorId,
  };
}

const sameTime = (a: Date | null, b: Date | null) =>
  (a?.getTime() ?? null) === (b?.getTime() ?? null);
