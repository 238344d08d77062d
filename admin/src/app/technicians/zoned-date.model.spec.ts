import {
  addDays,
  fromZonedInput,
  mondayOf,
  toZonedInput,
  zonedParts,
  zonedToUtc,
} from './zoned-date.model';

describe('organization-local dates', () => {
  const PRAGUE = 'Europe/Prague';

  it('should read an instant on the zone wall clock when the zone differs from UTC', () => {
    const p = zonedParts(new Date('2026-03-02T07:30:00Z'), PRAGUE);
    expect(p).toEqual({ year: 2026, month: 3, day: 2, hour: 8, minute: 30, weekday: 1 });
  });

  it('should find the instant of a local midnight when the zone is ahead of UTC', () => {
    expect(zonedToUtc({ year: 2026, month: 1, day: 5 }, PRAGUE).toISOString()).toBe(
      '2026-01-04T23:00:00.000Z',
    );
    expect(zonedToUtc({ year: 2026, month: 7, day: 6 }, PRAGUE).toISOString()).toBe(
      '2026-07-05T22:00:00.000Z',
    );
    expect(
      zonedToUtc({ year: 2026, month: 1, day: 5, hour: 9 }, 'America/New_York').toISOString(),
    ).toBe('2026-01-05T14:00:00.000Z');
  });

  it('should land after the jump when the wall time is skipped by DST', () => {
    // Prague skips 02:00–03:00 on 29 March 2026.
    expect(
      zonedToUtc({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, PRAGUE).toISOString(),
    ).toBe('2026-03-29T01:30:00.000Z');
  });

  it('should take the first occurrence when the wall time repeats as clocks go back', () => {
    // 02:30 happens twice on 25 October 2026 in Prague: at +02:00 first.
    expect(
      zonedToUtc({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, PRAGUE).toISOString(),
    ).toBe('2026-10-25T00:30:00.000Z');
  });

  it('should find the Monday of the local week when the instant is late on Sunday UTC', () => {
    // Sunday 23:30 UTC is already Monday in Prague.
    expect(mondayOf(new Date('2026-03-01T23:30:00Z'), PRAGUE)).toBe('2026-03-02');
    expect(mondayOf(new Date('2026-03-01T22:30:00Z'), PRAGUE)).toBe('2026-02-23');
  });

  it('should add calendar days across month ends when stepping weeks', () => {
    expect(addDays('2026-02-23', 7)).toBe('2026-03-02');
    expect(addDays('2026-03-02', -7)).toBe('2026-02-23');
  });

  it('should round-trip a datetime-local value in the zone when converting to ISO', () => {
    const iso = fromZonedInput('2026-05-04T09:15', PRAGUE);
    expect(iso).toBe('2026-05-04T07:15:00.000Z');
    expect(toZonedInput(iso, PRAGUE)).toBe('2026-05-04T09:15');
    expect(fromZonedInput('', PRAGUE)).toBeNull();
    expect(fromZonedInput('2026-02-30T10:00', PRAGUE)).toBeNull();
  });
});
