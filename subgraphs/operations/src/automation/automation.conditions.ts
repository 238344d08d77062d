import { z } from 'zod';
import { localMinuteOfDay, shortLocal } from '../generated-orders/local-days';

/** 15:00: an ETA before this local time is an early check-in unless a rule says otherwise. */
export const DEFAULT_EARLY_CHECK_IN_BEFORE = 900;
/** Reservations that no longer need service. */
export const GONE_STATUSES: ReadonlySet<string> = new Set(['CANCELLED', 'NO_SHOW', 'CHECKED_OUT']);
/** How long after the arrival time a reservation still gets its orders (late syncs). */
export const ARRIVAL_GRACE_MS = 12 * 3_600_000;
export const PLACEHOLDERS = ['guest', 'room', 'arrival'] as const;

export interface RuleConditions {
  vip: boolean;
  products: string[];
  earlyCheckIn: boolean;
  earlyCheckInBefore: number;
  specialRequest: boolean;
}

/** The part of a reservation projection rules look at. */
export interface ReservationFacts {
  status: string;
  arrivalAt: Date;
  etaAt: Date | null;
  vip: boolean;
  products: string[];
  notes: string | null;
  guestName: string | null;
  roomId: string | null;
}

// Stored as JSON; read tolerantly so an older or hand-edited row never breaks evaluation.
const stored = z.object({
  vip: z.boolean().optional().catch(undefined),
  products: z.array(z.string()).optional().catch(undefined),
  earlyCheckIn: z.boolean().optional().catch(undefined),
  earlyCheckInBefore: z.number().int().min(0).max(1439).optional().catch(undefined),
  specialRequest: z.boolean().optional().catch(undefined),
});

export function readConditions(json: unknown): RuleConditions {
  const parsed = stored.safeParse(json);
  const c = parsed.success ? parsed.data : {};
  return {
    vip: c.vip ?? false,
    products: normalizeProducts(c.products ?? []),
    earlyCheckIn: c.earlyCheckIn ?? false,
    earlyCheckInBefore: c.earlyCheckInBefore ?? DEFAULT_EARLY_CHECK_IN_BEFORE,
    specialRequest: c.specialRequest ?? false,
  };
}

export function normalizeProducts(products: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const p of products) {
    const name = p.trim();
    if (name && !seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
  }
  return [...seen.values()];
}

export function hasAnyCondition(c: RuleConditions): boolean {
  return c.vip || c.products.length > 0 || c.earlyCheckIn || c.specialRequest;
}

/** Every condition the rule sets holds for the reservation (times in the organization's zone). */
export function conditionsHold(c: RuleConditions, r: ReservationFacts, zone: string): boolean {
  if (!hasAnyCondition(c)) return false;
  if (c.vip && !r.vip) return false;
  if (c.products.length > 0) {
    const booked = new Set(r.products.map((p) => p.trim().toLowerCase()));
    if (!c.products.some((p) => booked.has(p.toLowerCase()))) return false;
  }
  if (c.earlyCheckIn) {
    if (!r.etaAt || localMinuteOfDay(r.etaAt, zone) >= c.earlyCheckInBefore) return false;
  }
  if (c.specialRequest && !r.notes?.trim()) return false;
  return true;
}

export const isGone = (r: Pick<ReservationFacts, 'status'>) => GONE_STATUSES.has(r.status);

/** Arrived more than the grace period ago: its orders are left as they are. */
export const isPast = (r: Pick<ReservationFacts, 'arrivalAt'>, now: Date) =>
  r.arrivalAt.getTime() < now.getTime() - ARRIVAL_GRACE_MS;

/** N hours before arrival, but never in the past. */
export function plannedStart(arrivalAt: Date, hoursBeforeArrival: number, now: Date): Date {
  const target = arrivalAt.getTime() - hoursBeforeArrival * 3_600_000;
  return new Date(Math.max(target, now.getTime()));
}

/** Placeholders in a title that rules do not know, e.g. ["gest"] for "{gest}". */
export function unknownPlaceholders(template: string): string[] {
  const known = new Set<string>(PLACEHOLDERS);
  return [...template.matchAll(/\{([^{}]*)\}/g)]
    .map((m) => m[1] ?? '')
    .filter((name) => !known.has(name));
}

/** The order title: {guest}, {room} and {arrival} (local, e.g. "14 Mar 15:00") filled in. */
export function renderTitle(
  template: string,
  r: Pick<ReservationFacts, 'guestName' | 'arrivalAt'> & { roomLabel: string | null },
  zone: string,
): string {
  const values: Record<string, string> = {
    guest: r.guestName?.trim() || 'guest',
    // The room number comes with guests' reservation events; a stay without a room shows a dash.
    room: r.roomLabel ?? '—',
    arrival: shortLocal(r.arrivalAt, zone),
  };
  return template.replace(/\{(guest|room|arrival)\}/g, (_, name: string) => values[name] ?? '');
}
