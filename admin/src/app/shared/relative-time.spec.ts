import { formatRelative } from './relative-time';

const NOW = Date.parse('2026-03-18T12:00:00Z');
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();

describe('relative times of the console', () => {
  it('should say just now when the time is a few seconds away', () => {
    expect(formatRelative(ago(3), NOW)).toBe('just now');
    expect(formatRelative(ago(-5), NOW)).toBe('just now');
  });

  it('should use the largest whole unit when the time is further away', () => {
    expect(formatRelative(ago(42), NOW)).toMatch(/42 seconds ago/);
    expect(formatRelative(ago(3 * 60 + 20), NOW)).toMatch(/3 minutes ago/);
    expect(formatRelative(ago(2 * 3600), NOW)).toMatch(/2 hours ago/);
    expect(formatRelative(ago(-3 * 86_400), NOW)).toMatch(/in 3 days/);
  });

  it('should show a dash when the time is missing or malformed', () => {
    expect(formatRelative(null, NOW)).toBe('—');
    expect(formatRelative('not a date', NOW)).toBe('—');
  });
});
