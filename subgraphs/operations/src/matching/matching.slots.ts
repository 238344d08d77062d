import { DateTime } from 'luxon';

/** A half-open span of time [start, end). */
export interface Span {
  start: Date;
  end: Date;
}

export interface WeeklyWindow {
  weekday: number;
  startMin: number;
  endMin: number;
}

/** The spans of `free` not covered by any of `busy`. */
export function subtract(free: readonly Span[], busy: readonly Span[]): Span[] {
  let out = [...free];
  for (const b of busy) {
    out = out.flatMap((f) => {
      if (b.end <= f.start || b.start >= f.end) return [f];
      const parts: Span[] = [];
      if (b.start > f.start) parts.push({ start: f.start, end: b.start });
      if (b.end < f.end) parts.push({ start: b.end, end: f.end });
      return parts;
    });
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** The parts of `spans` at or after `from`. */
export function notBefore(spans: readonly Span[], from: Date): Span[] {
  return spans
    .filter((s) => s.end > from)
    .map((s) => (s.start < from ? { start: from, end: s.end } : s));
}

/** An instant at `minutes` after local midnight of `day` (wall-clock time, DST-safe). */
function atLocalMinutes(day: DateTime, minutes: number): Date {
  if (minutes >= 1440) return day.plus({ days: 1 }).startOf('day').toJSDate();
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toJSDate();
}

/** Weekly local-time windows laid out as concrete spans between `from` and `to`. */
export function weeklySpans(
  windows: readonly WeeklyWindow[],
  from: Date,
  to: Date,
  zone: string,
): Span[] {
  const spans: Span[] = [];
  const last = DateTime.fromJSDate(to, { zone });
  for (
    let day = DateTime.fromJSDate(from, { zone }).startOf('day');
    day < last;
    day = day.plus({ days: 1 })
  ) {
    for (const w of windows) {
      if (w.weekday !== day.weekday) continue;
      spans.push({ start: atLocalMinutes(day, w.startMin), end: atLocalMinutes(day, w.endMin) });
    }
  }
  return notBefore(spans, from)
    .filter((s) => s.start < to)
    .map((s) => (s.end > to ? { start: s.start, end: to } : s));
}

export interface SlotChoice {
  /** When the job could start. */
  start: Date;
  /** The free span the start lies in. */
  span: Span;
  /** Local days after the first day looked at (0 = that day). */
  dayOffset: number;
  /** Whether the job fits the scheduled time or the customer's window. */
  inPreferred: boolean;
}

/**
 * Where `minutes` fit into a free span: inside `preferred` (the scheduled time or the customer's
 * window) when possible, else the fitting start closest to it, else (no preference) the earliest.
 */
export function pickSlot(
  free: readonly Span[],
  minutes: number,
  preferred: Span | null,
  rangeStart: Date,
  zone: string,
): SlotChoice | null {
  const need = minutes * 60_000;
  const offset = (d: Date) =>
    Math.floor(
      DateTime.fromJSDate(d, { zone })
        .startOf('day')
        .diff(DateTime.fromJSDate(rangeStart, { zone }).startOf('day'), 'days').days,
    );
  const fitting = free.filter((s) => s.end.getTime() - s.start.getTime() >= need);
  if (fitting.length === 0) return null;
  if (!preferred) {
    const span = fitting[0]!;
    return { start: span.start, span, dayOffset: offset(span.start), inPreferred: false };
  }
  const target = preferred.start.getTime();
  for (const span of fitting) {
    const start = Math.max(span.start.getTime(), target);
    if (start + need <= Math.min(span.end.getTime(), preferred.end.getTime())) {
      return {
        start: new Date(start),
        span,
        dayOffset: offset(new Date(start)),
        inPreferred: true,
      };
    }
  }
  let best: { start: number; span: Span } | null = null;
  for (const span of fitting) {
    const start = Math.min(Math.max(target, span.start.getTime()), span.end.getTime() - need);
    if (!best || Math.abs(start - target) < Math.abs(best.start - target)) best = { start, span };
  }
  const start = new Date(best!.start);
  return { start, span: best!.span, dayOffset: offset(start), inPreferred: false };
}

/**
 * 1 when the job fits the preferred time (or, without one, today's first day); later days score
 * less; nothing free scores 0.
 */
export function availabilityScore(choice: SlotChoice | null, hasPreferred: boolean): number {
  if (!choice) return 0;
  if (choice.inPreferred) return 1;
  if (hasPreferred) return Math.max(0.1, 0.75 - 0.2 * choice.dayOffset);
  return Math.max(0.1, 1 - 0.25 * choice.dayOffset);
}

/** "13:00–17:00" on the first day looked at, "Wed 14 Jan 13:00–17:00" on a later one. */
export function describeSpan(span: Span, dayOffset: number, zone: string): string {
  const start = DateTime.fromJSDate(span.start, { zone });
  const end = DateTime.fromJSDate(span.end, { zone });
  const endText =
    end.hour === 0 && end.minute === 0 && end > start.startOf('day')
      ? '24:00'
      : end.toFormat('HH:mm');
  const sameDay = end.hasSame(start, 'day') || endText === '24:00';
  const range = sameDay
    ? `${start.toFormat('HH:mm')}–${endText}`
    : `${start.toFormat('HH:mm')}–${end.toFormat('ccc HH:mm')}`;
  return dayOffset === 0 ? range : `${start.toFormat('ccc d LLL')} ${range}`;
}
