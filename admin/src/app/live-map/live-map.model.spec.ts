import {
  etaLabel,
  extendPath,
  initialsOf,
  isStale,
  mapJobs,
  mergePositions,
  paramsOf,
  pathWindow,
  queryParamsOf,
  searchRows,
  technicianRows,
  type Board,
  type Job,
  type Position,
} from './live-map.model';

const NOW = Date.parse('2026-05-12T10:00:00.000Z');
const MINUTE = 60_000;
const DAY_START = '2026-05-11T22:00:00.000Z'; // Europe/Berlin midnight
const DAY_END = '2026-05-12T22:00:00.000Z';
const ago = (minutes: number) => new Date(NOW - minutes * MINUTE).toISOString();

let seq = 0;
function position(id: string, overrides: Partial<Position> = {}): Position {
  return {
    id,
    lat: 52.5,
    lng: 13.4,
    accuracyM: 10,
    speedMps: null,
    headingDeg: null,
    recordedAt: ago(1),
    stale: false,
    travelSeconds: null,
    distanceM: null,
    etaAt: null,
    technician: { id, name: `Tech ${id}`, team: null },
    nextWorkOrder: null,
    ...overrides,
  };
}

function job(overrides: Partial<Job> = {}): Job {
  seq++;
  return {
    id: `wo${seq}`,
    number: seq,
    title: `Boiler ${seq}`,
    status: 'SCHEDULED',
    version: 1,
    scheduledStart: '2026-05-12T12:00:00.000Z',
    ...overrides,
  };
}

function board(lanes: { id: string; name: string; jobs?: Job[] }[], extra: Partial<Board> = {}) {
  return {
    day: '2026-05-12',
    timezone: 'Europe/Berlin',
    start: DAY_START,
    end: DAY_END,
    technicians: lanes.map((l) => ({
      technician: { id: l.id, name: l.name, team: null },
      jobs: l.jobs ?? [],
    })),
    locations: [],
    ...extra,
  } satisfies Board;
}

const ctx = { now: NOW, zone: 'Europe/Berlin', pingIntervalSeconds: 30, dayStart: DAY_START };

describe('live map technicians', () => {
  it('should show initials of the first and last name', () => {
    expect(initialsOf('Ana Novak')).toBe('AN');
    expect(initialsOf('  maria de la Cruz ')).toBe('MC');
    expect(initialsOf('Bob')).toBe('B');
    expect(initialsOf('')).toBe('?');
  });

  it('should call a position stale when the server says so or pings stopped coming', () => {
    expect(isStale(position('a'), NOW, 30)).toBe(false);
    expect(isStale(position('a', { stale: true }), NOW, 30)).toBe(true);
    // Three missed pings of 60 s.
    expect(isStale(position('a', { recordedAt: ago(2.5) }), NOW, 60)).toBe(false);
    expect(isStale(position('a', { recordedAt: ago(3.5) }), NOW, 60)).toBe(true);
  });

  it('should keep the newest position of each technician, fetched or pushed', () => {
    const fetched = [position('a', { lat: 1, recordedAt: ago(2) }), position('b', { lat: 2 })];
    const pushed = new Map([
      ['a', position('a', { lat: 10, recordedAt: ago(1) })],
      ['b', position('b', { lat: 20, recordedAt: ago(5) })],
      ['c', position('c', { lat: 30 })],
    ]);
    const merged = mergePositions(fetched, pushed);
    expect(merged.map((p) => [p.id, p.lat])).toEqual([
      ['a', 10],
      ['b', 2],
      ['c', 30],
    ]);
  });

  it('should list live, then stale, then technicians without a position today', () => {
    const b = board([
      { id: 'a', name: 'Zoe Live' },
      { id: 'b', name: 'Ann Stale' },
      { id: 'c', name: 'Carl Nowhere' },
      { id: 'd', name: 'Dan Yesterday' },
    ]);
    const rows = technicianRows(
      b.technicians,
      [
        position('a'),
        position('b', { stale: true }),
        position('d', { recordedAt: '2026-05-11T18:00:00.000Z' }),
      ],
      ctx,
    );
    expect(rows.map((r) => [r.name, !!r.position, r.stale])).toEqual([
      ['Zoe Live', true, false],
      ['Ann Stale', true, true],
      ['Carl Nowhere', false, false],
      ['Dan Yesterday', false, false],
    ]);
  });

  it('should say the next job with its ETA, or the lane’s next open job with its time', () => {
    const next = job({ number: 12, title: 'Boiler check' });
    const b = board([
      { id: 'a', name: 'Ana' },
      {
        id: 'b',
        name: 'Bob',
        jobs: [job({ status: 'COMPLETED' }), job({ number: 7, title: 'Leak' })],
      },
    ]);
    const rows = technicianRows(
      b.technicians,
      [
        position('a', {
          nextWorkOrder: {
            id: next.id,
            number: 12,
            title: 'Boiler check',
            status: 'EN_ROUTE',
          },
          etaAt: new Date(NOW + 12 * MINUTE).toISOString(),
        }),
      ],
      ctx,
    );
    const [ana, bob] = rows;
    expect(ana!.next).toBe('WO-12 Boiler check');
    expect(ana!.eta).toBe('ETA 12:12 · 12 min');
    expect(bob!.next).toBe('WO-7 Leak at 14:00');
    expect(bob!.eta).toBeNull();
  });

  it('should add a technician with a position today whom the board does not list', () => {
    const rows = technicianRows(board([]).technicians, [position('x')], ctx);
    expect(rows.map((r) => r.name)).toEqual(['Tech x']);
  });

  it('should search names and next jobs, ignoring case', () => {
    const rows = technicianRows(
      board([
        { id: 'a', name: 'Ana Novak' },
        { id: 'b', name: 'Bob Brown', jobs: [job({ number: 99, title: 'Roof' })] },
      ]).technicians,
      [],
      ctx,
    );
    expect(searchRows(rows, 'nov').map((r) => r.id)).toEqual(['a']);
    expect(searchRows(rows, 'ROOF').map((r) => r.id)).toEqual(['b']);
    expect(searchRows(rows, '  ')).toHaveLength(2);
  });

  it('should say "now" when the ETA has passed and nothing without one', () => {
    expect(etaLabel(position('a', { etaAt: ago(1) }), NOW, 'UTC')).toBe('ETA 09:59 · now');
    expect(etaLabel(position('a'), NOW, 'UTC')).toBeNull();
    expect(etaLabel(null, NOW, 'UTC')).toBeNull();
  });
});

describe('live map jobs and paths', () => {
  it('should put only the lanes’ jobs with a place on the map', () => {
    const placed = job({ status: 'IN_PROGRESS' });
    const unplaced = job();
    const b = board([{ id: 'a', name: 'Ana', jobs: [placed, unplaced] }], {
      locations: [{ workOrderId: placed.id, lat: 52.1, lng: 13.1 }],
    });
    expect(mapJobs(b)).toEqual([
      {
        id: placed.id,
        number: placed.number,
        title: placed.title,
        status: 'IN_PROGRESS',
        lat: 52.1,
        lng: 13.1,
        technician: 'Ana',
      },
    ]);
  });

  it('should ask for the local day so far, never more than 24 hours', () => {
    expect(pathWindow(DAY_START, DAY_END, NOW)).toEqual({
      from: DAY_START,
      to: '2026-05-12T10:01:00.000Z',
    });
    // A 25-hour day (DST ends), late in the evening.
    const long = pathWindow(
      '2026-10-24T22:00:00.000Z',
      '2026-10-25T23:00:00.000Z',
      Date.parse('2026-10-25T22:30:00.000Z'),
    );
    expect(Date.parse(long.to) - Date.parse(long.from)).toBe(24 * 3_600_000);
  });

  it('should extend a path with newer positions only', () => {
    const path = [{ recordedAt: ago(2), lat: 1, lng: 1 }];
    expect(extendPath(path, { recordedAt: ago(1), lat: 2, lng: 2 })).toHaveLength(2);
    expect(extendPath(path, { recordedAt: ago(2), lat: 2, lng: 2 })).toHaveLength(1);
    expect(extendPath([], { recordedAt: ago(3), lat: 2, lng: 2 })).toHaveLength(1);
  });

  it('should read the team and the paths toggle from the URL', () => {
    expect(paramsOf({ team: 't1', paths: '1' })).toEqual({ teamId: 't1', paths: true });
    expect(paramsOf({ team: ' ', paths: null })).toEqual({ teamId: null, paths: false });
    expect(queryParamsOf({ teamId: null, paths: true })).toEqual({ team: null, paths: '1' });
  });
});
