import {
  createTestDatabase,
  callSubgraph,
  staffActor,
  startTestSubgraph,
  type TestDatabase,
} from '@attendant/testing';
import type { RunningSubgraph } from '@attendant/kit';
import { randomUUID } from 'node:crypto';
import { operationsSubgraph } from '../index';

const CREATE = /* GraphQL */ `
  mutation ($input: CreateWorkOrderInput!) {
    createWorkOrder(input: $input) {
      id
      number
      status
      title
      version
      allowedTransitions
      price {
        amountMinor
        currency
      }
    }
  }
`;
const CHANGE = /* GraphQL */ `
  mutation ($input: ChangeWorkOrderStatusInput!) {
    changeWorkOrderStatus(input: $input) {
      id
      status
      statusReason
      version
    }
  }
`;

describe('operations subgraph: work orders', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  let sqlLog: string[] = [];
  const orgA = randomUUID();
  const orgB = randomUUID();
  const admin = staffActor(orgA, ['ADMIN']);
  const otherTenant = staffActor(orgB, ['ADMIN']);

  beforeAll(async () => {
    database = await createTestDatabase();
    sub = await startTestSubgraph(operationsSubgraph, database, {
      onQuery: (sql) => sqlLog.push(sql),
    });
    await sub.db.organization.createMany({
      data: [
        { id: orgA, name: 'A', slug: `a-${orgA}`, kind: 'FIELD_SERVICE' },
        { id: orgB, name: 'B', slug: `b-${orgB}`, kind: 'FIELD_SERVICE' },
      ],
    });
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  const create = (title = 'Fix the boiler', extra: Record<string, unknown> = {}) =>
    callSubgraph(sub.url, admin, CREATE, {
      input: { kind: 'FIELD_JOB', title, priceMinor: 12000, currency: 'USD', ...extra },
    });

  it('should refuse a request when it carries no gateway signature', async () => {
    const res = await callSubgraph(sub.url, null, '{ workOrders { totalCount } }');
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('should number work orders per organization and write an outbox event when one is created', async () => {
    const first = await create('First job');
    const second = await create('Second job');
    expect(first.body.errors).toBeUndefined();
    expect(second.body.data?.createWorkOrder.number).toBe(
      first.body.data!.createWorkOrder.number + 1,
    );
    expect(first.body.data?.createWorkOrder).toMatchObject({
      status: 'NEW',
      price: { amountMinor: 12000, currency: 'USD' },
    });
    const events = await sub.db.$queryRawUnsafe<{ type: string }[]>(
      `SELECT type FROM operations.outbox WHERE "entityId" = $1::uuid`,
      first.body.data!.createWorkOrder.id,
    );
    expect(events.map((e) => e.type)).toEqual(['WorkOrderCreated']);
  });

  it('should answer BAD_USER_INPUT and write nothing when the title is too short', async () => {
    const before = await sub.db.workOrder.count({ where: { organizationId: orgA } });
    const res = await create('x');
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.message).toMatch(/Title must be 3 to 200 characters/);
    expect(await sub.db.workOrder.count({ where: { organizationId: orgA } })).toBe(before);
  });

  it('should refuse a transition the status machine does not allow', async () => {
    const wo = (await create()).body.data!.createWorkOrder;
    const res = await callSubgraph(sub.url, admin, CHANGE, {
      input: { id: wo.id, status: 'COMPLETED' },
    });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_STATUS_TRANSITION',
    });
  });

  it('should require a reason when a work order is put on hold', async () => {
    const wo = (await create()).body.data!.createWorkOrder;
    const noReason = await callSubgraph(sub.url, admin, CHANGE, {
      input: { id: wo.id, status: 'ON_HOLD' },
    });
    expect(noReason.body.errors?.[0]?.extensions?.reason).toBe('STATUS_REASON_REQUIRED');
    const ok = await callSubgraph(sub.url, admin, CHANGE, {
      input: { id: wo.id, status: 'ON_HOLD', reason: 'Waiting for parts' },
    });
    expect(ok.body.data?.changeWorkOrderStatus).toMatchObject({
      status: 'ON_HOLD',
      statusReason: 'Waiting for parts',
      version: 2,
    });
  });

  it('should answer CONFLICT when the expected version is stale', async () => {
    const wo = (await create()).body.data!.createWorkOrder;
    await callSubgraph(sub.url, admin, CHANGE, {
      input: { id: wo.id, status: 'ON_HOLD', reason: 'r' },
    });
    const stale = await callSubgraph(sub.url, admin, CHANGE, {
      input: { id: wo.id, status: 'CANCELLED', reason: 'r', expectedVersion: 1 },
    });
    expect(stale.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('should answer NOT_FOUND when another tenant asks for the work order', async () => {
    const wo = (await create()).body.data!.createWorkOrder;
    const res = await callSubgraph(
      sub.url,
      otherTenant,
      'query ($id: ID!) { workOrder(id: $id) { id } }',
      { id: wo.id },
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('should page through work orders with a cursor and filter by search', async () => {
    for (let i = 0; i < 5; i++) await create(`Paging job ${i}`);
    const q = `query ($after: String) { workOrders(first: 2, after: $after, filter: { search: "Paging job" }) {
      nodes { title } pageInfo { hasNextPage endCursor } totalCount } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await callSubgraph(sub.url, admin, q, { after });
      expect(res.body.errors).toBeUndefined();
      const page = res.body.data.workOrders;
      expect(page.totalCount).toBe(5);
      seen.push(...page.nodes.map((n: { title: string }) => n.title));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('should resolve 50 WorkOrder references with one SQL query (contract: _entities)', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push((await create(`Ref ${i}`)).body.data!.createWorkOrder.id);
    sqlLog = [];
    const res = await callSubgraph(
      sub.url,
      admin,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on WorkOrder { id title } } }`,
      { reps: ids.map((id) => ({ __typename: 'WorkOrder', id })) },
    );
    expect(res.body.errors).toBeUndefined();
    expect((res.body.data as any)._entities.map((e: { id: string }) => e.id)).toEqual(ids);
    expect(sqlLog.filter((s) => s.includes('"work_order"'))).toHaveLength(1);
  });

  it('should count work orders only when the client selects totalCount', async () => {
    sqlLog = [];
    await callSubgraph(sub.url, admin, '{ workOrders(first: 5) { nodes { id } } }');
    expect(sqlLog.filter((q) => /COUNT\(/i.test(q))).toHaveLength(0);
    sqlLog = [];
    const res = await callSubgraph(sub.url, admin, '{ workOrders(first: 5) { totalCount } }');
    expect((res.body.data as any).workOrders.totalCount).toBeGreaterThan(5);
    expect(sqlLog.filter((q) => /COUNT\(/i.test(q))).toHaveLength(1);
  });

  it('should resolve Technician and User references for the owning tenant only (contract: _entities)', async () => {
    const tech = await sub.db.technician.create({ data: { organizationId: orgA, name: 'Tess' } });
    const q = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Technician { id name } } }`;
    const mine = await callSubgraph(sub.url, admin, q, {
      reps: [{ __typename: 'Technician', id: tech.id }],
    });
    expect((mine.body.data as any)._entities).toEqual([{ id: tech.id, name: 'Tess' }]);
    const theirs = await callSubgraph(sub.url, otherTenant, q, {
      reps: [{ __typename: 'Technician', id: tech.id }],
    });
    expect((theirs.body.data as any)._entities).toEqual([null]);
  });
});

describe('keyset paging on a nullable sort field', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  const org = randomUUID();
  const actor = staffActor(org, ['DISPATCHER']);

  beforeAll(async () => {
    database = await createTestDatabase();
    sub = await startTestSubgraph(operationsSubgraph, database);
    await sub.db.organization.create({
      data: { id: org, name: 'N', slug: `n-${org}`, kind: 'FIELD_SERVICE' },
    });
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  it('should return every work order exactly once, unscheduled last, when sorted by scheduledStart', async () => {
    const base = Date.parse('2026-12-01T08:00:00Z');
    for (let i = 0; i < 7; i++) {
      const scheduledStart =
        i % 3 === 0 ? undefined : new Date(base + (i % 2) * 3600_000).toISOString();
      await callSubgraph(sub.url, actor, CREATE, {
        input: { kind: 'FIELD_JOB', title: `Job ${i}`, scheduledStart },
      });
    }
    const q = `query ($after: String) { workOrders(first: 3, after: $after, orderBy: { field: SCHEDULED_START, direction: ASC }) {
      nodes { title scheduledStart } pageInfo { hasNextPage endCursor } } }`;
    const seen: { title: string; scheduledStart: string | null }[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await callSubgraph(sub.url, actor, q, { after });
      expect(res.body.errors).toBeUndefined();
      seen.push(...res.body.data.workOrders.nodes);
      if (!res.body.data.workOrders.pageInfo.hasNextPage) break;
      after = res.body.data.workOrders.pageInfo.endCursor;
    }
    expect(new Set(seen.map((s) => s.title)).size).toBe(7);
    const firstNull = seen.findIndex((s) => s.scheduledStart === null);
    expect(seen.slice(firstNull).every((s) => s.scheduledStart === null)).toBe(true);
    const dates = seen.slice(0, firstNull).map((s) => s.scheduledStart!);
    expect([...dates].sort()).toEqual(dates);
  });
});
