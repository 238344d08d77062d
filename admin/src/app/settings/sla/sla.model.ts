import type {
  BusinessHoursRangeInput,
  CreateSlaPolicyInput,
  SlaPolicyFieldsFragment,
  UpdateSlaPolicyInput,
  WorkOrderPriority,
} from '../../generated/graphql';
import { clockOf, clockRange, fromTimeInput } from '../../shared/time-of-day';
import { weekdayName, WEEKDAYS } from '../../shared/weekdays';
import { joinMinutes, splitMinutes } from '../duration.model';

export const PRIORITIES: readonly WorkOrderPriority[] = ['EMERGENCY', 'HIGH', 'NORMAL', 'LOW'];

/** The server's limits, mirrored so the form says so before saving. */
export const TARGET_MAX_MINUTES = 525_600;

const SHORT = new Map<number, string>(WEEKDAYS.map((w) => [w.iso, w.short]));

/** One business-hours range of the editor; a weekday may have several (e.g. a lunch break). */
export interface HoursRow {
  day: number;
  enabled: boolean;
  /** "HH:mm" */
  start: string;
  /** "HH:mm"; "00:00" ends at midnight. */
  end: string;
}

interface Range {
  day: number;
  start: number;
  end: number;
}

/** The week a new calendar starts from: Monday to Friday, 08:00–18:00. */
export function defaultHoursRows(): HoursRow[] {
  return WEEKDAYS.map(({ iso: day }) => ({ day, enabled: day <= 5, start: '08:00', end: '18:00' }));
}

/**
 * Stored ranges → editor rows: every weekday once at least (days without hours unticked), a day
 * with several ranges as several rows. Around the clock (null) gives the default week.
 */
export function rowsOfHours(ranges: readonly Range[] | null | undefined): HoursRow[] {
  if (!ranges) return defaultHoursRows();
  return WEEKDAYS.flatMap(({ iso: day }): HoursRow[] => {
    const own = ranges.filter((r) => r.day === day).sort((a, b) => a.start - b.start);
    if (own.length === 0) return [{ day, enabled: false, start: '08:00', end: '18:00' }];
    return own.map((r) => ({
      day,
      enabled: true,
      start: clockOf(r.start),
      end: clockOf(r.end % 1440),
    }));
  });
}

/** Editor rows → ranges the server takes (ticked rows only, by day and start). */
export function hoursOfRows(rows: readonly HoursRow[]): BusinessHoursRangeInput[] {
  return rows
    .filter((r) => r.enabled)
    .map((r) => ({
      day: r.day,
      start: fromTimeInput(r.start) ?? 0,
      end: fromTimeInput(r.end, true) ?? 0,
    }))
    .sort((a, b) => a.day - b.day || a.start - b.start);
}

/** What is wrong with one row, or null. */
export function rowProblem(row: HoursRow): string | null {
  if (!row.enabled) return null;
  const start = fromTimeInput(row.start);
  const end = fromTimeInput(row.end, true);
  if (start === null || end === null) return 'Give a start and an end';
  return start < end ? null : 'Ends before it starts';
}

/** What is wrong with the week as a whole (no day, overlapping ranges), or null. */
export function hoursProblem(rows: readonly HoursRow[]): string | null {
  if (rows.some((r) => rowProblem(r))) return null;
  const ranges = hoursOfRows(rows);
  if (ranges.length === 0) return 'Tick at least one day, or run the clock 24/7';
  for (let i = 1; i < ranges.length; i++) {
    const prev = ranges[i - 1]!;
    const cur = ranges[i]!;
    if (cur.day === prev.day && cur.start < prev.end) {
      return `The hours on ${weekdayName(cur.day)} overlap`;
    }
  }
  return null;
}

/** "Mon–Fri 08:00–18:00, Sat 09:00–13:00 America/Chicago", or "24/7". */
export function calendarSummary(
  policy: Pick<SlaPolicyFieldsFragment, 'businessHours' | 'timezone'>,
): string {
  const ranges = policy.businessHours;
  if (!ranges) return '24/7';
  if (ranges.length === 0) return `No business hours ${policy.timezone}`;
  const signature = (day: number) =>
    ranges
      .filter((r) => r.day === day)
      .sort((a, b) => a.start - b.start)
      .map((r) => clockRange(r.start, r.end))
      .join(', ');
  const groups: { from: number; to: number; hours: string }[] = [];
  for (const { iso: day } of WEEKDAYS) {
    const hours = signature(day);
    if (!hours) continue;
    const last = groups.at(-1);
    if (last && last.to === day - 1 && last.hours === hours) last.to = day;
    else groups.push({ from: day, to: day, hours });
  }
  const days = (g: { from: number; to: number }) =>
    g.from === g.to
      ? SHORT.get(g.from)
      : g.to === g.from + 1
        ? `${SHORT.get(g.from)}, ${SHORT.get(g.to)}`
        : `${SHORT.get(g.from)}–${SHORT.get(g.to)}`;
  return `${groups.map((g) => `${days(g)} ${g.hours}`).join('; ')} ${policy.timezone}`;
}

/**
 * How specific a policy is: the most specific active one applies to a work order
 * (type + priority beats type beats priority beats catch-all).
 */
export function scopeOf(policy: {
  serviceTypeId?: string | null;
  priority?: WorkOrderPriority | null;
}): { rank: 1 | 2 | 3 | 4; label: string } {
  if (policy.serviceTypeId && policy.priority) return { rank: 1, label: 'Type + priority' };
  if (policy.serviceTypeId) return { rank: 2, label: 'Type' };
  if (policy.priority) return { rank: 3, label: 'Priority' };
  return { rank: 4, label: 'Catch-all' };
}

/** Every IANA zone the browser knows, with the ones given (e.g. the stored one) kept. */
export function timeZones(keep: readonly (string | null | undefined)[] = []): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  const extra = keep.filter((z): z is string => !!z);
  return [...new Set([...zones, 'UTC', ...extra])].sort();
}

export interface SlaFormValue {
  name: string;
  /** '' for any service type. */
  serviceTypeId: string;
  /** '' for any priority. */
  priority: WorkOrderPriority | '';
  response: { hours: number | null; minutes: number | null };
  resolution: { hours: number | null; minutes: number | null };
  allDay: boolean;
  hours: HoursRow[];
  timezone: string;
  holidays: string[];
  /** Share of the resolution time, in per cent (1–99). */
  warnAtPercent: number | null;
  active: boolean;
}

/** A policy (or a new one, in the organization's zone) → what the form holds. */
export function slaFormValueOf(policy: SlaPolicyFieldsFragment | null, zone: string): SlaFormValue {
  return {
    name: policy?.name ?? '',
    serviceTypeId: policy?.serviceTypeId ?? '',
    priority: policy?.priority ?? '',
    response: policy ? splitMinutes(policy.responseMinutes) : { hours: 1, minutes: 0 },
    resolution: policy ? splitMinutes(policy.resolutionMinutes) : { hours: 8, minutes: 0 },
    allDay: policy ? !policy.businessHours : false,
    hours: rowsOfHours(policy?.businessHours),
    timezone: policy?.timezone ?? zone,
    holidays: [...(policy?.holidays ?? [])].sort(),
    warnAtPercent: policy ? Math.round(policy.warnAt * 100) : 80,
    active: policy?.active ?? true,
  };
}

/** The form → the whole policy (create and update send every field, so edits replace). */
export function slaInputOf(v: SlaFormValue): CreateSlaPolicyInput & UpdateSlaPolicyInput {
  return {
    name: v.name.trim().replace(/\s+/g, ' '),
    serviceTypeId: v.serviceTypeId || null,
    priority: v.priority || null,
    responseMinutes: joinMinutes(v.response.hours, v.response.minutes) ?? 0,
    resolutionMinutes: joinMinutes(v.resolution.hours, v.resolution.minutes) ?? 0,
    businessHours: v.allDay ? null : hoursOfRows(v.hours),
    timezone: v.timezone.trim(),
    holidays: [...new Set(v.holidays.filter(Boolean))].sort(),
    warnAt: (v.warnAtPercent ?? 80) / 100,
    active: v.active,
  };
}

/** Where the server's `field` of a refused save belongs in the form. */
export function slaControlOf(field: string): string | null {
  const head = field.replace(/^input\./, '').split('.')[0] ?? '';
  const map: Record<string, string> = {
    name: 'name',
    serviceTypeId: 'serviceTypeId',
    priority: 'priority',
    responseMinutes: 'response',
    resolutionMinutes: 'resolution',
    businessHours: 'hours',
    timezone: 'timezone',
    holidays: 'holidays',
    warnAt: 'warnAtPercent',
  };
  return map[head] ?? null;
}
