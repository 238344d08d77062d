import {
  addressLine,
  byRouteOrder,
  distanceKm,
  formatDistance,
  navigationUrl,
  timeWindow,
  todayRange,
} from './job-format';

describe('job formatting', () => {
  it('should span local midnight to the next local midnight', () => {
    const { from, to } = todayRange(new Date(2026, 2, 14, 15, 30));
    expect(new Date(from)).toEqual(new Date(2026, 2, 14));
    expect(new Date(to)).toEqual(new Date(2026, 2, 15));
  });

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
