import {
  createTestDatabase,
  callSubgraph,
  staffActor,
  startTestSubgraph,
  type TestDatabase,
} from '@attendant/testing';
import type { RunningSubgraph } from '@attendant/kit';
import { randomUUID } from 'node:crypto';
import { analyticsSubgraph } from '../index';

const ENTITIES = (fragment: string) =>
  `query ($reps: [_Any!]!) { _entities(representations: $reps) { ${fragment} } }`;
const DAY = 86_400_000;

describe('analytics subgraph: guest health and technician utilization', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  let sqlLog: string[] = [];
  const orgA = randomUUID();
  const orgB = randomUUID();
  const manager = staffActor(orgA, ['MANAGER']);
  const otherTenant = staffActor(orgB, ['ADMIN']);

  beforeAll(async () => {
    database = await createTestDatabase();
    sub = await startTestSubgraph(analyticsSubgraph, database, {
      onQuery: (sql) => sqlLog.push(sql),
    });
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  it('should resolve Guest.healthScore for the owning tenant and null without a score (contract: _entities)', async () => {
    const guestId = randomUUID();
    const unscoredId = randomUUID();
    const computedAt = new Date('2026-05-01T10:00:00Z');
    await sub.db.healthScore.create({
      data: {
        organizationId: orgA,
        guestId,
        score: 82,
        trend: 'UP',
        computedAt,
        factors: [
          { key: 'stays', label: 'Stays this year', weight: 0.6, value: 4 },
          { key: 'complaints', label: 'Open complaints', weight: 0.4, value: 0 },
          { broken: true },
        ],
      },
    });
    const q = ENTITIES(
      '... on Guest { id healthScore { score trend computedAt factors { key label weight value } } }',
    );
    const reps = [
      { __typename: 'Guest', id: guestId },
      { __typename: 'Guest', id: unscoredId },
    ];
    sqlLog = [];
    const mine = await callSubgraph(sub.url, manager, q, { reps });
    expect(mine.body.errors).toBeUndefined();
    expect((mine.body.data as any)._entities).toEqual([
      {
        id: guestId,
        healthScore: {
          score: 82,
          trend: 'UP',
          computedAt: computedAt.toISOString(),
          factors: [
            { key: 'stays', label: 'Stays this year', weight: 0.6, value: 4 },
            { key: 'complaints', label: 'Open complaints', weight: 0.4, value: 0 },
          ],
        },
      },
      { id: unscoredId, healthScore: null },
    ]);
    expect(sqlLog.filter((s) => s.includes('"analytics"."health_score"'))).toHaveLength(1);
    const theirs = await callSubgraph(sub.url, otherTenant, q, { reps: reps.slice(0, 1) });
    expect((theirs.body.data as any)._entities).toEqual([{ id: guestId, healthScore: null }]);
  });

  it('should average utilization over the last days per technician (contract: _entities)', async () => {
    const busy = randomUUID();
    const idle = randomUUID();
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY);
    const snapshot = (
      subjectId: string,
      daysAgo: number,
      value: number,
      metric = 'technician.utilization',
      organizationId = orgA,
    ) => ({
      organizationId,
      metric,
      subjectId,
      periodStart: day(daysAgo),
      periodEnd: day(daysAgo - 1),
      value,
    });
    await sub.db.metricSnapshot.createMany({
      data: [
        snapshot(busy, 1, 0.5),
        snapshot(busy, 3, 0.7),
        snapshot(busy, 20, 0.1),
        snapshot(busy, 2, 99, 'technician.revenue'),
        snapshot(busy, 2, 0, 'technician.utilization', orgB),
      ],
    });
    const q = ENTITIES('... on Technician { id week: utilization month: utilization(days: 30) }');
    const res = await callSubgraph(sub.url, manager, q, {
      reps: [
        { __typename: 'Technician', id: busy },
        { __typename: 'Technician', id: idle },
      ],
    });
    expect(res.body.errors).toBeUndefined();
    const [b, i] = (res.body.data as any)._entities;
    expect(b.id).toBe(busy);
    expect(b.week).toBeCloseTo(0.6);
    expect(b.month).toBeCloseTo((0.5 + 0.7 + 0.1) / 3);
    expect(i).toEqual({ id: idle, week: null, month: null });
  });

  it('should refuse utilization to a technician and reject days out of range', async () => {
    const reps = [{ __typename: 'Technician', id: randomUUID() }];
    const tech = await callSubgraph(
      sub.url,
      staffActor(orgA, ['TECHNICIAN']),
      ENTITIES('... on Technician { utilization }'),
      { reps },
    );
    expect(tech.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await callSubgraph(
      sub.url,
      manager,
      ENTITIES('... on Technician { utilization(days: 0) }'),
      { reps },
    );
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_DAYS',
    });
  });
});
