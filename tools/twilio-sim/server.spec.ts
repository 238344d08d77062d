import twilio from 'twilio';
import {
  startTwilioSim,
  startWebhookReceiver,
  twilioSignature,
  type TwilioSim,
  type WebhookReceiver,
} from './server';

const SENDER = '+15550100000';
const OTHER_SENDER = '+15550100001';
const WA_SENDER = 'whatsapp:+15550100000';
const PHONE = '+15557654321';
const WA_PHONE = 'whatsapp:+15557654321';
const SERVICE = `MG${'a'.repeat(32)}`;

let sim: TwilioSim;
let hooks: WebhookReceiver;
let client: twilio.Twilio;

/** The real SDK, pointed at the simulator through `client.api.baseUrl`. */
function sdk(authToken = sim.authToken): twilio.Twilio {
  const c = twilio(sim.accountSid, authToken);
  c.api.baseUrl = sim.url;
  return c;
}

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

async function rest(path: string, init: { method?: string; form?: Record<string, string> } = {}) {
  const res = await fetch(`${sim.url}${path}`, {
    method: init.method ?? (init.form ? 'POST' : 'GET'),
    headers: {
      Authorization: basic(sim.accountSid, sim.authToken),
      ...(init.form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: init.form ? new URLSearchParams(init.form).toString() : undefined,
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}
const messagesPath = () => `/2010-04-01/Accounts/${sim.accountSid}/Messages.json`;
const send = (form: Record<string, string>) =>
  rest(messagesPath(), { form: { From: SENDER, To: PHONE, Body: 'Hello', ...form } });

async function admin(path: string, body?: unknown) {
  const res = await fetch(`${sim.url}/_sim/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

beforeAll(async () => {
  hooks = await startWebhookReceiver();
  sim = await startTwilioSim({
    delays: { queuedMs: 0, sendingMs: 0, sentMs: 0, finalMs: 0 },
    numbers: [
      { phoneNumber: SENDER, smsUrl: `${hooks.url}/sms/inbound?org=demo` },
      { phoneNumber: OTHER_SENDER },
      { phoneNumber: WA_SENDER, smsUrl: `${hooks.url}/wa/inbound` },
    ],
  });
  client = sdk();
});
afterAll(async () => {
  await sim.stop();
  await hooks.stop();
});
beforeEach(() => {
  sim.admin.reset();
  hooks.received.length = 0;
  hooks.respondWith({});
});

describe('Twilio simulator: sending', () => {
  it('should accept the real SDK when client.api.baseUrl points at the simulator', async () => {
    const message = await client.messages.create({ from: SENDER, to: PHONE, body: 'Hi there' });
    expect(message.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(message.status).toBe('queued');
    expect(message.direction).toBe('outbound-api');
    expect(message.numSegments).toBe('1');
    expect(message.accountSid).toBe(sim.accountSid);
    // The SDK parses Twilio's RFC 2822 dates; a wrong format would give an invalid Date.
    expect(message.dateCreated.getTime()).toBeGreaterThan(Date.now() - 60_000);
    const fetched = await client.messages(message.sid).fetch();
    expect(fetched.body).toBe('Hi there');
    expect(fetched.to).toBe(PHONE);
  });

  it('should answer 401 with code 20003 when the credentials are wrong or missing', async () => {
    const noAuth = await fetch(`${sim.url}${messagesPath()}`);
    expect(noAuth.status).toBe(401);
    expect(noAuth.headers.get('www-authenticate')).toContain('Basic');
    expect(await noAuth.json()).toEqual({
      code: 20003,
      message: 'Authenticate',
      more_info: 'https://www.twilio.com/docs/errors/20003',
      status: 401,
    });
    await expect(
      sdk('wrong-token').messages.create({ from: SENDER, to: PHONE, body: 'x' }),
    ).rejects.toMatchObject({ status: 401, code: 20003 });
  });

  it.each([
    ['no To', { To: '' }, 21604],
    ['no From', { From: '' }, 21603],
    ['a To that is not E.164', { To: '5551234' }, 21211],
    ['a From the account does not own', { From: '+15559999999' }, 21606],
    ['an empty Body', { Body: '' }, 21602],
    ['a Body over 1600 characters', { Body: 'x'.repeat(1601) }, 21617],
    ['To equal to From', { To: SENDER }, 21266],
    ['a WhatsApp To from an SMS sender', { To: WA_PHONE }, 21910],
    ['an invalid StatusCallback', { StatusCallback: 'not a url' }, 21609],
    [
      'an unknown messaging service',
      { From: '', MessagingServiceSid: `MG${'0'.repeat(32)}` },
      21705,
    ],
  ])('should refuse a send with %s (%j) with error %i', async (_label, form, code) => {
    const res = await send(form);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code,
      message: expect.any(String),
      more_info: `https://www.twilio.com/docs/errors/${code}`,
      status: 400,
    });
  });

  it.each([
    ['160 GSM-7 characters', '1', 'a'.repeat(160)],
    ['161 GSM-7 characters', '2', 'a'.repeat(161)],
    ['80 euro signs (extension table, 2 septets each)', '1', '€'.repeat(80)],
    ['81 euro signs', '2', '€'.repeat(81)],
    ['70 letters and an emoji (UCS-2)', '2', 'a'.repeat(70) + '😀'],
    ['306 é (GSM-7 basic)', '2', 'é'.repeat(306)],
    ['70 ć (UCS-2)', '1', 'ć'.repeat(70)],
    ['71 ć', '2', 'ć'.repeat(71)],
  ])('should count %s as %s segment(s)', async (_label, segments, body) => {
    const res = await send({ Body: body });
    expect(res.body.num_segments).toBe(segments);
  });

  it('should accept a messaging service send, pick its sender and answer accepted', async () => {
    sim.admin.addNumber({ phoneNumber: OTHER_SENDER, messagingServiceSid: SERVICE });
    const res = await send({ From: '', MessagingServiceSid: SERVICE });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'accepted',
      from: OTHER_SENDER,
      messaging_service_sid: SERVICE,
    });
  });
});

describe('Twilio simulator: status callbacks', () => {
  it('should POST signed callbacks queued → sending → sent → delivered', async () => {
    const callback = `${hooks.url}/sms/status?id=42`;
    const { body } = await send({ StatusCallback: callback });
    const received = await hooks.waitFor((h) => h.params['MessageSid'] === body.sid, 4);
    expect(received.map((h) => h.params['MessageStatus'])).toEqual([
      'queued',
      'sending',
      'sent',
      'delivered',
    ]);
    for (const hook of received) {
      expect(hook.url).toBe(callback);
      expect(hook.headers['content-type']).toBe('application/x-www-form-urlencoded');
      const signature = hook.headers['x-twilio-signature'] as string;
      expect(twilio.validateRequest(sim.authToken, signature, hook.url, hook.params)).toBe(true);
      expect(twilio.getExpectedTwilioSignature(sim.authToken, hook.url, hook.params)).toBe(
        signature,
      );
      expect(twilio.validateRequest('another-token', signature, hook.url, hook.params)).toBe(false);
      expect(hook.params).toMatchObject({
        SmsSid: body.sid,
        AccountSid: sim.accountSid,
        From: SENDER,
        To: PHONE,
      });
      expect(hook.params['ErrorCode']).toBeUndefined();
    }
    const fetched = await rest(`/2010-04-01/Accounts/${sim.accountSid}/Messages/${body.sid}.json`);
    expect(fetched.body).toMatchObject({ status: 'delivered', error_code: null });
    expect(fetched.body.date_sent).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(fetched.body.price).toBe('-0.00790');
  });

  it('should end undelivered with the injected ErrorCode when a delivery failure is due', async () => {
    await admin('faults', { deliveryFailure: { count: 1, errorCode: 30003 } });
    const first = await send({ StatusCallback: `${hooks.url}/s` });
    const second = await send({ StatusCallback: `${hooks.url}/s` });
    const hooksOfFirst = await hooks.waitFor((h) => h.params['MessageSid'] === first.body.sid, 4);
    expect(hooksOfFirst.at(-1)!.params).toMatchObject({
      MessageStatus: 'undelivered',
      ErrorCode: '30003',
    });
    const last = await hooks.waitFor(
      (h) =>
        h.params['MessageSid'] === second.body.sid && h.params['MessageStatus'] === 'delivered',
    );
    expect(last).toHaveLength(1);
    const fetched = await client.messages(first.body.sid).fetch();
    expect(fetched.errorCode).toBe(30003);
    expect(fetched.errorMessage).toBe('Unreachable destination handset');
  });

  it('should go queued → failed when the injected failure status is failed', async () => {
    await admin('faults', { deliveryFailure: { count: 1, errorCode: 30007, status: 'failed' } });
    const { body } = await send({ StatusCallback: `${hooks.url}/s` });
    const received = await hooks.waitFor((h) => h.params['MessageSid'] === body.sid, 2);
    expect(received.map((h) => [h.params['MessageStatus'], h.params['ErrorCode']])).toEqual([
      ['queued', undefined],
      ['failed', '30007'],
    ]);
  });

  it('should send every callback twice, newest first, when duplicated and reversed', async () => {
    await admin('faults', { duplicateCallbacks: true, callbackOrder: 'reversed' });
    const { body } = await send({ StatusCallback: `${hooks.url}/s` });
    const received = await hooks.waitFor((h) => h.params['MessageSid'] === body.sid, 8);
    expect(received.map((h) => h.params['MessageStatus'])).toEqual([
      'delivered',
      'delivered',
      'sent',
      'sent',
      'sending',
      'sending',
      'queued',
      'queued',
    ]);
  });
});

describe('Twilio simulator: faults on the REST API', () => {
  it('should refuse the next sends with the injected code, then accept again', async () => {
    await admin('faults', { failNext: { count: 2, code: 21211 } });
    expect((await send({})).body.code).toBe(21211);
    expect((await send({})).body.code).toBe(21211);
    expect((await send({})).status).toBe(201);
  });

  it('should answer 429 and 500 when HTTP errors are injected', async () => {
    await admin('faults', { httpErrorNext: { count: 1, status: 429 } });
    await expect(
      client.messages.create({ from: SENDER, to: PHONE, body: 'x' }),
    ).rejects.toMatchObject({ status: 429, code: 20429 });
    await admin('faults', { httpErrorNext: { count: 1, status: 500 } });
    await expect(client.messages.list()).rejects.toMatchObject({ status: 500, code: 20500 });
    await expect(client.messages.list()).resolves.toEqual([]);
  });

  it('should refuse an unknown fault with 400 and a reason', async () => {
    const res = await admin('faults', { failNext: { count: 0, code: 1 } });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/failNext.count/);
    expect((await admin('faults', { explode: true })).body.message).toMatch(/explode/);
  });
});

describe('Twilio simulator: replies from a phone', () => {
  it('should POST a signed inbound webhook to the number’s smsUrl', async () => {
    const res = await admin('inbound', { from: PHONE, to: SENDER, body: 'Running late?' });
    expect(res.status).toBe(200);
    const [hook] = await hooks.waitFor((h) => h.url.includes('/sms/inbound'));
    expect(hook!.url).toBe(`${hooks.url}/sms/inbound?org=demo`);
    expect(hook!.params).toMatchObject({
      MessageSid: res.body.message.sid,
      SmsSid: res.body.message.sid,
      AccountSid: sim.accountSid,
      From: PHONE,
      To: SENDER,
      Body: 'Running late?',
      NumMedia: '0',
    });
    expect(
      twilio.validateRequest(
        sim.authToken,
        hook!.headers['x-twilio-signature'] as string,
        hook!.url,
        hook!.params,
      ),
    ).toBe(true);
    expect(hook!.params['MessagingServiceSid']).toBeUndefined();
    expect(res.body.message).toMatchObject({ direction: 'inbound', status: 'received' });
    expect(res.body.webhook).toEqual({ url: hook!.url, status: 200 });
  });

  it('should name the messaging service and the OptOutType when the number belongs to a service', async () => {
    sim.admin.addNumber({
      phoneNumber: SENDER,
      smsUrl: `${hooks.url}/sms/inbound`,
      messagingServiceSid: SERVICE,
    });
    await admin('inbound', { from: PHONE, to: SENDER, body: 'Hello' });
    await admin('inbound', { from: PHONE, to: SENDER, body: 'sToP' });
    const [hello] = await hooks.waitFor((h) => h.params['Body'] === 'Hello');
    expect(hello!.params['MessagingServiceSid']).toBe(SERVICE);
    expect(hello!.params['OptOutType']).toBeUndefined();
    const [stop] = await hooks.waitFor((h) => h.params['Body'] === 'sToP');
    expect(stop!.params).toMatchObject({ MessagingServiceSid: SERVICE, OptOutType: 'STOP' });
  });

  it('should log every webhook with the answer the platform gave', async () => {
    hooks.respondWith({ status: 403, body: 'Invalid signature' });
    const res = await admin('inbound', { from: PHONE, to: SENDER, body: 'Hi' });
    expect(res.body.webhook.status).toBe(403);
    expect(res.body.replies).toEqual([]);
    const log = await admin('webhooks?kind=inbound');
    expect(log.body.webhooks).toEqual([
      expect.objectContaining({
        kind: 'inbound',
        url: `${hooks.url}/sms/inbound?org=demo`,
        responseStatus: 403,
        signature: expect.any(String),
      }),
    ]);
  });

  it('should opt the phone out on STOP, answer it, refuse sends with 21610, and opt back in on START', async () => {
    const stop = await admin('inbound', { from: PHONE, to: SENDER, body: '  stop ' });
    expect(stop.body.replies[0].body).toMatch(/successfully been unsubscribed/);
    const [hook] = await hooks.waitFor((h) => h.params['Body'] === '  stop ');
    // Without a messaging service Twilio does not say it was a keyword: the platform classifies.
    expect(hook!.params['OptOutType']).toBeUndefined();
    const refused = await send({});
    expect(refused.body).toMatchObject({ code: 21610, status: 400 });
    // Opt-outs are per sender: another number of the account may still text the phone.
    expect((await send({ From: OTHER_SENDER })).status).toBe(201);
    expect((await admin('opt-outs')).body.optOuts).toEqual([
      { scope: SENDER, phoneNumber: PHONE, atMs: expect.any(Number) },
    ]);
    const start = await admin('inbound', { from: PHONE, to: SENDER, body: 'UNSTOP' });
    expect(start.body.replies[0].body).toMatch(/re-subscribed/);
    expect((await send({})).status).toBe(201);
  });

  it('should apply an opt-out to every number of the sender’s messaging service', async () => {
    sim.admin.addNumber({ phoneNumber: SENDER, smsUrl: null, messagingServiceSid: SERVICE });
    sim.admin.addNumber({ phoneNumber: OTHER_SENDER, messagingServiceSid: SERVICE });
    await admin('inbound', { from: PHONE, to: SENDER, body: 'QUIT' });
    expect((await send({ From: OTHER_SENDER })).body.code).toBe(21610);
    expect((await send({ From: '', MessagingServiceSid: SERVICE })).body.code).toBe(21610);
  });

  it('should answer HELP without opting out, and not treat a sentence as a keyword', async () => {
    const help = await admin('inbound', { from: PHONE, to: SENDER, body: 'info' });
    expect(help.body.replies.map((r: any) => r.body)).toEqual([
      'Reply STOP to unsubscribe. Msg&Data Rates May Apply.',
    ]);
    const sentence = await admin('inbound', { from: PHONE, to: SENDER, body: 'please stop' });
    expect(sentence.body.replies).toEqual([]);
    expect((await send({})).status).toBe(201);
  });

  it('should send the TwiML <Message> the webhook answers with as a reply', async () => {
    hooks.respondWith({
      body: '<?xml version="1.0"?><Response><Message>Thanks &amp; see you at 3</Message></Response>',
    });
    const res = await admin('inbound', { from: PHONE, to: SENDER, body: 'ok' });
    expect(res.body.replies).toEqual([
      expect.objectContaining({
        direction: 'outbound-reply',
        from: SENDER,
        to: PHONE,
        body: 'Thanks & see you at 3',
      }),
    ]);
    const listed = await admin(`messages?to=${encodeURIComponent(PHONE)}`);
    expect(listed.body.messages.map((m: any) => m.body)).toEqual(['Thanks & see you at 3']);
  });

  it('should pass media URLs and refuse numbers the simulator does not have', async () => {
    await admin('inbound', {
      from: PHONE,
      to: SENDER,
      body: '',
      mediaUrls: ['https://example.com/a.jpg'],
    });
    const [hook] = await hooks.waitFor((h) => h.params['NumMedia'] === '1');
    expect(hook!.params).toMatchObject({
      MediaUrl0: 'https://example.com/a.jpg',
      MediaContentType0: 'image/jpeg',
    });
    expect(hook!.params['MessageSid']).toMatch(/^MM/);
    const unknown = await admin('inbound', { from: PHONE, to: '+15550000000', body: 'x' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/register it with \/_sim\/numbers/);
  });
});

describe('Twilio simulator: WhatsApp', () => {
  const sendWa = (form: Record<string, string> = {}) =>
    send({ From: WA_SENDER, To: WA_PHONE, StatusCallback: `${hooks.url}/wa`, ...form });
  const finalOf = async (sid: string) => {
    const [hook] = await hooks.waitFor(
      (h) =>
        h.params['MessageSid'] === sid &&
        ['delivered', 'failed', 'undelivered'].includes(h.params['MessageStatus']!),
    );
    return hook!.params;
  };

  it('should fail a free-form message with 63016 when the user has not written in 24 hours', async () => {
    const res = await sendWa();
    expect(res.status).toBe(201);
    expect(await finalOf(res.body.sid)).toMatchObject({
      MessageStatus: 'failed',
      ErrorCode: '63016',
    });
  });

  it('should deliver a template outside the session and free-form inside it', async () => {
    const { sid } = (await admin('contents', { body: 'Your invoice {{1}} is due.' })).body;
    const template = await sendWa({ ContentSid: sid, ContentVariables: '{"1":"INV-7"}' });
    expect(template.body.body).toBe('Your invoice INV-7 is due.');
    expect((await finalOf(template.body.sid))['MessageStatus']).toBe('delivered');
    const inbound = await admin('inbound', { from: WA_PHONE, to: WA_SENDER, body: 'Hi!' });
    expect(inbound.body.replies).toEqual([]);
    const [hook] = await hooks.waitFor((h) => h.url.includes('/wa/inbound'));
    expect(hook!.params['WaId']).toBe('15557654321');
    const inside = await sendWa();
    expect((await finalOf(inside.body.sid))['MessageStatus']).toBe('delivered');
    await admin('clock', { advanceMs: 25 * 60 * 60 * 1000 });
    const expired = await sendWa();
    expect((await finalOf(expired.body.sid))['ErrorCode']).toBe('63016');
  });

  it('should refuse an unknown ContentSid with 21655 and bad ContentVariables with 21656 like Twilio', async () => {
    const unknown = await sendWa({ ContentSid: `HX${'c'.repeat(32)}` });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe(21655);
    expect((await sendWa({ ContentSid: 'HXnot-a-sid' })).body.code).toBe(21655);
    const { sid } = (await admin('contents', { body: 'Hi {{1}}' })).body;
    for (const bad of ['{"1":', '["Ana"]', '{"1": 5}']) {
      const res = await sendWa({ ContentSid: sid, ContentVariables: bad });
      expect([res.status, res.body.code]).toEqual([400, 21656]);
    }
  });

  it('should fail a template with 63028 when a variable is missing and with 63016 when WhatsApp did not approve it', async () => {
    const { sid } = (await admin('contents', { body: 'Hi {{1}}, room {{2}} is ready' })).body;
    const missing = await sendWa({ ContentSid: sid, ContentVariables: '{"1":"Ana"}' });
    expect(missing.status).toBe(201);
    expect((await finalOf(missing.body.sid))['ErrorCode']).toBe('63028');
    const draft = (await admin('contents', { body: 'Hello {{1}}', whatsappApproved: false })).body;
    const unapproved = await sendWa({ ContentSid: draft.sid, ContentVariables: '{"1":"Ana"}' });
    expect((await finalOf(unapproved.body.sid))['ErrorCode']).toBe('63016');
  });

  it('should not treat STOP on WhatsApp as an SMS opt-out', async () => {
    await admin('inbound', { from: WA_PHONE, to: WA_SENDER, body: 'STOP' });
    expect((await admin('opt-outs')).body.optOuts).toEqual([]);
  });
});

describe('Twilio simulator: signatures', () => {
  it('should sign Twilio’s documented vector exactly like Twilio', () => {
    const params = {
      CallSid: 'CA1234567890ABCDE',
      Caller: '+12349013030',
      Digits: '1234',
      From: '+12349013030',
      To: '+18005551212',
    };
    const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
    expect(twilioSignature('12345', url, params)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
    expect(twilioSignature('12345', url, params)).toBe(
      twilio.getExpectedTwilioSignature('12345', url, params),
    );
  });
});

describe('Twilio simulator: listing', () => {
  it('should page newest first with page, page_size and next_page_uri like Twilio', async () => {
    const sids: string[] = [];
    for (let i = 0; i < 5; i++) sids.push((await send({ Body: `m${i}` })).body.sid);
    await send({ To: '+15557654000' });
    const first = await rest(`${messagesPath()}?To=${encodeURIComponent(PHONE)}&PageSize=2`);
    expect(first.body).toMatchObject({ page: 0, page_size: 2, start: 0, end: 1 });
    expect(first.body.messages.map((m: any) => m.sid)).toEqual([sids[4], sids[3]]);
    expect(first.body.previous_page_uri).toBeNull();
    expect(first.body.next_page_uri).toContain(`PageToken=PA${sids[3]}`);
    const second = await rest(first.body.next_page_uri);
    expect(second.body).toMatchObject({ page: 1, start: 2 });
    expect(second.body.messages.map((m: any) => m.sid)).toEqual([sids[2], sids[1]]);
    const back = await rest(second.body.previous_page_uri);
    expect(back.body.messages.map((m: any) => m.sid)).toEqual([sids[4], sids[3]]);
    const third = await rest(second.body.next_page_uri);
    expect(third.body.messages.map((m: any) => m.sid)).toEqual([sids[0]]);
    expect(third.body.next_page_uri).toBeNull();
    // The SDK follows next_page_uri through the simulator.
    const all = await client.messages.list({ to: PHONE, pageSize: 2 });
    expect(all.map((m) => m.sid)).toEqual([...sids].reverse());
  });

  it('should answer 20404 for a message that does not exist', async () => {
    const res = await rest(
      `/2010-04-01/Accounts/${sim.accountSid}/Messages/SM${'0'.repeat(32)}.json`,
    );
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 20404, status: 404 });
    await expect(client.messages(`SM${'0'.repeat(32)}`).fetch()).rejects.toMatchObject({
      status: 404,
      code: 20404,
    });
  });
});
