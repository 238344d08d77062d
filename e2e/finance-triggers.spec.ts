import {
  createTenant,
  createTestDatabase,
  gql,
  login,
  startStack,
  type Stack,
  type TenantFixture,
  type TestDatabase,
} from '@attendant/testing';
import { startTwilioSim, type TwilioSim } from '@attendant/twilio-sim';
import { randomBytes } from 'node:crypto';

/*
 * Messages driven by finance's and guests' events, end to end: an invoice issued through the
 * gateway (InvoiceSent, with a payment link the gateway's /pay page opens), a payment recorded
 * (PaymentReceived), the due date passing (finance's sweep: PaymentOverdue) and a reserved room
 * set clean on arrival day (guests: CheckInReady) — each relayed through pg-boss to the
 * communications consumer and sent through the Twilio simulator exactly once.
 */

const SENDER = '+15550100088';
const ORG_NAME = 'Aurora Billing';
const ENV = [
  'TWILIO_ACCOUNT_SID',
  'TWILIO_AUTH_TOKEN',
  'TWILIO_API_BASE_URL',
  'TWILIO_WEBHOOK_BASE_URL',
  'FINANCE_OVERDUE_SWEEP_SECONDS',
] as const;
const TEMPLATES = {
  INVOICE_SENT:
    'Hi {{guest.firstName}}, invoice {{invoice.number}} for {{invoice.amount}} is due {{invoice.dueDate}}. Pay: {{invoice.paymentLink}}',
  PAYMENT_RECEIVED:
    'Thanks {{guest.firstName}}, we received {{invoice.amount}} for {{invoice.number}}. Still due: {{invoice.balance}}.',
  PAYMENT_OVERDUE:
    'Reminder: invoice {{invoice.number}} ({{invoice.amount}} open) was due {{invoice.dueDate}}. Pay: {{invoice.paymentLink}}',
  CHECK_IN_READY:
    'Hi {{guest.firstName}}, room {{room.number}} at {{property.name}} is ready for you.',
} as const;

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
const settle = () => new Promise((r) => setTimeout(r, 3_000));

describe('finance and check-in triggers end to end', () => {
  let database: TestDatabase;
  let stack: Stack;
  let sim: TwilioSim;
  let tenant: TenantFixture;
  let token: string;
  let phoneSeq = 0;
  const newPhone = () => `+1555777${String(1000 + phoneSeq++)}`;

  const ok = async (q: string, v: Record<string, unknown> = {}) => {
    const res = await gql(stack.gateway, q, v, token);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!;
  };
  /** Texts the simulator received for a number, in order, without the first greeting. */
  const textsTo = (phone: string) =>
    sim.state.messages
      .filter((m) => m.direction === 'outbound-api' && m.to === phone)
      .map((m) => m.body)
      .filter((b) => b !== 'Welcome');

  beforeAll(async () => {
    database = await createTestDatabase();
    sim = await startTwilioSim({ delays: { queuedMs: 0, sendingMs: 0, sentMs: 0, finalMs: 0 } });
    process.env['TWILIO_ACCOUNT_SID'] = sim.accountSid;
    process.env['TWILIO_AUTH_TOKEN'] = sim.authToken;
    process.env['TWILIO_API_BASE_URL'] = sim.url;
    process.env['FINANCE_OVERDUE_SWEEP_SECONDS'] = '0.5';
    stack = await startStack(database);
    process.env['TWILIO_WEBHOOK_BASE_URL'] = stack.gateway.origin;
    tenant = await createTenant(stack.subgraphs['operations']!, ORG_NAME);
    token = await login(stack.gateway, tenant.adminEmail, tenant.password);
    const webhookToken = randomBytes(24).toString('base64url');
    await stack.subgraphs['communications']!.db.smsSettings.create({
      data: {
        organizationId: tenant.organizationId,
        fromNumber: SENDER,
        timeZone: 'UTC',
        senderName: ORG_NAME,
        webhookToken,
      },
    });
    sim.admin.addNumber({
      phoneNumber: SENDER,
      smsUrl: `${stack.gateway.origin}/webhooks/twilio/${webhookToken}/inbound`,
    });
    for (const [event, body] of Object.entries(TEMPLATES)) {
      const { createTemplate } = await ok(
        `mutation ($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }`,
        { input: { name: event, channel: 'SMS', body } },
      );
      const { createTrigger } = await ok(
        `mutation ($input: CreateTriggerInput!) { createTrigger(input: $input) { implemented } }`,
        { input: { event, templateId: createTemplate.id } },
      );
      expect(createTrigger.implemented).toBe(true);
    }
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await sim?.stop();
    await database?.drop();
    for (const name of ENV) delete process.env[name];
  });

  /** A guest communications can reach: their record, and an earlier text to their number. */
  async function guest(firstName: string, kind: 'CUSTOMER' | 'HOTEL_GUEST' = 'CUSTOMER') {
    const phone = newPhone();
    const { createGuest } = await ok(
      `mutation ($input: CreateGuestInput!) { createGuest(input: $input) { id } }`,
      { input: { kind, firstName, lastName: 'Tester', phone } },
    );
    await ok(`mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`, {
      input: {
        guestId: createGuest.id,
        channel: 'SMS',
        to: phone,
        body: 'Welcome',
        purpose: 'TRANSACTIONAL',
      },
    });
    return { id: createGuest.id as string, phone };
  }

  async function issuedInvoice(guestId: string, amountMinor: number) {
    const { createInvoiceDraft } = await ok(
      `mutation ($input: CreateInvoiceDraftInput!) { createInvoiceDraft(input: $input) { id number } }`,
      {
        input: {
          guestId,
          currency: 'USD',
          lines: [{ description: 'Boiler service', quantity: 1, unitPriceMinor: amountMinor }],
        },
      },
    );
    const dueAt = '2030-01-15T12:00:00.000Z';
    const issue = `mutation ($input: IssueInvoiceInput!) { issueInvoice(input: $input) { status } }`;
    await ok(issue, { input: { id: createInvoiceDraft.id, dueAt } });
    // Issuing again (a retried request) sends nothing more.
    await ok(issue, { input: { id: createInvoiceDraft.id } });
    return createInvoiceDraft as { id: string; number: string };
  }

  it('should text the invoice with a working payment link once, then thank for the payment once', async () => {
    const ana = await guest('Ana');
    const inv = await issuedInvoice(ana.id, 12_950);
    const sent = new RegExp(
      `^Hi Ana, invoice ${inv.number} for \\$129\\.50 is due Tue 15 Jan\\. Pay: \\S+/pay/([\\w-]+\\.[\\w-]{43})$`,
    );
    const text = await until('the invoice text', async () =>
      textsTo(ana.phone).find((b) => sent.test(b)),
    );
    const page = await fetch(`${stack.gateway.origin}/pay/${sent.exec(text)![1]}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`Invoice ${inv.number}`);
    expect(html).toContain('$129.50');
    expect(html).toContain('Awaiting payment');
    const forged = await fetch(
      `${stack.gateway.origin}/pay/${sent.exec(text)![1]!.slice(0, -3)}abc`,
    );
    expect(forged.status).toBe(404);

    const pay = `mutation ($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }`;
    const input = { invoiceId: inv.id, amountMinor: 10_000, method: 'CARD', providerRef: 'ch_ana' };
    await ok(pay, { input });
    await ok(pay, { input });
    const thanks = `Thanks Ana, we received $100.00 for ${inv.number}. Still due: $29.50.`;
    await until('the payment text', async () => textsTo(ana.phone).includes(thanks));
    expect(
      await (await fetch(`${stack.gateway.origin}/pay/${sent.exec(text)![1]}`)).text(),
    ).toContain('Partly paid');
    await settle();
    expect(textsTo(ana.phone)).toEqual([text, thanks]);
  });

  it('should text an overdue reminder once when the due date passes unpaid', async () => {
    const ben = await guest('Ben');
    const inv = await issuedInvoice(ben.id, 5_000);
    await until('the invoice text', async () => textsTo(ben.phone).length === 1);
    const due = new Date(Date.now() - 86_400_000);
    await stack.subgraphs['finance']!.db.invoice.updateMany({
      where: { organizationId: tenant.organizationId, id: inv.id },
      data: { dueAt: due },
    });
    const part = Object.fromEntries(
      new Intl.DateTimeFormat('en', {
        timeZone: 'UTC',
        weekday: 'short',
        day: 'numeric',
        month: 'short',
      })
        .formatToParts(due)
        .map((p) => [p.type, p.value]),
    );
    const dueDay = `${part['weekday']} ${part['day']} ${part['month']}`;
    const reminder = new RegExp(
      `^Reminder: invoice ${inv.number} \\(\\$50\\.00 open\\) was due ${dueDay}\\. Pay: \\S+/pay/\\S+$`,
    );
    await until('the overdue text', async () => textsTo(ben.phone).some((b) => reminder.test(b)));
    // The sweep runs every half second: several more runs send nothing more.
    await settle();
    expect(textsTo(ben.phone).filter((b) => reminder.test(b))).toHaveLength(1);
    expect(textsTo(ben.phone)).toHaveLength(2);
  });

  it('should text the guest once when the reserved room is set clean, then inspected, on arrival day', async () => {
    const cleo = await guest('Cleo', 'HOTEL_GUEST');
    const guests = stack.subgraphs['guests']!.db;
    const room = await guests.room.create({
      data: {
        organizationId: tenant.organizationId,
        number: '204',
        floor: 2,
        roomType: 'Double',
        state: 'DIRTY',
      },
    });
    await guests.reservation.create({
      data: {
        organizationId: tenant.organizationId,
        confirmationCode: 'E2E-CIR-1',
        status: 'CONFIRMED',
        guestId: cleo.id,
        roomId: room.id,
        arrivalAt: new Date(Date.now() + 2 * 3_600_000),
        departureAt: new Date(Date.now() + 50 * 3_600_000),
        currency: 'EUR',
      },
    });
    const setRoom = `mutation ($input: SetRoomStateInput!) { setRoomState(input: $input) { state } }`;
    await ok(setRoom, { input: { roomId: room.id, state: 'CLEAN' } });
    await ok(setRoom, { input: { roomId: room.id, state: 'INSPECTED' } });
    const ready = `Hi Cleo, room 204 at ${ORG_NAME} is ready for you.`;
    await until('the check-in text', async () => textsTo(cleo.phone).includes(ready));
    await settle();
    expect(textsTo(cleo.phone)).toEqual([ready]);
  });
});
