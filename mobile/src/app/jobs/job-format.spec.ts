import {
  addressLine,
  byRouteOrder,
  distanceKm,
  formatDistance,
  groupByDay,
  navigationUrl,
  timeWindow,
} from './job-format';

describe('job formatting', () => {
  it('should put jobs in route order, unscheduled last', () => {
    const jobs = [
      { number: 3, scheduledStart: null },
      { number: 2, scheduledStart: '2026-03-14T11:00:00Z' },
      { number: 1, scheduledStart: '2026-03-14T09:00:00Z' },
      { number: 4, scheduledStart: '2026-03-14T09:00:00Z' },
    ];
    expect(byRouteOrder(jobs).map((j) => j.number)).toEqual([1, 4, 2, 3]);
  });

  it('should prefer the promised window over the scheduled slot', () => {
    const start = new Date(2026, 2, 14, 9, 0).toISOString();
    const end = new Date(2026, 2, 14, 11, 0).toISOString();
    const later = new Date(2026, 2, 14, 13, 0).toISOString();
    const window = timeWindow({
      windowStart: start,
      windowEnd: end,
      scheduledStart: later,
      scheduledEnd: null,
    });
    expect(window).toMatch(/^0?9.00.*–.*11.00/);
    expect(
      timeWindow({ windowStart: null, windowEnd: null, scheduledStart: null, scheduledEnd: null }),
    ).toBe('Any time');
  });

  it('should format addresses and directions', () => {
    expect(
      addressLine({ addressLine1: '12 Rose St', postalCode: '1012 AB', city: 'Amsterdam' }),
    ).toBe('12 Rose St, 1012 AB Amsterdam');
    expect(addressLine({ addressLine1: '1 Main St', postalCode: null, city: 'Springfield' })).toBe(
      '1 Main St, Springfield',
    );
    expect(navigationUrl(52.37, 4.89)).toBe(
      'https://www.google.com/maps/dir/?api=1&destination=52.37,4.89',
    );
  });

  it('should measure great-circle distances', () => {
    const amsterdam = { lat: 52.3676, lng: 4.9041 };
    const rotterdam = { lat: 51.9244, lng: 4.4777 };
    expect(distanceKm(amsterdam, rotterdam)).toBeCloseTo(57.1, 0);
    expect(formatDistance(0.4321)).toBe('432 m');
    expect(formatDistance(5.678)).toBe('5.7 km');
    expect(formatDistance(57.1)).toBe('57 km');
  });
});

describe('groupByDay', () => {
  const now = new Date(2026, 2, 14, 8, 0);
  const at = (day: number, hour: number) => new Date(2026, 2, day, hour, 0).toISOString();
  const job = (number: number, scheduledStart: string | null) => ({ number, scheduledStart });

  it('should split jobs into today, tomorrow and the day after, each in route order', () => {
    const groups = groupByDay(
      [job(3, at(15, 9)), job(1, at(14, 13)), job(2, at(14, 9)), job(4, at(16, 8)), job(5, null)],
      now,
    );
    expect(groups.map((g) => [g.key, g.jobs.map((j) => j.number)])).toEqual([
      ['today', [2, 1, 5]],
      ['tomorrow', [3]],
      ['later', [4]],
    ]);
  });

  it('should keep an empty today and leave out empty later days', () => {
    expect(groupByDay([job(1, at(16, 9))], now).map((g) => g.key)).toEqual(['today', 'later']);
  });
});
