import { communicationsSubgraph } from '@attendant/communications';
import type { DomainEvent } from '@attendant/kit';
import type { MailSink, SinkMail } from '@attendant/mail-sink';
import {
  addStaff,
  createTenant,
  createTestDatabase,
  gql,
  login,
  startStack,
  testConsumer,
  type Stack,
  type TenantFixture,
  type TestDatabase,
} from '@attendant/testing';

/*
 * Email end to end: the real gateway and subgraphs sending through nodemailer to the SMTP mail
 * sink (a real SMTP server on loopback, started by the test stack), the public unsubscribe link
 * at the gateway, an EMAIL trigger driven by operations' event, and the admin's sink queries.
 */

const SEND = /* GraphQL */ `
  mutation ($input: SendMessageInput!) {
    sendMessage(input: $input) {
      id
      status
      refusedReason
      channel
      to
      subject
    }
  }
`;
const MESSAGE = /* GraphQL */ `
  query ($id: ID!) {
    message(id: $id) {
      id
      status
      from
      subject
      html
      errorCode
      errorMessage
      sentAt
      failedAt
    }
  }
`;
const SINK_MAILS = /* GraphQL */ `
  query ($first: Int, $after: String, $search: String) {
    emailSink {
      configured
    }
    sinkMails(first: $first, after: $after, search: $search) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        subject
        to
      }
    }
  }
`;

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let seq = 0;
const newAddress = (name = 'guest') => `${name}.${Date.now().toString(36)}${seq++}@example.com`;

describe('email end to end: SMTP through the mail sink', () => {
  let database: TestDatabase;
  let stack: Stack;
  let sink: MailSink;
  let tenant: TenantFixture;
  let other: TenantFixture;
  let manager: string;
  let technician: string;
  let otherAdmin: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    stack = await startStack(database, { mailSink: true });
    sink = stack.mailSink!;
    const ops = stack.subgraphs['operations']!;
    tenant = await createTenant(ops, 'Email Hotel');
    other = await createTenant(ops, 'Other Hotel');
    const managerEmail = (await addStaff(ops, tenant, { name: 'Email Manager', role: 'MANAGER' }))
      .email;
    manager = await login(stack.gateway, managerEmail, tenant.password);
    technician = await login(stack.gateway, tenant.techEmail, tenant.password);
    otherAdmin = await login(stack.gateway, other.adminEmail, other.password);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await database?.drop();
  });

  afterEach(() => {
    sink.faults.set({ rejectNext: 0 });
  });

  const call = (query: string, variables: Record<string, unknown>, token = manager) =>
    gql(stack.gateway, query, variables, token);
  const ok = async (query: string, variables: Record<string, unknown> = {}, token = manager) => {
    const res = await call(query, variables, token);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!;
  };
  const sendEmail = async (input: Record<string, unknown>) =>
    (
      await ok(SEND, {
        input: {
          channel: 'EMAIL',
          purpose: 'TRANSACTIONAL',
          subject: 'Your stay',
          body: 'See you soon',
          ...input,
        },
      })
    ).sendMessage as { id: string; status: string; refusedReason: string | null };
  const settled = (id: string) =>
    until(`message ${id} to settle`, async () => {
      const { message } = await ok(MESSAGE, { id });
      return ['SENT', 'FAILED', 'REFUSED'].includes(message.status) ? message : null;
    });
  const mailsTo = (address: string): SinkMail[] =>
    sink.store.all().filter((m) => m.to.includes(address));
  const optIn = (address: string) =>
    stack.subgraphs['communications']!.db.consentRecord.create({
      data: {
        organizationId: tenant.organizationId,
        channel: 'EMAIL',
        address,
        status: 'OPTED_IN',
        purpose: 'MARKETING',
        source: 'newsletter form',
      },
    });

  it('should deliver a manager’s email with subject, HTML and text parts and mark it SENT', async () => {
    const to = newAddress('ann');
    const sent = await sendEmail({
      to: to.toUpperCase(),
      subject: 'Your room is ready',
      body: 'Hello Ann,\nyour room 12 is ready.\n\nSee you <soon>',
    });
    expect(sent).toMatchObject({
      status: 'QUEUED',
      channel: 'EMAIL',
      to,
      subject: 'Your room is ready',
    });
    const mail = await sink.waitFor((m) => m.to.includes(to));
    expect(mail.subject).toBe('Your room is ready');
    expect(mail.text).toBe('Hello Ann,\nyour room 12 is ready.\n\nSee you <soon>');
    expect(mail.html).toContain('<p>Hello Ann,<br>\nyour room 12 is ready.</p>');
    expect(mail.html).toContain('See you &lt;soon&gt;');
    expect(mail.headers['x-attendant-organization']).toBe(tenant.organizationId);
    expect(mail.headers['x-attendant-message']).toBe(sent.id);
    // Transactional mail carries no unsubscribe header.
    expect(mail.headers['list-unsubscribe']).toBeUndefined();
    const message = await settled(sent.id);
    expect(message).toMatchObject({
      status: 'SENT',
      from: 'no-reply@attendant.localhost',
      errorMessage: null,
    });
    expect(message.sentAt).not.toBeNull();
    expect(mail.headers['message-id']).toBeDefined();
  });

  it('should answer the first message again for a repeated idempotency key, sending one mail', async () => {
    const to = newAddress('idem');
    const key = `email-${to}`;
    const [a, b] = await Promise.all([
      sendEmail({ to, idempotencyKey: key }),
      sendEmail({ to, idempotencyKey: key }),
    ]);
    expect(a.id).toBe(b.id);
    await settled(a.id);
    await sleep(500);
    expect(mailsTo(to)).toHaveLength(1);
  });

  it('should mark the email FAILED with the server’s reason when the SMTP server rejects the recipient', async () => {
    const to = newAddress('bounce');
    sink.faults.set({ rejectNext: 1, code: 550, message: '5.1.1 No such mailbox here' });
    const sent = await sendEmail({ to });
    const message = await settled(sent.id);
    expect(message).toMatchObject({ status: 'FAILED', errorCode: '550' });
    expect(message.errorMessage).toMatch(/refused the message.*550.*No such mailbox here/);
    expect(message.failedAt).not.toBeNull();
    expect(mailsTo(to)).toHaveLength(0);
  });

  it('should refuse bad email input with clear messages', async () => {
    const noSubject = await call(SEND, {
      input: { channel: 'EMAIL', purpose: 'TRANSACTIONAL', to: newAddress(), body: 'x' },
    });
    expect(noSubject.body.errors?.[0]).toMatchObject({
      message: 'An email needs a subject',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const badAddress = await call(SEND, {
      input: { channel: 'EMAIL', purpose: 'TRANSACTIONAL', to: 'nobody', subject: 's', body: 'x' },
    });
    expect(badAddress.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badAddress.body.errors?.[0]?.message).toMatch(/Enter an email address/);
    const template = await call(
      `mutation ($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }`,
      { input: { name: 'No subject', channel: 'EMAIL', body: 'Hi {{guest.firstName}}' } },
    );
    expect(template.body.errors?.[0]).toMatchObject({
      message: 'An email template needs a subject',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('should stop marketing email after the public unsubscribe link, while transactional email still goes', async () => {
    const to = newAddress('news');
    await optIn(to);
    const first = await sendEmail({
      to,
      purpose: 'MARKETING',
      subject: 'Spa weekend',
      body: '20% off',
    });
    const mail = await sink.waitFor((m) => m.to.includes(to));
    expect((await settled(first.id)).status).toBe('SENT');
    const header = mail.headers['list-unsubscribe'] ?? '';
    const url = /^<(.+)>$/.exec(header)?.[1] ?? '';
    expect(url).toMatch(new RegExp(`^${stack.gateway.origin}/email/unsubscribe/${first.id}\\.`));
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(mail.text).toContain(`Unsubscribe: ${url}`);
    expect(mail.html).toContain('>Unsubscribe</a>');

    // A tampered or unknown token is not found; GET only asks, it does not unsubscribe.
    const tampered = `${url.slice(0, -2)}${url.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await fetch(tampered)).status).toBe(404);
    expect((await fetch(`${stack.gateway.origin}/email/unsubscribe/nonsense`)).status).toBe(404);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post">');
    const ledger = async () =>
      (
        await ok(
          `query ($a: String!) { consentHistory(address: $a, channel: EMAIL) { status purpose source messageId } }`,
          {
            a: to,
          },
        )
      ).consentHistory as { status: string; source: string }[];
    expect((await ledger())[0]).toMatchObject({ status: 'OPTED_IN' });

    // One-click unsubscribe, as a mail client posts it; twice records it once.
    for (let i = 0; i < 2; i++) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('You are unsubscribed');
    }
    const history = await ledger();
    expect(history.filter((r) => r.status === 'OPTED_OUT')).toEqual([
      {
        status: 'OPTED_OUT',
        purpose: 'MARKETING',
        source: 'unsubscribe link',
        messageId: first.id,
      },
    ]);

    const refused = await sendEmail({
      to,
      purpose: 'MARKETING',
      subject: 'Spa again',
      body: '30% off',
    });
    expect(refused.status).toBe('REFUSED');
    expect(refused.refusedReason).toMatch(new RegExp(`^${to} opted out of marketing email on `));
    const transactional = await sendEmail({ to, subject: 'Your invoice', body: 'Thanks' });
    expect((await settled(transactional.id)).status).toBe('SENT');
    await sink.waitFor((m) => m.to.includes(to) && m.subject === 'Your invoice');
    expect(mailsTo(to).map((m) => m.subject)).toEqual(['Spa weekend', 'Your invoice']);
  });

  it('should email the guest once from an EMAIL trigger on a real event, even when the event is delivered twice', async () => {
    const to = newAddress('trigger');
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
    const { createTemplate } = await ok(
      `mutation ($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }`,
      {
        input: {
          name: 'Technician assigned (email)',
          channel: 'EMAIL',
          subject: 'Your technician for job #{{job.number}}',
          body: 'Hi {{guest.firstName}}, {{technician.firstName}} will come for {{job.title}}.',
          html: '<h1>Hi {{guest.firstName}}</h1><p>{{technician.firstName}} will come for <b>{{job.title}}</b>.</p>',
        },
      },
    );
    await ok(
      `mutation ($input: CreateTriggerInput!) { createTrigger(input: $input) { id channel } }`,
      { input: { event: 'TECHNICIAN_ASSIGNED', templateId: createTemplate.id } },
    );
    const { createGuest } = await ok(
      `mutation ($input: CreateGuestInput!) { createGuest(input: $input) { id } }`,
      { input: { kind: 'CUSTOMER', firstName: '<Zoë>', lastName: 'Tester', email: to } },
    );
    const comms = stack.subgraphs['communications']!;
    // The contact projection learns the address from guests' event.
    await until('the guest’s address in the contact projection', () =>
      comms.db.contactProjection.findFirst({
        where: { organizationId: tenant.organizationId, entityId: createGuest.id, email: to },
      }),
    );
    const { createWorkOrder } = await ok(
      `mutation ($input: CreateWorkOrderInput!) { createWorkOrder(input: $input) { id number } }`,
      {
        input: {
          kind: 'FIELD_JOB',
          title: 'Boiler & pipes',
          guestId: createGuest.id,
          technicianId: createTechnician.id,
        },
      },
    );
    const mail = await sink.waitFor((m) => m.to.includes(to));
    expect(mail.subject).toBe(`Your technician for job #${createWorkOrder.number}`);
    expect(mail.html).toBe(
      '<h1>Hi &lt;Zoë&gt;</h1><p>Marco will come for <b>Boiler &amp; pipes</b>.</p>',
    );
    expect(mail.text).toBe('Hi <Zoë>, Marco will come for Boiler & pipes.');

    // Deliver operations' WorkOrderCreated to the trigger consumer twice more.
    const row = await stack.subgraphs['operations']!.db.operationsOutboxEvent.findFirstOrThrow({
      where: {
        organizationId: tenant.organizationId,
        type: 'WorkOrderCreated',
        entityId: createWorkOrder.id,
      },
    });
    const event: DomainEvent = {
      id: row.id,
      type: row.type,
      entityType: row.entityType,
      entityId: row.entityId,
      organizationId: row.organizationId,
      payload: row.payload as Record<string, unknown>,
      occurredAt: row.occurredAt.toISOString(),
    };
    const consumer = testConsumer(communicationsSubgraph, comms, database, 'message-triggers');
    for (let i = 0; i < 2; i++) await comms.db.$transaction((tx) => consumer.handle(event, tx));
    await sleep(3000);
    expect(mailsTo(to)).toHaveLength(1);
    const { triggerFirings } = await ok(
      `query ($id: ID!) { triggerFirings(entityId: $id) { status messageId } }`,
      { id: createWorkOrder.id },
    );
    expect(triggerFirings).toEqual([{ status: 'SENT', messageId: expect.any(String) }]);
    const message = await settled(triggerFirings[0].messageId);
    expect(message).toMatchObject({ status: 'SENT', subject: mail.subject });
  });

  it('should show the sink to managers of the sending organization only', async () => {
    const to = newAddress('sinkpage');
    for (const subject of ['Sink page one', 'Sink page two', 'Sink page three']) {
      const m = await sendEmail({ to, subject });
      await settled(m.id);
    }
    const page1 = await ok(SINK_MAILS, { first: 2, search: 'sinkpage' });
    expect(page1.emailSink.configured).toBe(true);
    expect(page1.sinkMails.totalCount).toBe(3);
    expect(page1.sinkMails.nodes.map((n: { subject: string }) => n.subject)).toEqual([
      'Sink page three',
      'Sink page two',
    ]);
    expect(page1.sinkMails.pageInfo.hasNextPage).toBe(true);
    const page2 = await ok(SINK_MAILS, {
      first: 2,
      search: 'sinkpage',
      after: page1.sinkMails.pageInfo.endCursor,
    });
    expect(page2.sinkMails.nodes.map((n: { subject: string }) => n.subject)).toEqual([
      'Sink page one',
    ]);
    expect(page2.sinkMails.pageInfo.hasNextPage).toBe(false);
    const id = page1.sinkMails.nodes[0].id as string;
    const { sinkMail } = await ok(
      `query ($id: ID!) { sinkMail(id: $id) { subject html text to headers { name value } } }`,
      { id },
    );
    expect(sinkMail).toMatchObject({ subject: 'Sink page three', to: [to], text: 'See you soon' });
    expect(sinkMail.html).toContain('<p>See you soon</p>');

    // A technician may not read it; another organization sees none of these mails.
    const forbidden = await call(SINK_MAILS, {}, technician);
    expect(forbidden.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const status = await call(`{ emailSink { configured } }`, {}, technician);
    expect(status.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const theirs = await ok(SINK_MAILS, { search: 'sinkpage' }, otherAdmin);
    expect(theirs.sinkMails).toMatchObject({ totalCount: 0, nodes: [] });
    const notTheirs = await call(
      `query ($id: ID!) { sinkMail(id: $id) { id } }`,
      { id },
      otherAdmin,
    );
    expect(notTheirs.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
