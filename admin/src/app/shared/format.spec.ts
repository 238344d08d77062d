import { fromLocalInput, fromMinor, minorDigits, toLocalInput, toMinor, woNumber } from './format';

describe('money and date conversions of the console', () => {
  it('should convert a decimal amount to minor units when the currency has cents', () => {
    expect(toMinor('120.5', 'EUR')).toBe(12050);
    expect(toMinor('120,55', 'USD')).toBe(12055);
    expect(fromMinor(12050, 'EUR')).toBe('120.50');
  });

  it('should use no minor digits when the currency has none', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(toMinor('1500', 'JPY')).toBe(1500);
    expect(fromMinor(1500, 'JPY')).toBe('1500');
  });

  it('should refuse malformed amounts instead of guessing', () => {
    expect(toMinor('12.3.4', 'EUR')).toBeNull();
    expect(toMinor('-5', 'EUR')).toBeNull();
    expect(toMinor('', 'EUR')).toBeNull();
  });

  it('should round-trip a datetime-local value through ISO when the user edits a time', () => {
    const iso = fromLocalInput('2026-12-01T09:30');
    expect(iso).not.toBeNull();
    expect(toLocalInput(iso)).toBe('2026-12-01T09:30');
    expect(fromLocalInput('')).toBeNull();
  });

  it('should show work order numbers as WO-<n>', () => {
    expect(woNumber(42)).toBe('WO-42');
    expect(woNumber(null)).toBe('');
  });
});
