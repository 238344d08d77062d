import { createDb, createLogger, Jobs, type Db, type DomainEvent } from '@attendant/kit';
import { createTestDatabase, type TestDatabase } from '@attendant/testing';
import { randomUUID } from 'node:crypto';
import { createWorld, type World } from '../dispatch/dispatch.fixtures';
import { customerLinkConsumer, TRACKING_LINK_ISSUED } from './customer-link.consumer';
import { hashToken } from './tracking-link';

/* The customer's tracking link handed to communications when a job goes EN_ROUTE. */

describe('customer tracking link on EN_ROUTE', () => {
  let database: TestDatabase;
  let db: Db;
  let jobs: Jobs;
  let world: World;
  const NOW = new Date('2026-11-20T12:00:00Z');
  const consumer = customerLinkConsumer('https://attendant.example', () => NOW);

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url, 2);
    jobs = new Jobs(database.url, 'operations', db, createLogger('test', 'silent'));
    world = await createWorld(db, 'UTC');
  });

  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  const statusEvent = (id: string, status: string): DomainEvent => ({
    id: randomUUID(),
    type: 'WorkOrderStatusChanged',
    entityType: 'WorkOrder',
    entityId: id,
    organizationId: world.organizationId,
    payload: { status },
    occurredAt: NOW.toISOString(),
  });
  const issued = (workOrderId: string) =>
    db.operationsOutboxEvent
      .findMany({
        where: { organizationId: world.organizationId, type: TRACKING_LINK_ISSUED },
      })
      .then((rows) =>
        rows.filter((r) => (r.payload as { workOrderId: string }).workOrderId === workOrderId),
      );
  const links = (workOrderId: string) =>
    db.trackingLink.findMany({ where: { organizationId: world.organizationId, workOrderId } });

  it('should hand over one fresh link, stored hashed, when a job with a customer goes EN_ROUTE', async () => {
    const tech = await world.technician('Marco Rossi');
    const wo = await world.workOrder({
      status: 'EN_ROUTE',
      guestId: randomUUID(),
      technicianId: tech.id,
    });
    const event = statusEvent(wo.id, 'EN_ROUTE');
    await jobs.runOnce(consumer, event);
    await jobs.runOnce(consumer, event);

    const [out, ...more] = await issued(wo.id);
    expect(more).toEqual([]);
    const payload = out!.payload as Record<string, unknown>;
    expect(payload).toMatchObject({
      sourceEventId: event.id,
      number: wo.number,
      guestId: wo.guestId,
      technicianId: tech.id,
      linkExpiresAt: '2026-11-21T12:00:00.000Z',
    });
    const url = payload['trackingUrl'] as string;
    expect(url).toMatch(/^https:\/\/attendant\.example\/track\/[A-Za-z0-9_-]{43}$/);
    const [link] = await links(wo.id);
    expect(link!.tokenHash).toBe(hashToken(url.split('/track/')[1]!));
    expect(out!.entityId).toBe(link!.id);
  });

  it('should issue nothing when the job has no customer or has moved on', async () => {
    const noCustomer = await world.workOrder({ status: 'EN_ROUTE' });
    await jobs.runOnce(consumer, statusEvent(noCustomer.id, 'EN_ROUTE'));
    const arrived = await world.workOrder({ status: 'ARRIVED', guestId: randomUUID() });
    await jobs.runOnce(consumer, statusEvent(arrived.id, 'EN_ROUTE'));
    const other = await world.workOrder({ status: 'ARRIVED', guestId: randomUUID() });
    await jobs.runOnce(consumer, statusEvent(other.id, 'ARRIVED'));
    for (const id of [noCustomer.id, arrived.id, other.id]) {
      expect(await issued(id)).toEqual([]);
      expect(await links(id)).toEqual([]);
    }
  });
});
