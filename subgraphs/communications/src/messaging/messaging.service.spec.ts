import { createDb, type Db } from '@attendant/kit';
import { createTestDatabase, staffActor, type TestDatabase } from '@attendant/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { MessagingService } from './messaging.service';
import type { SendJob } from './messaging.types';

/*
 * The send rules with real repositories on PostgreSQL and a controllable clock: quiet hours in
 * two time zones, marketing consent, refusals that reach no queue.
 */

describe('MessagingService', () => {
  let database: TestDatabase;
  let db: Db;
  const prague = randomUUID();
  const chicago = randomUUID();
  let enqueued: { job: SendJob; startAfter: Date | null }[];
  // 2026-06-02 03:30Z: 05:30 in Prague (quiet 21–08), 22:30 the evening before in Chicago
  // (quiet 20–08), 20:30 the evening before in Los Angeles.
  const NOW = new Date('2026-06-02T03:30:00Z');
  const service = () =>
    new MessagingService(
      db,
      async (job, startAfter) => void enqueued.push({ job, startAfter }),
      () => NOW,
    );
  const emailService = () =>
    new MessagingService(
      db,
      async (job, startAfter) => void enqueued.push({ job, startAfter }),
      () => NOW,
      () => 'hotel@example.com',
    );
  const emailConsent = (
    organizationId: string,
    address: string,
    status: 'OPTED_IN' | 'OPTED_OUT',
    recordedAt: Date,
  ) =>
    db.consentRecord.create({
      data: {
        organizationId,
        channel: 'EMAIL',
        address,
        status,
        purpose: 'MARKETING',
        source: status === 'OPTED_IN' ? 'booking form' : 'unsubscribe link',
        recordedAt,
      },
    });
  let phoneSeq = 0;
  const newPhone = () => `+1555888${String(1000 + phoneSeq++)}`;
  const marketingOptIn = (organizationId: string, address: string) =>
    db.consentRecord.create({
      data: {
        organizationId,
        channel: 'SMS',
        address,
        status: 'OPTED_IN',
        purpose: 'MARKETING',
        source: 'booking form',
        recordedAt: new Date('2026-01-01T00:00:00Z'),
      },
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url, 2);
    const settings = (
      organizationId: string,
      fromNumber: string,
      timeZone: string,
      start: number,
    ) =>
      db.smsSettings.create({
        data: {
          organizationId,
          fromNumber,
          timeZone,
          quietHoursStart: start * 60,
          quietHoursEnd: 8 * 60,
          webhookToken: randomBytes(24).toString('base64url'),
        },
      });
    await settings(prague, '+15550100000', 'Europe/Prague', 21);
    await settings(chicago, '+15550100001', 'America/Chicago', 20);
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });
  beforeEach(() => {
    enqueued = [];
  });

  const send = (organizationId: string, input: Record<string, unknown>) =>
    service().send(staffActor(organizationId, ['MANAGER']), {
      channel: 'SMS',
      purpose: 'MARKETING',
      body: 'Spa weekend: 20% off',
      to: '',
      ...input,
    });

  it('should defer marketing to the end of quiet hours in each organization time zone', async () => {
    const a = newPhone();
    const b = newPhone();
    await marketingOptIn(prague, a);
    await marketingOptIn(chicago, b);
    const inPrague = await send(prague, { to: a });
    const inChicago = await send(chicago, { to: b });
    // 08:00 CEST = 06:00Z the same morning; 08:00 CDT = 13:00Z.
    expect(inPrague).toMatchObject({
      status: 'QUEUED',
      scheduledFor: new Date('2026-06-02T06:00:00Z'),
    });
    expect(inChicago).toMatchObject({
      status: 'QUEUED',
      scheduledFor: new Date('2026-06-02T13:00:00Z'),
    });
    expect(enqueued.map((e) => e.startAfter)).toEqual([
      new Date('2026-06-02T06:00:00Z'),
      new Date('2026-06-02T13:00:00Z'),
    ]);
  });

  it("should use the recipient's time zone when it is given", async () => {
    const phone = newPhone();
    await marketingOptIn(prague, phone);
    const m = await send(prague, { to: phone, recipientTimeZone: 'America/Los_Angeles' });
    expect(m).toMatchObject({ status: 'QUEUED', scheduledFor: null });
    expect(enqueued).toEqual([
      { job: { messageId: m.id, organizationId: prague }, startAfter: null },
    ]);
  });

  it('should never defer transactional messages, in either time zone', async () => {
    for (const org of [prague, chicago]) {
      const m = await send(org, {
        to: newPhone(),
        purpose: 'TRANSACTIONAL',
        body: 'Your room is ready',
      });
      expect(m).toMatchObject({ status: 'QUEUED', scheduledFor: null });
    }
    expect(enqueued.map((e) => e.startAfter)).toEqual([null, null]);
  });

  it('should refuse marketing without an explicit opt-in and queue nothing', async () => {
    const m = await send(prague, { to: newPhone() });
    expect(m.status).toBe('REFUSED');
    expect(m.refusedReason).toMatch(/has not opted in to marketing SMS/);
    expect(enqueued).toEqual([]);
  });

  it('should refuse an unknown time zone and a channel that is not SMS, WhatsApp or email', async () => {
    await expect(send(prague, { to: newPhone(), recipientTimeZone: 'Mars/Base' })).rejects.toThrow(
      /not a time zone/,
    );
    await expect(send(prague, { to: 'someone', channel: 'IN_APP' })).rejects.toThrow(
      /sends SMS, WhatsApp and email, not in-app/,
    );
  });

  it('should refuse email when SMTP is not configured, and an email without a subject', async () => {
    await expect(
      send(prague, {
        to: 'a@b.example',
        channel: 'EMAIL',
        subject: 'Hi',
        purpose: 'TRANSACTIONAL',
      }),
    ).rejects.toThrow(/Email is not configured/);
    await expect(
      emailService().send(staffActor(prague), {
        channel: 'EMAIL',
        to: 'a@b.example',
        body: 'Hi',
        purpose: 'TRANSACTIONAL',
      }),
    ).rejects.toThrow(/needs a subject/);
  });

  it('should refuse when the organization has no sender', async () => {
    await expect(send(randomUUID(), { to: newPhone(), purpose: 'TRANSACTIONAL' })).rejects.toThrow(
      /no sender configured/,
    );
  });

  describe('email', () => {
    it('should queue an email with its subject and an HTML part made from the text, held by quiet hours like SMS', async () => {
      const to = `guest${phoneSeq++}@example.com`;
      await emailConsent(prague, to, 'OPTED_IN', new Date('2026-01-01T00:00:00Z'));
      const m = await emailService().send(staffActor(prague, ['MANAGER']), {
        channel: 'EMAIL',
        to: ` ${to.toUpperCase()} `,
        subject: 'Spa\nweekend',
        body: '20% off <this week>',
        purpose: 'MARKETING',
      });
      expect(m).toMatchObject({
        status: 'QUEUED',
        channel: 'EMAIL',
        toAddress: to,
        fromAddress: 'hotel@example.com',
        subject: 'Spa weekend',
        segments: null,
      });
      expect(m.html).toContain('<p>20% off &lt;this week&gt;</p>');
      // 05:30 in Prague, quiet until 08:00 (06:00Z in summer).
      expect(m.scheduledFor).toEqual(new Date('2026-06-02T06:00:00Z'));
      expect(enqueued).toHaveLength(1);
    });

    it('should refuse marketing email after an unsubscribe but still queue transactional email', async () => {
      const to = `guest${phoneSeq++}@example.com`;
      await emailConsent(prague, to, 'OPTED_IN', new Date('2026-01-01T00:00:00Z'));
      await emailConsent(prague, to, 'OPTED_OUT', new Date('2026-02-01T00:00:00Z'));
      const base = { channel: 'EMAIL' as const, to, subject: 'News', body: 'Hello' };
      const refused = await emailService().send(staffActor(prague, ['MANAGER']), {
        ...base,
        purpose: 'MARKETING',
      });
      expect(refused.status).toBe('REFUSED');
      expect(refused.refusedReason).toMatch(/opted out of marketing email/);
      expect(enqueued).toEqual([]);
      const transactional = await emailService().send(staffActor(prague, ['MANAGER']), {
        ...base,
        purpose: 'TRANSACTIONAL',
      });
      expect(transactional.status).toBe('QUEUED');
    });

    it('should refuse a malformed email address', async () => {
      await expect(
        emailService().send(staffActor(prague, ['MANAGER']), {
          channel: 'EMAIL',
          to: 'not-an-address',
          subject: 'x',
          body: 'x',
          purpose: 'TRANSACTIONAL',
        }),
      ).rejects.toThrow(/Enter an email address/);
    });
  });
});
