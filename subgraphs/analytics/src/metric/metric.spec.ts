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

const SERIES = /* GraphQL */ `
  query ($metric: String!, $subjectId: ID, $from: DateTimeISO!, $to: DateTimeISO!) {
    metricSeries(metric: $metric, subjectId: $subjectId, from: $from, to: $to) {
      metric
      subjectId
      periodStart
      periodEnd
      value
    }
  }
`;

describe('analytics subgraph: metric series', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  const org = randomUUID();
  const analyst = staffActor(org, ['ANALYST']);
  const technicianId = randomUUID();
  const day = (d: number) => new Date(Date.UTC(2026, 2, d));

  beforeAll(async () => {
    database = await createTestDatabase();
    sub = await startTestSubgraph(analyticsSubgraph, database);
    const row = (
      d: number,
      value: number,
      subjectId: string | null = technicianId,
      organizationId = org,
    ) => ({
      organizationId,
      metric: 'technician.utilization',
      subjectId,
      periodStart: day(d),
      periodEnd: day(d + 1),
      value,
    });
    await sub.db.metricSnapshot.createMany({
      data: [
        row(3, 0.3),
        row(1, 0.1),
        row(2, 0.2),
        row(9, 0.9),
        row(2, 0.5, null),
        row(2, 0.7, technicianId, randomUUID()),
      ],
    });
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  const series = (vars: Record<string, unknown>, actor = analyst) =>
    callSubgraph(sub.url, actor, SERIES, {
      metric: 'technician.utilization',
      from: day(1).toISOString(),
      to: day(5).toISOString(),
      ...vars,
    });

  it('should return the subject series oldest first within the range when asked for a subject', async () => {
    const res = await series({ subjectId: technicianId });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.metricSeries.map((p: { value: number }) => p.value)).toEqual([
      0.1, 0.2, 0.3,
    ]);
    expect(res.body.data!.metricSeries[0]).toEqual({
      metric: 'technician.utilization',
      subjectId: technicianId,
      periodStart: day(1).toISOString(),
      periodEnd: day(2).toISOString(),
      value: 0.1,
    });
  });

  it('should return the organization-wide series when no subject is given', async () => {
    const res = await series({});
    expect(res.body.data!.metricSeries.map((p: { value: number }) => p.value)).toEqual([0.5]);
  });

  it('should answer BAD_USER_INPUT when the range is empty or too long', async () => {
    const backwards = await series({ from: day(5).toISOString(), to: day(1).toISOString() });
    expect(backwards.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_METRIC_RANGE',
    });
    const long = await series({ to: new Date(Date.UTC(2027, 6, 1)).toISOString() });
    expect(long.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('should refuse the series when a dispatcher asks', async () => {
    const res = await series({}, staffActor(org, ['DISPATCHER']));
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
