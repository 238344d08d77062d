import {
  startTwilioSim,
  startWebhookReceiver,
  type ReceivedWebhook,
  type TwilioSim,
  type WebhookReceiver,
} from '@attendant/twilio-sim';
import { classifyKeyword } from './keywords';
import { countSegments } from './segments';
import { isValidTwilioSignature, publicWebhookUrl } from './signature';
import { SmsErrorCode } from './sms.errors';
import { nextStatus, parseDeliveryStatus, type DeliveryStatus } from './status';
import { createTwilioClient, sendSms, type TwilioClient } from './twilio-client';

/*
 * Contract tests: the platform's SMS building blocks drive the real twilio SDK against the Twilio
 * simulator, which was written from Twilio's documentation independently of them.
 */

const SENDER = '+15550100000';
const WA_SENDER = 'whatsapp:+15550100000';
const PHONE = '+15557654321';
const WA_PHONE = 'whatsapp:+15557654321';

let sim: TwilioSim;
let hooks: WebhookReceiver;
let client: TwilioClient;

beforeAll(async () => {
  hooks = await startWebhookReceiver();
  sim = await startTwilioSim({
    delays: { queuedMs: 0, sendingMs: 0, sentMs: 0, finalMs: 0 },
    numbers: [
      { phoneNumber: SENDER, smsUrl: `${hooks.url}/webhooks/twilio/sms` },
      { phoneNumber: WA_SENDER, smsUrl: `${hooks.url}/webhooks/twilio/sms` },
    ],
  });
  client = createTwilioClient({
    accountSid: sim.accountSid,
    authToken: sim.authToken,
    apiBaseUrl: sim.url,
  });
});
afterAll(async () => {
  await sim.stop();
  await hooks.stop();
});
beforeEach(() => {
  sim.admin.reset();
  hooks.received.length = 0;
});

const statusCallback = (sid = 'msg-1') => `${hooks.url}/webhooks/twilio/status?message=${sid}`;
const send = (body = 'Your technician is on the way', extra: { to?: string; from?: string } = {}) =>
  sendSms(client, {
    to: extra.to ?? PHONE,
    from: extra.from ?? SENDER,
    body,
    statusCallback: statusCallback(),
  });

/**
 * What the platform's webhook endpoint will do: rebuild the URL Twilio called from the configured
 * public base (here the receiver, which the simulator called) and the request's path and query,
 * then validate. `base` lets a test play a process that wrongly uses its internal address.
 */
function validates(hook: ReceivedWebhook, authToken = sim.authToken, base = hooks.url): boolean {
  const { pathname, search } = new URL(hook.url);
  return isValidTwilioSignature({
    authToken,
    signature: hook.headers['x-twilio-signature'] as string | undefined,
    url: publicWebhookUrl(base, `${pathname}${search}`),
    params: hook.params,
  });
}

const callbacksOf = (sid: string, count: number) =>
  hooks.waitFor((h) => h.params['MessageSid'] === sid && h.url.includes('/status'), count);

const fold = (hooksReceived: ReceivedWebhook[]): DeliveryStatus | null =>
  hooksReceived.reduce<DeliveryStatus | null>((current, h) => {
    const incoming = parseDeliveryStatus(h.params['MessageStatus']);
    return incoming ? nextStatus(current, incoming) : current;
  }, null);

describe('SMS against the Twilio simulator', () => {
  it('should send through the real SDK and get the SID, status and segments', async () => {
    const sent = await send();
    expect(sent).toEqual({
      sid: expect.stringMatching(/^SM[0-9a-f]{32}$/),
      status: 'queued',
      to: PHONE,
      from: SENDER,
      segments: 1,
    });
  });

  it('should send through a messaging service, which picks the sender', async () => {
    const service = `MG${'c'.repeat(32)}`;
    sim.admin.addNumber({ phoneNumber: SENDER, messagingServiceSid: service });
    const sent = await sendSms(client, {
      to: PHONE,
      messagingServiceSid: service,
      body: 'Hi',
      statusCallback: statusCallback(),
    });
    expect(sent).toMatchObject({ status: 'accepted', from: SENDER });
    const callbacks = await callbacksOf(sent.sid, 4);
    expect(callbacks[0]!.params['MessagingServiceSid']).toBe(service);
    expect(fold(callbacks)).toBe('delivered');
  });

  it.each([
    ['plain text', 'Your technician Sam arrives between 14:00 and 16:00.'],
    ['extension characters', 'Invoice {INV-12} [paid] ~ 50€ | ^\\'.repeat(6)],
    ['a long GSM-7 text', 'Reminder: '.repeat(40)],
    ['an emoji', 'Thanks for staying with us 😀 '.repeat(4)],
    ['UCS-2 letters', 'Dziękujemy! Zapraszamy ponownie. '.repeat(5)],
  ])('should count the segments of %s like Twilio does', async (_label, body) => {
    const sent = await send(body);
    expect(countSegments(body).segments).toBe(sent.segments);
  });

  it('should refuse with a domain error when the credentials are wrong', async () => {
    const wrong = createTwilioClient({
      accountSid: sim.accountSid,
      authToken: 'not-the-token',
      apiBaseUrl: sim.url,
    });
    await expect(sendSms(wrong, { to: PHONE, from: SENDER, body: 'x' })).rejects.toMatchObject({
      code: SmsErrorCode.ProviderAuthFailed,
      details: { twilioCode: 20003, httpStatus: 401 },
    });
  });

  it('should map an invalid number and a rate limit to domain errors', async () => {
    await expect(send('x', { to: '555-0100' })).rejects.toMatchObject({
      code: SmsErrorCode.InvalidRecipient,
      message: '555-0100 is not a valid phone number',
    });
    sim.admin.faults({ httpErrorNext: { count: 1, status: 429 } });
    await expect(send()).rejects.toMatchObject({
      code: SmsErrorCode.RateLimited,
      retryable: true,
    });
  });

  it('should refuse with RecipientOptedOut after the phone replied STOP, and send again after START', async () => {
    const stop = await sim.admin.inbound({ from: PHONE, to: SENDER, body: ' Stop ' });
    const [inbound] = await hooks.waitFor((h) => h.params['Body'] === ' Stop ');
    expect(validates(inbound!)).toBe(true);
    expect(classifyKeyword(inbound!.params['Body']!)).toBe('OPT_OUT');
    expect(stop.replies).toHaveLength(1);
    await expect(send()).rejects.toMatchObject({
      code: SmsErrorCode.RecipientOptedOut,
      message: `${PHONE} has opted out of SMS from this sender (replied STOP)`,
      details: { twilioCode: 21610 },
    });
    await sim.admin.inbound({ from: PHONE, to: SENDER, body: 'start' });
    await expect(send()).resolves.toMatchObject({ status: 'queued' });
  });

  it('should receive signed status callbacks that validate and end delivered', async () => {
    const sent = await send();
    const callbacks = await callbacksOf(sent.sid, 4);
    for (const hook of callbacks) {
      expect(validates(hook)).toBe(true);
      expect(validates(hook, 'another-token')).toBe(false);
      expect(validates(hook, sim.authToken, 'http://10.0.0.7:4004')).toBe(false);
    }
    expect(fold(callbacks)).toBe('delivered');
    expect(callbacks[0]!.url).toBe(statusCallback());
  });

  it('should end at the real outcome when callbacks are duplicated and arrive newest first', async () => {
    sim.admin.faults({
      duplicateCallbacks: true,
      callbackOrder: 'reversed',
      deliveryFailure: { count: 1, errorCode: 30005 },
    });
    const sent = await send();
    const callbacks = await callbacksOf(sent.sid, 8);
    expect(callbacks[0]!.params).toMatchObject({
      MessageStatus: 'undelivered',
      ErrorCode: '30005',
    });
    expect(callbacks.map((h) => h.params['MessageStatus'])).toContain('queued');
    expect(fold(callbacks)).toBe('undelivered');
  });

  it('should deliver an inbound reply to the webhook with the fields the platform threads on', async () => {
    await sim.admin.inbound({ from: PHONE, to: SENDER, body: 'Can you come at 3?' });
    const [hook] = await hooks.waitFor((h) => h.params['Body'] === 'Can you come at 3?');
    expect(validates(hook!)).toBe(true);
    expect(classifyKeyword(hook!.params['Body']!)).toBeNull();
    expect(hook!.params).toMatchObject({
      From: PHONE,
      To: SENDER,
      AccountSid: sim.accountSid,
      NumMedia: '0',
      MessageSid: expect.stringMatching(/^SM/),
    });
  });

  it('should fail a business-initiated WhatsApp message with 63016 unless the user wrote within 24 hours', async () => {
    const outside = await send('Your room is ready', { to: WA_PHONE, from: WA_SENDER });
    const [failed] = await hooks.waitFor(
      (h) => h.params['MessageSid'] === outside.sid && h.params['MessageStatus'] === 'failed',
    );
    expect(failed!.params['ErrorCode']).toBe('63016');
    await sim.admin.inbound({ from: WA_PHONE, to: WA_SENDER, body: 'Hello' });
    const inside = await send('Your room is ready', { to: WA_PHONE, from: WA_SENDER });
    const callbacks = await callbacksOf(inside.sid, 4);
    expect(fold(callbacks)).toBe('delivered');
  });

  it('should send an approved WhatsApp template with ContentSid and ContentVariables through the SDK', async () => {
    const content = sim.admin.addContent({ body: 'Hi {{1}}, room {{2}} is ready' });
    const sent = await sendSms(client, {
      to: WA_PHONE,
      from: WA_SENDER,
      contentSid: content.sid,
      contentVariables: JSON.stringify({ 1: 'Ana', 2: '204' }),
      statusCallback: statusCallback(),
    });
    expect(sim.state.message(sent.sid)).toMatchObject({
      body: 'Hi Ana, room 204 is ready',
      contentSid: content.sid,
    });
    expect(fold(await callbacksOf(sent.sid, 4))).toBe('delivered');
    await expect(
      sendSms(client, { to: WA_PHONE, from: WA_SENDER, contentSid: `HX${'0'.repeat(32)}` }),
    ).rejects.toMatchObject({ details: { twilioCode: 21655 } });
  });

  it('should page through the message log with the SDK', async () => {
    const sids: string[] = [];
    for (let i = 0; i < 5; i++) sids.push((await send(`Message ${i}`)).sid);
    const page = await client.messages.page({ to: PHONE, pageSize: 2 });
    expect(page.instances.map((m) => m.sid)).toEqual([sids[4], sids[3]]);
    const next = await page.nextPage();
    expect(next?.instances.map((m) => m.sid)).toEqual([sids[2], sids[1]]);
    const all = await client.messages.list({ to: PHONE, pageSize: 2 });
    expect(all.map((m) => m.sid)).toEqual([...sids].reverse());
  });
});
