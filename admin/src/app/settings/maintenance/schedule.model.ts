import { RRule } from 'rrule';

/*
 * A plan repeats every N days or on an RFC 5545 calendar rule. The builder covers the common
 * rules (monthly on a day, weekly on weekdays, yearly on a date); anything else is kept as the
 * raw rule, so loading an unusual rule never rewrites it.
 */

export type RuleKind = 'MONTHLY' | 'WEEKLY' | 'YEARLY' | 'CUSTOM';
export type WeekdayCode = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';

export const WEEKDAY_CODES: readonly { code: WeekdayCode; short: string }[] = [
  { code: 'MO', short: 'Mon' },
  { code: 'TU', short: 'Tue' },
  { code: 'WE', short: 'Wed' },
  { code: 'TH', short: 'Thu' },
  { code: 'FR', short: 'Fri' },
  { code: 'SA', short: 'Sat' },
  { code: 'SU', short: 'Sun' },
];

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export interface RuleBuilder {
  kind: RuleKind;
  /** Every N months / weeks / years. */
  interval: number;
  /** 1–31, for monthly and yearly rules. */
  monthDay: number;
  weekdays: WeekdayCode[];
  /** 1–12, for yearly rules. */
  month: number;
  /** The rule itself, for anything the builder does not cover. */
  raw: string;
}

export function defaultRuleBuilder(): RuleBuilder {
  return { kind: 'MONTHLY', interval: 1, monthDay: 1, weekdays: ['MO'], month: 1, raw: '' };
}

/** "RRULE:freq=monthly" → "FREQ=MONTHLY" (the server reads names case-insensitively too). */
export function cleanRule(raw: string | null | undefined): string {
  return (raw ?? '')
    .trim()
    .toUpperCase()
    .replace(/^RRULE:/, '');
}

/** The builder → an RRULE string (without the "RRULE:" prefix). */
export function buildRule(b: RuleBuilder): string {
  const every = b.interval > 1 ? `;INTERVAL=${b.interval}` : '';
  switch (b.kind) {
    case 'MONTHLY':
      return `FREQ=MONTHLY${every};BYMONTHDAY=${b.monthDay}`;
    case 'WEEKLY': {
      const order = WEEKDAY_CODES.map((d) => d.code).filter((c) => b.weekdays.includes(c));
      return `FREQ=WEEKLY${every};BYDAY=${order.join(',')}`;
    }
    case 'YEARLY':
      return `FREQ=YEARLY${every};BYMONTH=${b.month};BYMONTHDAY=${b.monthDay}`;
    case 'CUSTOM':
      return cleanRule(b.raw);
  }
}

const int = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : null);

/** An RRULE → the builder: its shape when the builder covers it, else CUSTOM with the rule. */
export function parseRule(rrule: string | null | undefined): RuleBuilder {
  const text = cleanRule(rrule);
  const fallback: RuleBuilder = { ...defaultRuleBuilder(), kind: 'CUSTOM', raw: text };
  if (!text) return defaultRuleBuilder();
  const parts = new Map<string, string>();
  for (const pair of text.split(';')) {
    const [key, value, extra] = pair.split('=');
    if (!key || value === undefined || extra !== undefined || parts.has(key)) return fallback;
    parts.set(key, value);
  }
  const interval = parts.has('INTERVAL') ? int(parts.get('INTERVAL')) : 1;
  if (!interval) return fallback;
  const keys = [...parts.keys()].filter((k) => k !== 'INTERVAL' && k !== 'FREQ').sort();
  const monthDay = int(parts.get('BYMONTHDAY'));
  const base = { ...defaultRuleBuilder(), interval, raw: text };
  switch (parts.get('FREQ') ?? '') {
    case 'MONTHLY':
      if (keys.join() !== 'BYMONTHDAY' || !monthDay || monthDay > 31) return fallback;
      return { ...base, kind: 'MONTHLY', monthDay };
    case 'WEEKLY': {
      const codes = (parts.get('BYDAY') ?? '').split(',');
      const known = WEEKDAY_CODES.map((d) => d.code) as string[];
      if (keys.join() !== 'BYDAY' || !codes.every((c) => known.includes(c))) return fallback;
      return { ...base, kind: 'WEEKLY', weekdays: codes as WeekdayCode[] };
    }
    case 'YEARLY': {
      const month = int(parts.get('BYMONTH'));
      if (keys.join() !== 'BYMONTH,BYMONTHDAY' || !month || month > 12 || !monthDay)
        return fallback;
      if (monthDay > DAYS_IN_MONTH[month - 1]!) return fallback;
      return { ...base, kind: 'YEARLY', month, monthDay };
    }
    default:
      return fallback;
  }
}

/** What is wrong with the builder's rule, or null (the server's checks, in the same words). */
export function ruleProblem(b: RuleBuilder): string | null {
  if (!Number.isInteger(b.interval) || b.interval < 1) return 'Repeat every 1 or more';
  switch (b.kind) {
    case 'MONTHLY':
      return b.monthDay >= 1 && b.monthDay <= 31 ? null : 'Choose a day of the month, 1 to 31';
    case 'WEEKLY':
      return b.weekdays.length > 0 ? null : 'Choose at least one weekday';
    case 'YEARLY':
      return b.monthDay >= 1 && b.monthDay <= (DAYS_IN_MONTH[b.month - 1] ?? 0)
        ? null
        : `${MONTHS[b.month - 1] ?? 'That month'} has no day ${b.monthDay}`;
    case 'CUSTOM':
      return rawRuleProblem(b.raw);
  }
}

/** Checks a raw RRULE like the server does; null when it is fine. */
export function rawRuleProblem(raw: string): string | null {
  const text = cleanRule(raw);
  if (!text) return 'Give a calendar rule, e.g. FREQ=MONTHLY;BYMONTHDAY=1';
  if (text.length > 500) return 'A calendar rule has at most 500 characters';
  if (/[\r\n]|DTSTART/.test(text)) return 'Give the first day as "Starts on", not DTSTART';
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(text);
  } catch (err) {
    return `Not a valid rule: ${err instanceof Error ? err.message : String(err)}`;
  }
  if (options.freq === undefined) return 'FREQ is missing (e.g. FREQ=MONTHLY;BYMONTHDAY=1)';
  if (options.freq > RRule.DAILY) return 'Use a daily, weekly, monthly or yearly FREQ';
  try {
    new RRule({ ...options, dtstart: new Date(Date.UTC(2000, 0, 1)) }).after(
      new Date(Date.UTC(2000, 0, 1)),
      true,
    );
  } catch (err) {
    return `Not a valid rule: ${err instanceof Error ? err.message : String(err)}`;
  }
  return null;
}

/** "Every 30 days", or the calendar rule in words ("Every month on the 1st"). */
export function scheduleSummary(plan: {
  intervalDays?: number | null;
  rrule?: string | null;
}): string {
  if (plan.intervalDays != null) {
    return plan.intervalDays === 1 ? 'Every day' : `Every ${plan.intervalDays} days`;
  }
  if (!plan.rrule) return '—';
  try {
    const text = RRule.fromString(cleanRule(plan.rrule)).toText();
    return text.charAt(0).toUpperCase() + text.slice(1);
  } catch {
    return plan.rrule;
  }
}
