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
 * WhatsApp's template rule end to end: a business-initiated message outside the 24-hour
 * customer-service window goes as the template's approved Twilio Content template (ContentSid
 * and numbered ContentVariables), which the simulator renders; inside the window the free-form
 * text goes; without an approved template outside the window, nothing is sent and the reason is
 * on the message.
 */

const WA = '+15550100099';
const ORG_NAME = 'Aurora WhatsApp';
const ENV = [
  'TWILIO_ACCOUNT_SID',
  'TWILIO_AUTH_TOKEN',
  'TWILIO_API_BASE_URL',
  'TWILIO_WEBHOOK_BASE_URL',
] as const;
const BODY =
  'Hi {{guest.firstName}}, invoice {{invoice.number}} for {{invoice.amount}} is ready: {{invoice.paymentLink}}';
// What WhatsApp approved: the same fields, in the same order, as {{1}}, {{2}}, {{3}}, {{4}}.
const APPROVED = 'Hello {{1}}! Your invoice {{2}} ({{3}}) is ready. Pay securely: {{4}}';

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('WhatsApp templates outside the 24-hour window', () => {
  let database: TestDatabase;
  let stack: Stack;
  let sim: TwilioSim;
  let tenant: TenantFixture;
  let token: string;
  let templateId: string;
  let phoneSeq = 0;
  const newPhone = () => `+1555999${String(1000 + phoneSeq++)}`;

  const call = (q: string, v: Record<string, unknown> = {}) => gql(stack.gateway, q, v, token);
  const ok = async (q: string, v: Record<string, unknown> = {}) => {
    const res = await call(q, v);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!;
  };
  const atSim = (phone: string) =>
    sim.state.messages.filter(
      (m) => m.direction === 'outbound-api' && m.to === `whatsapp:${phone}`,
    );
  const SEND = `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id status refusedReason } }`;

  beforeAll(async () => {
    database = await createTestDatabase();
    sim = await startTwilioSim({ delays: { queuedMs: 0, sendingMs: 0, sentMs: 0, finalMs: 0 } });
    process.env['TWILIO_ACCOUNT_SID'] = sim.accountSid;
    process.env['TWILIO_AUTH_TOKEN'] = sim.authToken;
    process.env['TWILIO_API_BASE_URL'] = sim.url;
    stack = await startStack(database);
    process.env['TWILIO_WEBHOOK_BASE_URL'] = stack.gateway.origin;
    tenant = await createTenant(stack.subgraphs['operations']!, ORG_NAME);
    token = await login(stack.gateway, tenant.adminEmail, tenant.password);
    const webhookToken = randomBytes(24).toString('base64url');
    await stack.subgraphs['communications']!.db.smsSettings.create({
      data: {
        organizationId: tenant.organizationId,
        whatsappFrom: WA,
        timeZone: 'UTC',
        senderName: ORG_NAME,
        webhookToken,
      },
    });
    sim.admin.addNumber({
      phoneNumber: `whatsapp:${WA}`,
      smsUrl: `${stack.gateway.origin}/webhooks/twilio/${webhookToken}/inbound`,
    });
    const content = sim.admin.addContent({ body: APPROVED, friendlyName: 'invoice_ready' });
    const { createTemplate } = await ok(
      `mutation ($input: CreateTemplateInput!) { createTemplate(input: $input) { id whatsappContentSid } }`,
      {
        input: {
          name: 'Invoice (WhatsApp)',
          channel: 'WHATSAPP',
          body: BODY,
          whatsappContentSid: content.sid,
        },
      },
    );
    expect(createTemplate.whatsappContentSid).toBe(content.sid);
    templateId = createTemplate.id;
    await ok(`mutation ($input: CreateTriggerInput!) { createTrigger(input: $input) { id } }`, {
      input: { event: 'INVOICE_SENT', templateId },
    });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await sim?.stop();
    await database?.drop();
    for (const name of ENV) delete process.env[name];
  });

  /** A guest with a WhatsApp conversation that they never wrote in (the window is closed). */
  async function guest(firstName: string) {
    const phone = newPhone();
    const { createGuest } = await ok(
      `mutation ($input: CreateGuestInput!) { createGuest(input: $input) { id } }`,
      { input: { kind: 'CUSTOMER', firstName, lastName: 'Tester', phone } },
    );
    const first = await ok(SEND, {
      input: {
        guestId: createGuest.id,
        channel: 'WHATSAPP',
        to: phone,
        body: 'Hello from us',
        purpose: 'TRANSACTIONAL',
      },
    });
    // A free-form text outside the window, with no approved template: refused, nothing sent.
    expect(first.sendMessage.status).toBe('REFUSED');
    expect(first.sendMessage.refusedReason).toMatch(
      /within 24 hours .*they have not written yet.*no approved WhatsApp template/,
    );
    return { id: createGuest.id as string, phone };
  }

  async function issueInvoice(guestId: string) {
    const { createInvoiceDraft } = await ok(
      `mutation ($input: CreateInvoiceDraftInput!) { createInvoiceDraft(input: $input) { id number } }`,
      {
        input: {
          guestId,
          currency: 'EUR',
          lines: [{ description: 'Late checkout', quantity: 1, unitPriceMinor: 4_500 }],
        },
      },
    );
    await ok(`mutation ($input: IssueInvoiceInput!) { issueInvoice(input: $input) { id } }`, {
      input: { id: createInvoiceDraft.id },
    });
    return createInvoiceDraft as { id: string; number: string };
  }

  it('should send the approved template with numbered variables when the window is closed', async () => {
    const ana = await guest('Ana');
    const inv = await issueInvoice(ana.id);
    const [sent] = await until('the template at the simulator', async () => {
      const m = atSim(ana.phone);
      return m.length > 0 && m;
    });
    expect(sent!.contentSid).toMatch(/^HX[0-9a-f]{32}$/);
    expect(sent!.body).toMatch(
      new RegExp(
        `^Hello Ana! Your invoice ${inv.number} \\(€45\\.00\\) is ready\\. Pay securely: \\S+/pay/\\S+$`,
      ),
    );
    await until('delivery', async () => sim.state.message(sent!.sid)?.status === 'delivered');
    expect(atSim(ana.phone)).toHaveLength(1);
  });

  it('should send the free-form text when the customer wrote within 24 hours', async () => {
    const ben = await guest('Ben');
    await sim.admin.inbound({
      from: `whatsapp:${ben.phone}`,
      to: `whatsapp:${WA}`,
      body: 'Can I have my bill?',
    });
    await until('the inbound message', async () => {
      const { conversations } = await ok(
        `query { conversations(first: 50) { nodes { contactAddress lastInboundAt } } }`,
      );
      return conversations.nodes.some(
        (c: { contactAddress: string; lastInboundAt: string | null }) =>
          c.contactAddress === ben.phone && c.lastInboundAt,
      );
    });
    const inv = await issueInvoice(ben.id);
    const [sent] = await until('the text at the simulator', async () => {
      const m = atSim(ben.phone);
      return m.length > 0 && m;
    });
    expect(sent!.contentSid).toBeNull();
    expect(sent!.body).toMatch(
      new RegExp(`^Hi Ben, invoice ${inv.number} for €45\\.00 is ready: `),
    );
  });

  it('should refuse the trigger visibly when the template has no approved content and the window is closed', async () => {
    await ok(
      `mutation ($id: ID!, $input: UpdateTemplateInput!) { updateTemplate(id: $id, input: $input) { whatsappContentSid } }`,
      { id: templateId, input: { whatsappContentSid: '' } },
    );
    const cleo = await guest('Cleo');
    const inv = await issueInvoice(cleo.id);
    const firing = await until('the refused firing', async () => {
      const { triggerFirings } = await ok(
        `query ($id: ID!) { triggerFirings(entityId: $id) { status reason } }`,
        { id: inv.id },
      );
      return triggerFirings.find((f: { status: string }) => f.status === 'REFUSED');
    });
    expect(firing.reason).toMatch(/no approved WhatsApp template/);
    expect(atSim(cleo.phone)).toEqual([]);
  });

  it('should refuse a WhatsApp content SID on an SMS template or in the wrong shape', async () => {
    const sms = await call(
      `mutation ($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }`,
      {
        input: { name: 'x', channel: 'SMS', body: 'Hi', whatsappContentSid: `HX${'a'.repeat(32)}` },
      },
    );
    expect(sms.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(sms.body.errors?.[0]?.message).toMatch(/Only WhatsApp templates/);
    const shape = await call(
      `mutation ($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }`,
      { input: { name: 'y', channel: 'WHATSAPP', body: 'Hi', whatsappContentSid: 'HX123' } },
    );
    expect(shape.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
