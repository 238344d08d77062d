import { clockOf, fromTimeInput, toTimeInput } from './time-of-day';

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
    expect(toTimeInput(900)).toBe('15:00');
    expect(toTimeInput(null)).toBe('');
  });

  it('should format 1440 as 24:00 when showing a range end', () => {
    expect(clockOf(1440)).toBe('24:00');
    expect(clockOf(75)).toBe('01:15');
  });
});
