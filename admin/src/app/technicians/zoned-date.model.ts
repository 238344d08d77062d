/*
 * Organization-local calendar math for the technician pages: the wall-clock date and time of an
 * instant in the organization's time zone, and back.
 */

const pad = (n: number) => String(n).padStart(2, '0');

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
