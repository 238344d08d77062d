import { createDb, createLogger, Jobs, type Db, type DomainEvent } from '@attendant/kit';
import { createTestDatabase, staffActor, type TestDatabase } from '@attendant/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { MessagingService } from '../messaging/messaging.service';
import type { SendJob } from '../messaging/messaging.types';
import { TemplateService } from '../template/template.service';
import { TriggerFirer } from './trigger.firer';
import { triggerConsumers } from './trigger.planner';
import { TriggerService } from './trigger.service';

/*
 * Triggers with real repositories on PostgreSQL and a controllable clock: events planned once
 * however often they are delivered, reminders that follow the job, and firings through the
 * ordinary send path (consent applies).
 */

describe('message triggers', () => {
  let database: TestDatabase;
  let db: Db;
  let jobs: Jobs;
  let now: Date;
  let sent: SendJob[];
  const org = randomUUID();
  const admin = staffActor(org, ['ADMIN']);
  const clock = () => now;
  const [contacts, triggers] = triggerConsumers(clock);
  const firer = () =>
    new TriggerFirer(
      db,
      new MessagingService(db, async (job) => void sent.push(job), clock),
      clock,
    );
  const deliver = (event: DomainEvent) =>
    jobs.runOnce(triggers!.events.includes(event.type) ? triggers! : contacts!, event);

  let phoneSeq = 0;
  const newPhone = () => `+1555999${String(1000 + phoneSeq++)}`;
  let version = 0;
  const event = (
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
  const job = (id: string, guestId: string, over: Record<string, unknown> = {}) => ({
    number: 501,
    title: 'Boiler service',
    status: 'SCHEDULED',
    priority: 'NORMAL',
    kind: 'FIELD',
    guestId,
    technicianId: technicianId,
    windowStart: '2026-11-24T15:00:00.000Z',
    windowEnd: '2026-11-24T17:00:00.000Z',
    scheduledStart: '2026-11-24T15:00:00.000Z',
    scheduledEnd: '2026-11-24T16:00:00.000Z',
    version: ++version,
    ...over,
  });
  const technicianId = randomUUID();

  /** A guest communications knows: name from a guests event, number from consent. */
  const guest = async (consent: 'OPTED_IN' | 'OPTED_OUT' | null = 'OPTED_IN') => {
    const id = randomUUID();
    const phone = newPhone();
    await deliver(
      event('GuestCreated', 'Guest', id, { firstName: 'Ana', lastName: 'Novak', vip: false }),
    );
    if (consent)
      await db.consentRecord.create({
        data: {
          organizationId: org,
          guestId: id,
          channel: 'SMS',
          address: phone,
          status: consent,
          source: consent === 'OPTED_OUT' ? 'keyword' : 'booking form',
          keyword: consent === 'OPTED_OUT' ? 'STOP' : null,
          recordedAt: new Date('2026-01-01T00:00:00Z'),
        },
      });
    return { id, phone };
  };
  const firings = (entityId: string) =>
    db.triggerFiring.findMany({
      where: { organizationId: org, entityId },
      orderBy: { createdAt: 'asc' },
    });
  /** The job's "on my way" firings, not its planned reminder. */
  const onMyWay = async (entityId: string) =>
    (await firings(entityId)).filter((f) => f.dedupeKey.includes(':en-route:'));
  const messagesTo = (toAddress: string) =>
    db.message.findMany({
      where: { organizationId: org, toAddress },
      orderBy: { createdAt: 'asc' },
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url, 2);
    jobs = new Jobs(database.url, 'communications', db, createLogger('test', 'silent'));
    now = new Date('2026-11-20T12:00:00Z');
    await db.smsSettings.create({
      data: {
        organizationId: org,
        fromNumber: '+15550109999',
        timeZone: 'America/Chicago',
        senderName: 'Northwind Home Services',
        webhookToken: randomBytes(24).toString('base64url'),
      },
    });
    await deliver(event('TechnicianCreated', 'Technician', technicianId, { name: 'Marco Rossi' }));
    const templates = new TemplateService(db);
    const service = new TriggerService(db);
    const add = async (
      event:
        | 'ON_MY_WAY'
        | 'TECHNICIAN_ASSIGNED'
        | 'REMINDER_DAY_BEFORE'
        | 'RESERVATION_CONFIRMED'
        | 'PRE_ARRIVAL'
        | 'JOB_COMPLETED'
        | 'FEEDBACK_REQUEST',
      body: string,
      offsetMinutes = 0,
    ) => {
      const t = await templates.create(admin, { name: event, channel: 'SMS', body });
      await service.create(admin, { event, templateId: t.id, offsetMinutes });
    };
    await add(
      'ON_MY_WAY',
      'Hi {{guest.firstName}}, {{technician.firstName}} from {{organization.name}} is on the way for job #{{job.number}}, around {{job.eta}}. {{job.trackingLink}}',
    );
    await add(
      'TECHNICIAN_ASSIGNED',
      '{{technician.firstName}} will do {{job.title}}, {{job.window}}.',
    );
    await add('REMINDER_DAY_BEFORE', 'Reminder: {{job.title}} tomorrow, {{job.window}}.', -1440);
    await add(
      'RESERVATION_CONFIRMED',
      'Dear {{guest.fullName}}, your stay at {{property.name}} is confirmed.',
    );
    await add('PRE_ARRIVAL', 'See you in two days, {{guest.firstName}}!', -2880);
    await add('JOB_COMPLETED', 'Job #{{job.number}} is done.');
    await add('FEEDBACK_REQUEST', 'How did {{technician.firstName}} do?', 120);
  });

  beforeEach(() => {
    sent = [];
    now = new Date('2026-11-20T12:00:00Z');
  });

  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  const linkIssued = (
    wo: string,
    g: string,
    source: DomainEvent,
    over: Record<string, unknown> = {},
  ) =>
    event('TrackingLinkIssued', 'TrackingLink', randomUUID(), {
      ...job(wo, g, { status: 'EN_ROUTE' }),
      workOrderId: wo,
      sourceEventId: source.id,
      trackingUrl: `https://attendant.example/track/${'t'.repeat(43)}`,
      etaAt: '2026-11-20T12:25:00.000Z',
      ...over,
    });
  /** Past the wait for the tracking link. */
  const afterLinkWait = () => (now = new Date(now.getTime() + 30_000));

  it('should fire once with the tracking link when the same EN_ROUTE event is delivered twice', async () => {
    const g = await guest();
    const wo = randomUUID();
    const enRoute = event(
      'WorkOrderStatusChanged',
      'WorkOrder',
      wo,
      job(wo, g.id, { status: 'EN_ROUTE' }),
    );
    expect(await deliver(enRoute)).toBe(true);
    expect(await deliver(enRoute)).toBe(false);
    // Even past the processed-event ledger (a replayed queue), the firing key holds.
    await triggers!.handle(enRoute, db as never);
    expect(await onMyWay(wo)).toHaveLength(1);
    // Waiting for operations' link: nothing goes yet.
    expect(await firer().fireDue()).toBe(0);
    const issued = linkIssued(wo, g.id, enRoute);
    await deliver(issued);
    await deliver(issued);
    expect(await firer().fireDue()).toBe(1);
    afterLinkWait();
    expect(await firer().fireDue()).toBe(0);
    const messages = await messagesTo(g.phone);
    expect(messages.map((m) => [m.status, m.body])).toEqual([
      [
        'QUEUED',
        `Hi Ana, Marco from Northwind Home Services is on the way for job #501, around 06:25. https://attendant.example/track/${'t'.repeat(43)}`,
      ],
    ]);
    const [firing] = await onMyWay(wo);
    expect(firing).toMatchObject({
      status: 'SENT',
      messageId: messages[0]!.id,
      templateVersion: 1,
    });
    expect(sent.map((s) => s.messageId)).toEqual([messages[0]!.id]);
  });

  it('should text without the link after the wait when operations sends none', async () => {
    const g = await guest();
    const wo = randomUUID();
    const enRoute = event(
      'WorkOrderStatusChanged',
      'WorkOrder',
      wo,
      job(wo, g.id, { status: 'EN_ROUTE' }),
    );
    await deliver(enRoute);
    afterLinkWait();
    await firer().fireDue();
    // A link arriving after the text changes nothing.
    await deliver(linkIssued(wo, g.id, enRoute));
    await firer().fireDue();
    expect((await messagesTo(g.phone)).map((m) => m.body)).toEqual([
      'Hi Ana, Marco from Northwind Home Services is on the way for job #501, around 09:00. ',
    ]);
  });

  it('should text the technician assignment once when later updates keep the technician', async () => {
    const g = await guest();
    const wo = randomUUID();
    await deliver(
      event('WorkOrderCreated', 'WorkOrder', wo, job(wo, g.id, { technicianId: null })),
    );
    await deliver(event('WorkOrderUpdated', 'WorkOrder', wo, job(wo, g.id)));
    await deliver(
      event(
        'WorkOrderUpdated',
        'WorkOrder',
        wo,
        job(wo, g.id, { title: 'Boiler service (2 units)' }),
      ),
    );
    await firer().fireDue();
    const bodies = (await messagesTo(g.phone)).map((m) => m.body);
    expect(bodies).toEqual(['Marco will do Boiler service, Tue 24 Nov, 09:00-11:00.']);
  });

  it('should re-plan the reminder when the job moves and ignore an older event', async () => {
    const g = await guest();
    const wo = randomUUID();
    await deliver(event('WorkOrderCreated', 'WorkOrder', wo, job(wo, g.id, { version: 1 })));
    const reminder = async () =>
      (await firings(wo)).find((f) => f.dedupeKey === `WorkOrder:${wo}:reminder`)!;
    expect((await reminder()).scheduledFor.toISOString()).toBe('2026-11-23T15:00:00.000Z');

    const moved = {
      version: 2,
      windowStart: '2026-11-26T14:00:00.000Z',
      windowEnd: '2026-11-26T16:00:00.000Z',
      scheduledStart: '2026-11-26T14:00:00.000Z',
    };
    await deliver(event('WorkOrderUpdated', 'WorkOrder', wo, job(wo, g.id, moved)));
    expect(await reminder()).toMatchObject({ status: 'PLANNED' });
    expect((await reminder()).scheduledFor.toISOString()).toBe('2026-11-25T14:00:00.000Z');
    // A late copy of the first version (another event id) does not move it back.
    await deliver(event('WorkOrderUpdated', 'WorkOrder', wo, job(wo, g.id, { version: 1 })));
    expect((await reminder()).scheduledFor.toISOString()).toBe('2026-11-25T14:00:00.000Z');

    now = new Date('2026-11-23T15:30:00Z');
    await firer().fireDue();
    const reminders = async () =>
      (await messagesTo(g.phone)).filter((m) => m.body.startsWith('Reminder'));
    expect(await reminders()).toEqual([]);
    now = new Date('2026-11-25T14:00:00Z');
    await firer().fireDue();
    expect((await reminders()).map((m) => m.body)).toEqual([
      'Reminder: Boiler service tomorrow, Thu 26 Nov, 08:00-10:00.',
    ]);
    expect(await reminder()).toMatchObject({ status: 'SENT' });
  });

  it('should cancel the reminder when the job is cancelled', async () => {
    const g = await guest();
    const wo = randomUUID();
    await deliver(
      event('WorkOrderCreated', 'WorkOrder', wo, job(wo, g.id, { technicianId: null })),
    );
    await deliver(
      event(
        'WorkOrderStatusChanged',
        'WorkOrder',
        wo,
        job(wo, g.id, { technicianId: null, status: 'CANCELLED' }),
      ),
    );
    expect((await firings(wo)).map((f) => [f.status, f.reason])).toEqual([
      ['CANCELLED', 'the job is cancelled'],
    ]);
    now = new Date('2026-11-24T00:00:00Z');
    await firer().fireDue();
    expect(await messagesTo(g.phone)).toEqual([]);
  });

  it('should record the firing REFUSED with the reason when the guest opted out', async () => {
    const g = await guest('OPTED_OUT');
    const wo = randomUUID();
    await deliver(
      event('WorkOrderStatusChanged', 'WorkOrder', wo, job(wo, g.id, { status: 'EN_ROUTE' })),
    );
    afterLinkWait();
    await firer().fireDue();
    const [message] = await messagesTo(g.phone);
    expect(message).toMatchObject({ status: 'REFUSED' });
    expect(message!.refusedReason).toMatch(/opted out/);
    expect((await onMyWay(wo))[0]).toMatchObject({
      status: 'REFUSED',
      messageId: message!.id,
      reason: message!.refusedReason,
    });
    expect(sent).toEqual([]);
  });

  it('should skip with a reason when no number is known for the guest', async () => {
    const g = await guest(null);
    const wo = randomUUID();
    await deliver(
      event('WorkOrderStatusChanged', 'WorkOrder', wo, job(wo, g.id, { status: 'EN_ROUTE' })),
    );
    afterLinkWait();
    await firer().fireDue();
    expect((await onMyWay(wo))[0]).toMatchObject({
      status: 'SKIPPED',
      reason: 'no SMS number is known for the guest',
    });
  });

  it('should text completion at once and ask for feedback two hours after completion', async () => {
    const g = await guest();
    const wo = randomUUID();
    const completed = event(
      'WorkOrderCompleted',
      'WorkOrder',
      wo,
      job(wo, g.id, { status: 'COMPLETED', completedAt: '2026-11-20T11:50:00.000Z' }),
    );
    await deliver(completed);
    await deliver(completed);
    await firer().fireDue();
    const bodies = async () => (await messagesTo(g.phone)).map((m) => m.body);
    expect(await bodies()).toEqual(['Job #501 is done.']);
    now = new Date('2026-11-20T13:49:00Z');
    await firer().fireDue();
    expect(await bodies()).toHaveLength(1);
    now = new Date('2026-11-20T13:50:00Z');
    await firer().fireDue();
    expect(await bodies()).toEqual(['Job #501 is done.', 'How did Marco do?']);
  });

  it('should confirm a reservation once and plan, then cancel, the pre-arrival text', async () => {
    const g = await guest();
    const reservation = randomUUID();
    const stay = (status: string) =>
      event('ReservationUpdated', 'Reservation', reservation, {
        status,
        guestId: g.id,
        guestName: 'Ana Novak',
        vip: false,
        arrivalAt: '2026-11-25T14:00:00.000Z',
        departureAt: '2026-11-27T10:00:00.000Z',
      });
    await deliver(stay('CONFIRMED'));
    await deliver(stay('CONFIRMED'));
    await firer().fireDue();
    expect((await messagesTo(g.phone)).map((m) => m.body)).toEqual([
      'Dear Ana Novak, your stay at Northwind Home Services is confirmed.',
    ]);
    const preArrival = async () =>
      (await firings(reservation)).find((f) => f.dedupeKey.endsWith(':pre-arrival'))!;
    expect(await preArrival()).toMatchObject({
      status: 'PLANNED',
      scheduledFor: new Date('2026-11-23T14:00:00.000Z'),
    });
    await deliver(stay('CANCELLED'));
    expect(await preArrival()).toMatchObject({
      status: 'CANCELLED',
      reason: 'the reservation is cancelled',
    });
    now = new Date('2026-11-24T00:00:00Z');
    await firer().fireDue();
    expect(await messagesTo(g.phone)).toHaveLength(1);
  });

  it('should refuse a template with unknown fields and a trigger offset on the wrong side', async () => {
    const templates = new TemplateService(db);
    await expect(
      templates.create(admin, { name: 'Bad', channel: 'SMS', body: 'Hi {{customer.firstName}}' }),
    ).rejects.toThrow(/^Unknown merge fields: \{\{customer.firstName\}\}\. Use one of:/);
    const t = await templates.create(admin, { name: 'Done', channel: 'SMS', body: 'Done' });
    await expect(
      new TriggerService(db).create(admin, {
        event: 'JOB_COMPLETED',
        templateId: t.id,
        offsetMinutes: -60,
      }),
    ).rejects.toThrow(/offset cannot be negative/);
    await expect(
      templates.create(staffActor(org, ['DISPATCHER']), { name: 'X', channel: 'SMS', body: 'x' }),
    ).rejects.toThrow(/roles ADMIN, MANAGER/);
  });
});
