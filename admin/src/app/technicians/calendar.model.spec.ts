import { formatDuration, segmentsByDay, totalMinutes, weekDays, weekRange } from './calendar.model';

const PRAGUE = 'Europe/Prague';

describe('availability calendar', () => {
  it('should give seven local days from the Monday when building a week', () => {
    const days = weekDays('2026-03-02', PRAGUE);
    expect(days.map((d) => d.date)).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
    ]);
    expect(days[0]).toMatchObject({
      label: 'Mon 2',
      weekday: 1,
      start: '2026-03-01T23:00:00.000Z',
      end: '2026-03-02T23:00:00.000Z',
    });
  });

  it('should make the DST day 23 hours long when clocks go forward that week', () => {
    const sunday = weekDays('2026-03-23', PRAGUE)[6]!;
    expect(sunday.date).toBe('2026-03-29');
    expect(Date.parse(sunday.end) - Date.parse(sunday.start)).toBe(23 * 3_600_000);
    expect(weekRange('2026-03-23', PRAGUE)).toEqual({
      from: '2026-03-22T23:00:00.000Z',
      to: '2026-03-29T22:00:00.000Z',
    });
  });

  it('should place windows on their local day in wall-clock minutes when drawing', () => {
    const days = weekDays('2026-03-02', PRAGUE);
    const segments = segmentsByDay(
      [
        { start: '2026-03-02T07:00:00Z', end: '2026-03-02T11:30:00Z' },
        { start: '2026-03-02T12:00:00Z', end: '2026-03-02T16:00:00Z' },
        { start: '2026-03-04T07:00:00Z', end: '2026-03-04T16:00:00Z' },
      ],
      days,
      PRAGUE,
    );
    expect(segments[0]).toEqual([
      { startMin: 480, endMin: 750, label: '08:00–12:30' },
      { startMin: 780, endMin: 1020, label: '13:00–17:00' },
    ]);
    expect(segments[1]).toEqual([]);
    expect(segments[2]).toEqual([{ startMin: 480, endMin: 1020, label: '08:00–17:00' }]);
  });

  it('should split an interval over midnight when it spans two days', () => {
    const days = weekDays('2026-03-02', PRAGUE);
    // Monday 20:00 to Tuesday 06:00 local.
    const segments = segmentsByDay(
      [{ start: '2026-03-02T19:00:00Z', end: '2026-03-03T05:00:00Z' }],
      days,
      PRAGUE,
    );
    expect(segments[0]).toEqual([{ startMin: 1200, endMin: 1440, label: '20:00–24:00' }]);
    expect(segments[1]).toEqual([{ startMin: 0, endMin: 360, label: '00:00–06:00' }]);
  });

  it('should keep the shift at its wall-clock hours when the day has a DST jump', () => {
    const days = weekDays('2026-03-23', PRAGUE);
    // Sunday 29 March 08:00–17:00 local is 06:00–15:00 UTC (summer time).
    const segments = segmentsByDay(
      [{ start: '2026-03-29T06:00:00Z', end: '2026-03-29T15:00:00Z' }],
      days,
      PRAGUE,
    );
    expect(segments[6]).toEqual([{ startMin: 480, endMin: 1020, label: '08:00–17:00' }]);
  });

  it('should sum and describe minutes when totalling a day', () => {
    expect(
      totalMinutes([
        { startMin: 480, endMin: 750, label: '' },
        { startMin: 780, endMin: 1020, label: '' },
      ]),
    ).toBe(510);
    expect(formatDuration(510)).toBe('8 h 30 min');
    expect(formatDuration(60)).toBe('1 h');
    expect(formatDuration(45)).toBe('45 min');
    expect(formatDuration(0)).toBe('—');
  });
});
