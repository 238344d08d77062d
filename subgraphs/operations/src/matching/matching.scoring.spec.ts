import { DateTime } from 'luxon';
import { costScore, distanceScore, haversineKm, skillFit } from './matching.scoring';
import { describeSpan, notBefore, pickSlot, subtract, weeklySpans } from './matching.slots';

const ZONE = 'Europe/Berlin';
const local = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
const span = (from: string, to: string) => ({ start: local(from), end: local(to) });

describe('matching: time slots and scores', () => {
  it('should measure Berlin to Hamburg as about 255 km when using the haversine formula', () => {
    expect(haversineKm({ lat: 52.52, lng: 13.405 }, { lat: 53.55, lng: 9.99 })).toBeGreaterThan(
      250,
    );
    expect(haversineKm({ lat: 52.52, lng: 13.405 }, { lat: 53.55, lng: 9.99 })).toBeLessThan(260);
    expect(distanceScore(0)).toBe(1);
    expect(distanceScore(20)).toBe(0.5);
    expect(distanceScore(5)).toBeGreaterThan(distanceScore(30));
  });

  it('should lay weekly windows on wall-clock hours when a DST change falls in the range', () => {
    // 2026-03-29: clocks go forward in Berlin; a Sunday (weekday 7).
    const spans = weeklySpans(
      [{ weekday: 7, startMin: 60, endMin: 240 }],
      local('2026-03-28T00:00'),
      local('2026-03-30T00:00'),
      ZONE,
    );
    expect(spans).toEqual([span('2026-03-29T01:00', '2026-03-29T04:00')]);
    // 01:00 CET to 04:00 CEST is two real hours.
    expect(spans[0]!.end.getTime() - spans[0]!.start.getTime()).toBe(2 * 3_600_000);
  });

  it('should split free time around busy jobs and drop the past', () => {
    const free = subtract(
      [span('2026-05-04T08:00', '2026-05-04T17:00')],
      [span('2026-05-04T09:00', '2026-05-04T12:00')],
    );
    expect(free).toEqual([
      span('2026-05-04T08:00', '2026-05-04T09:00'),
      span('2026-05-04T12:00', '2026-05-04T17:00'),
    ]);
    expect(notBefore(free, local('2026-05-04T13:00'))).toEqual([
      span('2026-05-04T13:00', '2026-05-04T17:00'),
    ]);
  });

  it('should pick a start inside the customer window before any closer start outside it', () => {
    const free = [
      span('2026-05-04T07:00', '2026-05-04T09:30'),
      span('2026-05-04T12:00', '2026-05-04T17:00'),
    ];
    const choice = pickSlot(
      free,
      60,
      span('2026-05-04T10:00', '2026-05-04T16:00'),
      local('2026-05-04T00:00'),
      ZONE,
    );
    expect(choice).toMatchObject({
      start: local('2026-05-04T12:00'),
      inPreferred: true,
      dayOffset: 0,
    });
    const none = pickSlot(free, 600, null, local('2026-05-04T00:00'), ZONE);
    expect(none).toBeNull();
    const earliest = pickSlot(free, 60, null, local('2026-05-03T00:00'), ZONE);
    expect(earliest).toMatchObject({ start: local('2026-05-04T07:00'), dayOffset: 1 });
    expect(describeSpan(earliest!.span, earliest!.dayOffset, ZONE)).toBe('Mon 4 May 07:00–09:30');
  });

  it('should score skills per required skill and name the missing ones', () => {
    const required = [
      { skillId: 'a', minLevel: 2, name: 'Plumbing' },
      { skillId: 'b', minLevel: 1, name: 'Gas' },
    ];
    expect(
      skillFit(
        required,
        new Map([
          ['a', 3],
          ['b', 1],
        ]),
      ),
    ).toEqual({
      score: expect.closeTo(0.85),
      detail: 'has Plumbing level 3 (needs 2), has Gas level 1 (needs 1)',
      missing: [],
    });
    expect(skillFit(required, new Map([['a', 2]])).missing).toEqual([
      'missing Gas (needs level 1)',
    ]);
  });

  it('should score the cheapest cost in a currency 1 and others in proportion', () => {
    const cheapest = new Map([['EUR', 4500]]);
    expect(costScore(4500, 'EUR', cheapest)).toBe(1);
    expect(costScore(12000, 'EUR', cheapest)).toBeCloseTo(4600 / 12100);
    expect(costScore(100, 'USD', cheapest)).toBe(0.5);
  });
});
