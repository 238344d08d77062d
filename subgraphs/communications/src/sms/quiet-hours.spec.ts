import { isValidTimeZone, quietHoursRelease } from './quiet-hours';

const NIGHT = { start: 21 * 60, end: 8 * 60 };

describe('quietHoursRelease', () => {
  it('should keep the time when outside quiet hours', () => {
    const now = new Date('2026-06-01T12:00:00Z');
    expect(quietHoursRelease(now, { ...NIGHT, timeZone: 'UTC' })).toEqual(now);
  });

  it('should keep the time when there are no quiet hours', () => {
    const now = new Date('2026-06-01T23:00:00Z');
    expect(quietHoursRelease(now, null)).toEqual(now);
  });

  it('should defer to the end of the window when it wraps past midnight', () => {
    // 23:30 in New York (EDT, UTC-4) → 08:00 the next morning local = 12:00Z.
    const now = new Date('2026-06-02T03:30:00Z');
    expect(quietHoursRelease(now, { ...NIGHT, timeZone: 'America/New_York' }).toISOString()).toBe(
      '2026-06-02T12:00:00.000Z',
    );
  });

  it('should answer differently for the same instant in two time zones', () => {
    // 03:30Z is 05:30 in Berlin (quiet) and 20:30 in Los Angeles (not quiet).
    const now = new Date('2026-06-02T03:30:00Z');
    expect(quietHoursRelease(now, { ...NIGHT, timeZone: 'Europe/Berlin' }).toISOString()).toBe(
      '2026-06-02T06:00:00.000Z',
    );
    expect(quietHoursRelease(now, { ...NIGHT, timeZone: 'America/Los_Angeles' })).toEqual(now);
  });

  it('should handle a window within one day', () => {
    const quiet = { start: 12 * 60, end: 14 * 60, timeZone: 'UTC' };
    expect(quietHoursRelease(new Date('2026-06-01T13:15:30Z'), quiet).toISOString()).toBe(
      '2026-06-01T14:00:00.000Z',
    );
    expect(quietHoursRelease(new Date('2026-06-01T14:00:00Z'), quiet).toISOString()).toBe(
      '2026-06-01T14:00:00.000Z',
    );
  });

  it('should follow a daylight-saving change inside the wait', () => {
    // Europe/Berlin springs forward on 2026-03-29 at 02:00: 08:00 local is 06:00Z that day.
    const now = new Date('2026-03-28T23:00:00Z'); // 00:00 local
    expect(quietHoursRelease(now, { ...NIGHT, timeZone: 'Europe/Berlin' }).toISOString()).toBe(
      '2026-03-29T06:00:00.000Z',
    );
  });

  it('should recognise valid and invalid time zones', () => {
    expect(isValidTimeZone('Europe/Prague')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
