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
  DAY,
  HOUR,
} from '../generated-orders/generated-orders.fixtures';
import { operationsSubgraph } from '../index';

const RULE = /* GraphQL */ `
  id
  name
  title
  priority
  hoursBeforeArrival
  active
  firedCount
  lastFiredAt
  conditions {
    vip
    products
    earlyCheckIn
    earlyCheckInBefore
    specialRequest
  }
  serviceType {
    id
    name
  }
  team {
    id
    name
  }
`;
const CREATE = `mutation ($input: CreateAutomationRuleInput!) { createAutomationRule(input: $input) { ${RULE} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateAutomationRuleInput!) { updateAutomationRule(id: $id, input: $input) { ${RULE} } }`;
const LIST = `{ automationRules { ${RULE} } }`;
const GET = `query ($id: ID!) { automationRule(id: $id) { ${RULE} } }`;

describe('operations subgraph: automation rules', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  let org: string;
  let serviceTypeId: string;
  let teamId: string;
  let admin: ReturnType<typeof staffActor>;

  beforeAll(async () => {
    process.env['AUTOMATION_SWEEP_INTERVAL_MS'] = '0';
    process.env['MAINTENANCE_INTERVAL_MS'] = '0';
    database = await createTestDatabase();
    sub = await startTestSubgraph(operationsSubgraph, database);
    org = await createOrganization(sub);
    admin = staffActor(org, ['ADMIN']);
    serviceTypeId = (await createServiceType(sub, org, { name: 'Champagne' })).id;
    teamId = (await createTeam(sub, org)).id;
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  const input = (overrides: Record<string, unknown> = {}) => ({
    name: `Rule ${randomUUID().slice(0, 8)}`,
    conditions: { vip: true },
    serviceTypeId,
    title: 'Champagne for {guest} in {room}',
    hoursBeforeArrival: 3,
    teamId,
    ...overrides,
  });
  const create = (overrides: Record<string, unknown> = {}, actor = admin) =>
    callSubgraph(sub.url, actor, CREATE, { input: input(overrides) });

  it('should create a rule with its service type, team and default conditions', async () => {
    const res = await create({ name: 'VIP champagne', priority: 'HIGH' });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.createAutomationRule).toMatchObject({
      name: 'VIP champagne',
      priority: 'HIGH',
      hoursBeforeArrival: 3,
      active: true,
      firedCount: 0,
      lastFiredAt: null,
      conditions: {
        vip: true,
        products: [],
        earlyCheckIn: false,
        earlyCheckInBefore: 900,
        specialRequest: false,
      },
      serviceType: { id: serviceTypeId, name: 'Champagne' },
      team: { id: teamId, name: 'Room service' },
    });
    const events = await sub.db.operationsOutboxEvent.findMany({
      where: { organizationId: org, entityId: res.body.data!.createAutomationRule.id },
    });
    expect(events.map((e) => e.type)).toEqual(['AutomationRuleCreated']);
  });

  it.each([
    [{ conditions: {} }, 'NO_CONDITION', /at least one condition/],
    [{ conditions: { vip: false, products: ['  '] } }, 'NO_CONDITION', /at least one condition/],
    [{ hoursBeforeArrival: 169 }, undefined, /Hours before arrival must be 0 to 168/],
    [{ hoursBeforeArrival: -1 }, undefined, /Hours before arrival must be 0 to 168/],
    [{ title: 'Hi {gest}' }, 'INVALID_TITLE', /Unknown placeholder \{gest\}/],
    [{ name: ' x ' }, 'INVALID_NAME', /Give a name of 2 to 80 characters/],
    [{ serviceTypeId: randomUUID() }, 'SERVICE_TYPE_NOT_FOUND', /Service type .* was not found/],
    [{ teamId: randomUUID() }, 'TEAM_NOT_FOUND', /Team .* was not found/],
    [
      { conditions: { earlyCheckIn: true, earlyCheckInBefore: 1440 } },
      undefined,
      /early check-in time must be 0 to 1439/,
    ],
  ])('should refuse %j with BAD_USER_INPUT', async (overrides, reason, message) => {
    const before = await sub.db.automationRule.count({ where: { organizationId: org } });
    const res = await create(overrides);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    if (reason) expect(res.body.errors?.[0]?.extensions?.reason).toBe(reason);
    expect(res.body.errors?.[0]?.message).toMatch(message);
    expect(await sub.db.automationRule.count({ where: { organizationId: org } })).toBe(before);
  });

  it('should refuse an inactive service type', async () => {
    const inactive = await createServiceType(sub, org, { active: false });
    const res = await create({ serviceTypeId: inactive.id });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'SERVICE_TYPE_INACTIVE',
    });
  });

  it('should answer CONFLICT when the name is taken, whatever its case', async () => {
    await create({ name: 'Fruit basket' });
    const res = await create({ name: 'FRUIT  basket' });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'AUTOMATION_RULE_NAME_TAKEN',
    });
  });

  it('should update, deactivate and delete a rule', async () => {
    const id = (await create()).body.data!.createAutomationRule.id;
    const updated = await callSubgraph(sub.url, admin, UPDATE, {
      id,
      input: {
        conditions: { products: ['Champagne', 'champagne', 'Roses'] },
        hoursBeforeArrival: 0,
        teamId: null,
      },
    });
    expect(updated.body.errors).toBeUndefined();
    expect(updated.body.data?.updateAutomationRule).toMatchObject({
      hoursBeforeArrival: 0,
      team: null,
      conditions: { vip: false, products: ['Champagne', 'Roses'] },
    });
    const off = await callSubgraph(
      sub.url,
      admin,
      'mutation ($id: ID!) { setAutomationRuleActive(id: $id, active: false) { id active } }',
      { id },
    );
    expect(off.body.data?.setAutomationRuleActive.active).toBe(false);
    const deleted = await callSubgraph(
      sub.url,
      admin,
      'mutation ($id: ID!) { deleteAutomationRule(id: $id) }',
      { id },
    );
    expect(deleted.body.data?.deleteAutomationRule).toBe(true);
    const gone = await callSubgraph(sub.url, admin, GET, { id });
    expect(gone.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('should let a dispatcher read rules but not change them', async () => {
    const dispatcher = staffActor(org, ['DISPATCHER']);
    const list = await callSubgraph(sub.url, dispatcher, LIST);
    expect(list.body.errors).toBeUndefined();
    expect(list.body.data?.automationRules.length).toBeGreaterThan(0);
    const res = await create({}, dispatcher);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('should refuse technicians and analysts', async () => {
    for (const role of ['TECHNICIAN', 'ANALYST'] as const) {
      const res = await callSubgraph(sub.url, staffActor(org, [role]), LIST);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const run = await callSubgraph(
      sub.url,
      staffActor(org, ['DISPATCHER']),
      'mutation { runAutomationRules { created skipped } }',
    );
    expect(run.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('should answer NOT_FOUND when another tenant asks for or changes a rule', async () => {
    const id = (await create()).body.data!.createAutomationRule.id;
    const other = staffActor(await createOrganization(sub), ['ADMIN']);
    const get = await callSubgraph(sub.url, other, GET, { id });
    expect(get.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const update = await callSubgraph(sub.url, other, UPDATE, {
      id,
      input: { hoursBeforeArrival: 5 },
    });
    expect(update.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const list = await callSubgraph(sub.url, other, LIST);
    expect(list.body.data?.automationRules).toEqual([]);
    // Nor may a rule use another tenant's service type.
    const foreign = await callSubgraph(sub.url, other, CREATE, { input: input({ teamId: null }) });
    expect(foreign.body.errors?.[0]?.extensions?.reason).toBe('SERVICE_TYPE_NOT_FOUND');
  });

  it('should preview the upcoming reservations a rule would match and run rules on demand', async () => {
    const hotel = await createOrganization(sub);
    const manager = staffActor(hotel, ['MANAGER']);
    const type = await createServiceType(sub, hotel);
    const arrivals = [
      { vip: true, at: Date.now() + 1 * DAY, status: 'CONFIRMED' },
      { vip: true, at: Date.now() + 6 * DAY, status: 'CONFIRMED' },
      { vip: true, at: Date.now() + 9 * DAY, status: 'CONFIRMED' },
      { vip: false, at: Date.now() + 1 * DAY, status: 'CONFIRMED' },
      { vip: true, at: Date.now() + 1 * DAY, status: 'CANCELLED' },
    ];
    const ids = arrivals.map(() => randomUUID());
    await sub.db.reservationProjection.createMany({
      data: arrivals.map((a, i) => ({
        reservationId: ids[i]!,
        organizationId: hotel,
        status: a.status,
        arrivalAt: new Date(a.at),
        vip: a.vip,
        guestName: `Guest ${i}`,
      })),
    });
    const preview = await callSubgraph(
      sub.url,
      manager,
      `query ($input: AutomationPreviewInput!) {
        previewAutomationRule(input: $input) { reservationId guestName arrivalAt wouldCreateAt }
      }`,
      { input: { conditions: { vip: true }, hoursBeforeArrival: 4 } },
    );
    expect(preview.body.errors).toBeUndefined();
    const matches = preview.body.data!.previewAutomationRule as Record<string, string>[];
    expect(matches.map((m) => m.reservationId)).toEqual([ids[0], ids[1]]);
    expect(
      new Date(matches[0]!.arrivalAt).getTime() - new Date(matches[0]!.wouldCreateAt).getTime(),
    ).toBe(4 * HOUR);
    expect(await sub.db.workOrder.count({ where: { organizationId: hotel } })).toBe(0);

    await callSubgraph(sub.url, manager, CREATE, {
      input: { ...input({ teamId: null }), serviceTypeId: type.id },
    });
    const run = 'mutation { runAutomationRules { created skipped } }';
    const first = await callSubgraph(sub.url, manager, run);
    expect(first.body.data?.runAutomationRules).toEqual({ created: 1, skipped: 0 });
    const second = await callSubgraph(sub.url, manager, run);
    expect(second.body.data?.runAutomationRules).toEqual({ created: 0, skipped: 1 });
    const rules = await callSubgraph(sub.url, manager, LIST);
    expect(rules.body.data?.automationRules[0]).toMatchObject({ firedCount: 1 });
  });
});
