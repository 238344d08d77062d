import { formatDays, normalizeDays, toggleDay } from './weekdays';

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
