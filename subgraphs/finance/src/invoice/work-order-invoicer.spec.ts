import {
  createTestDatabase,
  startTestSubgraph,
  testConsumer,
  type TestDatabase,
} from '@attendant/testing';
import { type DomainEvent, type EventConsumer, type RunningSubgraph } from '@attendant/kit';
import { randomUUID } from 'node:crypto';
import { financeSubgraph, WORK_ORDER_INVOICER } from '../index';

describe('finance subgraph: drafting invoices for completed work orders', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  let invoicer: EventConsumer;
  const org = randomUUID();

  beforeAll(async () => {
    database = await createTestDatabase();
    sub = await startTestSubgraph(financeSubgraph, database);
    invoicer = testConsumer(financeSubgraph, sub, database, WORK_ORDER_INVOICER);
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  const completed = (payload: Record<string, unknown> = {}): DomainEvent => ({
    id: randomUUID(),
    type: 'WorkOrderCompleted',
    entityType: 'WorkOrder',
    entityId: randomUUID(),
    organizationId: org,
    occurredAt: new Date().toISOString(),
    payload: {
      number: 42,
      title: 'Fix the boiler',
      status: 'COMPLETED',
      priceMinor: 12000,
      currency: 'USD',
      guestId: randomUUID(),
      estimatedMinutes: 90,
      ...payload,
    },
  });
  const invoicesOf = (workOrderId: string) =>
    sub.db.invoice.findMany({
      where: { organizationId: org, workOrderId },
      include: { lines: true },
    });

  it('should draft exactly one invoice when the same event is handled twice', async () => {
    const event = completed();
    expect(await sub.jobs.runOnce(invoicer, event)).toBe(true);
    expect(await sub.jobs.runOnce(invoicer, event)).toBe(false);
    const invoices = await invoicesOf(event.entityId);
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({
      status: 'DRAFT',
      currency: 'USD',
      totalMinor: 12000,
      taxMinor: 0,
      guestId: event.payload['guestId'],
      sourceEventId: event.id,
    });
    expect(invoices[0]!.lines).toEqual([
      expect.objectContaining({
        description: 'WO-42: Fix the boiler',
        quantity: 1,
        unitPriceMinor: 12000,
        taxRateBps: 0,
        totalMinor: 12000,
      }),
    ]);
    const outbox = await sub.db.financeOutboxEvent.findMany({
      where: { organizationId: org, entityId: invoices[0]!.id },
    });
    expect(outbox.map((e) => e.type)).toEqual(['InvoiceDrafted']);
  });

  it('should draft nothing when the completed work order has no price', async () => {
    const event = completed({ priceMinor: null, currency: null });
    expect(await sub.jobs.runOnce(invoicer, event)).toBe(true);
    expect(await invoicesOf(event.entityId)).toHaveLength(0);
  });

  it('should draft the invoice when the event arrives through pg-boss', async () => {
    const event = completed({ number: 7, title: 'Replace the filter' });
    await sub.jobs.sink(event);
    await sub.jobs.sink(event); // delivered twice: still one invoice
    const deadline = Date.now() + 15_000;
    let invoices = await invoicesOf(event.entityId);
    while (invoices.length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      invoices = await invoicesOf(event.entityId);
    }
    expect(invoices).toHaveLength(1);
    expect(invoices[0]!.lines[0]!.description).toBe('WO-7: Replace the filter');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await invoicesOf(event.entityId)).toHaveLength(1);
  }, 30_000);
});
