import { readiness, ReadinessStatus, type ReadinessInput } from './readiness';

const input = (overrides: Partial<ReadinessInput> = {}): ReadinessInput => ({
  status: 'CONFIRMED',
  room: { number: '204', state: 'INSPECTED' },
  openServiceOrders: 0,
  guest: { completenessGaps: [], validationErrors: [], syncStatus: 'SYNCED' },
  ...overrides,
});

describe('arrival readiness', () => {
  it('should be READY when the room is clean and nothing is missing', () => {
    expect(readiness(input())).toEqual({ status: ReadinessStatus.READY, reasons: [] });
    expect(readiness(input({ room: { number: '1', state: 'CLEAN' } })).status).toBe('READY');
  });

  it('should be NOT_READY with the reason when the room is dirty, out of order or missing', () => {
    expect(readiness(input({ room: { number: '204', state: 'DIRTY' } }))).toEqual({
      status: ReadinessStatus.NOT_READY,
      reasons: ['Room 204 is dirty'],
    });
    expect(readiness(input({ room: { number: '9', state: 'OUT_OF_ORDER' } })).reasons).toEqual([
      'Room 9 is out of order',
    ]);
    expect(readiness(input({ room: null })).reasons).toEqual(['No room assigned']);
  });

  it('should be NOT_READY when pre-arrival service orders are still open', () => {
    expect(readiness(input({ openServiceOrders: 2 }))).toEqual({
      status: ReadinessStatus.NOT_READY,
      reasons: ['2 open service orders'],
    });
  });

  it('should need ATTENTION when the profile has gaps, errors or a sync problem', () => {
    const result = readiness(
      input({
        guest: {
          completenessGaps: ['missing phone'],
          validationErrors: ['Email "x" is not a valid address'],
          syncStatus: 'CONFLICT',
        },
      }),
    );
    expect(result.status).toBe(ReadinessStatus.ATTENTION);
    expect(result.reasons).toEqual([
      'Email "x" is not a valid address',
      'Missing phone',
      'Profile has a sync conflict',
    ]);
  });

  it('should list blocking reasons before profile reasons when both apply', () => {
    const result = readiness(
      input({
        room: { number: '3', state: 'DIRTY' },
        guest: { completenessGaps: ['missing email'], validationErrors: [], syncStatus: null },
      }),
    );
    expect(result).toEqual({
      status: ReadinessStatus.NOT_READY,
      reasons: ['Room 3 is dirty', 'Missing email'],
    });
  });

  it('should be ARRIVED once the guest is checked in whatever the room', () => {
    expect(readiness(input({ status: 'CHECKED_IN', room: null })).status).toBe('ARRIVED');
  });
});
