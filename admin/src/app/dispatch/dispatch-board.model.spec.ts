import {
  applyPending,
  conflictsByOrder,
  formatMinutes,
  isSettled,
  mapPoints,
  paramsOf,
  placeOf,
  queryParamsOf,
  refusalOf,
  slaLabel,
  utilizationLabel,
  type Board,
  type Conflict,
  type Job,
  type Lane,
  type LaneJob,
  type PendingMove,
} from './dispatch-board.model';

let seq = 0;
function job(overrides: Partial<Job> = {}): Job {
  seq++;
  return {
    id: `wo${seq}`,
    number: seq,
    title: `Fix tap ${seq}`,
    status: 'NEW',
    priority: 'NORMAL',
    version: 1,
    estimatedMinutes: 60,
    scheduledStart: null,
    scheduledEnd: null,
    sla: { state: 'NONE', resolutionDueAt: null, minutesRemaining: null },
    serviceType: null,
    room: null,
    site: null,
    ...overrides,
  };
}

function lane(id: string, jobs: LaneJob[] = [], homes: Partial<Lane['technician']> = {}): Lane {
  return {
    technician: {
      id,
      name: `Tech ${id}`,
      homeLat: null,
      homeLng: null,
      maxJobsPerDay: 6,
      team: null,
      ...homes,
    },
    shiftStart: '2026-05-12T06:00:00.000Z',
    shiftEnd: '2026-05-12T14:00:00.000Z',
    working: true,
    utilization: 0.25,
    timeOff: [],
    jobs,
  };
}

function board(lanes: Lane[], unassigned: Job[], extra: Partial<Board> = {}): Board {
  return {
    day: '2026-05-12',
    timezone: 'Europe/Berlin',
    start: '2026-05-11T22:00:00.000Z',
    end: '2026-05-12T22:00:00.000Z',
    technicians: lanes,
    unassigned,
    conflicts: [],
    locations: [],
    ...extra,
  };
}

const move = (o: Partial<PendingMove> & { workOrderId: string }): PendingMove => ({
  technicianId: null,
  start: null,
  end: null,
  settledVersion: null,
  ...o,
});

describe('dispatch board URL', () => {
  it('should read day, team and map from the URL and ignore a malformed day', () => {
    expect(paramsOf({ day: '2026-05-12', team: 't1', map: '1' })).toEqual({
      day: '2026-05-12',
      teamId: 't1',
      map: true,
    });
    expect(paramsOf({ day: 'tomorrow', team: '' })).toEqual({
      day: null,
      teamId: null,
      map: false,
    });
    expect(queryParamsOf({ day: '2026-05-12', teamId: null, map: false })).toEqual({
      day: '2026-05-12',
      team: null,
      map: null,
    });
  });
});

describe('dispatch optimistic moves', () => {
  it('should move a queued order onto a lane at its new time while the drop is on its way', () => {
    const queued = job({ priority: 'HIGH' });
    const b = board([lane('t1'), lane('t2')], [queued]);
    const view = applyPending(
      b,
      new Map([
        [
          queued.id,
          move({
            workOrderId: queued.id,
            technicianId: 't2',
            start: '2026-05-12T07:00:00.000Z',
            end: '2026-05-12T08:00:00.000Z',
          }),
        ],
      ]),
    );
    expect(view.queue).toEqual([]);
    expect(view.lanes[0]).toBe(b.technicians[0]);
    expect(view.lanes[1]!.jobs).toEqual([
      {
        ...queued,
        scheduledStart: '2026-05-12T07:00:00.000Z',
        scheduledEnd: '2026-05-12T08:00:00.000Z',
      },
    ]);
  });

  it('should put an unassigned order back into the queue after those of its priority', () => {
    const assigned = job({ priority: 'HIGH', scheduledStart: '2026-05-12T07:00:00.000Z' });
    const emergency = job({ priority: 'EMERGENCY' });
    const high = job({ priority: 'HIGH' });
    const low = job({ priority: 'LOW' });
    const b = board([lane('t1', [assigned])], [emergency, high, low]);
    const view = applyPending(b, new Map([[assigned.id, move({ workOrderId: assigned.id })]]));
    expect(view.lanes[0]!.jobs).toEqual([]);
    expect(view.queue.map((j) => j.id)).toEqual([emergency.id, high.id, assigned.id, low.id]);
    expect(view.queue[2]!.scheduledStart).toBeNull();
  });

  it('should stop overriding once the refetched board shows the accepted move', () => {
    const queued = job();
    const m = move({
      workOrderId: queued.id,
      technicianId: 't1',
      start: '2026-05-12T07:00:00.000Z',
      end: '2026-05-12T08:00:00.000Z',
      settledVersion: 2,
    });
    // The mutation result already bumped the cached version, but the lists are stale.
    const stale = board([lane('t1')], [{ ...queued, version: 2 }]);
    expect(isSettled(m, stale)).toBe(false);
    expect(applyPending(stale, new Map([[queued.id, m]])).lanes[0]!.jobs).toHaveLength(1);
    const fresh = board([lane('t1', [{ ...queued, version: 2 }])], []);
    expect(isSettled(m, fresh)).toBe(true);
    expect(applyPending(fresh, new Map([[queued.id, m]])).lanes).toBe(fresh.technicians);
  });

  it('should settle a move when the order changed again or left the board', () => {
    const j = job({ version: 5 });
    const m = move({ workOrderId: j.id, technicianId: 't1', settledVersion: 4 });
    expect(isSettled(m, board([lane('t2', [j])], []))).toBe(true);
    expect(isSettled(m, board([lane('t1')], []))).toBe(true);
    expect(isSettled({ ...m, settledVersion: null }, board([lane('t1')], []))).toBe(false);
  });
});

describe('dispatch refusals', () => {
  it('should read blocking conflicts and warnings when the server refuses with CONFLICT', () => {
    const refusal = refusalOf([
      {
        message: 'Cannot schedule WO-3: Ana is off',
        extensions: {
          code: 'CONFLICT',
          conflicts: [
            { kind: 'TIME_OFF', message: 'Ana is off', blocking: true, workOrderId: 'x' },
          ],
          warnings: [{ kind: 'MISSING_SKILL', message: 'Ana lacks plumbing', blocking: false }],
        },
      },
    ]);
    expect(refusal).toEqual({
      message: 'Cannot schedule WO-3: Ana is off',
      conflicts: [{ kind: 'TIME_OFF', message: 'Ana is off', blocking: true }],
      warnings: [{ kind: 'MISSING_SKILL', message: 'Ana lacks plumbing', blocking: false }],
    });
  });

  it('should not treat a version conflict or another error as a schedule refusal', () => {
    expect(refusalOf([{ message: 'Someone else changed', extensions: { code: 'CONFLICT' } }])).toBe(
      null,
    );
    expect(refusalOf([{ message: 'Pick a start', extensions: { code: 'BAD_USER_INPUT' } }])).toBe(
      null,
    );
    expect(refusalOf([{ message: 'x', extensions: null }])).toBeNull();
  });

  it('should group the board conflicts by work order', () => {
    const c = (workOrderId: string): Conflict => ({
      kind: 'DOUBLE_BOOKED',
      message: 'Overlap',
      blocking: true,
      workOrderId,
      otherWorkOrderId: null,
    });
    const grouped = conflictsByOrder([c('a'), c('b'), c('a')]);
    expect(grouped.get('a')).toHaveLength(2);
    expect(grouped.get('b')).toHaveLength(1);
  });
});

describe('dispatch labels and map', () => {
  it('should describe SLA, utilization, durations and places for people', () => {
    expect(formatMinutes(90)).toBe('1 h 30 min');
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(-120)).toBe('2 h');
    expect(slaLabel({ state: 'AT_RISK', resolutionDueAt: null, minutesRemaining: 45 })).toBe(
      'At risk · 45 min left',
    );
    expect(slaLabel({ state: 'BREACHED', resolutionDueAt: null, minutesRemaining: -90 })).toBe(
      'Breached · 1 h 30 min over',
    );
    expect(slaLabel({ state: 'NONE', resolutionDueAt: null, minutesRemaining: null })).toBe(
      'No SLA',
    );
    expect(utilizationLabel(0.754)).toBe('75%');
    expect(utilizationLabel(null)).toBe('Off');
    expect(utilizationLabel(60)).toBe('>999%');
    expect(
      placeOf(
        job({ room: { id: 'r', number: '101' }, site: { id: 's', name: 'HQ', city: 'Ulm' } }),
      ),
    ).toBe('Room 101 · HQ, Ulm');
  });

  it('should join job locations to lanes and queue and keep homes with coordinates', () => {
    const a = job();
    const q = job();
    const hidden = job();
    const b = board(
      [lane('t1', [a], { homeLat: 52.5, homeLng: 13.4 }), lane('t2', [hidden])],
      [q],
      {
        locations: [
          { workOrderId: a.id, lat: 1, lng: 2 },
          { workOrderId: q.id, lat: 3, lng: 4 },
        ],
      },
    );
    const points = mapPoints({ lanes: b.technicians, queue: b.unassigned }, b);
    expect(points.homes).toEqual([{ id: 't1', name: 'Tech t1', lat: 52.5, lng: 13.4 }]);
    expect(points.jobs).toEqual([
      { id: a.id, number: a.number, title: a.title, lat: 1, lng: 2, technician: 'Tech t1' },
      { id: q.id, number: q.number, title: q.title, lat: 3, lng: 4, technician: null },
    ]);
  });
});
