import nodemailer from 'nodemailer';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startMailSink, type MailSink } from './server';

const send = (sink: MailSink, to: string, subject: string, organization = 'org-a') => {
  const transport = nodemailer.createTransport({ url: sink.smtpUrl });
  return transport
    .sendMail({
      from: 'sender@example.com',
      to,
      subject,
      text: `text of ${subject}`,
      html: `<p>${subject}</p>`,
      headers: { 'X-Attendant-Organization': organization },
    })
    .finally(() => transport.close());
};

const api = async (sink: MailSink, p: string, init?: RequestInit) => {
  const res = await fetch(`${sink.url}${p}`, init);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

describe('mail sink', () => {
  let sink: MailSink;
  beforeEach(async () => {
    sink = await startMailSink();
  });
  afterEach(async () => {
    await sink.stop();
  });

  it('should list received mails newest first, filtered by search and organization, in pages', async () => {
    await send(sink, 'ann@example.com', 'Booking confirmed');
    await send(sink, 'bob@example.com', 'Invoice 42');
    await send(sink, 'ann@example.com', 'Invoice 43');
    await send(sink, 'carl@example.com', 'Other tenant', 'org-b');
    const all = await api(sink, '/_sink/mails?organization=org-a');
    expect(all.body['mails'].map((m: { subject: string }) => m.subject)).toEqual([
      'Invoice 43',
      'Invoice 42',
      'Booking confirmed',
    ]);
    const search = await api(sink, '/_sink/mails?organization=org-a&search=ANN%20invoice');
    expect(search.body['mails'].map((m: { subject: string }) => m.subject)).toEqual(['Invoice 43']);
    const first = await api(sink, '/_sink/mails?organization=org-a&first=2');
    expect(first.body).toMatchObject({ total: 3, hasMore: true });
    const after = first.body['mails'][1].id as string;
    const second = await api(sink, `/_sink/mails?organization=org-a&first=2&after=${after}`);
    expect(second.body['mails'].map((m: { subject: string }) => m.subject)).toEqual([
      'Booking confirmed',
    ]);
    expect(second.body['hasMore']).toBe(false);
  });

  it('should answer one mail with its parts and headers, 404 for an unknown id, and clear', async () => {
    await send(sink, 'ann@example.com', 'Hello');
    const [summary] = (await api(sink, '/_sink/mails')).body['mails'];
    const one = await api(sink, `/_sink/mails/${summary.id}`);
    expect(one.body).toMatchObject({
      subject: 'Hello',
      text: 'text of Hello',
      html: '<p>Hello</p>',
      to: ['ann@example.com'],
    });
    expect(one.body['headers']['x-attendant-organization']).toBe('org-a');
    expect((await api(sink, '/_sink/mails/nope')).status).toBe(404);
    expect((await api(sink, '/_sink/mails', { method: 'DELETE' })).body).toEqual({ cleared: 1 });
    expect((await api(sink, '/_sink/mails')).body['total']).toBe(0);
  });

  it('should reject the next N recipients with the injected reply, then accept again', async () => {
    const set = await api(sink, '/_sink/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rejectNext: 1, code: 550, message: 'User unknown' }),
    });
    expect(set.body['reject']).toMatchObject({ remaining: 1, code: 550 });
    await expect(send(sink, 'x@example.com', 'One')).rejects.toMatchObject({ responseCode: 550 });
    await send(sink, 'x@example.com', 'Two');
    expect(sink.store.all().map((m) => m.subject)).toEqual(['Two']);
    const bad = await api(sink, '/_sink/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rejectNext: 1, code: 250 }),
    });
    expect(bad.status).toBe(400);
  });

  it('should keep mails across restarts when it has a state file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mail-sink-'));
    const stateFile = path.join(dir, 'mails.json');
    try {
      const first = await startMailSink({ stateFile });
      await send(first, 'ann@example.com', 'Kept');
      await first.stop();
      const second = await startMailSink({ stateFile });
      expect(second.store.all().map((m) => m.subject)).toEqual(['Kept']);
      await second.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
