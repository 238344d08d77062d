import { formatMinutes, joinMinutes, splitMinutes } from './duration.model';

describe('durations', () => {
  it('should split minutes into hours and minutes when a target is edited', () => {
    expect(splitMinutes(270)).toEqual({ hours: 4, minutes: 30 });
    expect(splitMinutes(45)).toEqual({ hours: 0, minutes: 45 });
    expect(splitMinutes(null)).toEqual({ hours: null, minutes: null });
  });

  it('should join hours and minutes when one box is empty', () => {
    expect(joinMinutes(4, 30)).toBe(270);
    expect(joinMinutes(2, null)).toBe(120);
    expect(joinMinutes(null, 15)).toBe(15);
    expect(joinMinutes(null, null)).toBeNull();
  });

  it('should refuse parts that are not whole, negative or 60 minutes and more', () => {
    expect(joinMinutes(1.5, 0)).toBeNull();
    expect(joinMinutes(-1, 0)).toBeNull();
    expect(joinMinutes(1, 60)).toBeNull();
  });

  it('should show durations in hours and minutes when listed', () => {
    expect(formatMinutes(90)).toBe('1 h 30 min');
    expect(formatMinutes(120)).toBe('2 h');
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(2880)).toBe('48 h');
    expect(formatMinutes(null)).toBe('—');
  });
});
