import type { DbOrTx } from '@attendant/kit';
import { DateTime } from 'luxon';

/*
 * Calendar days in an organization's time zone. Due days and "local midnight" are computed on
 * plain dates (YYYY-MM-DD) and only turned into instants at the end, so a DST change shifts no
 * day: a local day is 23 or 25 hours long then, and its window says so.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The organization's IANA zone; an unknown or invalid zone counts as UTC. */
export async function organizationZone(db: DbOrTx, organizationId: string): Promise<string> {
  const org = await db.organization.findUnique({
    where: { id: organizationId },
    select: { timezone: true },
  });
  return validZone(org?.timezone);
}

export function validZone(zone: string | null | undefined): string {
  return zone && DateTime.local().setZone(zone).isValid ? zone : 'UTC';
}

/** The local calendar date of an instant. */
export function localDate(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISODate() ?? '';
}

export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid;
}

export function addDays(isoDate: string, days: number): string {
  return DateTime.fromISO(isoDate, { zone: 'UTC' }).plus({ days }).toISODate() ?? '';
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  const a = DateTime.fromISO(from, { zone: 'UTC' });
  const b = DateTime.fromISO(to, { zone: 'UTC' });
  return Math.round(b.diff(a, 'days').days);
}

/** A date-only value (stored as UTC midnight) as YYYY-MM-DD. */
export function dateOnly(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** The instants a local day starts and ends (the next day's local midnight). */
export function localDayBounds(isoDate: string, zone: string): { start: Date; end: Date } {
  const start = DateTime.fromISO(isoDate, { zone }).startOf('day');
  return { start: start.toJSDate(), end: start.plus({ days: 1 }).toJSDate() };
}

/** Minutes after local midnight of an instant. */
export function localMinuteOfDay(at: Date, zone: string): number {
  const t = DateTime.fromJSDate(at, { zone });
  return t.hour * 60 + t.minute;
}

/** A short local date and time for titles, e.g. "14 Mar 15:00". */
export function shortLocal(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('d LLL HH:mm');
}
