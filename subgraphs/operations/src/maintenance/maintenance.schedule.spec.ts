import { dueDays, nextDueDays, normalizeRule } from './maintenance.schedule';

describe('maintenance schedules', () => {
  const every = (intervalDays: number, startsOn: string) => ({
    intervalDays,
    rrule: null,
    startsOn,
  });
  const rule = (rrule: string, startsOn: string) => ({ intervalDays: null, rrule, startsOn });

  it('should list every Nth day from the start when a plan repeats by days', () => {
    expect(dueDays(every(3, '2025-01-01'), '2025-01-05', '2025-01-14')).toEqual([
      '2025-01-07',
      '2025-01-10',
      '2025-01-13',
    ]);
  });

  it('should list nothing before the first day when the plan starts later', () => {
    expect(dueDays(every(1, '2025-02-01'), '2025-01-25', '2025-02-02')).toEqual([
      '2025-02-01',
      '2025-02-02',
    ]);
    expect(dueDays(every(1, '2025-03-01'), '2025-01-25', '2025-02-02')).toEqual([]);
  });

  it('should keep every day when a daily plan crosses a DST change', () => {
    // Europe moves its clocks on 2025-03-30 and 2025-10-26; dates do not move.
    expect(dueDays(every(1, '2025-03-28'), '2025-03-29', '2025-03-31')).toEqual([
      '2025-03-29',
      '2025-03-30',
      '2025-03-31',
    ]);
    expect(dueDays(rule('FREQ=WEEKLY;BYDAY=SU', '2025-10-01'), '2025-10-20', '2025-11-03')).toEqual(
      ['2025-10-26', '2025-11-02'],
    );
  });

  it('should follow a monthly calendar rule', () => {
    expect(nextDueDays(rule('FREQ=MONTHLY;BYMONTHDAY=31', '2025-01-01'), '2025-01-15', 4)).toEqual([
      '2025-01-31',
      '2025-03-31',
      '2025-05-31',
      '2025-07-31',
    ]);
    expect(
      nextDueDays(rule('FREQ=MONTHLY;BYMONTHDAY=1;COUNT=2', '2025-01-01'), '2025-01-01', 5),
    ).toEqual(['2025-01-01', '2025-02-01']);
  });

  it('should give the next due days of an interval plan', () => {
    expect(nextDueDays(every(14, '2025-01-06'), '2025-01-07', 3)).toEqual([
      '2025-01-20',
      '2025-02-03',
      '2025-02-17',
    ]);
  });

  it('should look five years ahead at most when listing the next due days', () => {
    const leap = {
      startsOn: '2025-01-01',
      intervalDays: null,
      rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29',
    };
    // 29 February 2032 is beyond the horizon: the search stops there instead of at year 9999.
    expect(nextDueDays(leap, '2025-01-01', 2)).toEqual(['2028-02-29']);
  });

  it('should normalize a valid rule and drop an RRULE: prefix', () => {
    expect(normalizeRule(' RRULE:freq=weekly;byday=mo,th ')).toBe('FREQ=WEEKLY;BYDAY=MO,TH');
  });

  it.each([
    ['FREQ=WEEKLY;BYDAY=XX', /unknown weekday/],
    ['garbage', /Unknown RRULE property 'garbage'/i],
    ['BYDAY=MO', /FREQ is missing/],
    ['FREQ=HOURLY', /daily, weekly, monthly or yearly/],
    ['FREQ=DAILY;INTERVAL=0', /INTERVAL must be/],
    ['DTSTART:20250101T000000Z\nRRULE:FREQ=DAILY', /startsOn, not DTSTART/],
    ['FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', /no date within five years/],
  ])('should refuse %j with the reason', (text, reason) => {
    expect(() => normalizeRule(text)).toThrow(reason);
  });
});
