import type { Role, RunningSubgraph } from '@attendant/kit';
import {
  callSubgraph,
  createTestDatabase,
  staffActor,
  startTestSubgraph,
  type TestDatabase,
} from '@attendant/testing';
import { GreatCircleMatrixProvider } from '../optimizer/matrix/great-circle';
import { randomUUID } from 'node:crypto';
import { at, createWorld, futureDay, type World } from '../dispatch/dispatch.fixtures';
import { operationsSubgraph } from '../index';
import { suggestUrgentInsertion } from './urgent-insertion';

const KPIS = 'jobs unassigned travelMinutes distanceKm overtimeMinutes techniciansUsed';
const SUGGESTION = `
  id kind status day triggerWorkOrderId matrixProvider searchMs
  current { ${KPIS} } proposed { ${KPIS} }
  routes { technicianId technicianName technician { id name } departure returnAt travelMinutes
    stops { workOrderId label start end travelMinutes workOrder { id number } location { lat lng } }
    path { lat lng } }
  changes { workOrderId kind fromTechnicianId toTechnicianId toStart toEnd summary applied workOrder { number } }
  unassigned { workOrderId label reason }
`;
const SUGGEST = `mutation ($input: SuggestScheduleInput!) { suggestSchedule(input: $input) { ${SUGGESTION} } }`;
const APPLY = `mutation ($input: ApplyScheduleSuggestionInput!) {
  applyScheduleSuggestion(input: $input) {
    suggestion { id status changes { workOrderId applied } }
    applied { id number status scheduledStart technician { id } }
    skipped { workOrderId reason }
  } }`;
const REJECT = `mutation ($id: ID!) { rejectScheduleSuggestion(id: $id) { id status } }`;
const GET = `query ($id: ID!) { scheduleSuggestion(id: $id) { id status kind } }`;
const LIST = `query ($day: String!, $status: [ScheduleSuggestionStatus!]) {
  scheduleSuggestions(day: $day, status: $status) { id status kind } }`;
const WHAT_IF = `query ($input: WhatIfScenarioInput!) { whatIfSchedule(input: $input) {
  current { ${KPIS} } notes
  baseline { label kpis { ${KPIS} } unassigned { label reason } }
  scenario { label kpis { ${KPIS} } routes { technicianId technicianName stops { label workOrderId } } unassigned { workOrderId label reason } }
} }`;

// West and east Prague, ~11 km apart: crossing over costs real driving.
const WEST = { lat: 50.08, lng: 14.33 };
const EAST = { lat: 50.08, lng: 14.49 };

describe('operations subgraph: dispatch optimizer (suggest, apply, what-if, emergencies)', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  const day = futureDay(3);

  beforeAll(async () => {
    database = await createTestDatabase();
    sub = await startTestSubgraph(operationsSubgraph, database);
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  const call = (
    w: World,
    query: string,
    variables: Record<string, unknown>,
    roles: Role[] = ['DISPATCHER'],
  ) => callSubgraph(sub.url, staffActor(w.organizationId, roles), query, variables);

  const site = async (w: World, p: { lat: number; lng: number }, i: number) => {
    const siteId = randomUUID();
    await sub.db.siteProjection.create({
      data: { siteId, organizationId: w.organizationId, name: `Site ${i}`, ...p },
    });
    return siteId;
  };
  const near = (p: { lat: number; lng: number }, i: number) => ({
    lat: p.lat + ((i % 3) - 1) * 0.004,
    lng: p.lng + (Math.floor(i / 3) - 0.5) * 0.006,
  });

  /**
   * Ana lives west, Ben east; each is booked on the other side of town (three jobs each), and
   * two more jobs wait in the queue, one needing a skill nobody holds.
   */
  async function crossedWorld() {
    const w = await createWorld(sub.db);
    const plumbing = await w.skill('Plumbing');
    const electrical = await w.skill('Electrical');
    const type = await w.serviceType('Leak', [{ skillId: plumbing.id, minLevel: 1 }]);
    const wiring = await w.serviceType('Rewire', [{ skillId: electrical.id, minLevel: 2 }]);
    const ana = await w.technician(
      'Ana Novak',
      { homeLat: WEST.lat, homeLng: WEST.lng, workDays: [1, 2, 3, 4, 5] },
      [{ skillId: plumbing.id, level: 2 }],
    );
    const ben = await w.technician(
      'Ben Horak',
      { homeLat: EAST.lat, homeLng: EAST.lng, workDays: [1, 2, 3, 4, 5] },
      [{ skillId: plumbing.id, level: 1 }],
    );
    const booked = [];
    for (let i = 0; i < 3; i++) {
      booked.push(
        await w.workOrder({
          technicianId: ana.id,
          status: 'SCHEDULED',
          scheduledStart: at(day, `${9 + 2 * i}:00`.padStart(5, '0')),
          serviceTypeId: type.id,
          siteId: await site(w, near(EAST, i), i),
        }),
      );
      booked.push(
        await w.workOrder({
          technicianId: ben.id,
          status: 'SCHEDULED',
          scheduledStart: at(day, `${9 + 2 * i}:00`.padStart(5, '0')),
          serviceTypeId: type.id,
          siteId: await site(w, near(WEST, i), 10 + i),
        }),
      );
    }
    const queued = await w.workOrder({
      serviceTypeId: type.id,
      siteId: await site(w, near(WEST, 4), 20),
      windowStart: at(day, '13:00'),
      windowEnd: at(day, '16:00'),
    });
    const unskilled = await w.workOrder({
      title: 'Rewire the hall',
      serviceTypeId: wiring.id,
      siteId: await site(w, near(EAST, 4), 21),
    });
    return { w, ana, ben, booked, queued, unskilled };
  }

  const suggest = async (w: World, extra: Record<string, unknown> = {}) => {
    const res = await call(w, SUGGEST, { input: { day, timeBudgetSeconds: 1, ...extra } });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.suggestSchedule;
  };

  it('should propose a feasible plan that uncrosses the routes, assigns the queue and explains what stays unassigned', async () => {
    const { w, ana, ben, booked, queued, unskilled } = await crossedWorld();

    const s = await suggest(w);

    expect(s).toMatchObject({
      kind: 'OPTIMIZE',
      status: 'OPEN',
      day,
      matrixProvider: 'great-circle',
    });
    expect(s.current).toMatchObject({ jobs: 6, unassigned: 2, techniciansUsed: 2 });
    expect(s.proposed).toMatchObject({ jobs: 7, unassigned: 1 });
    // Crossing town six times is gone: well under half the driving.
    expect(s.proposed.travelMinutes).toBeLessThan(s.current.travelMinutes * 0.5);
    expect(s.unassigned).toEqual([
      {
        workOrderId: unskilled.id,
        label: 'WO-8 Rewire the hall',
        reason: expect.stringMatching(/skill/i),
      },
    ]);
    // Every job now goes to the technician on its side of town.
    const routeOf = new Map<string, string>();
    for (const r of s.routes)
      for (const stop of r.stops) routeOf.set(stop.workOrderId, r.technicianId);
    const eastJobs = booked.filter((b) => b.technicianId === ana.id).map((b) => b.id);
    const westJobs = [
      ...booked.filter((b) => b.technicianId === ben.id).map((b) => b.id),
      queued.id,
    ];
    for (const id of eastJobs) expect(routeOf.get(id)).toBe(ben.id);
    for (const id of westJobs) expect(routeOf.get(id)).toBe(ana.id);
    // Feasible: inside the 08:00–17:00 shift, the queued job inside its window, no overlaps.
    for (const r of s.routes) {
      expect(r.technician.id).toBe(r.technicianId);
      expect(new Date(r.departure).getTime()).toBeGreaterThanOrEqual(at(day, '08:00').getTime());
      expect(new Date(r.returnAt).getTime()).toBeLessThanOrEqual(at(day, '17:00').getTime());
      const stops = r.stops.map((x: { start: string; end: string }) => [
        Date.parse(x.start),
        Date.parse(x.end),
      ]);
      for (let i = 1; i < stops.length; i++)
        expect(stops[i]![0]).toBeGreaterThanOrEqual(stops[i - 1]![1]);
      expect(r.path.length).toBe(r.stops.length + 2);
    }
    const q = s.routes
      .flatMap((r: { stops: { workOrderId: string; start: string }[] }) => r.stops)
      .find((x: { workOrderId: string }) => x.workOrderId === queued.id);
    expect(Date.parse(q.start)).toBeGreaterThanOrEqual(at(day, '13:00').getTime());
    expect(Date.parse(q.start) + 60 * 60_000).toBeLessThanOrEqual(at(day, '16:00').getTime());
    // The difference from the current plan: six reassignments and one from the queue.
    expect(s.changes).toHaveLength(7);
    expect(s.changes.filter((c: { kind: string }) => c.kind === 'REASSIGN')).toHaveLength(6);
    expect(
      s.changes.find((c: { workOrderId: string }) => c.workOrderId === queued.id),
    ).toMatchObject({
      kind: 'ASSIGN',
      fromTechnicianId: null,
      toTechnicianId: ana.id,
      applied: false,
      summary: expect.stringMatching(/^WO-7: queue → Ana Novak \d\d:\d\d$/),
    });
  });

  it('should apply all changes once, with events, and refuse a second apply of the same suggestion', async () => {
    const { w, ana, queued } = await crossedWorld();
    const s = await suggest(w);

    const res = await call(w, APPLY, { input: { id: s.id } });

    expect(res.body.errors).toBeUndefined();
    const out = res.body.data!.applyScheduleSuggestion;
    expect(out.skipped).toEqual([]);
    expect(out.applied).toHaveLength(7);
    expect(out.suggestion.status).toBe('APPLIED');
    const rows = await sub.db.workOrder.findMany({ where: { organizationId: w.organizationId } });
    for (const c of s.changes) {
      const row = rows.find((r) => r.id === c.workOrderId)!;
      expect(row.technicianId).toBe(c.toTechnicianId);
      expect(row.scheduledStart?.toISOString()).toBe(c.toStart);
      expect(row.scheduledEnd?.toISOString()).toBe(c.toEnd);
    }
    expect(rows.find((r) => r.id === queued.id)).toMatchObject({
      status: 'SCHEDULED',
      technicianId: ana.id,
    });
    const events = await sub.db.$queryRawUnsafe<{ payload: Record<string, unknown> }[]>(
      `SELECT payload FROM operations.outbox WHERE type = 'WorkOrderUpdated' AND payload->>'suggestionId' = $1`,
      s.id,
    );
    expect(events).toHaveLength(7);

    const again = await call(w, APPLY, { input: { id: s.id } });

    expect(again.body.errors?.[0]).toMatchObject({
      message: 'This suggestion is applied; ask for a new one',
      extensions: { code: 'CONFLICT' },
    });
  });

  it('should apply a chosen part, skip a change whose work order moved on, and report it', async () => {
    const w = await createWorld(sub.db);
    const ana = await w.technician('Ana Novak', { homeLat: WEST.lat, homeLng: WEST.lng });
    await w.technician('Ben Horak', { homeLat: EAST.lat, homeLng: EAST.lng });
    const jobs = [];
    for (let i = 0; i < 3; i++)
      jobs.push(await w.workOrder({ siteId: await site(w, near(i === 2 ? EAST : WEST, i), i) }));
    const [first, stale, third] = jobs as [(typeof jobs)[0], (typeof jobs)[0], (typeof jobs)[0]];
    const s = await suggest(w);
    expect(s.changes.map((c: { kind: string }) => c.kind)).toEqual(['ASSIGN', 'ASSIGN', 'ASSIGN']);

    const part = await call(w, APPLY, { input: { id: s.id, workOrderIds: [first.id] } });

    expect(part.body.errors).toBeUndefined();
    expect(part.body.data!.applyScheduleSuggestion).toMatchObject({
      suggestion: { status: 'PARTLY_APPLIED' },
      applied: [{ id: first.id, status: 'SCHEDULED', technician: { id: ana.id } }],
      skipped: [],
    });
    // Someone edits one of the others meanwhile.
    await sub.db.workOrder.updateMany({
      where: { organizationId: w.organizationId, id: stale.id },
      data: { title: 'Edited', version: { increment: 1 } },
    });

    const rest = await call(w, APPLY, { input: { id: s.id } });

    const out = rest.body.data!.applyScheduleSuggestion;
    expect(out.skipped).toEqual([
      { workOrderId: first.id, reason: 'Already applied' },
      { workOrderId: stale.id, reason: 'WO-2 changed since the suggestion was made' },
    ]);
    expect(out.applied.map((a: { id: string }) => a.id)).toEqual([third.id]);
    expect(out.suggestion.status).toBe('PARTLY_APPLIED');
    const row = await sub.db.workOrder.findFirst({
      where: { organizationId: w.organizationId, id: stale.id },
    });
    expect(row).toMatchObject({ technicianId: null, status: 'NEW' });
  });

  it('should skip a chosen move whose slot is still taken by a move left out, naming the overlap', async () => {
    const { w, booked } = await crossedWorld();
    const s = await suggest(w);
    // Moving only one of Ana's east-side jobs to Ben collides with Ben's own bookings, which stay.
    const lone = s.changes.find((c: { workOrderId: string }) => c.workOrderId === booked[0]!.id);

    const res = await call(w, APPLY, { input: { id: s.id, workOrderIds: [lone.workOrderId] } });

    const out = res.body.data!.applyScheduleSuggestion;
    expect(out.applied).toEqual([]);
    expect(out.skipped).toEqual([
      {
        workOrderId: lone.workOrderId,
        reason: expect.stringMatching(/^Ben Horak already has WO-\d+/),
      },
    ]);
    expect(out.suggestion.status).toBe('OPEN');
  });

  it('should apply swaps where each job takes the slot the other leaves', async () => {
    const w = await createWorld(sub.db);
    const ana = await w.technician('Ana Novak', {
      homeLat: WEST.lat,
      homeLng: WEST.lng,
      shiftStartMin: 540,
      shiftEndMin: 660,
    });
    const ben = await w.technician('Ben Horak', {
      homeLat: EAST.lat,
      homeLng: EAST.lng,
      shiftStartMin: 540,
      shiftEndMin: 660,
    });
    // Each has one 90-minute job on the other's side, in the only slot the short shift allows.
    const a = await w.workOrder({
      technicianId: ana.id,
      status: 'SCHEDULED',
      scheduledStart: at(day, '09:30'),
      estimatedMinutes: 60,
      siteId: await site(w, EAST, 1),
    });
    const b = await w.workOrder({
      technicianId: ben.id,
      status: 'SCHEDULED',
      scheduledStart: at(day, '09:30'),
      estimatedMinutes: 60,
      siteId: await site(w, WEST, 2),
    });
    const s = await suggest(w);
    expect(s.changes.map((c: { kind: string }) => c.kind)).toEqual(['REASSIGN', 'REASSIGN']);

    const res = await call(w, APPLY, { input: { id: s.id } });

    expect(res.body.data!.applyScheduleSuggestion.skipped).toEqual([]);
    expect(
      (await sub.db.workOrder.findFirst({ where: { organizationId: w.organizationId, id: a.id } }))
        ?.technicianId,
    ).toBe(ben.id);
    expect(
      (await sub.db.workOrder.findFirst({ where: { organizationId: w.organizationId, id: b.id } }))
        ?.technicianId,
    ).toBe(ana.id);
  });

  it('should reject a suggestion, supersede older ones and keep both out of reach of apply', async () => {
    const { w } = await crossedWorld();
    const older = await suggest(w);
    const newer = await suggest(w);

    const list = await call(w, LIST, { day, status: ['OPEN'] });
    const rejected = await call(w, REJECT, { id: newer.id });
    const applyOld = await call(w, APPLY, { input: { id: older.id } });

    expect(list.body.data!.scheduleSuggestions).toEqual([
      { id: newer.id, status: 'OPEN', kind: 'OPTIMIZE' },
    ]);
    expect(rejected.body.data!.rejectScheduleSuggestion).toEqual({
      id: newer.id,
      status: 'REJECTED',
    });
    expect(applyOld.body.errors?.[0]).toMatchObject({
      message: 'This suggestion is superseded; ask for a new one',
      extensions: { code: 'CONFLICT' },
    });
  });

  it('should check roles and tenancy: technicians cannot plan, analysts only read, other organizations see nothing', async () => {
    const { w } = await crossedWorld();
    const s = await suggest(w);
    const other = await createWorld(sub.db);

    const asTech = await call(w, SUGGEST, { input: { day } }, ['TECHNICIAN']);
    const analystRead = await call(w, GET, { id: s.id }, ['ANALYST']);
    const analystApply = await call(w, APPLY, { input: { id: s.id } }, ['ANALYST']);
    const otherRead = await call(other, GET, { id: s.id }, ['ADMIN']);
    const otherApply = await call(other, APPLY, { input: { id: s.id } }, ['ADMIN']);
    const whatIfTech = await call(w, WHAT_IF, { input: { day } }, ['TECHNICIAN']);

    expect(asTech.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(analystRead.body.data!.scheduleSuggestion).toEqual({
      id: s.id,
      status: 'OPEN',
      kind: 'OPTIMIZE',
    });
    expect(analystApply.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(otherRead.body.data!.scheduleSuggestion).toBeNull();
    expect(otherApply.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(whatIfTech.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('should refuse bad input with clear messages', async () => {
    const { w } = await crossedWorld();

    const past = await call(w, SUGGEST, { input: { day: '2020-01-01' } });
    const budget = await call(w, SUGGEST, { input: { day, timeBudgetSeconds: 99 } });
    const shift = await call(w, WHAT_IF, {
      input: {
        day,
        shiftChanges: [{ technicianId: randomUUID(), shiftStart: '10:00', shiftEnd: '09:00' }],
      },
    });

    expect(past.body.errors?.[0]).toMatchObject({
      message: '2020-01-01 is over; pick today or a later day',
      extensions: { code: 'BAD_USER_INPUT', field: 'day' },
    });
    expect(budget.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(budget.body.errors?.[0]?.message).toMatch(/at most 30 seconds/);
    expect(shift.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('should compare a what-if scenario side by side without changing anything', async () => {
    const { w, ana, ben, unskilled } = await crossedWorld();
    const electrical = await sub.db.skill.findFirstOrThrow({
      where: { organizationId: w.organizationId, name: 'Electrical' },
    });
    const sparky = await w.technician(
      'Eva Sparks',
      { homeLat: EAST.lat, homeLng: EAST.lng, active: true, workDays: [6] },
      [{ skillId: electrical.id, level: 3 }],
    );
    const before = await sub.db.workOrder.findMany({
      where: { organizationId: w.organizationId },
      orderBy: { id: 'asc' },
    });

    const res = await call(w, WHAT_IF, {
      input: {
        day,
        timeBudgetSeconds: 1,
        removeTechnicianIds: [ben.id],
        addTechnicians: [
          {
            name: 'Temp electrician',
            likeTechnicianId: sparky.id,
            shiftStart: '12:00',
            shiftEnd: '18:00',
          },
        ],
        addJobs: [
          {
            title: 'Burst pipe',
            lat: WEST.lat,
            lng: WEST.lng,
            durationMinutes: 30,
            priority: 'EMERGENCY',
          },
        ],
      },
    });

    expect(res.body.errors).toBeUndefined();
    const r = res.body.data!.whatIfSchedule;
    expect(r.notes).toEqual([
      'Without Ben Horak',
      'Adds Temp electrician (like Eva Sparks) 12:00–18:00',
      'Adds emergency job "Burst pipe"',
    ]);
    expect(r.baseline.kpis).toMatchObject({ jobs: 7, unassigned: 1 });
    expect(r.baseline.unassigned.map((u: { label: string }) => u.label)).toEqual([
      'WO-8 Rewire the hall',
    ]);
    const techs = r.scenario.routes.map((x: { technicianName: string }) => x.technicianName).sort();
    expect(techs).toEqual(['Ana Novak', 'Temp electrician']);
    const temp = r.scenario.routes.find(
      (x: { technicianName: string }) => x.technicianName === 'Temp electrician',
    );
    expect(temp.stops.map((x: { workOrderId: string }) => x.workOrderId)).toEqual([unskilled.id]);
    const anaRoute = r.scenario.routes.find(
      (x: { technicianId: string }) => x.technicianId === ana.id,
    );
    expect(anaRoute.stops.map((x: { label: string }) => x.label)).toContain('Burst pipe');
    expect(r.scenario.kpis.techniciansUsed).toBe(2);
    const after = await sub.db.workOrder.findMany({
      where: { organizationId: w.organizationId },
      orderBy: { id: 'asc' },
    });
    expect(after).toEqual(before);
    expect(
      await sub.db.scheduleSuggestion.count({ where: { organizationId: w.organizationId } }),
    ).toBe(0);
  });

  it('should fit an emergency into the running plan without moving anyone else’s jobs, once', async () => {
    const w = await createWorld(sub.db);
    const plumbing = await w.skill('Plumbing');
    const type = await w.serviceType('Leak', [{ skillId: plumbing.id, minLevel: 1 }]);
    const ana = await w.technician(
      'Ana Novak',
      { homeLat: WEST.lat, homeLng: WEST.lng, workDays: [1, 2, 3, 4, 5, 6, 7] },
      [{ skillId: plumbing.id, level: 1 }],
    );
    const ben = await w.technician(
      'Ben Horak',
      { homeLat: EAST.lat, homeLng: EAST.lng, workDays: [1, 2, 3, 4, 5, 6, 7] },
      [{ skillId: plumbing.id, level: 1 }],
    );
    const anaJobs = [
      await w.workOrder({
        technicianId: ana.id,
        status: 'SCHEDULED',
        scheduledStart: at(day, '09:00'),
        siteId: await site(w, near(WEST, 0), 1),
        serviceTypeId: type.id,
      }),
      await w.workOrder({
        technicianId: ana.id,
        status: 'SCHEDULED',
        scheduledStart: at(day, '13:00'),
        siteId: await site(w, near(WEST, 1), 2),
        serviceTypeId: type.id,
      }),
    ];
    const benJob = await w.workOrder({
      technicianId: ben.id,
      status: 'IN_PROGRESS',
      scheduledStart: at(day, '09:00'),
      estimatedMinutes: 240,
      siteId: await site(w, EAST, 3),
      serviceTypeId: type.id,
    });
    const emergency = await w.workOrder({
      title: 'Burst pipe',
      priority: 'EMERGENCY',
      siteId: await site(w, near(WEST, 2), 4),
      serviceTypeId: type.id,
    });
    // Ana is in the middle of her first job (as booked) when the emergency comes in.
    const clock = at(day, '09:30');
    const matrix = new GreatCircleMatrixProvider();

    const id = await sub.db.$transaction((tx) =>
      suggestUrgentInsertion(tx, matrix, w.organizationId, emergency.id, clock),
    );
    const again = await sub.db.$transaction((tx) =>
      suggestUrgentInsertion(tx, matrix, w.organizationId, emergency.id, clock),
    );

    expect(id).not.toBeNull();
    expect(again).toBeNull();
    const res = await call(
      w,
      `query ($id: ID!) { scheduleSuggestion(id: $id) { ${SUGGESTION} } }`,
      { id },
    );
    const s = res.body.data!.scheduleSuggestion;
    expect(s).toMatchObject({
      kind: 'URGENT_INSERTION',
      triggerWorkOrderId: emergency.id,
      status: 'OPEN',
    });
    // Ana, nearby and free between her jobs, takes it; nothing else changes.
    expect(s.changes).toEqual([
      expect.objectContaining({
        workOrderId: emergency.id,
        kind: 'ASSIGN',
        toTechnicianId: ana.id,
      }),
    ]);
    expect(Date.parse(s.changes[0].toStart)).toBeGreaterThanOrEqual(clock.getTime());
    const anaRoute = s.routes.find((r: { technicianId: string }) => r.technicianId === ana.id);
    // As soon as possible: right after the job she is on, before her 13:00 one.
    expect(anaRoute.stops.map((x: { workOrderId: string }) => x.workOrderId)).toEqual([
      anaJobs[0]!.id,
      emergency.id,
      anaJobs[1]!.id,
    ]);
    expect(Date.parse(s.changes[0].toStart)).toBeLessThan(at(day, '10:30').getTime());
    const benRoute = s.routes.find((r: { technicianId: string }) => r.technicianId === ben.id);
    expect(benRoute.stops.map((x: { workOrderId: string }) => x.workOrderId)).toEqual([benJob.id]);

    const applied = await call(w, APPLY, { input: { id } });

    expect(applied.body.data!.applyScheduleSuggestion.applied).toEqual([
      expect.objectContaining({
        id: emergency.id,
        status: 'SCHEDULED',
        technician: { id: ana.id },
      }),
    ]);
  });
});
