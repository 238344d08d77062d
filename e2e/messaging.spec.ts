import { messagingModule } from '@attendant/communications';
import type { SubgraphDeps } from '@attendant/kit';
import {
  createTenant,
  createTestDatabase,
  gql,
  login,
  nextEvent,
  startStack,
  wsClient,
  type Stack,
  type TenantFixture,
  type TestDatabase,
} from '@attendant/testing';
import { startTwilioSim, twilioSignature, type TwilioSim } from '@attendant/twilio-sim';
import type { Client } from 'graphql-ws';
import { randomBytes, randomUUID } from 'node:crypto';

/*
 * SMS and WhatsApp end to end: the real gateway and subgraphs, the Twilio simulator (started in
 * this process) calling the gateway's public webhook routes with signed requests.
 */

const SENDER = '+15550100000';
const HELP_TEXT = 'Hotel SMS test: call +1 555 0100 000. Reply STOP to unsubscribe.';
const TWILIO_ENV = [
  'TWILIO_ACCOUNT_SID',
  'TWILIO_AUTH_TOKEN',
  'TWILIO_API_BASE_URL',
  'TWILIO_WEBHOOK_BASE_URL',
] as const;

const SEND = /* GraphQL */ `
  mutation ($input: SendMessageInput!) {
    sendMessage(input: $input) {
      id
      status
      refusedReason
      segments
      encoding
      to
      purpose
      conversationId
      guest {
        id
      }
    }
  }
`;
const MESSAGE = /* GraphQL */ `
  query ($id: ID!) {
    message(id: $id) {
      id
      status
      from
      errorCode
      errorMessage
      sentAt
      deliveredAt
      failedAt
    }
  }
`;

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let phoneSeq = 0;
/** A fresh recipient per test, so ledgers and conversations never mix. */
const newPhone = () => `+1555777${String(1000 + phoneSeq++).padStart(4, '0')}`;

describe('messaging end to end: Twilio through the gateway', () => {
  let database: TestDatabase;
  let stack: Stack;
  let sim: TwilioSim;
  let tenant: TenantFixture;
  let token: string;
  let webhookToken: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    sim = await startTwilioSim({
      delays: { queuedMs: 0, sendingMs: 0, sentMs: 0, finalMs: 0 },
    });
    process.env['TWILIO_ACCOUNT_SID'] = sim.accountSid;
    process.env['TWILIO_AUTH_TOKEN'] = sim.authToken;
    process.env['TWILIO_API_BASE_URL'] = sim.url;
    stack = await startStack(database);
    // Learnt only now; the communications subgraph reads it on first use.
    process.env['TWILIO_WEBHOOK_BASE_URL'] = stack.gateway.origin;
    tenant = await createTenant(stack.subgraphs['operations']!, 'Hotel SMS');
    token = await login(stack.gateway, tenant.adminEmail, tenant.password);
    webhookToken = randomBytes(24).toString('base64url');
    await stack.subgraphs['communications']!.db.smsSettings.create({
      data: {
        organizationId: tenant.organizationId,
        fromNumber: SENDER,
        whatsappFrom: SENDER,
        helpText: HELP_TEXT,
        webhookToken,
      },
    });
    const inboundUrl = `${stack.gateway.origin}/webhooks/twilio/${webhookToken}/inbound`;
    sim.admin.addNumber({ phoneNumber: SENDER, smsUrl: inboundUrl });
    sim.admin.addNumber({ phoneNumber: `whatsapp:${SENDER}`, smsUrl: inboundUrl });
  }, 120_000);

  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await stack.stop();
    await sim.stop();
    await database.drop();
    for (const name of TWILIO_ENV) delete process.env[name];
  });

  afterEach(() => {
    sim.admin.faults({
      callbackOrder: 'in-order',
      duplicateCallbacks: false,
      failNext: null,
      httpErrorNext: null,
    });
  });

  const send = async (input: Record<string, unknown>) => {
    const res = await gql(
      stack.gateway,
      SEND,
      { input: { channel: 'SMS', purpose: 'TRANSACTIONAL', body: 'Your room is ready', ...input } },
      token,
    );
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.sendMessage;
  };
  const message = async (id: string) =>
    (await gql(stack.gateway, MESSAGE, { id }, token)).body.data!.message;
  const untilStatus = (id: string, status: string) =>
    until(`message ${id} to be ${status}`, async () => {
      const m = await message(id);
      return m?.status === status ? m : null;
    });
  const outboundAtSim = () => sim.state.messages.filter((m) => m.direction === 'outbound-api');
  const providerIdOf = async (id: string) =>
    (await stack.subgraphs['communications']!.db.message.findFirst({
      where: { organizationId: tenant.organizationId, id },
    }))!.providerId!;
  const ledger = (address: string) =>
    stack.subgraphs['communications']!.db.consentRecord.findMany({
      where: { organizationId: tenant.organizationId, address },
      orderBy: { recordedAt: 'asc' },
    });
  const reply = (from: string, body: string, to = SENDER) => sim.admin.inbound({ from, to, body });

  it('should deliver an SMS through Twilio and report every status live when the callbacks arrive', async () => {
    const guestId = randomUUID();
    const client = wsClient(stack.gateway, token);
    clients.push(client);
    const live = nextEvent(
      stack.gateway,
      client,
      `subscription ($guestId: ID) { messageChanged(filter: { guestId: $guestId }) { id status deliveredAt } }`,
      { guestId },
      20_000,
      (d: { messageChanged: { status: string } }) => d.messageChanged.status === 'DELIVERED',
    );
    await live.ready;
    const phone = newPhone();
    const sent = await send({ guestId, to: phone, body: 'Dobrý den! Your room is ready' });
    expect(sent).toMatchObject({
      status: 'QUEUED',
      refusedReason: null,
      segments: 1,
      encoding: 'UCS-2',
      to: phone,
      purpose: 'TRANSACTIONAL',
      guest: { id: guestId },
    });
    const delivered = await untilStatus(sent.id, 'DELIVERED');
    expect(delivered).toMatchObject({ from: SENDER, errorCode: null });
    expect(delivered.sentAt).not.toBeNull();
    expect(delivered.deliveredAt).not.toBeNull();
    const event = await live.result;
    expect(event.messageChanged).toMatchObject({ id: sent.id, status: 'DELIVERED' });
    const atSim = outboundAtSim().find((m) => m.to === phone)!;
    expect(atSim.statusCallback).toBe(
      `${stack.gateway.origin}/webhooks/twilio/${webhookToken}/status`,
    );
    expect(await providerIdOf(sent.id)).toBe(atSim.sid);
  });

  it('should never move a status backwards when callbacks arrive reversed and twice', async () => {
    sim.admin.faults({ callbackOrder: 'reversed', duplicateCallbacks: true });
    const sent = await send({ to: newPhone() });
    await untilStatus(sent.id, 'DELIVERED');
    const sid = await providerIdOf(sent.id);
    // queued, sending, sent, delivered — each twice, newest first.
    await until('every callback to be answered', async () => {
      const hooks = sim.state.webhooks.filter(
        (w) => w.kind === 'status' && w.params['MessageSid'] === sid,
      );
      return hooks.length === 8 && hooks.every((h) => h.responseStatus === 204);
    });
    expect((await message(sent.id)).status).toBe('DELIVERED');
    const db = stack.subgraphs['communications']!.db;
    const events = await db.messageStatusEvent.findMany({
      where: { organizationId: tenant.organizationId, providerId: sid },
    });
    expect(events.map((e) => e.status).sort()).toEqual(['delivered', 'queued', 'sending', 'sent']);
    const outbox = await db.communicationsOutboxEvent.findMany({
      where: { organizationId: tenant.organizationId, entityId: sent.id },
      orderBy: { occurredAt: 'asc' },
    });
    const statuses = outbox.map((e) => (e.payload as { status: string }).status);
    const rank = ['QUEUED', 'SENDING', 'SENT', 'DELIVERED'];
    expect(statuses.at(-1)).toBe('DELIVERED');
    for (let i = 1; i < statuses.length; i++)
      expect(rank.indexOf(statuses[i]!)).toBeGreaterThanOrEqual(rank.indexOf(statuses[i - 1]!));
  });

  it('should answer 403 to a webhook with a bad signature and 404 to an unknown token', async () => {
    const path = `/webhooks/twilio/${webhookToken}/status`;
    const params = { MessageSid: `SM${randomBytes(16).toString('hex')}`, MessageStatus: 'sent' };
    const post = (url: string, signature: string) =>
      fetch(`${stack.gateway.origin}${url}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': signature,
        },
        body: new URLSearchParams(params).toString(),
      });
    const good = twilioSignature(sim.authToken, `${stack.gateway.origin}${path}`, params);
    expect((await post(path, good)).status).toBe(204);
    expect(
      (await post(path, twilioSignature('not-the-token', `${stack.gateway.origin}${path}`, params)))
        .status,
    ).toBe(403);
    // Signed for another URL (an internal address, say): not what Twilio called here.
    expect(
      (await post(path, twilioSignature(sim.authToken, `http://10.0.0.5:4004${path}`, params)))
        .status,
    ).toBe(403);
    const inbound = `/webhooks/twilio/${webhookToken}/inbound`;
    expect((await post(inbound, '')).status).toBe(403);
    const unknown = `/webhooks/twilio/${randomBytes(24).toString('base64url')}/status`;
    expect((await post(unknown, good)).status).toBe(404);
  });

  it('should refuse without calling Twilio after a STOP reply, and send again after START', async () => {
    const guestId = randomUUID();
    const phone = newPhone();
    const first = await send({ guestId, to: phone });
    await untilStatus(first.id, 'DELIVERED');

    const stop = await reply(phone, '  stop ');
    expect(stop.webhook?.status).toBe(200);
    const optOut = (await ledger(phone)).at(-1)!;
    expect(optOut).toMatchObject({
      status: 'OPTED_OUT',
      source: 'keyword',
      keyword: 'STOP',
      channel: 'SMS',
      guestId, // linked from the earlier message to this number
    });
    const inbound = await stack.subgraphs['communications']!.db.message.findFirst({
      where: { organizationId: tenant.organizationId, id: optOut.messageId! },
    });
    expect(inbound).toMatchObject({
      direction: 'INBOUND',
      status: 'RECEIVED',
      body: '  stop ',
      guestId,
      conversationId: first.conversationId,
    });

    const before = outboundAtSim().length;
    const refused = await send({ guestId, to: phone, body: 'Checkout is at 11' });
    expect(refused.status).toBe('REFUSED');
    expect(refused.refusedReason).toMatch(
      new RegExp(`^\\${phone} opted out of SMS \\(replied STOP\\)`),
    );
    await sleep(700); // give a wrongly queued job time to reach the simulator
    expect(outboundAtSim().length).toBe(before);
    expect((await message(refused.id)).status).toBe('REFUSED');

    await reply(phone, 'Start');
    expect((await ledger(phone)).at(-1)).toMatchObject({ status: 'OPTED_IN', keyword: 'START' });
    const again = await send({ guestId, to: phone, body: 'Welcome back' });
    expect(again.status).toBe('QUEUED');
    await untilStatus(again.id, 'DELIVERED');
    expect(outboundAtSim().length).toBe(before + 1);
  });

  it('should honour REVOKE and UNSTOP the same way as STOP and START', async () => {
    const phone = newPhone();
    await reply(phone, 'Revoke');
    const before = outboundAtSim().length;
    expect((await send({ to: phone })).status).toBe('REFUSED');
    await reply(phone, 'UNSTOP');
    const ok = await send({ to: phone });
    await untilStatus(ok.id, 'DELIVERED');
    expect(outboundAtSim().length).toBe(before + 1);
    expect((await ledger(phone)).map((r) => [r.status, r.keyword])).toEqual([
      ['OPTED_OUT', 'REVOKE'],
      ['OPTED_IN', 'UNSTOP'],
    ]);
  });

  it("should answer HELP with the organization's help text", async () => {
    const phone = newPhone();
    const help = await reply(phone, 'help');
    expect(help.webhook?.status).toBe(200);
    expect(help.replies.map((r) => r['body'])).toContain(HELP_TEXT);
    expect(await ledger(phone)).toEqual([]);
  });

  it('should refuse WhatsApp outside the 24-hour window visibly and send inside it', async () => {
    const phone = newPhone();
    const before = outboundAtSim().length;
    const refused = await send({ channel: 'WHATSAPP', to: phone, body: 'Your table is ready' });
    expect(refused.status).toBe('REFUSED');
    expect(refused.refusedReason).toMatch(/within 24 hours/);
    expect(refused.segments).toBeNull();
    await reply(`whatsapp:${phone}`, 'Is my table ready?', `whatsapp:${SENDER}`);
    const sent = await send({ channel: 'WHATSAPP', to: phone, body: 'Yes, it is' });
    expect(sent.status).toBe('QUEUED');
    expect(sent.conversationId).toBe(refused.conversationId);
    await untilStatus(sent.id, 'DELIVERED');
    const atSim = outboundAtSim().slice(before);
    expect(atSim.map((m) => [m.to, m.from])).toEqual([[`whatsapp:${phone}`, `whatsapp:${SENDER}`]]);
  });

  it('should record an opt-out and fail visibly when Twilio answers 21610', async () => {
    const phone = newPhone();
    sim.admin.faults({ failNext: { count: 1, code: 21610 } });
    const sent = await send({ to: phone });
    const failed = await untilStatus(sent.id, 'FAILED');
    expect(failed.errorCode).toBe('21610');
    expect(failed.errorMessage).toMatch(/opted out/);
    expect((await ledger(phone)).map((r) => [r.status, r.source, r.messageId])).toEqual([
      ['OPTED_OUT', 'provider', sent.id],
    ]);
    expect((await send({ to: phone })).status).toBe('REFUSED');
  });

  it('should retry when Twilio is briefly unavailable and send once', async () => {
    const phone = newPhone();
    sim.admin.faults({ httpErrorNext: { count: 1, status: 503 } });
    const sent = await send({ to: phone });
    await untilStatus(sent.id, 'DELIVERED');
    expect(outboundAtSim().filter((m) => m.to === phone)).toHaveLength(1);
  });

  it('should send once when the send job runs twice, even at the same time', async () => {
    const db = stack.subgraphs['communications']!.db;
    const { worker } = messagingModule({ db } as SubgraphDeps);
    const phone = newPhone();
    // Queued without a job, so only this test runs it.
    const queued = await db.message.create({
      data: {
        organizationId: tenant.organizationId,
        channel: 'SMS',
        direction: 'OUTBOUND',
        status: 'QUEUED',
        toAddress: phone,
        body: 'Once only',
      },
    });
    const job = { messageId: queued.id, organizationId: tenant.organizationId };
    const outcomes = await Promise.all([worker.run(job), worker.run(job)]);
    outcomes.push(await worker.run(job));
    expect(outcomes.sort()).toEqual(['sent', 'skipped', 'skipped']);
    await untilStatus(queued.id, 'DELIVERED');
    expect(outboundAtSim().filter((m) => m.to === phone)).toHaveLength(1);
  });

  it('should answer an idempotency key repeated with the first message', async () => {
    const key = randomUUID();
    const phone = newPhone();
    const a = await send({ to: phone, idempotencyKey: key });
    const b = await send({ to: phone, idempotencyKey: key });
    expect(b.id).toBe(a.id);
    await untilStatus(a.id, 'DELIVERED');
    expect(outboundAtSim().filter((m) => m.to === phone)).toHaveLength(1);
  });

  it('should thread a reply into its conversation, count it unread and announce it live', async () => {
    const guestId = randomUUID();
    const phone = newPhone();
    const first = await send({ guestId, to: phone, body: 'Your technician arrives at 10' });
    await untilStatus(first.id, 'DELIVERED');
    const client = wsClient(stack.gateway, token);
    clients.push(client);
    const live = nextEvent(
      stack.gateway,
      client,
      `subscription ($id: ID) { messageChanged(filter: { conversationId: $id }) { direction status body from guest { id } conversation { id unreadCount } } }`,
      { id: first.conversationId },
      20_000,
      (d: { messageChanged: { direction: string } }) => d.messageChanged.direction === 'INBOUND',
    );
    await live.ready;
    await reply(phone, 'Thanks, see you');
    expect((await live.result).messageChanged).toEqual({
      direction: 'INBOUND',
      status: 'RECEIVED',
      body: 'Thanks, see you',
      from: phone,
      guest: { id: guestId },
      conversation: { id: first.conversationId, unreadCount: 1 },
    });
    const threads = await gql(
      stack.gateway,
      `query ($guestId: ID, $id: ID) {
        conversations(filter: { guestId: $guestId }) { nodes { id channel contactAddress businessAddress unreadCount lastInboundAt } }
        messages(filter: { conversationId: $id }) { nodes { direction body } }
      }`,
      { guestId, id: first.conversationId },
      token,
    );
    expect(threads.body.errors).toBeUndefined();
    expect(threads.body.data!.conversations.nodes).toEqual([
      {
        id: first.conversationId,
        channel: 'SMS',
        contactAddress: phone,
        businessAddress: SENDER,
        unreadCount: 1,
        lastInboundAt: expect.any(String),
      },
    ]);
    expect(threads.body.data!.messages.nodes).toEqual([
      { direction: 'INBOUND', body: 'Thanks, see you' },
      { direction: 'OUTBOUND', body: 'Your technician arrives at 10' },
    ]);
    const read = await gql(
      stack.gateway,
      `mutation ($id: ID!) { markConversationRead(id: $id) { unreadCount } }`,
      { id: first.conversationId },
      token,
    );
    expect(read.body.data!.markConversationRead).toEqual({ unreadCount: 0 });
  });

  it('should settle sends interrupted before Twilio answered against its log: adopt what Twilio has, send the rest once; fail interrupted emails', async () => {
    const db = stack.subgraphs['communications']!.db;
    const messaging = messagingModule({ db } as SubgraphDeps);
    const interrupted = async (to: string, body: string, channel: 'SMS' | 'EMAIL' = 'SMS') =>
      db.message.create({
        data: {
          organizationId: tenant.organizationId,
          channel,
          direction: 'OUTBOUND',
          status: 'SENDING',
          statusUpdatedAt: new Date(Date.now() - 3_600_000),
          toAddress: to,
          fromAddress: SENDER,
          body,
        },
      });
    // Twilio accepted this one before the worker stopped; the other never reached it.
    const accepted = newPhone();
    const atTwilio = await fetch(`${sim.url}/2010-04-01/Accounts/${sim.accountSid}/Messages.json`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${sim.accountSid}:${sim.authToken}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ To: accepted, From: SENDER, Body: 'Accepted before the crash' }),
    });
    const sid = ((await atTwilio.json()) as { sid: string }).sid;
    const adopted = await interrupted(accepted, 'Accepted before the crash');
    const lost = newPhone();
    const resent = await interrupted(lost, 'Never reached Twilio');
    // A mail server keeps no log to ask: an interrupted email is failed for someone to check.
    const mail = await interrupted('guest@example.com', 'Interrupted email', 'EMAIL');
    const result = await messaging.recover();
    expect(result.adopted).toBeGreaterThanOrEqual(1);
    expect(result.requeued).toBeGreaterThanOrEqual(1);
    expect(result.failed).toBeGreaterThanOrEqual(1);
    expect(await message(mail.id)).toMatchObject({
      status: 'FAILED',
      errorMessage: expect.stringContaining('the mail server may or may not have it'),
    });
    expect((await message(adopted.id)).status).not.toBe('FAILED');
    expect(
      (
        await db.message.findFirst({
          where: { id: adopted.id, organizationId: tenant.organizationId },
        })
      )?.providerId,
    ).toBe(sid);
    await untilStatus(resent.id, 'DELIVERED');
    // A second sweep finds nothing left; each number got exactly one text.
    await messaging.recover();
    const to = (phone: string) => outboundAtSim().filter((m) => m.to === phone);
    expect(to(accepted).map((m) => m.sid)).toEqual([sid]);
    expect(to(lost).map((m) => m.body)).toEqual(['Never reached Twilio']);
    expect(
      await messaging.worker.run({ messageId: adopted.id, organizationId: tenant.organizationId }),
    ).toBe('skipped');
  });

  it('should preview segments for the composer', async () => {
    const res = await gql(
      stack.gateway,
      `query ($body: String!) { smsSegments(body: $body) { encoding segments charactersLeft ucs2Characters } }`,
      { body: 'x'.repeat(161) },
      token,
    );
    expect(res.body.data!.smsSegments).toEqual({
      encoding: 'GSM-7',
      segments: 2,
      charactersLeft: 145,
      ucs2Characters: [],
    });
  });
});
