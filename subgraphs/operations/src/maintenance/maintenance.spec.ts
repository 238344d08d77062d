import type { RunningSubgraph } from '@attendant/kit';
import {
  callSubgraph,
  createTestDatabase,
  staffActor,
  startTestSubgraph,
  type TestDatabase,
} from '@attendant/testing';
import { randomUUID } from 'node:crypto';
import {
  createOrganization,
  createServiceType,
  createTeam,
} from '../generated-orders/generated-orders.fixtures';
import { operationsSubgraph } from '../index';
import { generateDue } from './maintenance.generator';

const PLAN = /* GraphQL */ `
  id
  name
  priority
  asset
  intervalDays
  rrule
  startsOn
  leadDays
  active
  lastGeneratedAt
  generatedCount
  nextDueDates(count: 3)
  serviceType {
    id
  }
  team {
    id
  }
  technician {
    id
  }
  room {
    id
  }
  site {
    id
  }
`;
const CREATE = `mutation ($input: CreateMaintenancePlanInput!) { createMaintenancePlan(input: $input) { ${PLAN} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateMaintenancePlanInput!) { updateMaintenancePlan(id: $id, input: $input) { ${PLAN} } }`;
const GET = `query ($id: ID!) { maintenancePlan(id: $id) { ${PLAN} } }`;
const RUN = 'mutation { runMaintenancePlans { created skipped } }';

describe('operations subgraph: maintenance plans', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  let org: string;
  let admin: ReturnType<typeof staffActor>;
  let serviceTypeId: string;

  beforeAll(async () => {
    process.env['AUTOMATION_SWEEP_INTERVAL_MS'] = '0';
    process.env['MAINTENANCE_INTERVAL_MS'] = '0';
    database = await createTestDatabase();
    sub = await startTestSubgraph(operationsSubgraph, database);
    org = await createOrganization(sub, 'Europe/Vienna', 'FIELD_SERVICE');
    admin = staffActor(org, ['ADMIN']);
    serviceTypeId = (await createServiceType(sub, org, { name: 'Filter change' })).id;
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  const input = (overrides: Record<string, unknown> = {}) => ({
    name: `Plan ${randomUUID().slice(0, 8)}`,
    serviceTypeId,
    asset: 'Boiler 2',
    intervalDays: 7,
    startsOn: '2025-01-06',
    leadDays: 7,
    ...overrides,
  });
  const create = (overrides: Record<string, unknown> = {}, actor = admin) =>
    callSubgraph(sub.url, actor, CREATE, { input: input(overrides) });

  describe('management', () => {
    it('should create a plan with its next due dates', async () => {
      const team = await createTeam(sub, org, 'HVAC');
      const siteId = randomUUID();
      const res = await create({
        name: 'Boiler service',
        rrule: 'FREQ=MONTHLY;BYMONTHDAY=1',
        intervalDays: null,
        startsOn: '2025-01-01',
        siteId,
        teamId: team.id,
        priority: 'HIGH',
      });
      expect(res.body.errors).toBeUndefined();
      const plan = res.body.data!.createMaintenancePlan;
      expect(plan).toMatchObject({
        name: 'Boiler service',
        priority: 'HIGH',
        rrule: 'FREQ=MONTHLY;BYMONTHDAY=1',
        intervalDays: null,
        startsOn: '2025-01-01',
        leadDays: 7,
        active: true,
        generatedCount: 0,
        serviceType: { id: serviceTypeId },
        team: { id: team.id },
        site: { id: siteId },
        room: null,
        technician: null,
      });
      expect(plan.nextDueDates).toHaveLength(3);
      for (const day of plan.nextDueDates as string[]) expect(day).toMatch(/^\d{4}-\d{2}-01$/);
    });

    it.each([
      [{ intervalDays: null }, 'INVALID_SCHEDULE', /repeat interval in days or a calendar rule/],
      [{ rrule: 'FREQ=DAILY' }, 'INVALID_SCHEDULE', /not both/],
      [{ intervalDays: 0 }, undefined, /Repeat every 1 to 3650 days/],
      [{ intervalDays: 3651 }, undefined, /Repeat every 1 to 3650 days/],
      [{ intervalDays: null, rrule: 'FREQ=SOMETIMES' }, 'INVALID_RRULE', /not valid: .*FREQ/i],
      [{ leadDays: 91 }, undefined, /Generate 0 to 90 days ahead/],
      [{ asset: null }, 'NO_TARGET', /an asset, a room or a site/],
      [{ startsOn: '2025-02-30' }, 'INVALID_START_DATE', /YYYY-MM-DD/],
      [{ startsOn: '1/2/2025' }, undefined, /YYYY-MM-DD/],
      [{ serviceTypeId: randomUUID() }, 'SERVICE_TYPE_NOT_FOUND', /Service type .* was not found/],
      [{ technicianId: randomUUID() }, 'TECHNICIAN_NOT_FOUND', /Technician .* was not found/],
    ])('should refuse %j with BAD_USER_INPUT', async (overrides, reason, message) => {
      const before = await sub.db.maintenancePlan.count({ where: { organizationId: org } });
      const res = await create(overrides);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      if (reason) expect(res.body.errors?.[0]?.extensions?.reason).toBe(reason);
      expect(res.body.errors?.[0]?.message).toMatch(message);
      expect(await sub.db.maintenancePlan.count({ where: { organizationId: org } })).toBe(before);
    });

    it('should answer CONFLICT when the name is taken', async () => {
      await create({ name: 'Pool pump' });
      const res = await create({ name: 'pool pump' });
      expect(res.body.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'MAINTENANCE_PLAN_NAME_TAKEN',
      });
    });

    it('should switch a plan from an interval to a calendar rule, deactivate and delete it', async () => {
      const id = (await create()).body.data!.createMaintenancePlan.id;
      const updated = await callSubgraph(sub.url, admin, UPDATE, {
        id,
        input: { rrule: 'FREQ=WEEKLY;BYDAY=MO', leadDays: 0 },
      });
      expect(updated.body.errors).toBeUndefined();
      expect(updated.body.data?.updateMaintenancePlan).toMatchObject({
        rrule: 'FREQ=WEEKLY;BYDAY=MO',
        intervalDays: null,
        leadDays: 0,
      });
      const off = await callSubgraph(
        sub.url,
        admin,
        'mutation ($id: ID!) { setMaintenancePlanActive(id: $id, active: false) { active } }',
        { id },
      );
      expect(off.body.data?.setMaintenancePlanActive.active).toBe(false);
      const deleted = await callSubgraph(
        sub.url,
        admin,
        'mutation ($id: ID!) { deleteMaintenancePlan(id: $id) }',
        { id },
      );
      expect(deleted.body.data?.deleteMaintenancePlan).toBe(true);
      expect(
        (await callSubgraph(sub.url, admin, GET, { id })).body.errors?.[0]?.extensions?.code,
      ).toBe('NOT_FOUND');
    });

    it('should let dispatchers read plans and refuse them, technicians and integrators changes', async () => {
      const list = await callSubgraph(
        sub.url,
        staffActor(org, ['DISPATCHER']),
        '{ maintenancePlans { id } }',
      );
      expect(list.body.errors).toBeUndefined();
      for (const role of ['DISPATCHER', 'TECHNICIAN', 'INTEGRATOR'] as const) {
        const res = await create({}, staffActor(org, [role]));
        expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        const run = await callSubgraph(sub.url, staffActor(org, [role]), RUN);
        expect(run.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      const technician = await callSubgraph(
        sub.url,
        staffActor(org, ['TECHNICIAN']),
        '{ maintenancePlans { id } }',
      );
      expect(technician.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('should answer NOT_FOUND when another tenant asks for a plan', async () => {
      const id = (await create()).body.data!.createMaintenancePlan.id;
      const other = staffActor(await createOrganization(sub), ['ADMIN']);
      expect(
        (await callSubgraph(sub.url, other, GET, { id })).body.errors?.[0]?.extensions?.code,
      ).toBe('NOT_FOUND');
      const update = await callSubgraph(sub.url, other, UPDATE, { id, input: { leadDays: 1 } });
      expect(update.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await callSubgraph(sub.url, other, RUN)).body.data?.runMaintenancePlans).toEqual({
        created: 0,
        skipped: 0,
      });
    });
  });

  describe('generation', () => {
    /** An organization of its own, so counts belong to the test. */
    async function planIn(timezone: string, plan: Record<string, unknown>) {
      const tenant = await createOrganization(sub, timezone, 'FIELD_SERVICE');
      const type = await createServiceType(sub, tenant, { checklist: ['Replace filter'] });
      const row = await sub.db.maintenancePlan.create({
        data: {
          organizationId: tenant,
          name: 'Filters',
          serviceTypeId: type.id,
          asset: 'AHU 1',
          startsOn: new Date('2025-01-01T00:00:00.000Z'),
          leadDays: 7,
          ...plan,
        },
      });
      return { tenant, plan: row, type };
    }
    const orders = (organizationId: string) =>
      sub.db.workOrder.findMany({ where: { organizationId }, orderBy: { windowStart: 'asc' } });

    it('should create one order per due day and none when run again', async () => {
      const { tenant, plan, type } = await planIn('Europe/Vienna', {
        intervalDays: 2,
        leadDays: 6,
      });
      const now = new Date('2025-06-10T08:00:00.000Z');
      expect(await generateDue(sub.db, tenant, now)).toEqual({ created: 4, skipped: 0 });
      expect(await generateDue(sub.db, tenant, now)).toEqual({ created: 0, skipped: 4 });
      // A day later, one more due day comes into the lead time.
      const next = await generateDue(sub.db, tenant, new Date('2025-06-11T08:00:00.000Z'));
      expect(next).toEqual({ created: 0, skipped: 3 });
      const rows = await orders(tenant);
      expect(rows.map((o) => o.dedupeKey)).toEqual(
        ['2025-06-10', '2025-06-12', '2025-06-14', '2025-06-16'].map(
          (d) => `maint:${plan.id}:${d}`,
        ),
      );
      expect(rows[0]).toMatchObject({
        kind: 'FIELD_JOB',
        title: 'Filters — AHU 1',
        status: 'NEW',
        serviceTypeId: type.id,
        maintenancePlanId: plan.id,
        estimatedMinutes: 30,
        priceMinor: 4500,
        // Local midnight in Vienna (UTC+2 in summer) to the next.
        windowStart: new Date('2025-06-09T22:00:00.000Z'),
        windowEnd: new Date('2025-06-10T22:00:00.000Z'),
      });
      const events = await sub.db.operationsOutboxEvent.findMany({
        where: { organizationId: tenant, type: 'WorkOrderCreated' },
      });
      expect(events).toHaveLength(4);
      const stored = await sub.db.maintenancePlan.findFirstOrThrow({
        where: { id: plan.id, organizationId: tenant },
      });
      expect(stored.lastGeneratedAt).toEqual(now);
    });

    it('should create no duplicates when runs overlap', async () => {
      const { tenant } = await planIn('America/New_York', { intervalDays: 1, leadDays: 9 });
      const now = new Date('2025-06-10T12:00:00.000Z');
      const [a, b] = await Promise.all([
        generateDue(sub.db, tenant, now),
        generateDue(sub.db, tenant, now),
        // Every organization (other tests' plans too).
        generateDue(sub.db, null, now),
      ]);
      expect(a!.created + a!.skipped).toBe(10);
      expect(b!.created + b!.skipped).toBe(10);
      const rows = await orders(tenant);
      expect(rows).toHaveLength(10);
      expect(rows.map((o) => o.number).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 10 }, (_, i) => i + 1),
      );
    });

    it('should give each day its own local window when an interval plan crosses the spring DST change', async () => {
      const { tenant } = await planIn('Europe/Vienna', {
        intervalDays: 1,
        startsOn: new Date('2025-03-29T00:00:00.000Z'),
        leadDays: 2,
      });
      // 00:30 in Vienna on 29 March (still 23:30 UTC on the 28th).
      await generateDue(sub.db, tenant, new Date('2025-03-28T23:30:00.000Z'));
      const windows = (await orders(tenant)).map((o) => [o.windowStart, o.windowEnd]);
      expect(windows).toEqual([
        [new Date('2025-03-28T23:00:00.000Z'), new Date('2025-03-29T23:00:00.000Z')],
        // 30 March has 23 hours: it ends at midnight summer time.
        [new Date('2025-03-29T23:00:00.000Z'), new Date('2025-03-30T22:00:00.000Z')],
        [new Date('2025-03-30T22:00:00.000Z'), new Date('2025-03-31T22:00:00.000Z')],
      ]);
    });

    it('should follow a calendar rule across the autumn DST change', async () => {
      const { tenant, plan } = await planIn('Europe/Vienna', {
        rrule: 'FREQ=WEEKLY;BYDAY=SU',
        leadDays: 14,
      });
      await generateDue(sub.db, tenant, new Date('2025-10-20T10:00:00.000Z'));
      const rows = await orders(tenant);
      expect(rows.map((o) => o.dedupeKey)).toEqual([
        `maint:${plan.id}:2025-10-26`,
        `maint:${plan.id}:2025-11-02`,
      ]);
      // 26 October has 25 hours.
      expect(rows[0]!.windowEnd!.getTime() - rows[0]!.windowStart!.getTime()).toBe(25 * 3_600_000);
    });

    it('should make a room plan a hotel service order and skip inactive plans', async () => {
      const roomId = randomUUID();
      const { tenant } = await planIn('UTC', {
        intervalDays: 30,
        roomId,
        asset: null,
        leadDays: 0,
      });
      await planIn('UTC', { intervalDays: 1, active: false });
      await sub.db.maintenancePlan.create({
        data: {
          organizationId: tenant,
          name: 'Paused',
          serviceTypeId: (await createServiceType(sub, tenant)).id,
          asset: 'Lift',
          intervalDays: 1,
          startsOn: new Date('2025-01-01T00:00:00.000Z'),
          active: false,
        },
      });
      // 2025-01-31 is 30 days after the start.
      await generateDue(sub.db, tenant, new Date('2025-01-31T10:00:00.000Z'));
      const rows = await orders(tenant);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ kind: 'HOTEL_SERVICE', roomId, title: 'Filters — Room' });
    });

    it('should run on demand through GraphQL and count what each plan generated', async () => {
      const { tenant, plan } = await planIn('Europe/Vienna', { intervalDays: 1, leadDays: 2 });
      const manager = staffActor(tenant, ['MANAGER']);
      const first = await callSubgraph(sub.url, manager, RUN);
      expect(first.body.data?.runMaintenancePlans).toEqual({ created: 3, skipped: 0 });
      const second = await callSubgraph(sub.url, manager, RUN);
      expect(second.body.data?.runMaintenancePlans).toEqual({ created: 0, skipped: 3 });
      const read = await callSubgraph(sub.url, manager, GET, { id: plan.id });
      expect(read.body.data?.maintenancePlan).toMatchObject({ generatedCount: 3 });
      expect(read.body.data?.maintenancePlan.lastGeneratedAt).not.toBeNull();
    });
  });
});
