import { DateTime } from 'luxon';

/*
 * The geometry of the dispatch timeline, pure and in real (UTC) time: one organization day runs
 * from its local midnight to the next, which is 23 or 25 hours on DST days, so x is proportional
 * to elapsed time and the hour labels are read in the organization's time zone.
 */

/** Drops snap to quarter hours of the local day. */
export const SNAP_MINUTES = 15;
export const PX_PER_HOUR = 72;
/** Height of one stacked row of job blocks in a lane. */
export const ROW_HEIGHT = 44;
/** Blocks stay wide enough to grab even for very short jobs. */
export const MIN_BLOCK_WIDTH = 8;
const MINUTE = 60_000;

export interface TimeScale {
  startMs: number;
  endMs: number;
  pxPerMinute: number;
  /** Pixels of the whole day. */
  width: number;
}

type Instant = string | number | Date;
const msOf = (t: Instant): number =>
  typeof t === 'number' ? t : typeof t === 'string' ? Date.parse(t) : t.getTime();

/** The scale of a day from its start to its end (ISO instants). */
export function timeScale(start: Instant, end: Instant, pxPerHour = PX_PER_HOUR): TimeScale {
  const startMs = msOf(start);
  const endMs = Math.max(startMs, msOf(end));
  const pxPerMinute = pxPerHour / 60;
  return { startMs, endMs, pxPerMinute, width: ((endMs - startMs) / MINUTE) * pxPerMinute };
}

/** Horizontal position of an instant (not clamped: before the day is negative). */
export function xOf(scale: TimeScale, t: Instant): number {
  return ((msOf(t) - scale.startMs) / MINUTE) * scale.pxPerMinute;
}

/** The instant at a horizontal position. */
export function timeAtX(scale: TimeScale, x: number): number {
  return scale.startMs + (x / scale.pxPerMinute) * MINUTE;
}

/** The nearest multiple of `minutes` after the day's start (local midnight). */
export function snapMs(scale: TimeScale, ms: number, minutes = SNAP_MINUTES): number {
  const step = minutes * MINUTE;
  return scale.startMs + Math.round((ms - scale.startMs) / step) * step;
}

/**
 * The start a drop at `x` (pixels from the lane's left edge) means: snapped to a quarter hour
 * and kept inside the day, so a job dropped at the very end still starts that day.
 */
export function dropStart(scale: TimeScale, x: number, minutes = SNAP_MINUTES): string {
  const snapped = snapMs(scale, timeAtX(scale, x), minutes);
  const last = snapMs(scale, scale.endMs - minutes * MINUTE, minutes);
  return new Date(Math.min(Math.max(snapped, scale.startMs), last)).toISOString();
}

export interface HourTick {
  x: number;
  /** Local hour, "00" … "23" (an hour repeats when clocks go back, one is missing in spring). */
  label: string;
  iso: string;
}

/** One tick per elapsed hour of the day, labelled with the local hour in `zone`. */
export function hourTicks(scale: TimeScale, zone: string): HourTick[] {
  const ticks: HourTick[] = [];
  for (let ms = scale.startMs; ms < scale.endMs; ms += 60 * MINUTE) {
    const local = DateTime.fromMillis(ms, { zone });
    ticks.push({ x: xOf(scale, ms), label: local.toFormat('HH'), iso: new Date(ms).toISOString() });
  }
  return ticks;
}

export interface Span {
  left: number;
  width: number;
  /** The span was cut at the day's start or end. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

/** The part of [from, to) inside the day in pixels; null when it does not touch the day. */
export function spanOf(scale: TimeScale, from: Instant, to: Instant): Span | null {
  const a = msOf(from);
  const b = msOf(to);
  if (!(b > scale.startMs && a < scale.endMs) || b <= a) return null;
  const left = xOf(scale, Math.max(a, scale.startMs));
  const right = xOf(scale, Math.min(b, scale.endMs));
  return {
    left,
    width: right - left,
    clippedStart: a < scale.startMs,
    clippedEnd: b > scale.endMs,
  };
}

export interface Block<T> extends Span {
  item: T;
  /** Stacking row (0 = top) so overlapping jobs do not hide each other. */
  row: number;
}

export interface LaneLayout<T> {
  blocks: Block<T>[];
  /** Rows the lane needs (at least 1). */
  rows: number;
}

/**
 * Places items on rows: by start, each on the first row whose last block ended by then
 * (interval partitioning), so overlaps (double bookings) stack instead of hiding each other.
 */
export function stackLane<T>(
  scale: TimeScale,
  items: readonly T[],
  startOf: (item: T) => string | null | undefined,
  endOf: (item: T) => string | null | undefined,
): LaneLayout<T> {
  const timed = items
    .flatMap((item) => {
      const start = startOf(item);
      const end = endOf(item);
      return start && end ? [{ item, a: Date.parse(start), b: Date.parse(end) }] : [];
    })
    .sort((x, y) => x.a - y.a || x.b - y.b);
  const rowEnds: number[] = [];
  const blocks: Block<T>[] = [];
  for (const { item, a, b } of timed) {
    const span = spanOf(scale, a, b);
    if (!span) continue;
    let row = rowEnds.findIndex((end) => end <= a);
    if (row < 0) row = rowEnds.push(b) - 1;
    else rowEnds[row] = b;
    blocks.push({ ...span, width: Math.max(span.width, MIN_BLOCK_WIDTH), item, row });
  }
  return { blocks, rows: Math.max(1, rowEnds.length) };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a text is a real calendar day "YYYY-MM-DD". */
export function isDay(text: string | null | undefined): text is string {
  return !!text && DAY.test(text) && DateTime.fromISO(text).isValid;
}

/** Today's date in a time zone. */
export function todayIn(zone: string, now: Date = new Date()): string {
  const local = DateTime.fromJSDate(now, { zone });
  return (local.isValid ? local : DateTime.fromJSDate(now)).toISODate()!;
}

/** The day `delta` days before or after `day`. */
export function shiftDay(day: string, delta: number): string {
  return DateTime.fromISO(day, { zone: 'utc' }).plus({ days: delta }).toISODate()!;
}

/** "HH:mm" of an instant in a time zone, for a time input. */
export function localTime(t: Instant, zone: string): string {
  return DateTime.fromMillis(msOf(t), { zone }).toFormat('HH:mm');
}

/** "09:00–10:30" in a time zone. */
export function timeRange(from: Instant, to: Instant, zone: string): string {
  return `${localTime(from, zone)}–${localTime(to, zone)}`;
}

/**
 * The instant of "HH:mm" on a local day in a time zone; null when malformed. A time skipped
 * by a DST jump moves forward by the gap, as clocks do.
 */
export function atLocalTime(day: string, time: string, zone: string): string | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!m || !isDay(day)) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (hour > 23 || minute > 59) return null;
  const local = DateTime.fromISO(day, { zone }).set({ hour, minute, second: 0, millisecond: 0 });
  return local.isValid ? local.toUTC().toISO() : null;
}

/**
 * A sensible time to propose for a job on `day`: the next quarter hour when the day is today
 * (but not before the shift starts), else the shift start, else 09:00.
 */
export function proposedTime(
  day: string,
  zone: string,
  shiftStart: string | null,
  now: Date = new Date(),
): string {
  const shift = shiftStart ? localTime(shiftStart, zone) : '09:00';
  if (day !== todayIn(zone, now)) return shift;
  const local = DateTime.fromJSDate(now, { zone });
  const minutes = Math.ceil((local.hour * 60 + local.minute + 1) / SNAP_MINUTES) * SNAP_MINUTES;
  if (minutes >= 24 * 60) return '23:45';
  const next = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return next > shift ? next : shift;
}

export interface Spanned {
  start: string | null;
  end: string | null;
}

/**
 * The hours worth showing when the day is fitted to the screen: from the earliest shift or job
 * to the latest, widened by `pad` hours and kept to whole hours of the day; 07:00–19:00 when
 * nothing is planned.
 */
export function workingWindow(
  dayStart: Instant,
  dayEnd: Instant,
  spans: readonly Spanned[],
  pad = 1,
): { start: number; end: number } {
  const from = msOf(dayStart);
  const to = msOf(dayEnd);
  const hour = 60 * MINUTE;
  const inDay = spans.flatMap((s) => {
    if (!s.start || !s.end) return [];
    const a = Math.max(Date.parse(s.start), from);
    const b = Math.min(Date.parse(s.end), to);
    return b > a ? [{ a, b }] : [];
  });
  if (inDay.length === 0) return { start: from + 7 * hour, end: Math.min(to, from + 19 * hour) };
  const first = Math.min(...inDay.map((s) => s.a));
  const last = Math.max(...inDay.map((s) => s.b));
  const start = from + (Math.floor((first - from) / hour) - pad) * hour;
  const end = from + (Math.ceil((last - from) / hour) + pad) * hour;
  return { start: Math.max(from, start), end: Math.min(to, end) };
}

/** Where to scroll the timeline first: an hour before the earliest shift, else 07:00 local. */
export function initialScrollX(
  scale: TimeScale,
  zone: string,
  shiftStarts: readonly (string | null)[],
): number {
  const starts = shiftStarts.flatMap((s) => (s ? [Date.parse(s)] : []));
  const seven = DateTime.fromMillis(scale.startMs, { zone }).set({ hour: 7 }).toMillis();
  const first = starts.length ? Math.min(...starts) : seven;
  return Math.max(0, xOf(scale, first - 60 * MINUTE));
}
