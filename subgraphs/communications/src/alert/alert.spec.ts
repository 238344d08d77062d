import {
  createTestDatabase,
  callSubgraph,
  staffActor,
  startTestSubgraph,
  type TestDatabase,
} from '@attendant/testing';
import type { RunningSubgraph } from '@attendant/kit';
import { randomUUID } from 'node:crypto';
import { communicationsSubgraph } from '../index';

const ENTITIES = (fragment: string) =>
  `query ($reps: [_Any!]!) { _entities(representations: $reps) { ${fragment} } }`;
const ACK = 'mutation ($id: ID!) { acknowledgeAlert(id: $id) { id acknowledgedAt } }';

describe('communications subgraph: alerts and templates', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  const orgA = randomUUID();
  const orgB = randomUUID();
  const manager = staffActor(orgA, ['MANAGER'], randomUUID());
  const otherTenant = staffActor(orgB, ['ADMIN']);

  beforeAll(async () => {
    database = await createTestDatabase();
    sub = await startTestSubgraph(communicationsSubgraph, database);
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  const alert = (title: string, createdAt = new Date()) =>
    sub.db.alert.create({ data: { organizationId: orgA, severity: 'CRITICAL', title, createdAt } });

  it('should acknowledge an alert once and write one AlertAcknowledged event when acknowledged twice', async () => {
    const row = await alert('Boiler offline');
    const first = await callSubgraph(sub.url, manager, ACK, { id: row.id });
    expect(first.body.errors).toBeUndefined();
    const acknowledgedAt = first.body.data!.acknowledgeAlert.acknowledgedAt;
    expect(acknowledgedAt).toEqual(expect.any(String));
    const second = await callSubgraph(sub.url, manager, ACK, { id: row.id });
    expect(second.body.data!.acknowledgeAlert.acknowledgedAt).toBe(acknowledgedAt);
    const stored = await sub.db.alert.findFirst({ where: { organizationId: orgA, id: row.id } });
    expect(stored?.acknowledgedById).toBe(manager.userId);
    const events = await sub.db.communicationsOutboxEvent.findMany({
      where: { organizationId: orgA, entityId: row.id },
    });
    expect(events.map((e) => e.type)).toEqual(['AlertAcknowledged']);
  });

  it('should answer NOT_FOUND when another tenant acknowledges the alert or the id is not a UUID', async () => {
    const row = await alert('Not yours');
    const res = await callSubgraph(sub.url, otherTenant, ACK, { id: row.id });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(
      (await sub.db.alert.findFirst({ where: { organizationId: orgA, id: row.id } }))
        ?.acknowledgedAt,
    ).toBeNull();
    const garbage = await callSubgraph(sub.url, manager, ACK, { id: 'nope' });
    expect(garbage.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('should list only unacknowledged alerts newest first when asked', async () => {
    const org = randomUUID();
    const actor = staffActor(org, ['DISPATCHER']);
    const base = Date.UTC(2026, 5, 1);
    const rows = [];
    for (let i = 0; i < 3; i++) {
      rows.push(
        await sub.db.alert.create({
          data: {
            organizationId: org,
            severity: 'INFO',
            title: `A${i}`,
            createdAt: new Date(base + i * 60_000),
          },
        }),
      );
    }
    await callSubgraph(sub.url, actor, ACK, { id: rows[1]!.id });
    const res = await callSubgraph(
      sub.url,
      actor,
      '{ alerts(unacknowledgedOnly: true) { nodes { title } totalCount } all: alerts(first: 1) { totalCount pageInfo { hasNextPage } } }',
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.alerts).toEqual({
      nodes: [{ title: 'A2' }, { title: 'A0' }],
      totalCount: 2,
    });
    expect(res.body.data!.all).toEqual({ totalCount: 3, pageInfo: { hasNextPage: true } });
  });

  it('should resolve Alert and Template references for the owning tenant only (contract: _entities)', async () => {
    const row = await alert('Contract alert');
    const template = await sub.db.template.create({
      data: {
        organizationId: orgA,
        name: 'arrival',
        channel: 'SMS',
        language: 'en',
        body: 'Welcome {{name}}',
      },
    });
    const q = ENTITIES(
      '... on Alert { id title severity } ... on Template { id name channel language subject body }',
    );
    const reps = [
      { __typename: 'Alert', id: row.id },
      { __typename: 'Template', id: template.id },
    ];
    const mine = await callSubgraph(sub.url, manager, q, { reps });
    expect(mine.body.errors).toBeUndefined();
    expect((mine.body.data as any)._entities).toEqual([
      { id: row.id, title: 'Contract alert', severity: 'CRITICAL' },
      {
        id: template.id,
        name: 'arrival',
        channel: 'SMS',
        language: 'en',
        subject: null,
        body: 'Welcome {{name}}',
      },
    ]);
    const theirs = await callSubgraph(sub.url, otherTenant, q, { reps });
    expect((theirs.body.data as any)._entities).toEqual([null, null]);
    const list = await callSubgraph(sub.url, manager, '{ templates(channel: SMS) { name } }');
    expect(list.body.data!.templates).toEqual([{ name: 'arrival' }]);
  });
});
