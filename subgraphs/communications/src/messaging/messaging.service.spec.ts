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

  it('should refuse an unknown time zone and a channel that is not SMS or WhatsApp', async () => {
    await expect(send(prague, { to: newPhone(), recipientTimeZone: 'Mars/Base' })).rejects.toThrow(
      /not a time zone/,
    );
    await expect(send(prague, { to: 'a@b.example', channel: 'EMAIL' })).rejects.toThrow(
      /sends SMS and WhatsApp/,
    );
  });

  it('should refuse when the organization has no sender', async () => {
    await expect(send(randomUUID(), { to: newPhone(), purpose: 'TRANSACTIONAL' })).rejects.toThrow(
      /no sender configured/,
    );
  });
});
