import {
  applySummary,
  currentRoutes,
  emptyScenario,
  formatDelta,
  ghostsByTechnician,
  headline,
  isImprovement,
  kpiRows,
  leavingJobs,
  placeGhosts,
  proposedRoutes,
  queueHints,
  scenarioErrors,
  scenarioInput,
  selectedCount,
  selectedWorkOrderIds,
  shownSuggestions,
  urgentText,
  type Kpis,
  type Suggestion,
  type SuggestionChange,
} from './dispatch-optimizer.model';
import { timeScale } from './dispatch-timeline.model';

const ZONE = 'Europe/Berlin';
const DAY = '2026-05-12';
// 09:30 local (CEST) is 07:30 UTC.
const at = (hhmm: string) => `${DAY}T${hhmm}:00.000Z`;

const kpis = (over: Partial<Kpis> = {}): Kpis => ({
  jobs: 5,
  unassigned: 3,
  travelMinutes: 200,
  distanceKm: 120.44,
  overtimeMinutes: 0,
  techniciansUsed: 2,
  ...over,
});

function change(over: Partial<SuggestionChange> & { workOrderId: string }): SuggestionChange {
  return {
    kind: 'ASSIGN',
    fromTechnicianId: null,
    fromStart: null,
    toTechnicianId: 'ana',
    toStart: at('07:30'),
    toEnd: at('08:30'),
    summary: `${over.workOrderId}: queue → Ana Novak 09:30`,
    applied: false,
    workOrder: { id: over.workOrderId, number: 12, title: 'Boiler', priority: 'NORMAL' },
    ...over,
  };
}

function suggestion(over: Partial<Suggestion> = {}): Suggestion {
  return {
    id: 's1',
    kind: 'OPTIMIZE',
    status: 'OPEN',
    day: DAY,
    teamId: null,
    createdAt: '2026-05-11T10:00:00.000Z',
    expiresAt: '2026-05-11T12:00:00.000Z',
    matrixProvider: 'great-circle',
    searchMs: 2000,
    triggerWorkOrder: null,
    current: kpis(),
    proposed: kpis({ jobs: 8, unassigned: 0, travelMinutes: 153 }),
    routes: [
      {
        technicianId: 'ana',
        technicianName: 'Ana Novak',
        departure: at('06:00'),
        returnAt: at('15:00'),
        travelMinutes: 80,
        distanceKm: 40,
        overtimeMinutes: 0,
        stops: [
          {
            workOrderId: 'w12',
            label: 'WO-12 Boiler',
            arrival: at('07:20'),
            start: at('07:30'),
            end: at('08:30'),
            travelMinutes: 20,
            location: { lat: 52.5, lng: 13.4 },
          },
        ],
        path: [
          { lat: 52.4, lng: 13.3 },
          { lat: 52.5, lng: 13.4 },
          { lat: 52.4, lng: 13.3 },
        ],
      },
      {
        technicianId: 'bob',
        technicianName: 'Bob Brown',
        departure: at('06:00'),
        returnAt: at('06:00'),
        travelMinutes: 0,
        distanceKm: 0,
        overtimeMinutes: 0,
        stops: [],
        path: [{ lat: 52.4, lng: 13.3 }],
      },
    ],
    changes: [
      change({ workOrderId: 'w12' }),
      change({
        workOrderId: 'w13',
        kind: 'REASSIGN',
        fromTechnicianId: 'bob',
        fromStart: at('08:00'),
        toStart: at('08:30'),
        toEnd: at('09:00'),
        summary: 'WO-13: Bob Brown → Ana Novak 10:30',
        workOrder: { id: 'w13', number: 13, title: 'Tap', priority: 'HIGH' },
      }),
      change({
        workOrderId: 'w14',
        applied: true,
        workOrder: { id: 'w14', number: 14, title: 'Done', priority: 'LOW' },
      }),
    ],
    unassigned: [],
    ...over,
  };
}

describe('dispatch optimizer: suggestions on the board', () => {
  it('should show open and partly applied suggestions of the day and team, newest first', () => {
    const old = suggestion({ id: 'a', createdAt: '2026-05-11T09:00:00.000Z' });
    const applied = suggestion({ id: 'b', status: 'APPLIED' });
    const otherTeam = suggestion({ id: 'c', teamId: 't2' });
    const urgent = suggestion({
      id: 'd',
      kind: 'URGENT_INSERTION',
      teamId: 't2',
      createdAt: '2026-05-11T11:00:00.000Z',
    });
    const newer = suggestion({ id: 'a', status: 'PARTLY_APPLIED' });
    const shown = shownSuggestions(
      [old, applied, otherTeam, urgent],
      new Map([['a', newer]]),
      DAY,
      null,
    );
    expect(shown.map((s) => [s.id, s.status])).toEqual([
      ['d', 'OPEN'],
      ['a', 'PARTLY_APPLIED'],
    ]);
  });

  it('should place a ghost per pending change on the proposed technician’s lane', () => {
    const ghosts = ghostsByTechnician(suggestion());
    expect([...ghosts.keys()]).toEqual(['ana']);
    expect(ghosts.get('ana')!.map((g) => [g.label, g.start])).toEqual([
      ['WO-12', at('07:30')],
      ['WO-13', at('08:30')],
    ]);
    expect(ghostsByTechnician(null).size).toBe(0);
  });

  it('should stack ghosts below the lane’s own rows', () => {
    const scale = timeScale(`${DAY}T00:00:00.000Z`, `${DAY}T24:00:00.000Z`, 60);
    const ghosts = ghostsByTechnician(
      suggestion({
        changes: [
          change({ workOrderId: 'x', toStart: at('08:00'), toEnd: at('10:00') }),
          change({ workOrderId: 'y', toStart: at('09:00'), toEnd: at('09:30') }),
        ],
      }),
    ).get('ana')!;
    const placed = placeGhosts(scale, ghosts, 2);
    expect(placed.rows).toBe(4);
    expect(placed.blocks.map((b) => [b.item.workOrderId, b.row, b.left, b.width])).toEqual([
      ['x', 2, 8 * 60, 120],
      ['y', 3, 9 * 60, 30],
    ]);
    expect(placeGhosts(scale, [], 1)).toEqual({ blocks: [], rows: 1 });
  });

  it('should mark jobs leaving their lane and hint where queued jobs go', () => {
    const s = suggestion();
    expect([...leavingJobs(s).keys()]).toEqual(['w13']);
    const hints = queueHints(s, ZONE);
    expect(hints.get('w12')).toBe('→ Ana Novak 09:30');
    expect(hints.has('w13')).toBe(false);
    expect(hints.has('w14')).toBe(false);
  });

  it('should omit the work order ids when every pending change is checked', () => {
    const s = suggestion();
    expect(selectedWorkOrderIds(s, new Set())).toBeNull();
    expect(selectedWorkOrderIds(s, new Set(['w14']))).toBeNull();
    expect(selectedWorkOrderIds(s, new Set(['w12']))).toEqual(['w13']);
    expect(selectedWorkOrderIds(s, new Set(['w12', 'w13']))).toEqual([]);
    expect(selectedCount(s, new Set(['w12']))).toBe(1);
  });
});

describe('dispatch optimizer: KPIs', () => {
  it('should compare KPIs with signed deltas and say which way is better', () => {
    const rows = kpiRows([
      kpis(),
      kpis({ jobs: 8, unassigned: 0, travelMinutes: 153.4, distanceKm: 100 }),
    ]);
    const by = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(by['travelMinutes']).toMatchObject({
      values: ['200 min', '153 min'],
      delta: '−47 min',
      better: true,
    });
    expect(by['distanceKm']).toMatchObject({ values: ['120.4 km', '100.0 km'], delta: '−20.4 km' });
    expect(by['jobs']).toMatchObject({ delta: '+3', better: true });
    expect(by['unassigned']).toMatchObject({ delta: '−3', better: true });
    expect(by['overtimeMinutes']).toMatchObject({ delta: '±0 min', better: null });
    expect(by['techniciansUsed']!.better).toBeNull();
    expect(kpiRows([kpis(), kpis(), kpis()])[0]!.values).toHaveLength(3);
  });

  it('should format deltas with a real minus sign', () => {
    expect(formatDelta(-3.26, 'km', 1)).toBe('−3.3 km');
    expect(formatDelta(2)).toBe('+2');
    expect(formatDelta(0.2)).toBe('±0');
  });

  it('should headline the gain', () => {
    expect(headline(kpis({ jobs: 8 }), kpis({ jobs: 8, travelMinutes: 153 }), 4)).toBe(
      'Saves 47 min of driving (−24 %)',
    );
    expect(headline(kpis({ travelMinutes: 0 }), kpis({ jobs: 9, travelMinutes: 120 }), 4)).toBe(
      'Places 4 more jobs on routes',
    );
    expect(headline(kpis(), kpis({ jobs: 6, travelMinutes: 150, overtimeMinutes: 0 }), 1)).toBe(
      'Places 1 more job on routes · Saves 50 min of driving (−25 %)',
    );
    expect(headline(kpis({ overtimeMinutes: 30 }), kpis(), 2)).toBe('Cuts overtime by 30 min');
    expect(headline(kpis(), kpis(), 2)).toBe('Reorders 2 jobs');
    expect(headline(kpis(), kpis(), 0)).toBe('The current plan is already optimal');
  });

  it('should tell an improvement from a reshuffle', () => {
    expect(isImprovement(kpis(), kpis({ jobs: 6 }))).toBe(true);
    expect(isImprovement(kpis(), kpis({ travelMinutes: 150 }))).toBe(true);
    expect(isImprovement(kpis(), kpis())).toBe(false);
  });
});

describe('dispatch optimizer: emergencies and results', () => {
  it('should say where an emergency can go and whom it bumps', () => {
    const s = suggestion({
      kind: 'URGENT_INSERTION',
      triggerWorkOrder: { id: 'w40', number: 40, title: 'Gas leak', priority: 'EMERGENCY' },
      changes: [
        change({ workOrderId: 'w40', toStart: at('09:20') }),
        change({
          workOrderId: 'w13',
          kind: 'UNASSIGN',
          fromTechnicianId: 'ana',
          toTechnicianId: null,
          toStart: null,
          toEnd: null,
          summary: 'WO-13: Ana Novak → queue',
        }),
      ],
    });
    expect(urgentText(s, ZONE)).toBe(
      'Emergency WO-40 can go to Ana Novak at 11:20 · bumps WO-13: Ana Novak → queue',
    );
  });

  it('should summarise an apply with the skipped changes', () => {
    expect(
      applySummary(
        12,
        [{ workOrderId: 'w13', reason: 'changed since' }],
        new Map([['w13', 'WO-13']]),
      ),
    ).toEqual({ title: 'Applied 12 changes, skipped 1', skipped: ['WO-13: changed since'] });
    expect(applySummary(1, [], new Map()).title).toBe('Applied 1 change');
  });
});

describe('dispatch optimizer: map routes', () => {
  it('should draw current routes from home through the jobs in time order and back', () => {
    const routes = currentRoutes(
      [
        {
          technician: { id: 'ana', name: 'Ana', homeLat: 1, homeLng: 1 },
          jobs: [
            { id: 'b', scheduledStart: at('10:00') },
            { id: 'a', scheduledStart: at('08:00') },
            { id: 'nowhere', scheduledStart: at('09:00') },
          ],
        },
        { technician: { id: 'bob', name: 'Bob', homeLat: null, homeLng: null }, jobs: [] },
      ],
      [
        { workOrderId: 'a', lat: 2, lng: 2 },
        { workOrderId: 'b', lat: 3, lng: 3 },
      ],
      new Map([['ana', '#111']]),
    );
    expect(routes).toEqual([
      {
        technicianId: 'ana',
        name: 'Ana',
        color: '#111',
        points: [
          { lat: 1, lng: 1 },
          { lat: 2, lng: 2 },
          { lat: 3, lng: 3 },
          { lat: 1, lng: 1 },
        ],
      },
    ]);
  });

  it('should keep proposed routes with stops, in the technicians’ colours', () => {
    const routes = proposedRoutes(suggestion().routes, new Map([['ana', '#111']]));
    expect(routes.map((r) => [r.technicianId, r.color, r.points.length])).toEqual([
      ['ana', '#111', 3],
    ]);
  });
});

describe('dispatch optimizer: what-if scenarios', () => {
  it('should refuse an empty scenario', () => {
    expect(scenarioErrors(emptyScenario())).toEqual(['Add at least one change to the scenario']);
  });

  it('should explain what is missing or wrong', () => {
    const errors = scenarioErrors({
      ...emptyScenario(),
      addTechnicians: [{ name: '', likeTechnicianId: '', shiftStart: '17:00', shiftEnd: '08:00' }],
      shiftChanges: [{ technicianId: 'bob', shiftStart: '8', shiftEnd: '12:00' }],
      removeTechnicianIds: ['bob'],
      addJobs: [
        {
          title: 'Gas leak',
          serviceTypeId: '',
          siteId: '',
          lat: '95',
          lng: '13',
          priority: 'EMERGENCY',
          durationMinutes: '1.5',
        },
      ],
      moveJobs: [
        { workOrderId: 'w1', technicianId: '' },
        { workOrderId: 'w1', technicianId: 'bob' },
      ],
    });
    expect(errors).toEqual([
      'New technician 1: give a name',
      'New technician 1: pick whom they are like',
      'New technician 1: the shift must end after it starts',
      'Shift change 1: that technician is removed in this scenario',
      'Shift change 1: give the shift as HH:MM–HH:MM',
      'Urgent job 1: latitude is −90…90 and longitude −180…180',
      'Urgent job 1: the duration is whole minutes',
      'Moved job 2: that job is moved twice',
      'Moved job 2: that technician is removed in this scenario',
    ]);
  });

  it('should build the API input', () => {
    const input = scenarioInput(
      {
        addTechnicians: [
          { name: ' Eve ', likeTechnicianId: 'ana', shiftStart: '08:00', shiftEnd: '16:00' },
        ],
        removeTechnicianIds: ['bob'],
        shiftChanges: [],
        addJobs: [
          {
            title: 'Gas leak',
            serviceTypeId: 'st',
            siteId: '',
            lat: '52.5',
            lng: '13.4',
            priority: 'EMERGENCY',
            durationMinutes: '',
          },
          {
            title: 'Boiler',
            serviceTypeId: '',
            siteId: 'site1',
            lat: '',
            lng: '',
            priority: 'HIGH',
            durationMinutes: '45',
          },
        ],
        moveJobs: [{ workOrderId: 'w1', technicianId: '' }],
      },
      DAY,
      null,
      2,
    );
    expect(scenarioErrors({ ...emptyScenario(), removeTechnicianIds: ['bob'] })).toEqual([]);
    expect(input).toEqual({
      day: DAY,
      teamId: null,
      timeBudgetSeconds: 2,
      addTechnicians: [
        { name: 'Eve', likeTechnicianId: 'ana', shiftStart: '08:00', shiftEnd: '16:00' },
      ],
      removeTechnicianIds: ['bob'],
      shiftChanges: [],
      addJobs: [
        { title: 'Gas leak', priority: 'EMERGENCY', lat: 52.5, lng: 13.4, serviceTypeId: 'st' },
        { title: 'Boiler', priority: 'HIGH', siteId: 'site1', durationMinutes: 45 },
      ],
      moveJobs: [{ workOrderId: 'w1', technicianId: null }],
    });
  });
});
