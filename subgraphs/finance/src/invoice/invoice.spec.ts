import {
  createTestDatabase,
  callSubgraph,
  staffActor,
  startTestSubgraph,
  type TestDatabase,
} from '@attendant/testing';
import type { RunningSubgraph } from '@attendant/kit';
import { randomUUID } from 'node:crypto';
import { financeSubgraph } from '../index';

const DRAFT = /* GraphQL */ `
  mutation ($input: CreateInvoiceDraftInput!) {
    createInvoiceDraft(input: $input) {
      id
      number
      status
      currency
      notes
      subtotal {
        amountMinor
        currency
      }
      tax {
        amountMinor
      }
      total {
        amountMinor
      }
      paid {
        amountMinor
      }
      balance {
        amountMinor
      }
      lines {
        description
        quantity
        taxRateBps
        unitPrice {
          amountMinor
        }
        net {
          amountMinor
        }
        tax {
          amountMinor
        }
        total {
          amountMinor
        }
      }
      guest {
        id
      }
      workOrder {
        id
      }
    }
  }
`;
const ENTITIES = (fragment: string) =>
  `query ($reps: [_Any!]!) { _entities(representations: $reps) { ${fragment} } }`;

describe('finance subgraph: invoices', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  let sqlLog: string[] = [];
  const orgA = randomUUID();
  const orgB = randomUUID();
  const admin = staffActor(orgA, ['ADMIN']);
  const otherTenant = staffActor(orgB, ['ADMIN']);
  const technician = staffActor(orgA, ['TECHNICIAN']);
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    database = await createTestDatabase();
    sub = await startTestSubgraph(financeSubgraph, database, {
      onQuery: (sql) => sqlLog.push(sql),
    });
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  const line = (extra: Record<string, unknown> = {}) => ({
    description: 'Room night',
    quantity: 1,
    unitPriceMinor: 10000,
    taxRateBps: 0,
    ...extra,
  });
  const draft = (input: Record<string, unknown> = {}, actor = admin) =>
    callSubgraph(sub.url, actor, DRAFT, { input: { currency: 'EUR', lines: [line()], ...input } });
  const invoiceCount = (organizationId = orgA) =>
    sub.db.invoice.count({ where: { organizationId } });

  it('should compute line and invoice totals and write an InvoiceDrafted outbox event when a draft is created', async () => {
    const guestId = randomUUID();
    const workOrderId = randomUUID();
    const res = await draft({
      guestId,
      workOrderId,
      notes: '  Late checkout  ',
      lines: [
        line({ description: 'Room night', quantity: 3, unitPriceMinor: 12345, taxRateBps: 900 }),
        line({ description: 'Minibar', quantity: 2, unitPriceMinor: 333, taxRateBps: 2100 }),
      ],
    });
    expect(res.body.errors).toBeUndefined();
    const invoice = res.body.data!.createInvoiceDraft;
    // 3 × 12345 = 37035, tax 3333.15 → 3333; 2 × 333 = 666, tax 139.86 → 140.
    expect(invoice).toMatchObject({
      number: expect.stringMatching(new RegExp(`^INV-${year}-\\d{5}$`)),
      status: 'DRAFT',
      currency: 'EUR',
      notes: 'Late checkout',
      subtotal: { amountMinor: 37701, currency: 'EUR' },
      tax: { amountMinor: 3473 },
      total: { amountMinor: 41174 },
      paid: { amountMinor: 0 },
      balance: { amountMinor: 41174 },
      guest: { id: guestId },
      workOrder: { id: workOrderId },
    });
    expect(invoice.lines).toEqual([
      {
        description: 'Room night',
        quantity: 3,
        taxRateBps: 900,
        unitPrice: { amountMinor: 12345 },
        net: { amountMinor: 37035 },
        tax: { amountMinor: 3333 },
        total: { amountMinor: 40368 },
      },
      {
        description: 'Minibar',
        quantity: 2,
        taxRateBps: 2100,
        unitPrice: { amountMinor: 333 },
        net: { amountMinor: 666 },
        tax: { amountMinor: 140 },
        total: { amountMinor: 806 },
      },
    ]);
    const events = await sub.db.$queryRawUnsafe<
      { type: string; entityType: string; payload: Record<string, unknown> }[]
    >(
      `SELECT type, "entityType", payload FROM finance.outbox WHERE "entityId" = $1::uuid`,
      invoice.id,
    );
    expect(events).toEqual([
      {
        type: 'InvoiceDrafted',
        entityType: 'Invoice',
        payload: {
          number: invoice.number,
          totalMinor: 41174,
          currency: 'EUR',
          guestId,
          workOrderId,
        },
      },
    ]);
  });

  it('should give every draft its own number when eight are drafted at the same moment', async () => {
    const first = (await draft({}, otherTenant)).body.data!.createInvoiceDraft.number;
    expect(first).toBe(`INV-${year}-00001`);
    const results = await Promise.all(Array.from({ length: 8 }, () => draft({}, otherTenant)));
    expect(results.flatMap((r) => r.body.errors ?? [])).toEqual([]);
    const numbers = results.map((r) => r.body.data!.createInvoiceDraft.number).sort();
    expect(numbers).toEqual(
      Array.from({ length: 8 }, (_, i) => `INV-${year}-${String(i + 2).padStart(5, '0')}`),
    );
  });

  it('should answer BAD_USER_INPUT with field messages and write nothing when the input is invalid', async () => {
    const before = await invoiceCount();
    const outboxBefore = await sub.db.financeOutboxEvent.count({ where: { organizationId: orgA } });
    const res = await draft({
      currency: 'eur',
      lines: [line({ quantity: 0, taxRateBps: 10001, description: '' })],
    });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.message).toMatch(/Currency must be a 3-letter ISO code/);
    const fields = (
      res.body.errors?.[0]?.extensions?.['fields'] as { field: string; message: string }[]
    ).map((f) => f.message);
    expect(fields).toEqual(
      expect.arrayContaining([
        'Quantity must be 1 to 10000',
        'Tax rate must be 0 to 10000 basis points',
        'Line description must be 1 to 200 characters',
      ]),
    );
    const noLines = await draft({ lines: [] });
    expect(noLines.body.errors?.[0]?.message).toMatch(/An invoice needs at least one line/);
    expect(await invoiceCount()).toBe(before);
    expect(await sub.db.financeOutboxEvent.count({ where: { organizationId: orgA } })).toBe(
      outboxBefore,
    );
  });

  it('should answer BAD_USER_INPUT and write nothing when the total does not fit an amount', async () => {
    const before = await invoiceCount();
    const res = await draft({ lines: [line({ quantity: 10000, unitPriceMinor: 1_000_000 })] });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVOICE_AMOUNT_TOO_LARGE',
    });
    expect(await invoiceCount()).toBe(before);
  });

  it('should answer NOT_FOUND when another tenant asks for the invoice', async () => {
    const id = (await draft()).body.data!.createInvoiceDraft.id;
    const q = 'query ($id: ID!) { invoice(id: $id) { id } }';
    expect((await callSubgraph(sub.url, admin, q, { id })).body.data?.invoice).toEqual({ id });
    const res = await callSubgraph(sub.url, otherTenant, q, { id });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('should refuse invoices to a technician when one asks', async () => {
    const res = await callSubgraph(sub.url, technician, '{ invoices { totalCount } }');
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('should page through invoices and filter them by guest when asked', async () => {
    const guestId = randomUUID();
    for (let i = 0; i < 3; i++)
      await draft({ guestId, lines: [line({ description: `Paged ${i}` })] });
    const q = `query ($after: String, $guestId: ID) { invoices(first: 2, after: $after, filter: { guestId: $guestId, status: [DRAFT] }) {
      nodes { lines { description } } pageInfo { hasNextPage endCursor } totalCount } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await callSubgraph(sub.url, admin, q, { after, guestId });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.invoices.totalCount).toBe(3);
      seen.push(...res.body.data.invoices.nodes.map((n: any) => n.lines[0].description));
      if (!res.body.data.invoices.pageInfo.hasNextPage) break;
      after = res.body.data.invoices.pageInfo.endCursor;
    }
    expect(seen).toEqual(['Paged 2', 'Paged 1', 'Paged 0']);
  });

  it('should resolve 50 Invoice references with one SQL query (contract: _entities)', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push((await draft()).body.data!.createInvoiceDraft.id);
    sqlLog = [];
    const res = await callSubgraph(
      sub.url,
      admin,
      ENTITIES('... on Invoice { id number total { amountMinor } }'),
      {
        reps: ids.map((id) => ({ __typename: 'Invoice', id })),
      },
    );
    expect(res.body.errors).toBeUndefined();
    expect((res.body.data as any)._entities.map((e: { id: string }) => e.id)).toEqual(ids);
    expect(sqlLog.filter((s) => s.includes('FROM "finance"."invoice"'))).toHaveLength(1);
  });

  it('should resolve Invoice and Payment references for the owning tenant only (contract: _entities)', async () => {
    const invoice = (await draft()).body.data!.createInvoiceDraft;
    const payment = await sub.db.payment.create({
      data: {
        organizationId: orgA,
        invoiceId: invoice.id,
        amountMinor: 2500,
        currency: 'EUR',
        method: 'CARD',
        status: 'SUCCEEDED',
        providerRef: 'ch_1',
      },
    });
    const q = ENTITIES(`... on Invoice { id number payments { id } }
      ... on Payment { id method status providerRef amount { amountMinor currency } }`);
    const reps = [
      { __typename: 'Invoice', id: invoice.id },
      { __typename: 'Payment', id: payment.id },
    ];
    const mine = await callSubgraph(sub.url, admin, q, { reps });
    expect(mine.body.errors).toBeUndefined();
    expect((mine.body.data as any)._entities).toEqual([
      { id: invoice.id, number: invoice.number, payments: [{ id: payment.id }] },
      {
        id: payment.id,
        method: 'CARD',
        status: 'SUCCEEDED',
        providerRef: 'ch_1',
        amount: { amountMinor: 2500, currency: 'EUR' },
      },
    ]);
    const theirs = await callSubgraph(sub.url, otherTenant, q, { reps });
    expect((theirs.body.data as any)._entities).toEqual([null, null]);
  });

  it('should resolve Guest.invoices newest first and WorkOrder.invoice (contract: _entities)', async () => {
    const guestId = randomUUID();
    const lonelyGuestId = randomUUID();
    const workOrderId = randomUUID();
    const older = (await draft({ guestId })).body.data!.createInvoiceDraft;
    const newer = (await draft({ guestId, workOrderId })).body.data!.createInvoiceDraft;
    sqlLog = [];
    const res = await callSubgraph(
      sub.url,
      admin,
      ENTITIES(
        '... on Guest { id invoices { id number status createdAt } } ... on WorkOrder { id invoice { id } }',
      ),
      {
        reps: [
          { __typename: 'Guest', id: guestId },
          { __typename: 'Guest', id: lonelyGuestId },
          { __typename: 'WorkOrder', id: workOrderId },
          { __typename: 'WorkOrder', id: randomUUID() },
        ],
      },
    );
    expect(res.body.errors).toBeUndefined();
    const [guest, lonely, workOrder, unbilled] = (res.body.data as any)._entities;
    expect(guest.invoices.map((i: { id: string }) => i.id)).toEqual([newer.id, older.id]);
    expect(guest.invoices[0]).toMatchObject({
      number: newer.number,
      status: 'DRAFT',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(lonely.invoices).toEqual([]);
    expect(workOrder.invoice).toEqual({ id: newer.id });
    expect(unbilled.invoice).toBeNull();
    expect(sqlLog.filter((s) => s.includes('"finance"."invoice"'))).toHaveLength(2);
  });
});
