import { DateTime } from 'luxon';
import { DispatchError, DispatchErrorCode } from './dispatch.errors';

/** A calendar day in the organization's zone; 23 or 25 hours long on DST change days. */
export interface LocalDay {
  day: string;
  zone: string;
  start: Date;
  end: Date;
}

/** Parses YYYY-MM-DD as a day in `zone`, refusing anything else. */
export function parseDay(day: string, zone: string): LocalDay {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(day) ? DateTime.fromISO(day, { zone }) : null;
  if (!parsed?.isValid) {
    throw new DispatchError(DispatchErrorCode.InvalidDay, 'Give the day as YYYY-MM-DD', {
      field: 'day',
    });
  }
  return bounds(parsed, zone);
}

/** The local day an instant falls on. */
export function dayOf(instant: Date, zone: string): LocalDay {
  return bounds(DateTime.fromJSDate(instant, { zone }), zone);
}

function bounds(dt: DateTime, zone: string): LocalDay {
  const start = dt.startOf('day');
  return {
    day: start.toISODate() ?? '',
    zone,
    start: start.toJSDate(),
    end: start.plus({ days: 1 }).toJSDate(),
  };
}

export const formatDay = (day: LocalDay) =>
  DateTime.fromJSDate(day.start, { zone: day.zone }).toFormat('ccc d LLL');

export const formatTime = (instant: Date, zone: string) =>
  DateTime.fromJSDate(instant, { zone }).toFormat('HH:mm');

/** "09:00–10:30", with the date in front when the range starts on another day than `day`. */
export function formatRange(start: Date, end: Date, day: LocalDay): string {
  const range = `${formatTime(start, day.zone)}–${formatTime(end, day.zone)}`;
  return start >= day.start && start < day.end
    ? range
    : `${DateTime.fromJSDate(start, { zone: day.zone }).toFormat('ccc d LLL')} ${range}`;
}
