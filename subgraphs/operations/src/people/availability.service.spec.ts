import { DateTime } from 'luxon';
import {
  isWithinWindows,
  shiftWindows,
  subtractIntervals,
  zoneOrUtc,
  type TimeWindow,
} from './availability.service';
import { certificationFlags } from './calendar.service';

const at = (iso: string) => new Date(iso);
const local = (iso: string, zone = 'Europe/Prague') => DateTime.fromISO(iso, { zone }).toJSDate();
const iso = (windows: TimeWindow[]) =>
  windows.map((w) => [w.start.toISOString(), w.end.toISOString()]);
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

describe('shiftWindows', () => {
  it('should keep 08:00–17:00 local on both sides of the autumn DST change', () => {
    const windows = shiftWindows(
      { shiftStartMin: 480, shiftEndMin: 1020, workDays: EVERY_DAY },
      'Europe/Prague',
      local('2026-10-24T00:00'),
      local('2026-10-26T00:00'),
    );
    expect(iso(windows)).toEqual([
      ['2026-10-24T06:00:00.000Z', '2026-10-24T15:00:00.000Z'],
      ['2026-10-25T07:00:00.000Z', '2026-10-25T16:00:00.000Z'],
    ]);
  });

  it('should make a night shift one hour longer on the day clocks go back', () => {
    // 00:00–06:00 local on 2026-10-25 spans 02:00–03:00 twice.
    const [window] = shiftWindows(
      { shiftStartMin: 0, shiftEndMin: 360, workDays: [7] },
      'Europe/Prague',
      local('2026-10-25T00:00'),
      local('2026-10-26T00:00'),
    );
    expect((window!.end.getTime() - window!.start.getTime()) / 3_600_000).toBe(7);
  });

  it('should make a night shift one hour shorter on the day clocks go forward', () => {
    const [window] = shiftWindows(
      { shiftStartMin: 60, shiftEndMin: 240, workDays: [7] },
      'Europe/Prague',
      local('2026-03-29T00:00'),
      local('2026-03-30T00:00'),
    );
    expect(iso([window!])).toEqual([['2026-03-29T00:00:00.000Z', '2026-03-29T02:00:00.000Z']]);
  });

  it('should end a shift at 1440 at the next local midnight', () => {
    const windows = shiftWindows(
      { shiftStartMin: 1320, shiftEndMin: 1440, workDays: [1] },
      'America/New_York',
      at('2026-01-05T00:00:00Z'),
      at('2026-01-07T00:00:00Z'),
    );
    expect(iso(windows)).toEqual([['2026-01-06T03:00:00.000Z', '2026-01-06T05:00:00.000Z']]);
  });

  it('should skip days that are not work days and clip to the range', () => {
    const windows = shiftWindows(
      { shiftStartMin: 480, shiftEndMin: 1020, workDays: [1, 2, 3, 4, 5] },
      'UTC',
      at('2026-10-23T10:00:00Z'), // Friday, mid-shift
      at('2026-10-26T09:00:00Z'), // Monday, mid-shift
    );
    expect(iso(windows)).toEqual([
      ['2026-10-23T10:00:00.000Z', '2026-10-23T17:00:00.000Z'],
      ['2026-10-26T08:00:00.000Z', '2026-10-26T09:00:00.000Z'],
    ]);
  });

  it('should give nothing when the range is empty or reversed', () => {
    const shift = { shiftStartMin: 480, shiftEndMin: 1020, workDays: EVERY_DAY };
    expect(shiftWindows(shift, 'UTC', at('2026-10-23T10:00Z'), at('2026-10-23T10:00Z'))).toEqual(
      [],
    );
    expect(shiftWindows(shift, 'UTC', at('2026-10-24T10:00Z'), at('2026-10-23T10:00Z'))).toEqual(
      [],
    );
  });
});

describe('subtractIntervals and isWithinWindows', () => {
  const day: TimeWindow = { start: at('2026-10-21T08:00:00Z'), end: at('2026-10-21T17:00:00Z') };

  it('should split a window around a cut inside it', () => {
    const rest = subtractIntervals(
      [day],
      [{ start: at('2026-10-21T12:00:00Z'), end: at('2026-10-21T13:00:00Z') }],
    );
    expect(iso(rest)).toEqual([
      ['2026-10-21T08:00:00.000Z', '2026-10-21T12:00:00.000Z'],
      ['2026-10-21T13:00:00.000Z', '2026-10-21T17:00:00.000Z'],
    ]);
  });

  it('should trim or remove windows that cuts cover at the edges or fully', () => {
    const cuts = [
      { start: at('2026-10-21T06:00:00Z'), end: at('2026-10-21T09:00:00Z') },
      { start: at('2026-10-21T16:00:00Z'), end: at('2026-10-22T00:00:00Z') },
    ];
    expect(iso(subtractIntervals([day], cuts))).toEqual([
      ['2026-10-21T09:00:00.000Z', '2026-10-21T16:00:00.000Z'],
    ]);
    expect(
      subtractIntervals([day], [{ start: at('2026-10-21T00:00Z'), end: at('2026-10-22T00:00Z') }]),
    ).toEqual([]);
  });

  it('should say a job fits only when one window holds all of it', () => {
    const windows = subtractIntervals(
      [day],
      [{ start: at('2026-10-21T12:00:00Z'), end: at('2026-10-21T13:00:00Z') }],
    );
    expect(isWithinWindows(windows, at('2026-10-21T08:00Z'), at('2026-10-21T12:00Z'))).toBe(true);
    expect(isWithinWindows(windows, at('2026-10-21T11:00Z'), at('2026-10-21T14:00Z'))).toBe(false);
    expect(isWithinWindows(windows, at('2026-10-21T16:30Z'), at('2026-10-21T17:30Z'))).toBe(false);
    expect(isWithinWindows([], at('2026-10-21T09:00Z'), at('2026-10-21T10:00Z'))).toBe(false);
  });
});

describe('zoneOrUtc', () => {
  it('should fall back to UTC when the stored zone is unknown', () => {
    expect(zoneOrUtc('Europe/Prague')).toBe('Europe/Prague');
    expect(zoneOrUtc('Mars/Olympus')).toBe('UTC');
    expect(zoneOrUtc(null)).toBe('UTC');
  });
});

describe('certificationFlags', () => {
  it('should treat the expiry day as the last valid day and warn within 30 days', () => {
    expect(certificationFlags('2026-05-01', '2026-05-01')).toEqual({
      expired: false,
      expiresSoon: true,
    });
    expect(certificationFlags('2026-04-30', '2026-05-01')).toEqual({
      expired: true,
      expiresSoon: false,
    });
    expect(certificationFlags('2026-05-31', '2026-05-01').expiresSoon).toBe(true);
    expect(certificationFlags('2026-06-01', '2026-05-01').expiresSoon).toBe(false);
    expect(certificationFlags(null, '2026-05-01')).toEqual({ expired: false, expiresSoon: false });
  });
});
