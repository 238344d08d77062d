import { createDb, createLogger, Jobs, type Db, type DomainEvent } from '@attendant/kit';
import { createTestDatabase, type TestDatabase } from '@attendant/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { MessagingService } from '../messaging/messaging.service';
import type { SendJob } from '../messaging/messaging.types';
import { NotificationDeliverer } from '../notification/notification.deliverer';
import { AlertEngineRepository } from './alert-engine.repository';
import { alertConsumers } from './alert.consumers';
import { AlertEngine } from './alert.engine';
import { AlertService } from './alert.service';

/*
 * The alert engine with real repositories on PostgreSQL and a controllable clock: alerts raised
 * once however often their event comes, routed by role, name and preference, escalated to the
 * next person at T+timeout and to the managers at T+2×timeout, never twice by two sweepers.
 */

const MINUTE = 60_000;

describe('alert engine', () => {
  let database: TestDatabase;
  let db: Db;
  let db2: Db;
  let jobs: Jobs;
  let now: Date;
  let sent: SendJob[];
  const clock = () => now;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url, 2);
    db2 = createDb(database.url, 2);
    jobs = new Jobs(database.url, 'communications', db, createLogger('test', 'silent'));
  });
  afterAll(async () => {
    await db.$disconnect();
    await db2.$disconnect();
    await database.drop();
  });
  beforeEach(async () => {
    // Sweeps span organizations: finish every earlier test's chains and sends first, so counts
    // below are this test's alone.
    now = new Date('2030-01-01T00:00:00Z');
    const deliverer = new NotificationDeliverer(
      db,
      new MessagingService(db, async () => undefined, clock),
      clock,
    );
    while ((await engine().escalateDue()) > 0);
    while ((await engine().runDueChecks()) > 0);
    while ((await deliverer.deliverPending()) > 0);
    now = new Date('2026-11-20T12:00:00Z');
    sent = [];
  });

  const engine = (client: Db = db) => new AlertEngine(client, clock);
  /** Delivers an event to the consumer that takes it, once per event id (as pg-boss would). */
  const deliver = (event: DomainEvent) => {
    const [facts, alerts] = alertConsumers(engine(), clock);
    return jobs.runOnce(facts!.events.includes(event.type) ? facts! : alerts!, event);
  };
  const event = (
    org: string,
    type: string,
    entityType: string,
    entityId: string,
    payload: Record<string, unknown>,
  ): DomainEvent => ({
    id: randomUUID(),
    type,
    entityType,
    entityId,
    organizationId: org,
    payload,
    occurredAt: now.toISOString(),
  });

  /** An organization with staff that signed in: two dispatchers, a manager, a backup person. */
  async function organization() {
    const org = randomUUID();
    const staff = {
      dispatcher: randomUUID(),
      dispatcher2: randomUUID(),
      backup: randomUUID(),
      manager: randomUUID(),
    };
    const roles: Record<keyof typeof staff, string[]> = {
      dispatcher: ['DISPATCHER'],
      dispatcher2: ['DISPATCHER'],
      backup: ['TECHNICIAN'],
      manager: ['MANAGER'],
    };
    for (const [key, userId] of Object.entries(staff) as [keyof typeof staff, string][])
      await deliver(
        event(org, 'UserSignedIn', 'User', userId, {
          name: key,
          email: `${key}@example.test`,
          roles: roles[key],
          active: true,
        }),
      );
    return { org, ...staff };
  }

  const rule = (org: string, data: Record<string, unknown> = {}) =>
    db.alertRule.create({
      data: {
        organizationId: org,
        kind: 'MESSAGE_DELIVERY_FAILED',
        severity: 'WARNING',
        recipientRoles: ['DISPATCHER'],
        ackTimeoutMinutes: 10,
        ...data,
      },
    });
  const failed = (org: string, messageId: string = randomUUID(), status = 'FAILED') =>
    event(org, 'MessageStatusChanged', 'Message', messageId, {
      channel: 'SMS',
      direction: 'OUTBOUND',
      status,
      guestId: null,
    });
  const alertsOf = (org: string) => db.alert.findMany({ where: { organizationId: org } });
  const notified = async (org: string) =>
    (
      await db.notification.findMany({
        where: { organizationId: org },
        orderBy: [{ level: 'asc' }, { createdAt: 'asc' }],
      })
    ).map((n) => ({ userId: n.userId, level: n.level }));

  it('should raise one alert and notify each dispatcher once when the same event is delivered twice', async () => {
    const o = await organization();
    await rule(o.org);
    const e = failed(o.org);
    await deliver(e);
    await deliver(e);
    // A second callback about the same message (UNDELIVERED after FAILED) is still one alert.
    await deliver(failed(o.org, e.entityId, 'UNDELIVERED'));
    const rows = await alertsOf(o.org);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'MESSAGE_DELIVERY_FAILED',
      severity: 'WARNING',
      entityType: 'Message',
      entityId: e.entityId,
      nextEscalationAt: new Date(now.getTime() + 10 * MINUTE),
    });
    expect(new Set((await notified(o.org)).map((n) => n.userId))).toEqual(
      new Set([o.dispatcher, o.dispatcher2]),
    );
    const events = await db.communicationsOutboxEvent.findMany({
      where: { organizationId: o.org, type: { in: ['AlertRaised', 'NotificationCreated'] } },
    });
    expect(events.filter((x) => x.type === 'AlertRaised')).toHaveLength(1);
    // About a message, not a guest: nothing for a timeline.
    expect(
      await db.communicationsOutboxEvent.count({
        where: { organizationId: o.org, type: 'GuestTimelineChanged' },
      }),
    ).toBe(0);
    expect(events.filter((x) => x.type === 'NotificationCreated').map((x) => x.payload)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: o.dispatcher }),
        expect.objectContaining({ userId: o.dispatcher2 }),
      ]),
    );
  });

  it('should raise nothing when the rule is disabled, or for an inbound or delivered message', async () => {
    const o = await organization();
    await rule(o.org, { enabled: false });
    await deliver(failed(o.org));
    await deliver(
      event(o.org, 'MessageStatusChanged', 'Message', randomUUID(), {
        channel: 'SMS',
        direction: 'OUTBOUND',
        status: 'DELIVERED',
      }),
    );
    expect(await alertsOf(o.org)).toEqual([]);
  });

  it('should route by named users and roles, and deliver by each user’s channel preferences and quiet hours', async () => {
    const o = await organization();
    await rule(o.org, { recipientUserIds: [o.backup], severity: 'WARNING' });
    await db.notificationPreference.createMany({
      data: [
        // SMS for warnings.
        {
          organizationId: o.org,
          userId: o.dispatcher,
          warningChannels: ['SMS'],
          phone: '+15550001111',
        },
        // Email for warnings, but 11:00–13:00 UTC is quiet for them (now is 12:00 UTC).
        {
          organizationId: o.org,
          userId: o.dispatcher2,
          warningChannels: ['EMAIL'],
          quietHoursStart: 11 * 60,
          quietHoursEnd: 13 * 60,
          timeZone: 'UTC',
        },
        // Only critical alerts beyond the app.
        {
          organizationId: o.org,
          userId: o.backup,
          criticalChannels: ['SMS'],
          phone: '+15550002222',
        },
      ],
    });
    await deliver(failed(o.org));
    expect(new Set((await notified(o.org)).map((n) => n.userId))).toEqual(
      new Set([o.dispatcher, o.dispatcher2, o.backup]),
    );
    const deliveries = await db.notificationDelivery.findMany({
      where: { organizationId: o.org },
      include: { notification: true },
    });
    expect(deliveries.map((d) => [d.notification.userId, d.channel, d.status]).sort()).toEqual(
      [
        [o.dispatcher, 'SMS', 'PENDING'],
        [o.dispatcher2, 'EMAIL', 'SKIPPED'],
      ].sort(),
    );
  });

  it('should send SMS and email notifications through messaging, and refuse email visibly where it is not set up', async () => {
    const o = await organization();
    await rule(o.org, { severity: 'CRITICAL' });
    await db.smsSettings.create({
      data: {
        organizationId: o.org,
        fromNumber: '+15550109999',
        webhookToken: randomBytes(24).toString('base64url'),
      },
    });
    await db.notificationPreference.createMany({
      data: [
        {
          organizationId: o.org,
          userId: o.dispatcher,
          criticalChannels: ['SMS'],
          phone: '+15550003333',
        },
        { organizationId: o.org, userId: o.dispatcher2, criticalChannels: ['EMAIL'] },
      ],
    });
    await deliver(failed(o.org));
    // This process has no mail server: the email is refused, visibly.
    const noMail = new MessagingService(db, async (job) => void sent.push(job), clock);
    const deliverer = new NotificationDeliverer(db, noMail, clock);
    expect(await deliverer.deliverPending()).toBe(2);
    expect(await deliverer.deliverPending()).toBe(0);
    const deliveries = await db.notificationDelivery.findMany({ where: { organizationId: o.org } });
    const sms = deliveries.find((d) => d.channel === 'SMS')!;
    const email = deliveries.find((d) => d.channel === 'EMAIL')!;
    expect(sms.status).toBe('SENT');
    expect(email).toMatchObject({ status: 'REFUSED', reason: expect.stringMatching(/Email/i) });

    const message = await db.message.findFirst({
      where: { organizationId: o.org, id: sms.messageId! },
    });
    expect(message).toMatchObject({ toAddress: '+15550003333', status: 'QUEUED' });
    expect(sent).toEqual([{ messageId: sms.messageId, organizationId: o.org }]);
    // That SMS failing raises no alert of its own (no notification loop).
    await deliver(failed(o.org, sms.messageId!));
    expect(await alertsOf(o.org)).toHaveLength(1);

    // With one, the next alert's email goes out, its subject the alert's title.
    await deliver(failed(o.org));
    const withMail = new MessagingService(
      db,
      async (job) => void sent.push(job),
      clock,
      () => 'alerts@attendant.test',
    );
    expect(await new NotificationDeliverer(db, withMail, clock).deliverPending()).toBe(2);
    const mailed = await db.notificationDelivery.findFirstOrThrow({
      where: { organizationId: o.org, channel: 'EMAIL', status: 'SENT' },
    });
    const mail = await db.message.findFirstOrThrow({
      where: { organizationId: o.org, id: mailed.messageId! },
    });
    expect(mail).toMatchObject({ channel: 'EMAIL', status: 'QUEUED' });
    expect(mail.subject).toBe('SMS failed');
  });

  it('should notify the next person at T+timeout, then the managers at T+2×timeout, and stop', async () => {
    const o = await organization();
    await rule(o.org, { escalationUserIds: [o.backup], escalateToManagers: true });
    const start = now.getTime();
    await deliver(failed(o.org));
    now = new Date(start + 10 * MINUTE - 1000);
    expect(await engine().escalateDue()).toBe(0);
    expect((await notified(o.org)).filter((n) => n.level > 0)).toEqual([]);
    now = new Date(start + 10 * MINUTE);
    expect(await engine().escalateDue()).toBe(1);
    expect((await notified(o.org)).filter((n) => n.level > 0)).toEqual([
      { userId: o.backup, level: 1 },
    ]);
    let [alert] = await alertsOf(o.org);
    expect(alert).toMatchObject({
      escalationLevel: 1,
      nextEscalationAt: new Date(start + 20 * MINUTE),
    });
    // A late sweep still plans from T, not from when it ran.
    now = new Date(start + 20 * MINUTE + 30_000);
    expect(await engine().escalateDue()).toBe(1);
    expect((await notified(o.org)).filter((n) => n.level > 0)).toEqual([
      { userId: o.backup, level: 1 },
      { userId: o.manager, level: 2 },
    ]);
    [alert] = await alertsOf(o.org);
    expect(alert).toMatchObject({ escalationLevel: 2, nextEscalationAt: null });
    now = new Date(start + 60 * MINUTE);
    expect(await engine().escalateDue()).toBe(0);
    const escalated = await db.communicationsOutboxEvent.findMany({
      where: { organizationId: o.org, type: 'AlertEscalated' },
      orderBy: { occurredAt: 'asc' },
    });
    expect(escalated.map((e) => (e.payload as { level: number }).level).sort()).toEqual([1, 2]);
  });

  it('should not escalate an alert acknowledged before its timeout', async () => {
    const o = await organization();
    await rule(o.org, { escalationUserIds: [o.backup] });
    const start = now.getTime();
    await deliver(failed(o.org));
    const [alert] = await alertsOf(o.org);
    now = new Date(start + 5 * MINUTE);
    await new AlertService(db).acknowledge(
      {
        kind: 'user',
        organizationId: o.org,
        userId: o.dispatcher,
        apiKeyId: null,
        roles: ['DISPATCHER'],
        scopes: [],
      },
      alert!.id,
    );
    now = new Date(start + 30 * MINUTE);
    expect(await engine().escalateDue()).toBe(0);
    expect((await notified(o.org)).filter((n) => n.level > 0)).toEqual([]);
    expect((await alertsOf(o.org))[0]).toMatchObject({
      escalationLevel: 0,
      nextEscalationAt: null,
    });
    // The acknowledging dispatcher's notification is read; their colleague's stays as it was.
    const read = await db.notification.findMany({ where: { organizationId: o.org } });
    expect(read.find((n) => n.userId === o.dispatcher)!.readAt).not.toBeNull();
    expect(read.find((n) => n.userId === o.dispatcher2)!.readAt).toBeNull();
  });

  it('should escalate once when two sweepers run at the same moment', async () => {
    const o = await organization();
    await rule(o.org, { escalationUserIds: [o.backup] });
    const start = now.getTime();
    await deliver(failed(o.org));
    now = new Date(start + 10 * MINUTE);
    const handled = await Promise.all([engine(db).escalateDue(), engine(db2).escalateDue()]);
    expect(handled.reduce((a, b) => a + b, 0)).toBe(1);
    expect((await notified(o.org)).filter((n) => n.level > 0)).toEqual([
      { userId: o.backup, level: 1 },
    ]);
    const [alert] = await alertsOf(o.org);
    expect(alert!.escalationLevel).toBe(1);
  });

  it('should skip an alert another sweeper holds, and escalate it once that one lets go', async () => {
    const o = await organization();
    await rule(o.org, { escalationUserIds: [o.backup] });
    const start = now.getTime();
    await deliver(failed(o.org));
    now = new Date(start + 10 * MINUTE);
    let release!: () => void;
    let locked!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const lockTaken = new Promise<void>((r) => (locked = r));
    const holder = db2.$transaction(
      async (tx) => {
        expect(await new AlertEngineRepository(tx).lockDueEscalations(now, 10)).toHaveLength(1);
        locked();
        await held;
      },
      { timeout: 20_000 },
    );
    await lockTaken;
    expect(await engine(db).escalateDue()).toBe(0);
    release();
    await holder;
    expect(await engine(db).escalateDue()).toBe(1);
    expect((await notified(o.org)).filter((n) => n.level > 0)).toEqual([
      { userId: o.backup, level: 1 },
    ]);
  });

  it('should raise one SLA alert per work order, a breach as CRITICAL, and a sync failure', async () => {
    const o = await organization();
    const workOrderId = randomUUID();
    const sla = {
      number: 42,
      title: 'Leaking tap',
      status: 'SCHEDULED',
      slaDueAt: '2026-11-20T13:00:00.000Z',
    };
    const atRisk = event(o.org, 'WorkOrderSlaAtRisk', 'WorkOrder', workOrderId, sla);
    await deliver(atRisk);
    await deliver(atRisk);
    await deliver(event(o.org, 'WorkOrderSlaBreached', 'WorkOrder', workOrderId, sla));
    await deliver(
      event(o.org, 'SyncRunProgressed', 'SyncRun', randomUUID(), {
        status: 'RUNNING',
        kind: 'POLL',
      }),
    );
    await deliver(
      event(o.org, 'SyncRunProgressed', 'SyncRun', randomUUID(), {
        status: 'FAILED',
        kind: 'POLL',
        error: 'Mews answered 401',
      }),
    );
    const rows = (await alertsOf(o.org)).map((a) => [a.kind, a.severity, a.title]).sort();
    expect(rows).toEqual(
      [
        ['SLA_AT_RISK', 'WARNING', 'SLA at risk: #42 Leaking tap'],
        ['SLA_AT_RISK', 'CRITICAL', 'SLA breached: #42 Leaking tap'],
        ['SYNC_FAILED', 'CRITICAL', 'PMS sync failed (poll)'],
      ].sort(),
    );
  });

  it('should check a VIP arrival with open orders and a low-completeness profile before arrival, once', async () => {
    const o = await organization();
    const guestId = randomUUID();
    const roomId = randomUUID();
    const reservationId = randomUUID();
    const arrivalAt = new Date(now.getTime() + 48 * 3_600_000);
    await deliver(
      event(o.org, 'GuestUpdated', 'Guest', guestId, {
        firstName: 'Ana',
        lastName: 'Novak',
        vip: true,
        completeness: 40,
      }),
    );
    await deliver(
      event(o.org, 'WorkOrderCreated', 'WorkOrder', randomUUID(), {
        number: 7,
        title: 'Fix AC',
        status: 'NEW',
        roomId,
        version: 1,
      }),
    );
    const reservation = event(o.org, 'ReservationUpdated', 'Reservation', reservationId, {
      arrivalAt: arrivalAt.toISOString(),
      status: 'CONFIRMED',
      guestId,
      guestName: 'Ana Novak',
      vip: true,
      roomId,
      roomNumber: '101',
    });
    await deliver(reservation);
    // Planned 24 h before arrival (the default lead time): not yet due.
    expect(await engine().runDueChecks()).toBe(0);
    now = new Date(arrivalAt.getTime() - 24 * 3_600_000);
    expect(await engine().runDueChecks()).toBe(2);
    expect(await engine().runDueChecks()).toBe(0);
    const rows = (await alertsOf(o.org)).map((a) => [a.kind, a.title, a.entityId]).sort();
    expect(rows).toEqual(
      [
        [
          'LOW_COMPLETENESS_BEFORE_ARRIVAL',
          'Ana Novak arrives with a 40% complete profile (room 101)',
          guestId,
        ],
        [
          'VIP_ARRIVAL_OPEN_ORDERS',
          'VIP Ana Novak arrives with 1 open work order (room 101)',
          guestId,
        ],
      ].sort(),
    );
    // A later change re-runs the checks; the alerts stay one each.
    await deliver(event(o.org, 'GuestUpdated', 'Guest', guestId, { vip: true, completeness: 30 }));
    expect(await engine().runDueChecks()).toBe(2);
    expect(await alertsOf(o.org)).toHaveLength(2);
    // Both alerts are on the guest's timeline: an open one heard of each once.
    const announced = await db.communicationsOutboxEvent.findMany({
      where: { organizationId: o.org, type: 'GuestTimelineChanged' },
    });
    expect(announced.map((e) => (e.payload as { entryId: string }).entryId).sort()).toEqual(
      (await alertsOf(o.org)).map((a) => a.id).sort(),
    );
    expect(announced.every((e) => e.entityId === guestId)).toBe(true);
  });

  it('should raise no arrival alert when the orders are done or the reservation is cancelled', async () => {
    const o = await organization();
    const guestId = randomUUID();
    const workOrderId = randomUUID();
    await deliver(event(o.org, 'GuestUpdated', 'Guest', guestId, { vip: true, completeness: 90 }));
    await deliver(
      event(o.org, 'WorkOrderCreated', 'WorkOrder', workOrderId, {
        status: 'NEW',
        guestId,
        version: 1,
      }),
    );
    await deliver(
      event(o.org, 'WorkOrderCompleted', 'WorkOrder', workOrderId, {
        status: 'COMPLETED',
        guestId,
        version: 2,
      }),
    );
    const arrivalAt = new Date(now.getTime() + 3_600_000).toISOString();
    await deliver(
      event(o.org, 'ReservationUpdated', 'Reservation', randomUUID(), {
        arrivalAt,
        status: 'CONFIRMED',
        guestId,
        vip: true,
      }),
    );
    const cancelled = randomUUID();
    await deliver(
      event(o.org, 'WorkOrderCreated', 'WorkOrder', randomUUID(), {
        status: 'NEW',
        guestId,
        version: 1,
      }),
    );
    const base = { arrivalAt, guestId, vip: true };
    await deliver(
      event(o.org, 'ReservationUpdated', 'Reservation', cancelled, {
        ...base,
        status: 'CONFIRMED',
      }),
    );
    await deliver(
      event(o.org, 'ReservationUpdated', 'Reservation', cancelled, {
        ...base,
        status: 'CANCELLED',
      }),
    );
    await engine().runDueChecks();
    // The first reservation's check re-ran when the new order came and now raises for it only.
    const kinds = (await alertsOf(o.org)).map((a) => a.dedupeKey);
    expect(kinds.every((k) => !k!.includes(cancelled))).toBe(true);
    expect(kinds.filter((k) => k!.includes('LOW_COMPLETENESS'))).toEqual([]);
  });
});
