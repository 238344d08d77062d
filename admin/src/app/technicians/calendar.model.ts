import { clockRange, DAY_MINUTES } from '../shared/time-of-day';
import { WEEKDAYS } from '../shared/weekdays';
import { addDays, parseDay, zonedParts, zonedToUtc } from './zoned-date.model';

/** One local day of the availability calendar, with its bounds as instants. */
export interface CalendarDay {
  /** "YYYY-MM-DD" in the organization's time zone. */
  date: string;
  /** "Mon 3" */
  label: string;
  weekday: number;
  start: string;
  end: string;
}

/** A stretch of one day, in wall-clock minutes after local midnight. */
export interface DaySegment {
  startMin: number;
  endMin: number;
  /** "08:00–12:30" */
  label: string;
}

export interface Interval {
  start: string;
  end: string;
}

/** The seven local days from a Monday, with instants that honour DST (23- or 25-hour days). */
export function weekDays(monday: string, timeZone: string): CalendarDay[] {
  return Array.from({ length: 7 }, (_, i) => {
    const date = addDays(monday, i);
    const p = parseDay(date)!;
    return {
      date,
      label: `${WEEKDAYS[i]!.short} ${p.day}`,
      weekday: i + 1,
      start: zonedToUtc(p, timeZone).toISOString(),
      end: zonedToUtc(parseDay(addDays(date, 1))!, timeZone).toISOString(),
    };
  });
}

/** The instants bounding a week: from its Monday's midnight to the next Monday's. */
export function weekRange(monday: string, timeZone: string): { from: string; to: string } {
  return {
    from: zonedToUtc(parseDay(monday)!, timeZone).toISOString(),
    to: zonedToUtc(parseDay(addDays(monday, 7))!, timeZone).toISOString(),
  };
}

/** "Mar 2 – Mar 8, 2026" for a week starting on a Monday. */
export function weekTitle(monday: string): string {
  const p = parseDay(monday);
  if (!p) return '';
  const first = new Date(p.year, p.month - 1, p.day);
  const last = new Date(p.year, p.month - 1, p.day + 6);
  const short = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
  return `${short.format(first)} – ${short.format(last)}, ${last.getFullYear()}`;
}

/**
 * Intervals cut into per-day segments on the local wall clock: an interval crossing midnight
 * shows on both days; minutes come from the local clock so a DST day still reads 08:00–17:00.
 */
export function segmentsByDay(
  intervals: readonly Interval[],
  days: readonly CalendarDay[],
  timeZone: string,
): DaySegment[][] {
  return days.map((day) => {
    const dayStart = Date.parse(day.start);
    const dayEnd = Date.parse(day.end);
    const out: DaySegment[] = [];
    for (const interval of intervals) {
      const start = Math.max(Date.parse(interval.start), dayStart);
      const end = Math.min(Date.parse(interval.end), dayEnd);
      if (!(end > start)) continue;
      const startMin = start === dayStart ? 0 : minuteOfDay(start, timeZone);
      const endMin = end === dayEnd ? DAY_MINUTES : minuteOfDay(end, timeZone);
      if (endMin <= startMin) continue;
      out.push({ startMin, endMin, label: clockRange(startMin, endMin) });
    }
    return out.sort((a, b) => a.startMin - b.startMin);
  });
}

function minuteOfDay(ms: number, timeZone: string): number {
  const p = zonedParts(new Date(ms), timeZone);
  return p.hour * 60 + p.minute;
}

/** Total minutes of the segments, e.g. to show "8 h 30 min available". */
export function totalMinutes(segments: readonly DaySegment[]): number {
  return segments.reduce((sum, s) => sum + (s.endMin - s.startMin), 0);
}

/** 510 → "8 h 30 min"; 0 → "—". */
export function formatDuration(minutes: number): string {
  if (minutes <= 0) return '—';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h && m) return `${h} h ${m} min`;
  return h ? `${h} h` : `${m} min`;
}
