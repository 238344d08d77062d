import type { RunningSubgraph } from '@attendant/kit';
import {
  callSubgraph,
  createTestDatabase,
  staffActor,
  startTestSubgraph,
  TEST_SECRETS,
  type TestDatabase,
} from '@attendant/testing';
import { randomUUID } from 'node:crypto';
import { financeSubgraph } from '../index';
import { verifyPaymentToken } from '../payment-link/payment-link';
import { InvoiceService } from './invoice.service';

const DRAFT = `mutation ($input: CreateInvoiceDraftInput!) { createInvoiceDraft(input: $input) { id number } }`;
const ISSUE = `mutation ($input: IssueInvoiceInput!) { issueInvoice(input: $input) { id status issuedAt dueAt } }`;
const PAY = `mutation ($input: RecordPaymentInput!) {
  recordPayment(input: $input) { id status method providerRef amount { amountMinor currency } } }`;
const STATUS = `query ($id: ID!) { invoice(id: $id) { status paid { amountMinor } balance { amountMinor } } }`;

interface OutboxRow {
  type: string;
  entityType: string;
  entityId: string;
  payload: Record<string, unknown>;
}

describe('finance subgraph: invoice and payment events', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  const org = randomUUID();
  const admin = staffActor(org, ['ADMIN']);
  const analyst = staffActor(org, ['ANALYST']);
  const stranger = staffActor(randomUUID(), ['ADMIN']);

  beforeAll(async () => {
    database = await createTestDatabase();
    sub = await startTestSubgraph(financeSubgraph, database);
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  const call = (query: string, variables: Record<string, unknown>, actor = admin) =>
    callSubgraph(sub.url, actor, query, variables);
  const ok = async (query: string, variables: Record<string, unknown>, actor = admin) => {
    const res = await call(query, variables, actor);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!;
  };
  const draft = async (totalMinor = 12_000, guestId: string | null = randomUUID()) =>
    (
      await ok(DRAFT, {
        input: {
          guestId,
          currency: 'USD',
          lines: [{ description: 'Boiler service', quantity: 1, unitPriceMinor: totalMinor }],
        },
      })
    ).createInvoiceDraft as { id: string; number: string };
  /** Events about the invoice or its payments, with the writing transaction's id. */
  const events = (type: string, invoiceId: string) =>
    sub.db.$queryRawUnsafe<OutboxRow[]>(
      `SELECT type, "entityType", "entityId"::text, payload FROM finance.outbox
        WHERE type = $1 AND payload->>'invoiceId' = $2 ORDER BY "occurredAt"`,
      type,
      invoiceId,
    );
  /** Makes every outbox insert of one event type fail, for the duration of `fn`. */
  async function failingOutbox(type: string, fn: () => Promise<void>) {
    await sub.db
      .$executeRawUnsafe(`CREATE OR REPLACE FUNCTION finance.test_fail_outbox() RETURNS trigger
      LANGUAGE plpgsql AS $$ BEGIN IF NEW.type = '${type}' THEN RAISE EXCEPTION 'outbox down'; END IF;
      RETURN NEW; END $$`);
    await sub.db.$executeRawUnsafe(`CREATE TRIGGER test_fail_outbox BEFORE INSERT ON finance.outbox
      FOR EACH ROW EXECUTE FUNCTION finance.test_fail_outbox()`);
    try {
      await fn();
    } finally {
      await sub.db.$executeRawUnsafe(`DROP TRIGGER test_fail_outbox ON finance.outbox`);
    }
  }

  it('should issue a draft and write one InvoiceSent with a signed payment link when issued twice', async () => {
    const guestId = randomUUID();
    const inv = await draft(12_000, guestId);
    const dueAt = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const first = (await ok(ISSUE, { input: { id: inv.id, dueAt } })).issueInvoice;
    const again = (await ok(ISSUE, { input: { id: inv.id } })).issueInvoice;
    expect(first).toMatchObject({ status: 'ISSUED', dueAt });
    expect(again).toEqual(first);
    const sent = await events('InvoiceSent', inv.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      entityType: 'Invoice',
      entityId: inv.id,
      payload: {
        number: inv.number,
        totalMinor: 12_000,
        balanceMinor: 12_000,
        currency: 'USD',
        dueAt,
        guestId,
        status: 'ISSUED',
      },
    });
    const link = String(sent[0]!.payload['paymentLink']);
    expect(link).toMatch(/^http:\/\/localhost:4000\/pay\/[\w-]+\.[\w-]{43}$/);
    const token = link.split('/pay/')[1]!;
    expect(verifyPaymentToken(token, TEST_SECRETS.ACTOR_SIGNING_SECRET, new Date())).toMatchObject({
      invoiceId: inv.id,
      organizationId: org,
    });
    // A forged or altered token, or another secret, is no link.
    expect(
      verifyPaymentToken(token, 'another-secret-0123456789abcdef012345', new Date()),
    ).toBeNull();
    expect(
      verifyPaymentToken(`${token.slice(0, -2)}AA`, TEST_SECRETS.ACTOR_SIGNING_SECRET, new Date()),
    ).toBeNull();
    expect(
      verifyPaymentToken(
        token,
        TEST_SECRETS.ACTOR_SIGNING_SECRET,
        new Date(Date.now() + 400 * 86_400_000),
      ),
    ).toBeNull();
  });

  it('should refuse to issue with CONFLICT, FORBIDDEN or NOT_FOUND and write no event when the invoice cannot be issued by the caller', async () => {
    const empty = await draft(0);
    const res = await call(ISSUE, { input: { id: empty.id } });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(res.body.errors?.[0]?.message).toMatch(/nothing to pay/);
    const inv = await draft();
    expect(
      (await call(ISSUE, { input: { id: inv.id } }, analyst)).body.errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await call(ISSUE, { input: { id: inv.id } }, stranger)).body.errors?.[0]?.extensions?.code,
    ).toBe('NOT_FOUND');
    const past = await call(ISSUE, { input: { id: inv.id, dueAt: new Date(Date.now() - 1000) } });
    expect(past.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await events('InvoiceSent', empty.id)).toEqual([]);
    expect(await events('InvoiceSent', inv.id)).toEqual([]);
    expect((await ok(STATUS, { id: inv.id })).invoice.status).toBe('DRAFT');
  });

  it('should record payments with one PaymentReceived each and mark the invoice PAID when the balance reaches zero', async () => {
    const inv = await draft(10_000);
    const draftPay = await call(PAY, {
      input: { invoiceId: inv.id, amountMinor: 100, method: 'CARD' },
    });
    expect(draftPay.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await ok(ISSUE, { input: { id: inv.id } });
    const input = { invoiceId: inv.id, amountMinor: 4_000, method: 'CARD', providerRef: 'ch_1' };
    const first = (await ok(PAY, { input })).recordPayment;
    // The same provider reference again (a retried webhook or request) is the same payment.
    expect((await ok(PAY, { input })).recordPayment).toEqual(first);
    expect(first).toMatchObject({
      status: 'SUCCEEDED',
      amount: { amountMinor: 4_000, currency: 'USD' },
    });
    expect((await ok(STATUS, { id: inv.id })).invoice).toEqual({
      status: 'PARTIALLY_PAID',
      paid: { amountMinor: 4_000 },
      balance: { amountMinor: 6_000 },
    });
    const over = await call(PAY, { input: { ...input, providerRef: 'ch_2', amountMinor: 6_001 } });
    expect(over.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await ok(PAY, { input: { ...input, providerRef: 'ch_3', amountMinor: 6_000 } });
    expect((await ok(STATUS, { id: inv.id })).invoice.status).toBe('PAID');
    const received = await events('PaymentReceived', inv.id);
    expect(
      received.map((e) => [e.entityType, e.payload['amountMinor'], e.payload['status']]),
    ).toEqual([
      ['Payment', 4_000, 'PARTIALLY_PAID'],
      ['Payment', 6_000, 'PAID'],
    ]);
    expect(received[0]!.entityId).toBe(first.id);
    const paidAgain = await call(PAY, { input: { ...input, providerRef: 'ch_4', amountMinor: 1 } });
    expect(paidAgain.body.errors?.[0]?.message).toMatch(/already paid/);
  });

  it('should change nothing when the event cannot be written (event and change share one transaction)', async () => {
    const inv = await draft(3_000);
    await failingOutbox('InvoiceSent', async () => {
      const res = await call(ISSUE, { input: { id: inv.id } });
      expect(res.body.errors).toHaveLength(1);
    });
    expect((await ok(STATUS, { id: inv.id })).invoice.status).toBe('DRAFT');
    await ok(ISSUE, { input: { id: inv.id } });
    await failingOutbox('PaymentReceived', async () => {
      const res = await call(PAY, {
        input: { invoiceId: inv.id, amountMinor: 3_000, method: 'CARD' },
      });
      expect(res.body.errors).toHaveLength(1);
    });
    expect((await ok(STATUS, { id: inv.id })).invoice).toMatchObject({
      status: 'ISSUED',
      paid: { amountMinor: 0 },
    });
    expect(await sub.db.payment.count({ where: { organizationId: org, invoiceId: inv.id } })).toBe(
      0,
    );
    expect(await events('InvoiceSent', inv.id)).toHaveLength(1);
  });

  it('should announce an unpaid invoice as overdue once per due date when sweeps run concurrently and again', async () => {
    const inv = await draft(5_000);
    await ok(ISSUE, { input: { id: inv.id } });
    const paid = await draft(5_000);
    await ok(ISSUE, { input: { id: paid.id } });
    await ok(PAY, { input: { invoiceId: paid.id, amountMinor: 5_000, method: 'CASH' } });
    const due = new Date(Date.now() - 3_600_000);
    await sub.db.invoice.updateMany({
      where: { organizationId: org, id: { in: [inv.id, paid.id] } },
      data: { dueAt: due },
    });
    const links = { secret: TEST_SECRETS.ACTOR_SIGNING_SECRET, publicBaseUrl: 'https://pay.test' };
    const sweeper = new InvoiceService(sub.db, links);
    await Promise.all([sweeper.sweepOverdue(), sweeper.sweepOverdue(), sweeper.sweepOverdue()]);
    await sweeper.sweepOverdue();
    let overdue = await events('PaymentOverdue', inv.id);
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({
      entityId: inv.id,
      payload: { dueAt: due.toISOString(), balanceMinor: 5_000, number: inv.number },
    });
    expect(String(overdue[0]!.payload['paymentLink'])).toMatch(/^https:\/\/pay\.test\/pay\//);
    expect(await events('PaymentOverdue', paid.id)).toEqual([]);
    // A new due date that passes too is chased once more.
    const later = new Date(Date.now() - 60_000);
    await sub.db.invoice.updateMany({
      where: { organizationId: org, id: inv.id },
      data: { dueAt: later },
    });
    await sweeper.sweepOverdue();
    await sweeper.sweepOverdue();
    overdue = await events('PaymentOverdue', inv.id);
    expect(overdue.map((e) => e.payload['dueAt'])).toEqual([
      due.toISOString(),
      later.toISOString(),
    ]);
  });
});
