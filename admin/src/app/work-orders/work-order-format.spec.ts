import { formatBytes, formatDistance, formatDuration, formatShare } from './work-order-format';

describe('work order formatters', () => {
  it('should write minutes, hours and days when formatting durations', () => {
    expect(formatDuration(45)).toBe('45 min');
    expect(formatDuration(60)).toBe('1 h');
    expect(formatDuration(135)).toBe('2 h 15 min');
    expect(formatDuration(1500)).toBe('1 d 1 h');
    expect(formatDuration(2880)).toBe('2 d');
  });

  it('should use the size of a negative duration and a dash when there is none', () => {
    expect(formatDuration(-45)).toBe('45 min');
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
  });

  it('should pick the unit of a file size', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(12_600)).toBe('12.3 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatBytes(-1)).toBe('—');
  });

  it('should show metres below one kilometre when formatting distances', () => {
    expect(formatDistance(0.4)).toBe('400 m');
    expect(formatDistance(12.345)).toBe('12.3 km');
    expect(formatDistance(250.4)).toBe('250 km');
    expect(formatDistance(null)).toBe('—');
  });

  it('should round shares to whole percent', () => {
    expect(formatShare(0.856)).toBe('86%');
    expect(formatShare(undefined)).toBe('—');
  });
});
