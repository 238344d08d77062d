import {
  createTestDatabase,
  startTestSubgraph,
  testConsumer,
  type TestDatabase,
} from '@attendant/testing';
import { type DomainEvent, type EventConsumer, type RunningSubgraph } from '@attendant/kit';
import { randomUUID } from 'node:crypto';
import { analyticsSubgraph, WORK_ORDER_FACTS } from '../index';

describe('analytics subgraph: work order facts', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  let projector: EventConsumer;
  const org = randomUUID();

  beforeAll(async () => {
    database = await createTestDatabase();
    sub = await startTestSubgraph(analyticsSubgraph, database);
    projector = testConsumer(analyticsSubgraph, sub, database, WORK_ORDER_FACTS);
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  const event = (
    type: string,
    workOrderId: string,
    occurredAt: string,
    payload: Record<string, unknown> = {},
  ): DomainEvent => ({
    id: randomUUID(),
    type,
    entityType: 'WorkOrder',
    entityId: workOrderId,
    organizationId: org,
    occurredAt,
    payload: {
      number: 1,
      title: 'Job',
      status: 'NEW',
      technicianId: null,
      estimatedMinutes: 60,
      scheduledStart: null,
      completedAt: null,
      ...payload,
    },
  });
  const fact = (workOrderId: string) =>
    sub.db.workOrderFact.findFirst({ where: { organizationId: org, workOrderId } });

  it('should insert the fact on WorkOrderCreated and update it on later events', async () => {
    const workOrderId = randomUUID();
    const technicianId = randomUUID();
    expect(
      await sub.jobs.runOnce(
        projector,
        event('WorkOrderCreated', workOrderId, '2026-05-01T08:00:00.000Z'),
      ),
    ).toBe(true);
    expect(await fact(workOrderId)).toMatchObject({
      status: 'NEW',
      technicianId: null,
      estimatedMinutes: 60,
      scheduledStart: null,
    });

    const scheduled = event('WorkOrderUpdated', workOrderId, '2026-05-01T09:00:00.000Z', {
      technicianId,
      scheduledStart: '2026-05-02T07:30:00.000Z',
      estimatedMinutes: 90,
    });
    expect(await sub.jobs.runOnce(projector, scheduled)).toBe(true);
    const completed = event('WorkOrderStatusChanged', workOrderId, '2026-05-02T10:00:00.000Z', {
      status: 'COMPLETED',
      technicianId,
      scheduledStart: '2026-05-02T07:30:00.000Z',
      estimatedMinutes: 90,
      completedAt: '2026-05-02T09:55:00.000Z',
      previousStatus: 'IN_PROGRESS',
    });
    expect(await sub.jobs.runOnce(projector, completed)).toBe(true);
    expect(await sub.jobs.runOnce(projector, completed)).toBe(false);
    expect(await fact(workOrderId)).toEqual({
      workOrderId,
      organizationId: org,
      technicianId,
      status: 'COMPLETED',
      scheduledStart: new Date('2026-05-02T07:30:00.000Z'),
      estimatedMinutes: 90,
      completedAt: new Date('2026-05-02T09:55:00.000Z'),
      updatedAt: new Date('2026-05-02T10:00:00.000Z'),
    });
  });

  it('should keep the newer fact when an older event arrives late', async () => {
    const workOrderId = randomUUID();
    await sub.jobs.runOnce(
      projector,
      event('WorkOrderStatusChanged', workOrderId, '2026-05-03T12:00:00.000Z', {
        status: 'SCHEDULED',
      }),
    );
    await sub.jobs.runOnce(
      projector,
      event('WorkOrderCreated', workOrderId, '2026-05-03T08:00:00.000Z', { status: 'NEW' }),
    );
    expect(await fact(workOrderId)).toMatchObject({
      status: 'SCHEDULED',
      updatedAt: new Date('2026-05-03T12:00:00.000Z'),
    });
  });

  it('should store null when a timestamp in the payload is not a date', async () => {
    const workOrderId = randomUUID();
    await sub.jobs.runOnce(
      projector,
      event('WorkOrderCreated', workOrderId, '2026-05-04T08:00:00.000Z', {
        scheduledStart: 'soon',
      }),
    );
    expect((await fact(workOrderId))?.scheduledStart).toBeNull();
  });
});
