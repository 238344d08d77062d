/*
 * Times of day, weekdays and organization-local calendar math shared by the technician and
 * vendor pages. The API speaks in minutes after local midnight (0–1440) and ISO weekdays
 * (1 = Monday … 7 = Sunday); people type "HH:mm" and tick day boxes.
 */

export interface Weekday {
  iso: number;
  short: string;
  long: string;
}

export const WEEKDAYS: readonly Weekday[] = [
  { iso: 1, short: 'Mon', long: 'Monday' },
  { iso: 2, short: 'Tue', long: 'Tuesday' },
  { iso: 3, short: 'Wed', long: 'Wednesday' },
  { iso: 4, short: 'Thu', long: 'Thursday' },
  { iso: 5, short: 'Fri', long: 'Friday' },
  { iso: 6, short: 'Sat', long: 'Saturday' },
  { iso: 7, short: 'Sun', long: 'Sunday' },
];

export const DAY_MINUTES = 1440;
const pad = (n: number) => String(n).padStart(2, '0');

/** 480 → "08:00"; 1440 → "24:00" (the end of the day). */
export function formatMinutes(min: number): string {
  return `${pad(Math.floor(min / 60))}:${pad(min % 60)}`;
}

/** 480, 1020 → "08:00–17:00". */
export function formatRange(startMin: number, endMin: number): string {
  return `${formatMinutes(startMin)}–${formatMinutes(endMin)}`;
}

/**
 * Minutes → the value of an `<input type="time">`. Such an input cannot hold 24:00, so the end
 * of the day is shown as 00:00 (read back as 1440 by `fromTimeInput(…, true)`).
 */
export function toTimeInput(min: number | null | undefined): string {
  if (min == null || !Number.isFinite(min)) return '';
  return formatMinutes(((min % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES);
}

/** "HH:mm" → minutes after midnight; an end time of 00:00 (or 24:00) is the end of the day. */
export function fromTimeInput(value: string | null | undefined, end = false): number | null {
  const m = /^\s*(\d{1,2}):(\d{2})(?::\d{2})?\s*$/.exec(value ?? '');
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (minutes > 59) return null;
  if (hours === 24 && minutes === 0) return DAY_MINUTES;
  if (hours > 23) return null;
  const total = hours * 60 + minutes;
  return end && total === 0 ? DAY_MINUTES : total;
}

/** Distinct ISO weekdays 1–7, sorted Monday first. */
export function normalizeDays(days: readonly number[]): number[] {
  return [...new Set(days)].filter((d) => Number.isInteger(d) && d >= 1 && d <= 7).sort();
}

/** Adds the day when missing, removes it when present. */
export function toggleDay(days: readonly number[], day: number): number[] {
  return days.includes(day) ? days.filter((d) => d !== day) : normalizeDays([...days, day]);
}

/** [1,2,3,4,5] → "Mon–Fri"; [1,3,5] → "Mon, Wed, Fri"; all seven → "Every day". */
export function formatDays(days: readonly number[]): string {
  const sorted = normalizeDays(days);
  if (sorted.length === 0) return 'No days';
  if (sorted.length === 7) return 'Every day';
  const runs: number[][] = [];
  for (const d of sorted) {
    const run = runs.at(-1);
    if (run && run.at(-1) === d - 1) run.push(d);
    else runs.push([d]);
  }
  const name = (d: number) => WEEKDAYS[d - 1]!.short;
  return runs
    .map((r) => {
      if (r.length >= 3) return `${name(r[0]!)}–${name(r.at(-1)!)}`;
      return r.map(name).join(', ');
    })
    .join(', ');
}

// --- Organization-local dates ----------------------------------------------------------------

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAY_OF: Record<string, number> = {
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
  Sun: 7,
};

/** The wall-clock date and time of an instant in a time zone. */
export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(date)) parts[p.type] = p.value;
  return {
    year: Number(parts['year']),
    month: Number(parts['month']),
    day: Number(parts['day']),
    hour: Number(parts['hour']) % 24,
    minute: Number(parts['minute']),
    weekday: WEEKDAY_OF[parts['weekday'] ?? 'Mon'] ?? 1,
  };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const p = zonedParts(new Date(ms), timeZone);
  const wholeMinute = ms - (((ms % 60_000) + 60_000) % 60_000);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - wholeMinute;
}

const DAY_MS = 86_400_000;

/**
 * The instant a wall-clock time happens in a time zone. A time skipped by a DST jump lands
 * after the jump; an ambiguous one (clocks going back) takes its first occurrence.
 */
export function zonedToUtc(
  local: { year: number; month: number; day: number; hour?: number; minute?: number },
  timeZone: string,
): Date {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour ?? 0, local.minute ?? 0);
  // The offsets a day before and after cover both sides of any transition near this time.
  const candidates = [
    ...new Set([
      wall - offsetAt(wall - DAY_MS, timeZone),
      wall - offsetAt(wall + DAY_MS, timeZone),
    ]),
  ].sort((a, b) => a - b);
  const reads = (ms: number) => {
    const p = zonedParts(new Date(ms), timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) === wall;
  };
  return new Date(candidates.find(reads) ?? candidates.at(-1)!);
}

/** "YYYY-MM-DD" → its parts; null when malformed. */
export function parseDay(
  value: string | null | undefined,
): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (date.getUTCMonth() !== Number(m[2]) - 1) return null;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** A calendar day plus `days` → "YYYY-MM-DD" (no time zone involved). */
export function addDays(value: string, days: number): string {
  const p = parseDay(value);
  if (!p) return value;
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The Monday ("YYYY-MM-DD") of the week an instant falls in, in a time zone. */
export function mondayOf(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  const day = `${p.year}-${pad(p.month)}-${pad(p.day)}`;
  return addDays(day, 1 - p.weekday);
}

/** An ISO instant → "YYYY-MM-DDTHH:mm" on the zone's wall clock, for a datetime-local input. */
export function toZonedInput(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = zonedParts(d, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** A datetime-local value read on the zone's wall clock → ISO instant; null when invalid. */
export function fromZonedInput(value: string | null | undefined, timeZone: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(value ?? '');
  const day = parseDay(m?.[1]);
  if (!m || !day) return null;
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  if (hour > 23 || minute > 59) return null;
  return zonedToUtc({ ...day, hour, minute }, timeZone).toISOString();
}

const zonedFormats = new Map<string, Intl.DateTimeFormat>();
/** An instant as "Mon, Mar 2, 08:00" on the zone's wall clock. */
export function formatZoned(iso: string, timeZone: string): string {
  let f = zonedFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat(undefined, {
      timeZone,
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    zonedFormats.set(timeZone, f);
  }
  return f.format(new Date(iso));
}
