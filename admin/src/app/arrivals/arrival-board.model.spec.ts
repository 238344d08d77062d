import {
  applyArrival,
  boardWindow,
  countReadiness,
  dropIfLeft,
  filtersFromParams,
  paramsFromFilters,
  parseEta,
  toTimeInput,
  type ArrivalRow,
  type BoardScope,
} from './arrival-board.model';

const NOW = new Date(2026, 4, 12, 10, 30);
const today = boardWindow('today', NOW);
const scope: BoardScope = { ...today, vipOnly: false, search: '' };

let seq = 0;
function arrival(overrides: Partial<ArrivalRow> = {}): ArrivalRow {
  seq++;
  return {
    id: `r${seq}`,
    confirmationCode: `CODE${seq}`,
    status: 'CONFIRMED',
    arrivalAt: new Date(2026, 4, 12, 15, 0).toISOString(),
    departureAt: new Date(2026, 4, 14, 11, 0).toISOString(),
    etaAt: null,
    adults: 2,
    children: 0,
    mewsState: null,
    syncStatus: null,
    lastSyncedAt: null,
    updatedAt: NOW.toISOString(),
    readiness: { status: 'READY', reasons: [] },
    openServiceOrders: [],
    room: {
      id: `room${seq}`,
      number: `10${seq}`,
      floor: 1,
      state: 'CLEAN',
      stateReason: null,
      syncStatus: null,
    },
    guest: {
      id: `g${seq}`,
      firstName: 'Grace',
      lastName: `Hopper${seq}`,
      fullName: `Grace Hopper${seq}`,
      vip: false,
      vipReason: null,
      completeness: 80,
      completenessGaps: [],
      validationErrors: [],
      syncStatus: null,
      classifications: [],
      preferences: [],
    },
    ...overrides,
  };
}

describe('arrival board window and URL filters', () => {
  it('should span local midnight to midnight when the board shows today, tomorrow or both', () => {
    expect(today).toEqual({
      from: new Date(2026, 4, 12).toISOString(),
      to: new Date(2026, 4, 13).toISOString(),
    });
    expect(boardWindow('tomorrow', NOW).from).toBe(new Date(2026, 4, 13).toISOString());
    expect(boardWindow('both', NOW)).toEqual({
      from: new Date(2026, 4, 12).toISOString(),
      to: new Date(2026, 4, 14).toISOString(),
    });
  });

  it('should round-trip filters through query params when they are set', () => {
    const filters = filtersFromParams({
      day: 'both',
      readiness: 'NOT_READY,ATTENTION',
      vip: '1',
      q: ' 101 ',
    });
    expect(filters).toEqual({
      day: 'both',
      readiness: ['NOT_READY', 'ATTENTION'],
      vipOnly: true,
      search: '101',
    });
    expect(filtersFromParams(paramsFromFilters(filters) as Record<string, string>)).toEqual(
      filters,
    );
  });

  it('should fall back to defaults and drop unknown values when the URL is tampered with', () => {
    expect(filtersFromParams({ day: 'yesterday', readiness: 'READY,BOGUS,READY' })).toEqual({
      day: 'today',
      readiness: ['READY'],
      vipOnly: false,
      search: '',
    });
    expect(paramsFromFilters(filtersFromParams({}))).toEqual({
      day: null,
      readiness: null,
      vip: null,
      q: null,
    });
  });
});

describe('arrival board live changes', () => {
  it('should replace a row in place when a pushed change keeps it on the board', () => {
    const a = arrival();
    const b = arrival({ arrivalAt: new Date(2026, 4, 12, 18, 0).toISOString() });
    const changed = {
      ...a,
      readiness: { status: 'NOT_READY' as const, reasons: ['Room 101 is dirty'] },
    };
    expect(applyArrival([a, b], changed, scope)).toEqual([changed, b]);
  });

  it('should insert a row in arrival order when its arrival moved into the window', () => {
    const a = arrival({ arrivalAt: new Date(2026, 4, 12, 9, 0).toISOString() });
    const c = arrival({ arrivalAt: new Date(2026, 4, 12, 20, 0).toISOString() });
    const moved = arrival({ arrivalAt: new Date(2026, 4, 12, 12, 0).toISOString() });
    expect(applyArrival([a, c], moved, scope).map((r) => r.id)).toEqual([a.id, moved.id, c.id]);
  });

  it('should remove a row when it is cancelled or no longer matches the VIP or search filter', () => {
    const a = arrival();
    expect(applyArrival([a], { ...a, status: 'CANCELLED' }, scope)).toEqual([]);
    expect(applyArrival([a], a, { ...scope, vipOnly: true })).toEqual([]);
    expect(applyArrival([a], a, { ...scope, search: 'nobody' })).toEqual([]);
    expect(applyArrival([a], a, { ...scope, search: a.room!.number })).toEqual([a]);
    expect(applyArrival([a], a, { ...scope, search: 'hopper' })).toEqual([a]);
  });

  it('should drop a row when the unfiltered event says its arrival left the window', () => {
    const a = arrival();
    const rows = [a];
    const later = new Date(2026, 4, 20, 15, 0).toISOString();
    expect(dropIfLeft(rows, { id: a.id, arrivalAt: later, status: 'CONFIRMED' }, today)).toEqual(
      [],
    );
    expect(dropIfLeft(rows, { id: a.id, arrivalAt: a.arrivalAt, status: 'CONFIRMED' }, today)).toBe(
      rows,
    );
    expect(dropIfLeft(rows, { id: 'other', arrivalAt: later, status: 'CONFIRMED' }, today)).toBe(
      rows,
    );
  });

  it('should count rows per readiness status when the summary is shown', () => {
    const rows = [
      arrival(),
      arrival({ readiness: { status: 'NOT_READY', reasons: ['No room assigned'] } }),
      arrival({ readiness: { status: 'NOT_READY', reasons: ['1 open service order'] } }),
      arrival({ readiness: { status: 'ARRIVED', reasons: [] } }),
    ];
    expect(countReadiness(rows)).toEqual({
      total: 4,
      READY: 1,
      ATTENTION: 0,
      NOT_READY: 2,
      ARRIVED: 1,
    });
  });
});

describe('arrival ETA input', () => {
  const a = arrival();

  it('should put the ETA on the arrival day when a valid time is typed', () => {
    const result = parseEta('14:05', a.arrivalAt, a.departureAt);
    expect(result).toEqual({ ok: true, etaAt: new Date(2026, 4, 12, 14, 5).toISOString() });
    expect(toTimeInput(new Date(2026, 4, 12, 14, 5).toISOString())).toBe('14:05');
  });

  it('should clear the ETA when the field is emptied', () => {
    expect(parseEta('  ', a.arrivalAt, a.departureAt)).toEqual({ ok: true, etaAt: null });
  });

  it('should refuse a malformed time or one after departure', () => {
    expect(parseEta('25:00', a.arrivalAt, a.departureAt)).toEqual({
      ok: false,
      error: 'Enter a time like 14:30',
    });
    expect(parseEta('soon', a.arrivalAt, a.departureAt).ok).toBe(false);
    const sameDay = new Date(2026, 4, 12, 12, 0).toISOString();
    expect(parseEta('13:00', a.arrivalAt, sameDay)).toEqual({
      ok: false,
      error: 'The ETA must be before departure',
    });
  });
});
