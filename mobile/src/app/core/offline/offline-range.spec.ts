import { offlineRange } from './offline-range';

describe('offlineRange', () => {
  it('should span local midnight today to local midnight three days later', () => {
    const { from, to } = offlineRange(new Date(2026, 2, 14, 15, 30));
    expect(new Date(from)).toEqual(new Date(2026, 2, 14));
    expect(new Date(to)).toEqual(new Date(2026, 2, 17));
  });
});
