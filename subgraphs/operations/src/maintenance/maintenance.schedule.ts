import { Frequency, RRule, type Options } from 'rrule';
import { addDays, daysBetween } from '../generated-orders/local-days';
import { MaintenanceError, MaintenanceErrorCode } from './maintenance.errors';

/** How far ahead a calendar rule is expanded: five years. */
const HORIZON_DAYS = 5 * 366;

/*
 * Due days of a plan, as local calendar dates (YYYY-MM-DD). Calendar rules run on "floating"
 * dates: the rule's start is startsOn at 00:00 UTC and only each occurrence's date is kept, so
 * rules never see the organization's UTC offset and a DST change cannot move a due day.
 */

export interface Schedule {
  intervalDays: number | null;
  rrule: string | null;
  /** YYYY-MM-DD */
  startsOn: string;
}

const SUB_DAILY = new Set([Frequency.HOURLY, Frequency.MINUTELY, Frequency.SECONDLY]);
const utcMidnight = (isoDate: string) => new Date(`${isoDate}T00:00:00.000Z`);
const dateOf = (d: Date) => d.toISOString().slice(0, 10);

const invalidRule = (reason: string) =>
  new MaintenanceError(
    MaintenanceErrorCode.InvalidRule,
    `The calendar rule is not valid: ${reason}`,
    {
      field: 'rrule',
    },
  );

/**
 * Checks an RFC 5545 RRULE (with or without the "RRULE:" prefix) and answers it normalized, or
 * throws with the parser's reason.
 */
export function normalizeRule(raw: string): string {
  // RFC 5545 names and values are case-insensitive; the parser only reads upper case.
  const text = raw
    .trim()
    .toUpperCase()
    .replace(/^RRULE:/, '');
  if (!text) throw invalidRule('it is empty');
  if (/[\r\n]|DTSTART/i.test(text)) {
    throw invalidRule('give the first day as startsOn, not DTSTART in the rule');
  }
  let options: Partial<Options>;
  try {
    options = RRule.parseString(text);
  } catch (err) {
    throw invalidRule(err instanceof Error ? err.message : String(err));
  }
  if (options.freq === undefined)
    throw invalidRule('FREQ is missing (e.g. FREQ=MONTHLY;BYMONTHDAY=1)');
  if (SUB_DAILY.has(options.freq)) throw invalidRule('use a daily, weekly, monthly or yearly FREQ');
  if (
    options.interval !== undefined &&
    !(Number.isInteger(options.interval) && options.interval >= 1)
  ) {
    throw invalidRule('INTERVAL must be a whole number of 1 or more');
  }
  if (options.count != null && !(Number.isInteger(options.count) && options.count >= 1)) {
    throw invalidRule('COUNT must be a whole number of 1 or more');
  }
  const weekdays = options.byweekday;
  if (Array.isArray(weekdays) && weekdays.some((d) => d == null)) {
    throw invalidRule('BYDAY has an unknown weekday (use MO, TU, WE, TH, FR, SA, SU)');
  }
  let first: Date | null = null;
  try {
    // Expanding once surfaces what parsing lets through (e.g. malformed BY* values). The search
    // is bounded: a rule that never occurs (30 February) would otherwise scan to the year 9999.
    new RRule({ ...options, dtstart: utcMidnight('2000-01-01') }).between(
      utcMidnight('2000-01-01'),
      utcMidnight(addDays('2000-01-01', HORIZON_DAYS)),
      true,
      (date) => {
        first = date;
        return false;
      },
    );
  } catch (err) {
    throw invalidRule(err instanceof Error ? err.message : String(err));
  }
  if (!first) throw invalidRule('The rule gives no date within five years');
  return RRule.optionsToString(options).replace(/^RRULE:/, '');
}

function ruleOf(s: Schedule & { rrule: string }): RRule {
  return new RRule({ ...RRule.parseString(s.rrule), dtstart: utcMidnight(s.startsOn) });
}

/** Due days in [from, to] (inclusive), earliest first. */
export function dueDays(s: Schedule, from: string, to: string): string[] {
  const start = from < s.startsOn ? s.startsOn : from;
  if (start > to) return [];
  if (s.rrule) {
    const end = new Date(utcMidnight(to).getTime() + 86_400_000 - 1);
    const days = ruleOf({ ...s, rrule: s.rrule })
      .between(utcMidnight(start), end, true)
      .map(dateOf);
    return [...new Set(days)];
  }
  const every = s.intervalDays ?? 0;
  if (every < 1) return [];
  const days: string[] = [];
  const offset = daysBetween(s.startsOn, start);
  for (let k = Math.ceil(offset / every); ; k += 1) {
    const day = addDays(s.startsOn, k * every);
    if (day > to) break;
    days.push(day);
  }
  return days;
}

/** The next `count` due days from `from` (inclusive). */
export function nextDueDays(s: Schedule, from: string, count: number): string[] {
  if (count < 1) return [];
  const start = from < s.startsOn ? s.startsOn : from;
  if (s.rrule) {
    const days = new Set<string>();
    ruleOf({ ...s, rrule: s.rrule }).between(
      utcMidnight(start),
      utcMidnight(addDays(start, HORIZON_DAYS)),
      true,
      (date) => {
        days.add(dateOf(date));
        return days.size < count;
      },
    );
    return [...days].slice(0, count);
  }
  const every = s.intervalDays ?? 0;
  if (every < 1) return [];
  const first = Math.ceil(daysBetween(s.startsOn, start) / every);
  return Array.from({ length: count }, (_, i) => addDays(s.startsOn, (first + i) * every));
}
