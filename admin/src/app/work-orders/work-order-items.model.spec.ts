import {
  formatQuantity,
  isClosed,
  parseQuantity,
  partsTotal,
  runningTimers,
  stars,
  timeRangeProblem,
} from './work-order-items.model';

const NOW = Date.parse('2026-05-12T12:00:00.000Z');
const at = (hhmm: string) => `2026-05-12T${hhmm}:00.000Z`;

describe('isClosed', () => {
  it('should treat completed and cancelled orders as closed', () => {
    expect(isClosed('COMPLETED')).toBe(true);
    expect(isClosed('CANCELLED')).toBe(true);
    expect(isClosed('ON_HOLD')).toBe(false);
  });
});

describe('partsTotal', () => {
  it('should add up the priced lines and skip unpriced ones', () => {
    expect(
      partsTotal([
        { lineTotal: { amountMinor: 1250, currency: 'EUR' } },
        { lineTotal: null },
        { lineTotal: { amountMinor: 300, currency: 'EUR' } },
      ]),
    ).toEqual({ amountMinor: 1550, currency: 'EUR' });
  });

  it('should have no total when no line is priced', () => {
    expect(partsTotal([{ lineTotal: null }])).toBeNull();
    expect(partsTotal([])).toBeNull();
  });
});

describe('quantities', () => {
  it('should parse decimal commas and refuse zero or text', () => {
    expect(parseQuantity('1,5')).toBe(1.5);
    expect(parseQuantity(' 2 ')).toBe(2);
    expect(parseQuantity('0')).toBeNull();
    expect(parseQuantity('two')).toBeNull();
    expect(parseQuantity('100001')).toBeNull();
  });

  it('should print at most three decimals', () => {
    expect(formatQuantity(2)).toBe('2');
    expect(formatQuantity(1 / 3)).toBe('0.333');
  });
});

describe('timeRangeProblem', () => {
  it('should accept a past range of up to 24 hours', () => {
    expect(timeRangeProblem(at('09:00'), at('10:30'), NOW)).toBeNull();
  });

  it('should mirror the server messages when the range is wrong', () => {
    expect(timeRangeProblem(at('10:00'), at('09:00'), NOW)).toEqual({
      field: 'endedAt',
      message: 'The end must be after the start',
    });
    expect(timeRangeProblem('2026-05-10T09:00:00.000Z', at('10:00'), NOW)?.message).toBe(
      'One entry covers at most 24 hours',
    );
    expect(timeRangeProblem(at('11:00'), at('13:00'), NOW)?.message).toBe(
      'Time cannot be logged in the future',
    );
    expect(timeRangeProblem(null, at('10:00'), NOW)?.field).toBe('startedAt');
  });
});

describe('runningTimers', () => {
  it('should keep entries without an end, newest first', () => {
    const entry = (id: string, startedAt: string, endedAt: string | null) => ({
      id,
      technicianId: null,
      startedAt,
      endedAt,
      minutes: null,
      note: null,
    });
    const list = [
      entry('a', at('08:00'), null),
      entry('b', at('09:00'), at('10:00')),
      entry('c', at('10:00'), null),
    ];
    expect(runningTimers(list).map((e) => e.id)).toEqual(['c', 'a']);
  });
});

describe('stars', () => {
  it('should fill as many stars as the rating', () => {
    expect(stars(3).map((s) => s.filled)).toEqual([true, true, true, false, false]);
    expect(stars(null).some((s) => s.filled)).toBe(false);
  });
});
