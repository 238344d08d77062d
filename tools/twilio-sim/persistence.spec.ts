import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTwilioSim, startWebhookReceiver, type TwilioSimOptions } from './server';

const SENDER = '+15550100000';
const PHONE = '+15557654321';
const credentials = {
  accountSid: `AC${'1'.repeat(32)}`,
  authToken: 'persistence-spec-token',
};

const tempFile = () =>
  path.join(mkdtempSync(path.join(os.tmpdir(), 'twilio-sim-')), 'state', 'twilio-sim.json');

async function sendSms(url: string, form: Record<string, string>) {
  const res = await fetch(`${url}/2010-04-01/Accounts/${credentials.accountSid}/Messages.json`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${credentials.accountSid}:${credentials.authToken}`).toString('base64')}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ From: SENDER, To: PHONE, Body: 'Hi', ...form }).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

const options = (stateFile: string, extra: TwilioSimOptions = {}): TwilioSimOptions => ({
  ...credentials,
  stateFile,
  numbers: [{ phoneNumber: SENDER }],
  delays: { queuedMs: 0, sendingMs: 0, sentMs: 0, finalMs: 0 },
  ...extra,
});

describe('Twilio simulator persistence', () => {
  it('should keep messages, numbers, opt-outs and content templates when restarted with the same state file', async () => {
    const file = tempFile();
    const first = await startTwilioSim(options(file));
    const sent = await sendSms(first.url, {});
    const template = first.admin.addContent({ body: 'Your room {{1}} is ready' });
    first.admin.addNumber({ phoneNumber: '+15550100009', smsUrl: 'http://127.0.0.1:1/in' });
    await first.admin.inbound({ from: PHONE, to: SENDER, body: 'STOP' });
    await first.stop();

    const second = await startTwilioSim(options(file));
    try {
      expect(second.state.message(sent.body['sid'] as string)?.body).toBe('Hi');
      expect(second.state.number('+15550100009')?.smsUrl).toBe('http://127.0.0.1:1/in');
      expect((await sendSms(second.url, {})).body['code']).toBe(21610);
      expect(second.state.content(template.sid)?.body).toBe('Your room {{1}} is ready');
    } finally {
      await second.stop();
    }
  });

  it('should finish deliveries interrupted by a stop after the restart', async () => {
    const file = tempFile();
    const hooks = await startWebhookReceiver();
    const slow = { queuedMs: 0, sendingMs: 60_000, sentMs: 0, finalMs: 0 };
    const first = await startTwilioSim(options(file, { delays: slow }));
    const { body } = await sendSms(first.url, { StatusCallback: `${hooks.url}/status` });
    await hooks.waitFor((h) => h.params['MessageStatus'] === 'queued');
    await first.stop();

    const second = await startTwilioSim(options(file));
    try {
      await hooks.waitFor((h) => h.params['MessageStatus'] === 'delivered');
      expect(second.state.message(body['sid'] as string)?.status).toBe('delivered');
    } finally {
      await second.stop();
      await hooks.stop();
    }
  });

  it('should not replay the callbacks of messages already delivered when restarted', async () => {
    const file = tempFile();
    const hooks = await startWebhookReceiver();
    const first = await startTwilioSim(options(file));
    const { body } = await sendSms(first.url, { StatusCallback: `${hooks.url}/status` });
    await hooks.waitFor((h) => h.params['MessageStatus'] === 'delivered');
    await first.stop();
    const before = hooks.received.length;

    const second = await startTwilioSim(options(file));
    try {
      await new Promise((r) => setTimeout(r, 100));
      expect(hooks.received).toHaveLength(before);
      expect(second.state.message(body['sid'] as string)?.status).toBe('delivered');
    } finally {
      await second.stop();
      await hooks.stop();
    }
  });

  it('should start empty and write the file when it does not exist yet', async () => {
    const file = tempFile();
    const sim = await startTwilioSim(options(file));
    await sim.stop();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      format: 'attendant-twilio-sim-state',
      version: 1,
      messages: [],
    });
  });

  it('should refuse to start with a clear error when the state file is not a simulator file', async () => {
    const file = tempFile();
    const sim = await startTwilioSim(options(file));
    await sim.stop();
    writeFileSync(file, JSON.stringify({ hello: 'world' }));
    await expect(startTwilioSim(options(file))).rejects.toThrow(
      /state file .* is invalid: not a version 1 Twilio simulator state file; delete it/,
    );
    writeFileSync(file, '{broken');
    await expect(startTwilioSim(options(file))).rejects.toThrow(/not readable JSON/);
  });
});
