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

const CREATE = `mutation ($name: String!) { createTeam(name: $name) { id name } }`;
const RENAME = `mutation ($id: ID!, $name: String!) { renameTeam(id: $id, name: $name) { id name } }`;
const DELETE = `mutation ($id: ID!) { deleteTeam(id: $id) }`;
const TEAM = `query ($id: ID!) { team(id: $id) { id name technicians { id name } } }`;

describe('operations subgraph: teams', () => {
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

  const createTeam = async (name = `Team ${randomUUID().slice(0, 8)}`) => {
    const res = await callSubgraph(sub.url, admin, CREATE, { name });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.createTeam as { id: string; name: string };
  };
  const technician = (organizationId: string, name: string, extra: Record<string, unknown> = {}) =>
    sub.db.technician.create({ data: { organizationId, name, ...extra } });
  const workOrder = async (teamId: string | null) => {
    const last = await sub.db.workOrder.count({ where: { organizationId: orgA } });
    return sub.db.workOrder.create({
      data: {
        organizationId: orgA,
        number: last + 1,
        kind: 'FIELD_JOB',
        title: 'Team job',
        teamId,
      },
    });
  };

  it('should create a team with a trimmed name and write TeamCreated', async () => {
    const team = await createTeam('  Prague   North ');
    expect(team.name).toBe('Prague North');
    const events = await sub.db.$queryRawUnsafe<{ type: string; entityType: string }[]>(
      `SELECT type, "entityType" FROM operations.outbox WHERE "entityId" = $1::uuid`,
      team.id,
    );
    expect(events).toEqual([{ type: 'TeamCreated', entityType: 'Team' }]);
  });

  it('should answer BAD_USER_INPUT when the team name is too short', async () => {
    const res = await callSubgraph(sub.url, admin, CREATE, { name: ' a ' });
    expect(res.body.errors?.[0]).toMatchObject({
      message: 'Give a name of 2 to 80 characters',
      extensions: { code: 'BAD_USER_INPUT', field: 'name' },
    });
  });

  it('should answer CONFLICT when another team has the name in any letter case', async () => {
    await createTeam('Plumbers');
    const res = await callSubgraph(sub.url, admin, CREATE, { name: 'plumbers' });
    expect(res.body.errors?.[0]).toMatchObject({
      message: 'A team named Plumbers already exists',
      extensions: { code: 'CONFLICT', reason: 'TEAM_NAME_TAKEN' },
    });
    // Another organization may use the same name.
    const theirs = await callSubgraph(sub.url, otherTenant, CREATE, { name: 'Plumbers' });
    expect(theirs.body.errors).toBeUndefined();
  });

  it('should rename a team and list teams by name', async () => {
    const team = await createTeam('Zeta crew');
    const res = await callSubgraph(sub.url, admin, RENAME, { id: team.id, name: 'Alpha crew' });
    expect(res.body.data?.renameTeam).toEqual({ id: team.id, name: 'Alpha crew' });
    const list = await callSubgraph(sub.url, admin, '{ teams { name } }');
    const names = (list.body.data?.teams as { name: string }[]).map((t) => t.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(names).toContain('Alpha crew');
    expect(names).not.toContain('Zeta crew');
  });

  it('should list active members of a team, and all with includeInactive', async () => {
    const team = await createTeam();
    const bob = await technician(orgA, 'Bob', { teamId: team.id });
    const amy = await technician(orgA, 'Amy', { teamId: team.id });
    await technician(orgA, 'Gone', { teamId: team.id, active: false });
    await technician(orgA, 'Elsewhere');
    const res = await callSubgraph(sub.url, admin, TEAM, { id: team.id });
    expect(res.body.data?.team.technicians).toEqual([
      { id: amy.id, name: 'Amy' },
      { id: bob.id, name: 'Bob' },
    ]);
    const all = await callSubgraph(
      sub.url,
      admin,
      `query ($id: ID!) { team(id: $id) { technicians(includeInactive: true) { name } } }`,
      { id: team.id },
    );
    expect(all.body.data?.team.technicians).toEqual([
      { name: 'Amy' },
      { name: 'Bob' },
      { name: 'Gone' },
    ]);
  });

  it('should resolve WorkOrder.team and Technician.team with one team query for many rows', async () => {
    const [north, south] = [await createTeam(), await createTeam()];
    const orders = [
      await workOrder(north.id),
      await workOrder(south.id),
      await workOrder(north.id),
      await workOrder(null),
    ];
    sqlLog = [];
    const res = await callSubgraph(
      sub.url,
      admin,
      `query ($ids: [_Any!]!) { _entities(representations: $ids) { ... on WorkOrder { id team { id name } } } }`,
      { ids: orders.map((o) => ({ __typename: 'WorkOrder', id: o.id })) },
    );
    expect(res.body.errors).toBeUndefined();
    expect((res.body.data as any)._entities.map((e: any) => e.team?.id ?? null)).toEqual([
      north.id,
      south.id,
      north.id,
      null,
    ]);
    expect(sqlLog.filter((s) => s.includes('"team"') && !s.includes('"work_order"'))).toHaveLength(
      1,
    );
  });

  it('should delete a team and keep its technicians and work orders without a team', async () => {
    const team = await createTeam();
    const tech = await technician(orgA, 'Stays', { teamId: team.id });
    const order = await workOrder(team.id);
    const res = await callSubgraph(sub.url, admin, DELETE, { id: team.id });
    expect(res.body.data?.deleteTeam).toBe(true);
    const [techAfter, orderAfter] = await Promise.all([
      sub.db.technician.findFirst({ where: { id: tech.id, organizationId: orgA } }),
      sub.db.workOrder.findFirst({ where: { id: order.id, organizationId: orgA } }),
    ]);
    expect(techAfter?.teamId).toBeNull();
    expect(orderAfter?.teamId).toBeNull();
    const again = await callSubgraph(sub.url, admin, TEAM, { id: team.id });
    expect(again.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('should answer NOT_FOUND when another tenant reads, renames or deletes the team', async () => {
    const team = await createTeam();
    for (const [query, vars] of [
      [TEAM, { id: team.id }],
      [RENAME, { id: team.id, name: 'Stolen' }],
      [DELETE, { id: team.id }],
    ] as const) {
      const res = await callSubgraph(sub.url, otherTenant, query, vars);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const theirList = await callSubgraph(sub.url, otherTenant, '{ teams { id } }');
    expect(theirList.body.data?.teams.map((t: { id: string }) => t.id)).not.toContain(team.id);
    expect(await sub.db.team.count({ where: { id: team.id, organizationId: orgA } })).toBe(1);
  });

  it('should answer FORBIDDEN when a dispatcher or technician manages teams, and let an analyst read', async () => {
    for (const role of ['DISPATCHER', 'TECHNICIAN', 'ANALYST'] as const) {
      const res = await callSubgraph(sub.url, staffActor(orgA, [role]), CREATE, { name: 'Nope' });
      expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const read = await callSubgraph(sub.url, staffActor(orgA, ['ANALYST']), '{ teams { id } }');
    expect(read.body.errors).toBeUndefined();
  });

  it('should resolve Team references for the owning tenant only (contract: _entities)', async () => {
    const team = await createTeam('Referenced');
    const q = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Team { id name } } }`;
    const reps = [{ __typename: 'Team', id: team.id }];
    const mine = await callSubgraph(sub.url, admin, q, { reps });
    expect((mine.body.data as any)._entities).toEqual([{ id: team.id, name: 'Referenced' }]);
    const theirs = await callSubgraph(sub.url, otherTenant, q, { reps });
    expect((theirs.body.data as any)._entities).toEqual([null]);
  });
});
