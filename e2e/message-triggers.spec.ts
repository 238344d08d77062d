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
import { createHash, randomBytes } from 'node:crypto';

/*
 * Automatic messages end to end: templates and triggers configured through the gateway, a work
 * order moved EN_ROUTE through the gateway, operations' event relayed through pg-boss to the
 * communications consumer, the firing rendered and sent through the Twilio simulator.
 */

const SENDER = '+15550100077';
const ORG_NAME = 'Northwind Triggers';
const TWILIO_ENV = [
  'TWILIO_ACCOUNT_SID',
  'TWILIO_AUTH_TOKEN',
  'TWILIO_API_BASE_URL',
  'TWILIO_WEBHOOK_BASE_URL',
] as const;
const ON_MY_WAY =
  'Hi {{guest.firstName}}, {{technician.firstName}} from {{organization.name}} is on the way for job #{{job.number}} ({{job.title}}), around {{job.eta}}. Follow: {{job.trackingLink}}';

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('message triggers end to end', () => {
  let database: TestDatabase;
  let stack: Stack;
  let sim: TwilioSim;
  let tenant: TenantFixture;
  let token: string;
  let technicianId: string;
  let phoneSeq = 0;
  const newPhone = () => `+1555666${String(1000 + phoneSeq++)}`;

  const ok = async (q: string, v: Record<string, unknown> = {}) => {
    const res = await gql(stack.gateway, q, v, token);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!;
  };

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
        fromNumber: SENDER,
        timeZone: 'America/Chicago',
        senderName: ORG_NAME,
        webhookToken,
      },
    });
    sim.admin.addNumber({
      phoneNumber: SENDER,
      smsUrl: `${stack.gateway.origin}/webhooks/twilio/${webhookToken}/inbound`,
    });
    const { createTechnician } = await ok(
      `mutation ($input: CreateTechnicianInput!) { createTechnician(input: $input) { id } }`,
      {
        input: {
          name: 'Marco Rossi',
          shiftStartMin: 0,
          shiftEndMin: 1440,
          workDays: [1, 2, 3, 4, 5, 6, 7],
        },
      },
    );
    technicianId = createTechnician.id;
    const { createTemplate } = await ok(
      `mutation ($input: CreateTemplateInput!) { createTemplate(input: $input) { id version } }`,
      { input: { name: 'On my way', channel: 'SMS', body: ON_MY_WAY } },
    );
    await ok(
      `mutation ($input: CreateTriggerInput!) { createTrigger(input: $input) { id channel implemented } }`,
      { input: { event: 'ON_MY_WAY', templateId: createTemplate.id } },
    );
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await sim?.stop();
    await database?.drop();
    for (const name of TWILIO_ENV) delete process.env[name];
  });

  /** A customer communications can reach: their guest record, and an earlier text to them. */
  async function customer(firstName: string) {
    const phone = newPhone();
    const { createGuest } = await ok(
      `mutation ($input: CreateGuestInput!) { createGuest(input: $input) { id } }`,
      { input: { kind: 'CUSTOMER', firstName, lastName: 'Tester', phone } },
    );
    await ok(`mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id status } }`, {
      input: {
        guestId: createGuest.id,
        channel: 'SMS',
        to: phone,
        body: 'Thanks for booking with us',
        purpose: 'TRANSACTIONAL',
      },
    });
    return { id: createGuest.id as string, phone };
  }

  /** A job for the customer, dispatched for 15:00 UTC, then set EN_ROUTE through the API. */
  async function sendOnTheWay(guestId: string) {
    const { createWorkOrder } = await ok(
      `mutation ($input: CreateWorkOrderInput!) { createWorkOrder(input: $input) { id number } }`,
      { input: { kind: 'FIELD_JOB', title: 'Boiler service', guestId, technicianId } },
    );
    const start = new Date();
    start.setUTCHours(15, 0, 0, 0);
    await stack.subgraphs['operations']!.db.workOrder.updateMany({
      where: { id: createWorkOrder.id, organizationId: tenant.organizationId },
      data: { status: 'DISPATCHED', scheduledStart: start },
    });
    await ok(
      `mutation ($input: ChangeWorkOrderStatusInput!) { changeWorkOrderStatus(input: $input) { id status } }`,
      { input: { id: createWorkOrder.id, status: 'EN_ROUTE' } },
    );
    return createWorkOrder as { id: string; number: number };
  }

  const FIRINGS = `query ($id: ID!) { triggerFirings(entityId: $id) { status reason messageId } }`;

  it('should text the customer the rendered ON_MY_WAY template when the job goes EN_ROUTE', async () => {
    const ana = await customer('Ana');
    const wo = await sendOnTheWay(ana.id);
    const expected = new RegExp(
      `^Hi Ana, Marco from ${ORG_NAME} is on the way for job #${wo.number} \\(Boiler service\\), around 09:00\\. Follow: (\\S+/track/([A-Za-z0-9_-]{43}))$`,
    );
    const received = await until('the simulator to receive the on-my-way text', async () =>
      sim.state.messages.find(
        (m) => m.direction === 'outbound-api' && m.to === ana.phone && expected.test(m.body),
      ),
    );
    // The link is the one operations made for this job (it keeps only the token's hash).
    const token = expected.exec(received.body)![2]!;
    const links = await stack.subgraphs['operations']!.db.trackingLink.findMany({
      where: { organizationId: tenant.organizationId, workOrderId: wo.id },
    });
    expect(links.map((l) => l.tokenHash)).toEqual([
      createHash('sha256').update(token).digest('hex'),
    ]);
    expect(received.from).toBe(SENDER);
    const { triggerFirings } = await ok(FIRINGS, { id: wo.id });
    expect(triggerFirings).toEqual([
      { status: 'SENT', reason: null, messageId: expect.any(String) },
    ]);
  });

  it('should show the trigger REFUSED with the reason when the customer opted out', async () => {
    const ben = await customer('Ben');
    await until('the first text to arrive', async () =>
      sim.state.messages.find((m) => m.direction === 'outbound-api' && m.to === ben.phone),
    );
    await sim.admin.inbound({ from: ben.phone, to: SENDER, body: 'STOP' });
    await until('the opt-out to be recorded', async () => {
      const { consentHistory } = await ok(
        `query ($a: String!) { consentHistory(address: $a, channel: SMS) { status } }`,
        { a: ben.phone },
      );
      return consentHistory[0]?.status === 'OPTED_OUT';
    });
    const wo = await sendOnTheWay(ben.id);
    const firing = await until('the firing to be refused', async () => {
      const { triggerFirings } = await ok(FIRINGS, { id: wo.id });
      return triggerFirings.find(
        (f: { status: string }) => f.status !== 'PLANNED' && f.status !== 'FIRING',
      );
    });
    expect(firing.status).toBe('REFUSED');
    expect(firing.reason).toMatch(
      new RegExp(`^\\${ben.phone} opted out of SMS \\(replied STOP\\)`),
    );
    const { message } = await ok(
      `query ($id: ID!) { message(id: $id) { status refusedReason body } }`,
      {
        id: firing.messageId,
      },
    );
    expect(message).toMatchObject({ status: 'REFUSED', refusedReason: firing.reason });
    expect(message.body).toContain('Hi Ben, Marco');
    expect(
      sim.state.messages.filter((m) => m.direction === 'outbound-api' && m.to === ben.phone),
    ).toHaveLength(1);
  });
});
