import { IANAZone } from 'luxon';

/**
 * When an SLA clock runs. `businessHours` are local wall-clock ranges in `timezone`: ISO weekday
 * (1 = Monday … 7 = Sunday) and minutes after local midnight, `end` exclusive and at most 1440.
 * `null` means around the clock: real elapsed minutes count and holidays do not apply.
 * `holidays` are local dates (YYYY-MM-DD) on which business hours do not run.
 */
export interface BusinessCalendar {
  businessHours: { day: number; start: number; end: number }[] | null;
  timezone: string;
  holidays: string[];
}

const MINUTE = 60_000;
const DAY = 86_400_000;
// A calendar whose every day is a holiday (or empty) would never reach a deadline.
const MAX_DAYS = 3660;

/**
 * The instant `minutes` business minutes after `start`. A result that lands exactly on the end
 * of a business range is that end (17:00), not the start of the next range.
 */
export function addBusinessMinutes(start: Date, minutes: number, cal: BusinessCalendar): Date {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`Business minutes must be a finite number ≥ 0, got ${minutes}`);
  }
  if (cal.businessHours === null) return new Date(start.getTime() + minutes * MINUTE);
  let remaining = minutes * MINUTE;
  if (remaining === 0) return new Date(start.getTime());
  const from = start.getTime();
  for (const [rangeStart, rangeEnd] of ranges(cal, start)) {
    if (rangeEnd <= from) continue;
    const begin = Math.max(rangeStart, from);
    const available = rangeEnd - begin;
    if (remaining <= available) return new Date(begin + remaining);
    remaining -= available;
  }
  throw new RangeError('The business calendar has no business hours within ten years');
}

/**
 * Business minutes in [from, to) (fractional). Negative when `to` is before `from`, so
 * `businessMinutesBetween(now, dueAt)` reads as "minutes left" and turns negative when overdue.
 */
export function businessMinutesBetween(from: Date, to: Date, cal: BusinessCalendar): number {
  if (to < from) return -businessMinutesBetween(to, from, cal);
  if (cal.businessHours === null) return (to.getTime() - from.getTime()) / MINUTE;
  const a = from.getTime();
  const b = to.getTime();
  let total = 0;
  for (const [rangeStart, rangeEnd] of ranges(cal, from)) {
    if (rangeStart >= b) break;
    const overlap = Math.min(rangeEnd, b) - Math.max(rangeStart, a);
    if (overlap > 0) total += overlap;
  }
  return total / MINUTE;
}

/**
 * Business ranges as [start, end) epoch milliseconds, in time order, from the local day of
 * `since` on. Each range's ends are wall-clock times of its own day, so a 09:00–17:00 day lasts
 * 8 hours even when the clocks change that night; 00:00–24:00 lasts 23 or 25 hours on those days.
 * Local days are counted as plain day numbers (luxon only supplies the zone's UTC offsets), which
 * keeps a scan over months of open orders cheap.
 */
function* ranges(cal: BusinessCalendar, since: Date): Generator<[number, number]> {
  const week = weekOf(cal.businessHours ?? []);
  if (week.every((day) => day.length === 0)) {
    throw new RangeError('The business calendar has no business hours');
  }
  const zone = IANAZone.create(cal.timezone);
  if (!zone.isValid) throw new RangeError(`Unknown time zone ${cal.timezone}`);
  const holidays = new Set(cal.holidays.map((d) => Date.parse(`${d}T00:00:00Z`) / DAY));
  const t = since.getTime();
  let day = Math.floor((t + offsetAt(zone, t) * MINUTE) / DAY);
  for (let i = 0; i < MAX_DAYS; i++, day++) {
    if (holidays.has(day)) continue;
    // Day 0 (1970-01-01) was a Thursday, ISO weekday 4.
    const weekday = (((day + 3) % 7) + 7) % 7;
    for (const [start, end] of week[weekday]!) {
      yield [
        toInstant(zone, day * DAY + start * MINUTE),
        toInstant(zone, day * DAY + end * MINUTE),
      ];
    }
  }
}

/**
 * The instant of a local wall-clock time (given as if it were UTC), as luxon resolves it: a time
 * skipped by a spring-forward change moves forward to the first valid instant; a repeated one
 * takes one of its two instants.
 */
function toInstant(zone: IANAZone, local: number): number {
  const guess = offsetAt(zone, local);
  let utc = local - guess * MINUTE;
  const o2 = offsetAt(zone, utc);
  if (o2 === guess) return utc;
  utc -= (o2 - guess) * MINUTE;
  const o3 = offsetAt(zone, utc);
  if (o3 === o2) return utc;
  return local - Math.min(o2, o3) * MINUTE;
}

// UTC offsets by zone and instant. The same day boundaries recur for every order of a zone (a
// monitor scan, a page of work orders), and asking Intl for an offset is the costly part.
const offsets = new Map<string, Map<number, number>>();
const MAX_CACHED = 50_000;

function offsetAt(zone: IANAZone, ts: number): number {
  let byTs = offsets.get(zone.name);
  if (!byTs) offsets.set(zone.name, (byTs = new Map()));
  let offset = byTs.get(ts);
  if (offset === undefined) {
    offset = zone.offset(ts);
    if (byTs.size >= MAX_CACHED) byTs.clear();
    byTs.set(ts, offset);
  }
  return offset;
}

/** Per ISO weekday (index 0 = Monday), sorted ranges with overlaps merged. */
function weekOf(hours: { day: number; start: number; end: number }[]): [number, number][][] {
  const week: [number, number][][] = [[], [], [], [], [], [], []];
  for (const h of hours) {
    if (h.day >= 1 && h.day <= 7 && h.start < h.end) week[h.day - 1]!.push([h.start, h.end]);
  }
  return week.map((day) => {
    day.sort((x, y) => x[0] - y[0]);
    const merged: [number, number][] = [];
    for (const r of day) {
      const last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    }
    return merged;
  });
}
