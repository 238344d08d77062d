import { DateTime } from 'luxon';
import { addBusinessMinutes, businessMinutesBetween, type BusinessCalendar } from './sla.engine';

const PRAGUE = 'Europe/Prague';
const NEW_YORK = 'America/New_York';

/** An instant given as local wall-clock time in `zone` (e.g. '2026-03-02T10:00'). */
const local = (iso: string, zone = PRAGUE): Date => {
  const dt = DateTime.fromISO(iso, { zone });
  if (!dt.isValid) throw new Error(`bad test time ${iso}`);
  return dt.toJSDate();
};
const inZone = (d: Date, zone = PRAGUE) =>
  DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");

const calendar = (
  days: number[],
  ranges: [number, number][],
  timezone = PRAGUE,
  holidays: string[] = [],
): BusinessCalendar => ({
  businessHours: days.flatMap((day) => ranges.map(([start, end]) => ({ day, start, end }))),
  timezone,
  holidays,
});
const WEEKDAYS = [1, 2, 3, 4, 5];
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const NINE_TO_FIVE: [number, number][] = [[540, 1020]];
const office = (timezone = PRAGUE, holidays: string[] = []) =>
  calendar(WEEKDAYS, NINE_TO_FIVE, timezone, holidays);
const aroundTheClock = (timezone = PRAGUE): BusinessCalendar => ({
  businessHours: null,
  timezone,
  holidays: [],
});

describe('SLA engine: business hours', () => {
  it('should add minutes within one business day when they fit before closing', () => {
    const due = addBusinessMinutes(local('2026-03-02T10:00'), 120, office());
    expect(inZone(due)).toBe('2026-03-02T12:00');
  });

  it('should carry the remainder into the next business day when the day closes', () => {
    const due = addBusinessMinutes(local('2026-03-02T16:00'), 120, office());
    expect(inZone(due)).toBe('2026-03-03T10:00');
  });

  it('should skip the weekend when a deadline would fall on Saturday', () => {
    const due = addBusinessMinutes(local('2026-03-06T16:00'), 120, office());
    expect(inZone(due)).toBe('2026-03-09T10:00');
    expect(
      businessMinutesBetween(local('2026-03-06T16:00'), local('2026-03-09T10:00'), office()),
    ).toBe(120);
  });

  it('should start the clock at opening time when an order arrives before business hours', () => {
    expect(inZone(addBusinessMinutes(local('2026-03-02T07:00'), 60, office()))).toBe(
      '2026-03-02T10:00',
    );
    expect(inZone(addBusinessMinutes(local('2026-03-07T12:00'), 60, office()))).toBe(
      '2026-03-09T10:00',
    );
  });

  it('should end at closing time, not the next opening, when the minutes end exactly at closing', () => {
    expect(inZone(addBusinessMinutes(local('2026-03-02T09:00'), 480, office()))).toBe(
      '2026-03-02T17:00',
    );
  });

  it('should skip holidays when they fall on business days', () => {
    const cal = office(PRAGUE, ['2026-03-09', '2026-03-10']);
    expect(inZone(addBusinessMinutes(local('2026-03-06T16:00'), 120, cal))).toBe(
      '2026-03-11T10:00',
    );
    expect(businessMinutesBetween(local('2026-03-09T00:00'), local('2026-03-11T00:00'), cal)).toBe(
      0,
    );
  });

  it('should honour a lunch break when a day has two ranges', () => {
    const cal = calendar(WEEKDAYS, [
      [780, 1020],
      [540, 720],
    ]);
    expect(inZone(addBusinessMinutes(local('2026-03-02T11:00'), 120, cal))).toBe(
      '2026-03-02T14:00',
    );
    expect(businessMinutesBetween(local('2026-03-02T00:00'), local('2026-03-03T00:00'), cal)).toBe(
      420,
    );
  });

  it('should count whole weeks as five business days when hours run Monday to Friday', () => {
    const minutes = businessMinutesBetween(
      local('2026-03-02T00:00'),
      local('2026-03-16T00:00'),
      office(),
    );
    expect(minutes).toBe(2 * 5 * 480);
  });

  it('should return negative minutes when the end lies before the start', () => {
    const a = local('2026-03-02T10:00');
    const b = local('2026-03-03T11:30');
    expect(businessMinutesBetween(a, b, office())).toBe(570);
    expect(businessMinutesBetween(b, a, office())).toBe(-570);
  });

  it('should return the start when no minutes are added and refuse negative minutes', () => {
    const start = local('2026-03-07T12:00');
    expect(addBusinessMinutes(start, 0, office()).getTime()).toBe(start.getTime());
    expect(() => addBusinessMinutes(start, -1, office())).toThrow(RangeError);
  });

  it('should refuse a calendar without any business hours when minutes are added', () => {
    const empty: BusinessCalendar = { businessHours: [], timezone: PRAGUE, holidays: [] };
    expect(() => addBusinessMinutes(new Date(), 10, empty)).toThrow(/no business hours/);
  });
});

describe('SLA engine: time zones', () => {
  it('should read business hours in the calendar zone when the same instant is given', () => {
    const instant = new Date('2026-03-02T00:30:00Z'); // 09:30 in Tokyo, 01:30 in Prague
    const tokyo = addBusinessMinutes(instant, 60, office('Asia/Tokyo'));
    const prague = addBusinessMinutes(instant, 60, office(PRAGUE));
    expect(tokyo.toISOString()).toBe('2026-03-02T01:30:00.000Z');
    expect(prague.toISOString()).toBe('2026-03-02T09:00:00.000Z');
  });

  it('should apply holidays as local dates of the calendar zone', () => {
    // 2026-03-02T23:30Z is already Tuesday 08:30 in Tokyo; Tuesday is the holiday there.
    const cal = office('Asia/Tokyo', ['2026-03-03']);
    const due = addBusinessMinutes(new Date('2026-03-02T23:30:00Z'), 60, cal);
    expect(inZone(due, 'Asia/Tokyo')).toBe('2026-03-04T10:00');
  });
});

describe('SLA engine: daylight saving time', () => {
  const daily = () => calendar(EVERY_DAY, NINE_TO_FIVE);

  it('should count 8 hours for a 09:00–17:00 day when Prague springs forward (2026-03-29)', () => {
    const day = businessMinutesBetween(
      local('2026-03-29T00:00'),
      local('2026-03-30T00:00'),
      daily(),
    );
    expect(day).toBe(480);
    const due = addBusinessMinutes(local('2026-03-28T16:00'), 120, daily());
    expect(inZone(due)).toBe('2026-03-29T10:00');
    expect(due.toISOString()).toBe('2026-03-29T08:00:00.000Z'); // CEST, UTC+2
  });

  it('should count 8 hours for a 09:00–17:00 day when Prague falls back (2026-10-25)', () => {
    const day = businessMinutesBetween(
      local('2026-10-25T00:00'),
      local('2026-10-26T00:00'),
      daily(),
    );
    expect(day).toBe(480);
    const due = addBusinessMinutes(local('2026-10-24T16:00'), 120, daily());
    expect(inZone(due)).toBe('2026-10-25T10:00');
    expect(due.toISOString()).toBe('2026-10-25T09:00:00.000Z'); // CET, UTC+1
  });

  it('should count real elapsed time for ranges that span the clock change', () => {
    const night = calendar(EVERY_DAY, [[0, 360]]);
    // 00:00–06:00 local lasts 5 hours on the spring-forward night and 7 on the fall-back night.
    expect(
      businessMinutesBetween(local('2026-03-29T00:00'), local('2026-03-30T00:00'), night),
    ).toBe(300);
    expect(
      businessMinutesBetween(local('2026-10-25T00:00'), local('2026-10-26T00:00'), night),
    ).toBe(420);
  });

  it('should begin a range at the first valid instant when its start falls in the spring-forward gap', () => {
    const gap = calendar(EVERY_DAY, [[150, 240]]); // 02:30–04:00; 02:00–03:00 does not exist
    expect(businessMinutesBetween(local('2026-03-29T00:00'), local('2026-03-30T00:00'), gap)).toBe(
      30,
    );
  });

  it('should count 23 and 25 hour days when the clock runs 24/7 across both changes', () => {
    const cal = aroundTheClock();
    expect(businessMinutesBetween(local('2026-03-29T00:00'), local('2026-03-30T00:00'), cal)).toBe(
      23 * 60,
    );
    expect(businessMinutesBetween(local('2026-10-25T00:00'), local('2026-10-26T00:00'), cal)).toBe(
      25 * 60,
    );
    // A day of real time after noon on Saturday is 13:00 on Sunday's wall clock in spring.
    expect(inZone(addBusinessMinutes(local('2026-03-28T12:00'), 1440, cal))).toBe(
      '2026-03-29T13:00',
    );
    expect(inZone(addBusinessMinutes(local('2026-10-24T12:00'), 1440, cal))).toBe(
      '2026-10-25T11:00',
    );
  });

  it('should ignore holidays when the clock runs 24/7', () => {
    const cal: BusinessCalendar = {
      businessHours: null,
      timezone: PRAGUE,
      holidays: ['2026-03-02'],
    };
    expect(businessMinutesBetween(local('2026-03-02T00:00'), local('2026-03-03T00:00'), cal)).toBe(
      1440,
    );
  });

  it('should keep New York office hours on the wall clock across its 2026 changes', () => {
    const ny = office(NEW_YORK);
    // Spring forward on Sunday 2026-03-08: Friday 16:00 EST + 2 h → Monday 10:00 EDT.
    const spring = addBusinessMinutes(local('2026-03-06T16:00', NEW_YORK), 120, ny);
    expect(spring.toISOString()).toBe('2026-03-09T14:00:00.000Z');
    // Fall back on Sunday 2026-11-01: Friday 16:00 EDT → Monday 10:00 EST is 2 business hours.
    expect(
      businessMinutesBetween(
        local('2026-10-30T16:00', NEW_YORK),
        local('2026-11-02T10:00', NEW_YORK),
        ny,
      ),
    ).toBe(120);
    const daily = calendar(EVERY_DAY, NINE_TO_FIVE, NEW_YORK);
    expect(
      businessMinutesBetween(
        local('2026-03-08T00:00', NEW_YORK),
        local('2026-03-09T00:00', NEW_YORK),
        daily,
      ),
    ).toBe(480);
    expect(
      businessMinutesBetween(
        local('2026-11-01T00:00', NEW_YORK),
        local('2026-11-02T00:00', NEW_YORK),
        aroundTheClock(NEW_YORK),
      ),
    ).toBe(25 * 60);
  });
});
