import type { RunningSubgraph } from '@attendant/kit';
import type { Prisma, WorkOrder } from '@attendant/db';
import {
  callSubgraph,
  createTestDatabase,
  staffActor,
  startTestSubgraph,
  type TestDatabase,
} from '@attendant/testing';
import { randomUUID } from 'node:crypto';
import { operationsSubgraph } from '../index';
import { runSlaMonitor } from '../sla/sla.monitor';
import { SlaService, type SlaPolicyView, type SlaRowLike } from '../sla/sla.service';
import { SlaState } from '../sla/sla.type';
import {
  createGeneratedWorkOrder,
  refreshGeneratedWorkOrder,
  type GeneratedOrderInput,
} from './generated-order';
import { createOrganization, createServiceType, DAY, HOUR } from './generated-orders.fixtures';

const SLA_OF = /* GraphQL */ `
  query ($id: ID!) {
    workOrder(id: $id) {
      sla {
        state
        resolutionDueAt
        minutesRemaining
        percentUsed
      }
    }
  }
`;
const MINUTE = 60_000;
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * MINUTE);
/** A whole minute some time from now (orders are generated on the real clock). */
const fromNow = (ms: number) => new Date(Math.ceil((Date.now() + ms) / MINUTE) * MINUTE);

describe('generated work orders: SLA clock', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;

  beforeAll(async () => {
    process.env['AUTOMATION_SWEEP_INTERVAL_MS'] = '0';
    process.env['MAINTENANCE_INTERVAL_MS'] = '0';
    // The process's own monitor would first run in an hour: these specs run it by hand.
    process.env['SLA_MONITOR_INTERVAL_MS'] = '3600000';
    database = await createTestDatabase();
    sub = await startTestSubgraph(operationsSubgraph, database);
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  /** An organization with a round-the-clock catch-all policy: respond in 1 h, resolve in 4 h. */
  const setup = async () => {
    const org = await createOrganization(sub, 'Europe/Vienna', 'FIELD_SERVICE');
    const serviceType = await createServiceType(sub, org, { checklist: [] });
    const policy = await sub.db.slaPolicy.create({
      data: {
        organizationId: org,
        name: 'Four hours',
        responseMinutes: 60,
        resolutionMinutes: 240,
        warnAt: 0.8,
      },
    });
    const view: SlaPolicyView = {
      id: policy.id,
      name: policy.name,
      warnAt: 0.8,
      calendar: { businessHours: null, timezone: 'Europe/Vienna', holidays: [] },
    };
    return { org, serviceType, view, actor: staffActor(org, ['DISPATCHER']) };
  };
  type Setup = Awaited<ReturnType<typeof setup>>;

  const generate = (s: Setup, over: Partial<GeneratedOrderInput>) =>
    sub.db.$transaction((tx) =>
      createGeneratedWorkOrder(tx, {
        organizationId: s.org,
        dedupeKey: `maint:${randomUUID()}:2031-01-06`,
        kind: 'FIELD_JOB',
        title: 'Filter change — Boiler 2',
        priority: 'NORMAL',
        serviceType: s.serviceType,
        ...over,
      }),
    );
  const reload = (wo: WorkOrder) =>
    sub.db.workOrder.findFirstOrThrow({ where: { organizationId: wo.organizationId, id: wo.id } });
  const eventsOf = (id: string, pattern = 'WorkOrderSla%') =>
    sub.db.$queryRawUnsafe<{ type: string; payload: Record<string, unknown> }[]>(
      `SELECT type, payload FROM operations.outbox
       WHERE "entityId" = $1::uuid AND type LIKE $2 ORDER BY "occurredAt", id`,
      id,
      pattern,
    );
  const slaOf = async (s: Setup, id: string) => {
    const res = await callSubgraph(sub.url, s.actor, SLA_OF, { id });
    expect(res.body.errors).toBeUndefined();
    return (res.body.data as { workOrder: { sla: Record<string, unknown> } }).workOrder.sla;
  };

  it('should start the SLA clock at the scheduled start when an order is generated days ahead', async () => {
    const s = await setup();
    const start = fromNow(7 * DAY);
    const wo = (await generate(s, { scheduledStart: start }))!;
    expect(wo.slaStartsAt).toEqual(start);
    expect(wo.responseDueAt).toEqual(plus(start, 60));
    expect(wo.slaDueAt).toEqual(plus(start, 240));

    const sla = new SlaService(sub.db);
    // Six days after generation, and just before the work is due: nothing of the 4 h is used.
    for (const at of [fromNow(6 * DAY), plus(start, -1)]) {
      expect(sla.status(wo, at, s.view)).toMatchObject({
        state: SlaState.ON_TRACK,
        percentUsed: 0,
      });
      expect(sla.risk(wo, at, s.view)).toBe(0);
    }
    expect(sla.status(wo, plus(start, 120), s.view)).toMatchObject({
      state: SlaState.ON_TRACK,
      percentUsed: 50,
      minutesRemaining: 120,
    });
    expect(sla.status(wo, plus(start, 200), s.view).state).toBe(SlaState.AT_RISK);
    // WorkOrder.sla reads the stored row the same way.
    expect(await slaOf(s, wo.id)).toMatchObject({
      state: 'ON_TRACK',
      percentUsed: 0,
      resolutionDueAt: plus(start, 240).toISOString(),
    });
  });

  it('should not warn before the work is due and warn and breach counted from the start', async () => {
    const s = await setup();
    const start = fromNow(7 * DAY);
    const wo = (await generate(s, { scheduledStart: start }))!;
    // Measured from creation, 80 % of 7 days + 4 h passed after about 5.6 days.
    await runSlaMonitor(sub.db, fromNow(6 * DAY));
    await runSlaMonitor(sub.db, plus(start, 180)); // 75 %
    expect(await eventsOf(wo.id)).toEqual([]);
    await runSlaMonitor(sub.db, plus(start, 200)); // 83 %
    await runSlaMonitor(sub.db, plus(start, 241));
    expect((await eventsOf(wo.id)).map((e) => e.type)).toEqual([
      'WorkOrderSlaAtRisk',
      'WorkOrderSlaBreached',
    ]);
  });

  it('should start the SLA clock at the window start when a maintenance order has only a window', async () => {
    const s = await setup();
    const windowStart = fromNow(3 * DAY);
    const wo = (await generate(s, { windowStart, windowEnd: plus(windowStart, 24 * 60) }))!;
    expect(wo.scheduledStart).toBeNull();
    expect(wo.slaStartsAt).toEqual(windowStart);
    expect(wo.slaDueAt).toEqual(plus(windowStart, 240));
    expect(new SlaService(sub.db).status(wo, fromNow(2 * DAY), s.view).percentUsed).toBe(0);
  });

  it('should move the deadlines with a later arrival and report no breach of the old deadline', async () => {
    const s = await setup();
    const start = fromNow(2 * DAY);
    const wo = (await generate(s, { scheduledStart: start, reservationId: randomUUID() }))!;
    // The old deadline was already warned about (e.g. the monitor ran late in the old window).
    await runSlaMonitor(sub.db, plus(start, 200));
    expect((await reload(wo)).slaWarnedAt).toEqual(plus(start, 200));

    const later = new Date(start.getTime() + DAY);
    const moved = (await sub.db.$transaction((tx) =>
      refreshGeneratedWorkOrder(tx, wo, {
        title: wo.title,
        roomId: wo.roomId,
        guestId: wo.guestId,
        scheduledStart: later,
      }),
    ))!;
    expect(moved).toMatchObject({
      scheduledStart: later,
      scheduledEnd: plus(later, 30),
      slaStartsAt: later,
      slaPolicyId: s.view.id,
      responseDueAt: plus(later, 60),
      slaDueAt: plus(later, 240),
      slaWarnedAt: null,
      slaBreachedAt: null,
      version: wo.version + 1,
    });
    const [updated] = await eventsOf(wo.id, 'WorkOrderUpdated');
    expect(updated?.payload).toMatchObject({ slaDueAt: plus(later, 240).toISOString() });

    // The old deadline passes: nothing is breached, the order is on track with nothing used.
    const afterOldDeadline = plus(start, 300);
    await runSlaMonitor(sub.db, afterOldDeadline);
    expect((await eventsOf(wo.id)).map((e) => e.type)).toEqual(['WorkOrderSlaAtRisk']);
    expect(new SlaService(sub.db).status(moved, afterOldDeadline, s.view)).toMatchObject({
      state: SlaState.ON_TRACK,
      percentUsed: 0,
      responseBreached: false,
    });
    // The new deadline is watched afresh.
    await runSlaMonitor(sub.db, plus(later, 200));
    await runSlaMonitor(sub.db, plus(later, 241));
    expect((await eventsOf(wo.id)).map((e) => e.type)).toEqual([
      'WorkOrderSlaAtRisk',
      'WorkOrderSlaAtRisk',
      'WorkOrderSlaBreached',
    ]);
  });

  it('should keep the SLA clock and deadlines when a refresh does not move the work', async () => {
    const s = await setup();
    const start = fromNow(2 * DAY);
    const wo = (await generate(s, { scheduledStart: start }))!;
    const renamed = (await sub.db.$transaction((tx) =>
      refreshGeneratedWorkOrder(tx, wo, {
        title: 'Filter change — Boiler 3',
        roomId: wo.roomId,
        guestId: wo.guestId,
        scheduledStart: start,
      }),
    ))!;
    expect(renamed.title).toBe('Filter change — Boiler 3');
    expect(renamed).toMatchObject({
      slaStartsAt: wo.slaStartsAt,
      responseDueAt: wo.responseDueAt,
      slaDueAt: wo.slaDueAt,
    });
  });

  it('should keep a deadline set by hand and move only its clock when the work moves', async () => {
    const s = await setup();
    const start = fromNow(2 * DAY);
    const wo = (await generate(s, { scheduledStart: start }))!;
    const handDeadline = plus(start, 48 * 60);
    const edited = await sub.db.workOrder.update({
      where: { id: wo.id, organizationId: s.org },
      data: { slaPolicyId: null, responseDueAt: null, slaDueAt: handDeadline },
    });
    const later = new Date(start.getTime() + 6 * HOUR);
    const moved = (await sub.db.$transaction((tx) =>
      refreshGeneratedWorkOrder(tx, edited, {
        title: wo.title,
        roomId: null,
        guestId: null,
        scheduledStart: later,
      }),
    ))!;
    expect(moved).toMatchObject({ slaStartsAt: later, slaPolicyId: null, slaDueAt: handDeadline });
  });

  it('should count a regular order from its creation, whatever its schedule, when it has no clock start', async () => {
    const s = await setup();
    const created = plus(new Date(), -200);
    const data: Prisma.WorkOrderUncheckedCreateInput = {
      organizationId: s.org,
      number: 1,
      kind: 'FIELD_JOB',
      title: 'Leaking tap',
      createdAt: created,
      scheduledStart: fromNow(2 * DAY),
      slaDueAt: plus(created, 240),
    };
    const wo = await sub.db.workOrder.create({ data });
    expect(wo.slaStartsAt).toBeNull();
    const sla = await slaOf(s, wo.id);
    expect(sla['state']).toBe('AT_RISK');
    expect(sla['percentUsed']).toBeGreaterThanOrEqual(83);
    expect(sla['percentUsed']).toBeLessThan(90);
    // Rows read without the column count the same way.
    const withoutClock: SlaRowLike = { ...wo };
    delete withoutClock.slaStartsAt;
    expect(new SlaService(sub.db).risk(withoutClock, plus(created, 120))).toBeCloseTo(0.5);
    await runSlaMonitor(sub.db, plus(created, 200));
    expect((await eventsOf(wo.id)).map((e) => e.type)).toEqual(['WorkOrderSlaAtRisk']);
  });
});
