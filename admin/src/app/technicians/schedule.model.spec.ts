import {
  addDays,
  formatDays,
  formatMinutes,
  fromTimeInput,
  fromZonedInput,
  mondayOf,
  normalizeDays,
  toggleDay,
  toTimeInput,
  toZonedInput,
  zonedParts,
  zonedToUtc,
} from './schedule.model';

describe('times of day', () => {
  it('should read HH:mm as minutes after midnight when the time is valid', () => {
    expect(fromTimeInput('08:30')).toBe(510);
    expect(fromTimeInput('00:00')).toBe(0);
    expect(fromTimeInput('23:59')).toBe(1439);
    expect(fromTimeInput('8:05')).toBe(485);
  });

  it('should read midnight as the end of the day when it is an end time', () => {
    expect(fromTimeInput('00:00', true)).toBe(1440);
    expect(fromTimeInput('24:00')).toBe(1440);
  });

  it('should refuse malformed times when they cannot be a time of day', () => {
    expect(fromTimeInput('')).toBeNull();
    expect(fromTimeInput('25:00')).toBeNull();
    expect(fromTimeInput('10:60')).toBeNull();
    expect(fromTimeInput('noon')).toBeNull();
  });

  it('should round-trip minutes through a time input when the end of day is 1440', () => {
    expect(toTimeInput(480)).toBe('08:00');
    expect(toTimeInput(1440)).toBe('00:00');
    expect(fromTimeInput(toTimeInput(1440), true)).toBe(1440);
    expect(toTimeInput(null)).toBe('');
  });

  it('should format 1440 as 24:00 when showing a range end', () => {
    expect(formatMinutes(1440)).toBe('24:00');
    expect(formatMinutes(75)).toBe('01:15');
  });
});

describe('weekdays', () => {
  it('should keep distinct days 1 to 7 in order when normalizing', () => {
    expect(normalizeDays([5, 1, 1, 9, 0, 3])).toEqual([1, 3, 5]);
  });

  it('should add or remove a day when toggled', () => {
    expect(toggleDay([1, 2], 3)).toEqual([1, 2, 3]);
    expect(toggleDay([1, 2, 3], 2)).toEqual([1, 3]);
  });

  it('should compress consecutive days into ranges when describing a week', () => {
    expect(formatDays([1, 2, 3, 4, 5])).toBe('Mon–Fri');
    expect(formatDays([1, 3, 5])).toBe('Mon, Wed, Fri');
    expect(formatDays([6, 7])).toBe('Sat, Sun');
    expect(formatDays([1, 2, 3, 4, 5, 6, 7])).toBe('Every day');
    expect(formatDays([1, 2, 3, 6])).toBe('Mon–Wed, Sat');
    expect(formatDays([])).toBe('No days');
  });
});

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
