import {
  createTenant,
  createTestDatabase,
  gql,
  login,
  nextEvent,
  startStack,
  wsClient,
  type Stack,
  type TenantFixture,
  type TestDatabase,
} from '@attendant/testing';
import type { Client } from 'graphql-ws';

/*
 * The dispatch optimizer through the public API (gateway + subgraphs over HTTP and WebSocket):
 * a dispatcher asks for tomorrow's best plan and applies it, a what-if compares a scenario,
 * technicians and other organizations are kept out, and an emergency created today arrives
 * on the board's subscription already fitted into the plan.
 */

const DAY = 86_400_000;

describe('Dispatch optimizer end to end: suggest, apply, what-if, live emergencies', () => {
  let database: TestDatabase;
  let stack: Stack;
  let tenant: TenantFixture;
  let rival: TenantFixture;
  let token: string;
  let techToken: string;
  let rivalToken: string;
  let client: Client;
  // The tenants are in UTC.
  const tomorrow = new Date(Date.now() + DAY).toISOString().slice(0, 10);
  const today = new Date().toISOString().slice(0, 10);

  const call = <T = Record<string, any>>(q: string, v: Record<string, unknown> = {}, as = token) =>
    gql<T>(stack.gateway, q, v, as);
  const ok = async <T = Record<string, any>>(q: string, v: Record<string, unknown> = {}) => {
    const res = await call<T>(q, v);
    expect(res.body.errors).toBeUndefined();
    return res.body.data as T;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    stack = await startStack(database);
    tenant = await createTenant(stack.subgraphs['operations']!, 'Optimal Heating');
    rival = await createTenant(stack.subgraphs['operations']!, 'Rival Heating');
    token = await login(stack.gateway, tenant.adminEmail, tenant.password);
    techToken = await login(stack.gateway, tenant.techEmail, tenant.password);
    rivalToken = await login(stack.gateway, rival.adminEmail, rival.password);
    client = wsClient(stack.gateway, token);
  });

  afterAll(async () => {
    await client?.dispose();
    await stack?.stop();
    await database?.drop();
  });

  const createJob = async (input: Record<string, unknown>) =>
    (
      await ok(
        `mutation ($input: CreateWorkOrderInput!) { createWorkOrder(input: $input) { id number } }`,
        {
          input: { kind: 'FIELD_JOB', estimatedMinutes: 60, ...input },
        },
      )
    ).createWorkOrder as { id: string; number: number };

  let suggestionId: string;
  let queued: { id: string; number: number }[];

  it('should suggest a plan for tomorrow that takes the queue, and refuse technicians and other organizations', async () => {
    queued = [
      await createJob({
        title: 'Boiler service',
        windowStart: `${tomorrow}T09:00:00Z`,
        windowEnd: `${tomorrow}T12:00:00Z`,
      }),
      await createJob({
        title: 'Radiator bleed',
        windowStart: `${tomorrow}T13:00:00Z`,
        windowEnd: `${tomorrow}T17:00:00Z`,
      }),
    ];

    const { suggestSchedule: s } = await ok(
      `mutation ($input: SuggestScheduleInput!) { suggestSchedule(input: $input) {
         id kind status current { jobs unassigned } proposed { jobs unassigned travelMinutes }
         changes { workOrderId kind toStart workOrder { number } } routes { technician { name } stops { label } }
       } }`,
      { input: { day: tomorrow, timeBudgetSeconds: 1 } },
    );
    suggestionId = s.id;

    expect(s).toMatchObject({
      kind: 'OPTIMIZE',
      status: 'OPEN',
      current: { jobs: 0, unassigned: 2 },
      proposed: { jobs: 2, unassigned: 0 },
    });
    expect(s.changes.map((c: { kind: string }) => c.kind)).toEqual(['ASSIGN', 'ASSIGN']);
    expect(s.routes).toEqual([
      {
        technician: { name: 'Optimal Heating Tech' },
        stops: [
          { label: `WO-${queued[0]!.number} Boiler service` },
          { label: `WO-${queued[1]!.number} Radiator bleed` },
        ],
      },
    ]);
    const start = (n: number) =>
      Date.parse(
        s.changes.find((c: { workOrderId: string }) => c.workOrderId === queued[n]!.id).toStart,
      );
    expect(start(0)).toBeGreaterThanOrEqual(Date.parse(`${tomorrow}T09:00:00Z`));
    expect(start(1)).toBeGreaterThanOrEqual(Date.parse(`${tomorrow}T13:00:00Z`));

    const byTech = await call(
      `mutation ($input: SuggestScheduleInput!) { suggestSchedule(input: $input) { id } }`,
      { input: { day: tomorrow } },
      techToken,
    );
    const byRival = await call(
      `query ($id: ID!) { scheduleSuggestion(id: $id) { id } }`,
      { id: s.id },
      rivalToken,
    );
    const rivalApply = await call(
      `mutation ($input: ApplyScheduleSuggestionInput!) { applyScheduleSuggestion(input: $input) { applied { id } } }`,
      { input: { id: s.id } },
      rivalToken,
    );
    expect(byTech.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(byRival.body.data?.scheduleSuggestion).toBeNull();
    expect(rivalApply.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('should compare a what-if without changing the schedule, then apply the suggestion', async () => {
    const { whatIfSchedule } = await ok(
      `query ($input: WhatIfScenarioInput!) { whatIfSchedule(input: $input) {
         notes current { unassigned } baseline { kpis { jobs } } scenario { kpis { jobs unassigned } unassigned { label reason } }
       } }`,
      {
        input: { day: tomorrow, timeBudgetSeconds: 1, removeTechnicianIds: [tenant.technicianId] },
      },
    );
    expect(whatIfSchedule).toMatchObject({
      notes: ['Without Optimal Heating Tech'],
      current: { unassigned: 2 },
      baseline: { kpis: { jobs: 2 } },
      scenario: { kpis: { jobs: 0, unassigned: 2 } },
    });

    const { applyScheduleSuggestion } = await ok(
      `mutation ($input: ApplyScheduleSuggestionInput!) { applyScheduleSuggestion(input: $input) {
         suggestion { status } applied { id status technician { id } } skipped { reason }
       } }`,
      { input: { id: suggestionId } },
    );

    expect(applyScheduleSuggestion.suggestion.status).toBe('APPLIED');
    expect(applyScheduleSuggestion.skipped).toEqual([]);
    expect(applyScheduleSuggestion.applied).toHaveLength(2);
    const { dispatchBoard } = await ok(
      `query ($day: String!) { dispatchBoard(day: $day) { unassigned { id } technicians { jobs { id } } } }`,
      { day: tomorrow },
    );
    expect(dispatchBoard.unassigned).toEqual([]);
    expect(dispatchBoard.technicians[0].jobs.map((j: { id: string }) => j.id).sort()).toEqual(
      queued.map((q) => q.id).sort(),
    );
  });

  it('should deliver an emergency created today on the subscription, already fitted into the plan', async () => {
    const sub = nextEvent<{ scheduleSuggestionChanged: Record<string, any> }>(
      stack.gateway,
      client,
      `subscription ($day: String) { scheduleSuggestionChanged(filter: { day: $day }) {
         id kind status triggerWorkOrder { title priority }
         changes { kind toTechnicianId toStart summary }
       } }`,
      { day: today },
      20_000,
      (d) => d.scheduleSuggestionChanged['kind'] === 'URGENT_INSERTION',
    );
    await sub.ready;

    // Short, so it fits in what is left of today at any hour but the last minutes.
    const emergency = await createJob({
      title: 'No heating, baby at home',
      priority: 'EMERGENCY',
      estimatedMinutes: 10,
    });

    const event = (await sub.result).scheduleSuggestionChanged;
    expect(event).toMatchObject({
      kind: 'URGENT_INSERTION',
      status: 'OPEN',
      triggerWorkOrder: { title: 'No heating, baby at home', priority: 'EMERGENCY' },
      changes: [{ kind: 'ASSIGN', toTechnicianId: tenant.technicianId }],
    });
    expect(event.changes[0].summary).toMatch(
      new RegExp(`^WO-${emergency.number}: queue → Optimal Heating Tech \\d\\d:\\d\\d$`),
    );
    expect(Date.parse(event.changes[0].toStart)).toBeGreaterThanOrEqual(Date.now() - 120_000);
  });
});
