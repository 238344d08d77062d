import {
  callSubgraph,
  createTestDatabase,
  staffActor,
  startTestSubgraph,
  type TestDatabase,
} from '@attendant/testing';
import { createLogger, type RunningSubgraph } from '@attendant/kit';
import type { Prisma, WorkOrderPriority } from '@attendant/db';
import { randomUUID } from 'node:crypto';
import { operationsSubgraph } from '../index';
import { runSlaMonitor, startSlaMonitor } from './sla.monitor';
import { SlaService } from './sla.service';

const POLICY_FIELDS = /* GraphQL */ `
  id
  name
  serviceTypeId
  serviceType {
    name
  }
  priority
  responseMinutes
  resolutionMinutes
  businessHours {
    day
    start
    end
  }
  timezone
  holidays
  warnAt
  active
`;
const CREATE = `mutation ($input: CreateSlaPolicyInput!) { createSlaPolicy(input: $input) { ${POLICY_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateSlaPolicyInput!) { updateSlaPolicy(id: $id, input: $input) { ${POLICY_FIELDS} } }`;
const DELETE = `mutation ($id: ID!) { deleteSlaPolicy(id: $id) }`;
const SLA_OF = /* GraphQL */ `
  query ($id: ID!) {
    workOrder(id: $id) {
      sla {
        state
        responseDueAt
        resolutionDueAt
        respondedAt
        responseBreached
        minutesRemaining
        percentUsed
        policyName
      }
    }
  }
`;

const OFFICE_HOURS = [1, 2, 3, 4, 5].map((day) => ({ day, start: 540, end: 1020 }));
const MINUTE = 60_000;
const minutesAgo = (m: number) => new Date(Date.now() - m * MINUTE);

describe('operations subgraph: SLA policies, status and breach monitor', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  const orgA = randomUUID();
  const orgB = randomUUID();
  const admin = staffActor(orgA, ['ADMIN']);
  const dispatcher = staffActor(orgA, ['DISPATCHER']);
  const technician = staffActor(orgA, ['TECHNICIAN']);
  const otherTenant = staffActor(orgB, ['ADMIN']);
  let number = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    sub = await startTestSubgraph(operationsSubgraph, database);
    await sub.db.organization.createMany({
      data: [
        {
          id: orgA,
          name: 'A',
          slug: `a-${orgA}`,
          kind: 'FIELD_SERVICE',
          timezone: 'Europe/Prague',
        },
        { id: orgB, name: 'B', slug: `b-${orgB}`, kind: 'HOTEL', timezone: 'America/New_York' },
      ],
    });
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  const policyInput = (over: Record<string, unknown> = {}) => ({
    name: `Policy ${randomUUID().slice(0, 8)}`,
    responseMinutes: 30,
    resolutionMinutes: 240,
    ...over,
  });
  const createPolicy = (over: Record<string, unknown> = {}, actor = admin) =>
    callSubgraph(sub.url, actor, CREATE, { input: policyInput(over) });
  const serviceType = (organizationId = orgA) =>
    sub.db.serviceType.create({
      data: { organizationId, name: `Type ${randomUUID().slice(0, 8)}` },
    });
  const workOrder = (data: Partial<Prisma.WorkOrderUncheckedCreateInput> = {}) =>
    sub.db.workOrder.create({
      data: {
        organizationId: orgA,
        number: ++number,
        kind: 'FIELD_JOB',
        title: `Job ${number}`,
        ...data,
      },
    });
  const eventsOf = (id: string) =>
    sub.db.$queryRawUnsafe<{ type: string; payload: Record<string, unknown> }[]>(
      `SELECT type, payload FROM operations.outbox
       WHERE "entityId" = $1::uuid AND type LIKE 'WorkOrderSla%' ORDER BY "occurredAt"`,
      id,
    );

  describe('policies', () => {
    it("should default to the organization's time zone and round the clock when none are given", async () => {
      const res = await createPolicy({ name: 'Default clock' });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.createSlaPolicy).toMatchObject({
        name: 'Default clock',
        timezone: 'Europe/Prague',
        businessHours: null,
        holidays: [],
        warnAt: 0.8,
        active: true,
        priority: null,
        serviceType: null,
      });
    });

    it('should store business hours, holidays and a service type when they are valid', async () => {
      const type = await serviceType();
      const res = await createPolicy({
        serviceTypeId: type.id,
        priority: 'HIGH',
        businessHours: OFFICE_HOURS,
        timezone: 'America/New_York',
        holidays: ['2026-12-25', '2026-01-01', '2026-12-25'],
        warnAt: 0.5,
      });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.createSlaPolicy).toMatchObject({
        serviceType: { name: type.name },
        priority: 'HIGH',
        businessHours: OFFICE_HOURS,
        timezone: 'America/New_York',
        holidays: ['2026-01-01', '2026-12-25'],
        warnAt: 0.5,
      });
    });

    it.each([
      [{ responseMinutes: 300, resolutionMinutes: 240 }, /response target cannot be longer/],
      [{ responseMinutes: 0 }, /Targets are 1 to 525600 minutes/],
      [{ businessHours: [{ day: 1, start: 600, end: 540 }] }, /starts before it ends/],
      [{ businessHours: [{ day: 8, start: 540, end: 1020 }] }, /weekday is 1 \(Monday\) to 7/],
      [{ businessHours: [{ day: 1, start: 540, end: 1500 }] }, /0 to 1440 minutes/],
      [
        {
          businessHours: [
            { day: 2, start: 540, end: 720 },
            { day: 2, start: 700, end: 1020 },
          ],
        },
        /ranges on weekday 2 overlap/,
      ],
      [{ businessHours: [] }, /at least one business-hours range/],
      [{ timezone: 'Mars/Olympus' }, /not a known IANA time zone/],
      [{ holidays: ['2026-02-30'] }, /2026-02-30 is not a date/],
      [{ holidays: ['25.12.2026'] }, /Holidays are dates like/],
      [{ warnAt: 1 }, /between 0 and 1/],
      [{ warnAt: 0 }, /between 0 and 1/],
      [{ name: 'x' }, /Give a name of 2 to 80 characters/],
      // One business minute a week cannot hold a 1,000-minute target within ten years.
      [
        {
          responseMinutes: 60,
          resolutionMinutes: 1000,
          businessHours: [{ day: 1, start: 540, end: 541 }],
        },
        /leave no time to resolve within 1000 minutes/,
      ],
    ])('should answer BAD_USER_INPUT when the policy is invalid (%j)', async (over, message) => {
      const before = await sub.db.slaPolicy.count({ where: { organizationId: orgA } });
      const res = await createPolicy(over);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors?.[0]?.message).toMatch(message);
      expect(await sub.db.slaPolicy.count({ where: { organizationId: orgA } })).toBe(before);
    });

    it('should answer CONFLICT with a clear message when the name is taken', async () => {
      await createPolicy({ name: 'Gold', priority: 'LOW' });
      const res = await createPolicy({ name: 'gold', priority: 'NORMAL' });
      expect(res.body.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'SLA_POLICY_NAME_TAKEN',
      });
      expect(res.body.errors?.[0]?.message).toMatch(/named "Gold" already exists/);
    });

    it('should answer CONFLICT when another active policy covers the same type and priority', async () => {
      const type = await serviceType();
      await createPolicy({ serviceTypeId: type.id, priority: 'EMERGENCY' });
      const res = await createPolicy({ serviceTypeId: type.id, priority: 'EMERGENCY' });
      expect(res.body.errors?.[0]?.extensions?.reason).toBe('SLA_POLICY_SCOPE_TAKEN');
      const inactive = await createPolicy({
        serviceTypeId: type.id,
        priority: 'EMERGENCY',
        active: false,
      });
      expect(inactive.body.errors).toBeUndefined();
    });

    it('should answer NOT_FOUND when the service type or policy belongs to another organization', async () => {
      const theirType = await serviceType(orgB);
      const res = await createPolicy({ serviceTypeId: theirType.id });
      expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const mine = (await createPolicy({ priority: 'LOW', active: false })).body.data!
        .createSlaPolicy;
      const update = await callSubgraph(sub.url, otherTenant, UPDATE, {
        id: mine.id,
        input: { name: 'Stolen' },
      });
      expect(update.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const del = await callSubgraph(sub.url, otherTenant, DELETE, { id: mine.id });
      expect(del.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const list = await callSubgraph(sub.url, otherTenant, '{ slaPolicies { id } }');
      expect(list.body.data!.slaPolicies).toEqual([]);
    });

    it('should update only the given fields and switch to round the clock when hours are null', async () => {
      const created = (
        await createPolicy({ businessHours: OFFICE_HOURS, active: false, priority: 'LOW' })
      ).body.data!.createSlaPolicy;
      const res = await callSubgraph(sub.url, admin, UPDATE, {
        id: created.id,
        input: { businessHours: null, resolutionMinutes: 600 },
      });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.updateSlaPolicy).toMatchObject({
        name: created.name,
        businessHours: null,
        resolutionMinutes: 600,
        responseMinutes: 30,
        timezone: 'Europe/Prague',
      });
      const bad = await callSubgraph(sub.url, admin, UPDATE, {
        id: created.id,
        input: { responseMinutes: 601 },
      });
      expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('should delete a policy and write an event when a manager deletes it', async () => {
      const created = (await createPolicy({ active: false })).body.data!.createSlaPolicy;
      const res = await callSubgraph(sub.url, admin, DELETE, { id: created.id });
      expect(res.body.data!.deleteSlaPolicy).toBe(true);
      expect(
        await sub.db.slaPolicy.count({ where: { organizationId: orgA, id: created.id } }),
      ).toBe(0);
      const events = await sub.db.$queryRawUnsafe<{ type: string }[]>(
        `SELECT type FROM operations.outbox WHERE "entityId" = $1::uuid ORDER BY "occurredAt"`,
        created.id,
      );
      expect(events.map((e) => e.type)).toEqual(['SlaPolicyCreated', 'SlaPolicyDeleted']);
    });

    it('should let dispatchers read policies and refuse them and technicians changes (FORBIDDEN)', async () => {
      const read = await callSubgraph(sub.url, dispatcher, '{ slaPolicies { id } }');
      expect(read.body.errors).toBeUndefined();
      expect((await createPolicy({}, dispatcher)).body.errors?.[0]?.extensions?.code).toBe(
        'FORBIDDEN',
      );
      const techRead = await callSubgraph(sub.url, technician, '{ slaPolicies { id } }');
      expect(techRead.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('targets for new work orders', () => {
    // A fresh organization per test keeps other tests' policies out of the match.
    const freshOrg = async () => {
      const id = randomUUID();
      await sub.db.organization.create({
        data: { id, name: 'T', slug: `t-${id}`, kind: 'FIELD_SERVICE', timezone: 'Europe/Prague' },
      });
      return id;
    };
    const policy = (organizationId: string, data: Partial<Prisma.SlaPolicyUncheckedCreateInput>) =>
      sub.db.slaPolicy.create({
        data: {
          organizationId,
          name: randomUUID(),
          responseMinutes: 10,
          resolutionMinutes: 100,
          ...data,
        },
      });
    const createdAt = new Date('2026-03-02T08:00:00Z'); // Monday 09:00 in Prague
    const targets = (
      organizationId: string,
      serviceTypeId: string | null,
      priority: WorkOrderPriority,
    ) =>
      new SlaService(sub.db).targetsFor(sub.db, organizationId, {
        serviceTypeId,
        priority,
        createdAt,
      });

    it('should pick type and priority over type over priority over the catch-all policy', async () => {
      const org = await freshOrg();
      const type = await serviceType(org);
      const other = await serviceType(org);
      const catchAll = await policy(org, { resolutionMinutes: 1000 });
      const high = await policy(org, { priority: 'HIGH', resolutionMinutes: 800 });
      const typed = await policy(org, { serviceTypeId: type.id, resolutionMinutes: 600 });
      const exact = await policy(org, {
        serviceTypeId: type.id,
        priority: 'HIGH',
        resolutionMinutes: 400,
      });
      await policy(org, { serviceTypeId: type.id, priority: 'LOW', active: false });
      expect((await targets(org, type.id, 'HIGH'))?.slaPolicyId).toBe(exact.id);
      expect((await targets(org, type.id, 'LOW'))?.slaPolicyId).toBe(typed.id);
      expect((await targets(org, other.id, 'HIGH'))?.slaPolicyId).toBe(high.id);
      expect((await targets(org, null, 'HIGH'))?.slaPolicyId).toBe(high.id);
      expect((await targets(org, other.id, 'NORMAL'))?.slaPolicyId).toBe(catchAll.id);
      const t = await targets(org, type.id, 'HIGH');
      expect(t?.slaDueAt).toEqual(new Date(createdAt.getTime() + 400 * MINUTE));
      expect(t?.responseDueAt).toEqual(new Date(createdAt.getTime() + 10 * MINUTE));
    });

    it('should answer null when no active policy applies', async () => {
      const org = await freshOrg();
      await policy(org, { priority: 'EMERGENCY' });
      await policy(org, { active: false });
      expect(await targets(org, null, 'NORMAL')).toBeNull();
    });

    it("should count targets on the policy's business clock in the organization's zone", async () => {
      const org = await freshOrg();
      await policy(org, {
        businessHours: OFFICE_HOURS,
        timezone: null,
        responseMinutes: 60,
        resolutionMinutes: 600,
      });
      const t = await targets(org, null, 'NORMAL');
      // Monday 09:00 + 10 business hours → Tuesday 11:00 Prague (10:00Z).
      expect(t?.responseDueAt.toISOString()).toBe('2026-03-02T09:00:00.000Z');
      expect(t?.slaDueAt.toISOString()).toBe('2026-03-03T10:00:00.000Z');
    });
  });

  describe('WorkOrder.sla', () => {
    it('should show ON_TRACK, AT_RISK and BREACHED for open orders by the share of time used', async () => {
      const onTrack = await workOrder({ createdAt: minutesAgo(10), slaDueAt: minutesAgo(-50) });
      const atRisk = await workOrder({ createdAt: minutesAgo(90), slaDueAt: minutesAgo(-10) });
      const breached = await workOrder({
        createdAt: minutesAgo(120),
        slaDueAt: minutesAgo(20),
        responseDueAt: minutesAgo(100),
      });
      const sla = async (id: string) =>
        (await callSubgraph(sub.url, admin, SLA_OF, { id })).body.data!.workOrder.sla;
      const a = await sla(onTrack.id);
      expect(a).toMatchObject({ state: 'ON_TRACK', responseBreached: false, policyName: null });
      expect(a.minutesRemaining).toBeGreaterThanOrEqual(48);
      expect(a.minutesRemaining).toBeLessThanOrEqual(50);
      expect((await sla(atRisk.id)).state).toBe('AT_RISK');
      const c = await sla(breached.id);
      expect(c).toMatchObject({ state: 'BREACHED', responseBreached: true });
      expect(c.minutesRemaining).toBeLessThanOrEqual(-20);
      expect(c.percentUsed).toBeGreaterThan(100);
    });

    it('should show MET, MISSED and NONE for completed, cancelled and SLA-less orders', async () => {
      const due = minutesAgo(30);
      const met = await workOrder({
        status: 'COMPLETED',
        createdAt: minutesAgo(90),
        slaDueAt: due,
        completedAt: minutesAgo(40),
      });
      const missed = await workOrder({
        status: 'COMPLETED',
        createdAt: minutesAgo(90),
        slaDueAt: due,
        completedAt: minutesAgo(10),
      });
      const cancelled = await workOrder({ status: 'CANCELLED', slaDueAt: due });
      const none = await workOrder();
      const states = await Promise.all(
        [met, missed, cancelled, none].map(async (w) => {
          const res = await callSubgraph(sub.url, admin, SLA_OF, { id: w.id });
          return res.body.data!.workOrder.sla.state;
        }),
      );
      expect(states).toEqual(['MET', 'MISSED', 'NONE', 'NONE']);
    });

    it('should name the policy and count its business minutes when the order has one', async () => {
      const p = await sub.db.slaPolicy.create({
        data: {
          organizationId: orgA,
          name: 'Weekdays only',
          responseMinutes: 60,
          resolutionMinutes: 60,
          businessHours: [1, 2, 3, 4, 5].map((day) => ({ day, start: 0, end: 1440 })),
          active: false,
        },
      });
      // A deadline 48 business hours away never comes sooner than that on a weekdays-only clock.
      const wo = await workOrder({
        createdAt: minutesAgo(0),
        slaDueAt: minutesAgo(-7 * 24 * 60),
        slaPolicyId: p.id,
      });
      const res = await callSubgraph(sub.url, admin, SLA_OF, { id: wo.id });
      const sla = res.body.data!.workOrder.sla;
      expect(sla.policyName).toBe('Weekdays only');
      // Seven calendar days hold exactly five weekdays (±1 h for a clock change in between).
      expect(Math.abs(sla.minutesRemaining - 5 * 24 * 60)).toBeLessThanOrEqual(61);
    });
  });

  describe('breach monitor', () => {
    // Far-future times keep the process's own 30 s monitor out of these orders.
    const created = new Date('2031-01-06T08:00:00Z');
    const due = new Date('2031-01-06T10:00:00Z');
    const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * MINUTE);

    it('should warn once at the warning share and breach once at the deadline when run repeatedly', async () => {
      const wo = await workOrder({ createdAt: created, slaDueAt: due });
      await runSlaMonitor(sub.db, plus(created, 60));
      expect(await eventsOf(wo.id)).toEqual([]);
      const warnAt = plus(created, 100); // 83 % of two hours
      await runSlaMonitor(sub.db, warnAt);
      await runSlaMonitor(sub.db, plus(warnAt, 5));
      await runSlaMonitor(sub.db, plus(due, 1));
      await runSlaMonitor(sub.db, plus(due, 2));
      const events = await eventsOf(wo.id);
      expect(events.map((e) => e.type)).toEqual(['WorkOrderSlaAtRisk', 'WorkOrderSlaBreached']);
      expect(events[1]!.payload).toMatchObject({
        number: wo.number,
        title: wo.title,
        status: 'NEW',
        slaDueAt: due.toISOString(),
      });
      const row = await sub.db.workOrder.findFirst({ where: { organizationId: orgA, id: wo.id } });
      expect(row?.slaWarnedAt).toEqual(warnAt);
      expect(row?.slaBreachedAt).toEqual(plus(due, 1));
      expect(row?.version).toBe(wo.version);
    });

    it('should emit one breach when two monitors run at the same time', async () => {
      const orders = await Promise.all(
        [1, 2, 3].map(() => workOrder({ createdAt: created, slaDueAt: due })),
      );
      const [a, b] = await Promise.all([
        runSlaMonitor(sub.db, plus(due, 10)),
        runSlaMonitor(sub.db, plus(due, 10)),
      ]);
      for (const wo of orders) {
        expect((await eventsOf(wo.id)).map((e) => e.type)).toEqual(['WorkOrderSlaBreached']);
      }
      expect(a.breached + b.breached).toBeGreaterThanOrEqual(3);
    });

    it('should go straight to the breach without a warning when the monitor first sees it late', async () => {
      const wo = await workOrder({ createdAt: created, slaDueAt: due });
      await runSlaMonitor(sub.db, plus(due, 60));
      await runSlaMonitor(sub.db, plus(due, 61));
      expect((await eventsOf(wo.id)).map((e) => e.type)).toEqual(['WorkOrderSlaBreached']);
    });

    it('should leave completed, cancelled and SLA-less orders alone', async () => {
      const orders = await Promise.all([
        workOrder({
          createdAt: created,
          slaDueAt: due,
          status: 'COMPLETED',
          completedAt: plus(due, 5),
        }),
        workOrder({ createdAt: created, slaDueAt: due, status: 'CANCELLED' }),
        workOrder({ createdAt: created }),
      ]);
      await runSlaMonitor(sub.db, plus(due, 30));
      for (const wo of orders) expect(await eventsOf(wo.id)).toEqual([]);
    });

    it('should warn by business time used, not wall-clock time, when the policy has business hours', async () => {
      const p = await sub.db.slaPolicy.create({
        data: {
          organizationId: orgA,
          name: 'Office monitor',
          responseMinutes: 60,
          resolutionMinutes: 240,
          businessHours: OFFICE_HOURS,
          timezone: 'Europe/Prague',
          warnAt: 0.8,
          active: false,
        },
      });
      // Friday 2031-01-03 16:00 Prague + 240 business minutes → Monday 2031-01-06 12:00 Prague.
      const createdFriday = new Date('2031-01-03T15:00:00Z');
      const dueMonday = new Date('2031-01-06T11:00:00Z');
      const wo = await workOrder({
        createdAt: createdFriday,
        slaDueAt: dueMonday,
        slaPolicyId: p.id,
      });
      // Monday 11:00: 97 % of the wall-clock time but 75 % of the business time is used.
      await runSlaMonitor(sub.db, new Date('2031-01-06T10:00:00Z'));
      expect(await eventsOf(wo.id)).toEqual([]);
      // Monday 11:15: 195 of 240 business minutes (81 %).
      await runSlaMonitor(sub.db, new Date('2031-01-06T10:15:00Z'));
      expect((await eventsOf(wo.id)).map((e) => e.type)).toEqual(['WorkOrderSlaAtRisk']);
    });

    it('should run on its interval and stop after the running scan when stopped', async () => {
      const wo = await workOrder({ createdAt: minutesAgo(120), slaDueAt: minutesAgo(1) });
      const stop = startSlaMonitor(sub.db, 50, createLogger('sla-test', 'silent'));
      const deadline = Date.now() + 10_000;
      while ((await eventsOf(wo.id)).length === 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
      await stop();
      expect((await eventsOf(wo.id)).map((e) => e.type)).toEqual(['WorkOrderSlaBreached']);
    });
  });
});
