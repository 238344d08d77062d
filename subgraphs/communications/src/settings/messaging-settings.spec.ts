import { createDb, type Db, type DomainError } from '@attendant/kit';
import { createTestDatabase, staffActor, type TestDatabase } from '@attendant/testing';
import { randomUUID } from 'node:crypto';
import { ConsentService } from '../consent/consent.service';
import { MessagingSettingsService } from './messaging-settings.service';

/*
 * The Messaging settings tab with real repositories on PostgreSQL: SMS/WhatsApp settings read
 * with defaults, validated and saved by managers only; consent recorded by hand, once per change.
 */

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: DomainError) => e.transportCode,
  );

describe('messaging settings and manual consent', () => {
  let database: TestDatabase;
  let db: Db;
  let settings: MessagingSettingsService;
  let consent: ConsentService;
  const org = randomUUID();
  const managerId = randomUUID();
  const manager = staffActor(org, ['MANAGER'], managerId);
  const dispatcher = staffActor(org, ['DISPATCHER']);
  const stranger = staffActor(randomUUID(), ['ADMIN']);

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url, 2);
    settings = new MessagingSettingsService(db);
    consent = new ConsentService(db);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it('should answer defaults before the first save and keep the webhook token after', async () => {
    expect(await settings.get(dispatcher)).toMatchObject({
      fromNumber: null,
      timeZone: 'UTC',
      quietHoursStart: null,
      updatedAt: null,
    });
    const saved = await settings.update(manager, {
      fromNumber: '+1 (555) 010-0000',
      whatsappFrom: 'whatsapp:+15550100001',
      quietHoursStart: 21 * 60,
      quietHoursEnd: 8 * 60,
      timeZone: 'America/Chicago',
      helpText: '  Call us at +1 555 0100  ',
    });
    expect(saved).toMatchObject({
      fromNumber: '+15550100000',
      whatsappFrom: '+15550100001',
      quietHoursStart: 1260,
      quietHoursEnd: 480,
      timeZone: 'America/Chicago',
      helpText: 'Call us at +1 555 0100',
    });
    const token = (await db.smsSettings.findFirst({ where: { organizationId: org } }))!
      .webhookToken;
    // Clearing one value keeps the others, and the webhook token stays.
    const again = await settings.update(manager, { whatsappFrom: null, senderName: 'Aurora' });
    expect(again).toMatchObject({
      whatsappFrom: null,
      fromNumber: '+15550100000',
      senderName: 'Aurora',
    });
    expect((await db.smsSettings.findFirst({ where: { organizationId: org } }))!.webhookToken).toBe(
      token,
    );
    // Another organization still sees its defaults.
    expect((await settings.get(stranger)).fromNumber).toBeNull();
  });

  it('should refuse bad values naming the field', async () => {
    const refused = (input: Parameters<MessagingSettingsService['update']>[1]) =>
      settings.update(manager, input).then(
        () => null,
        (e: DomainError) => [e.transportCode, e.details?.['field'], e.message],
      );
    expect(await refused({ fromNumber: '555-0100' })).toEqual([
      'BAD_USER_INPUT',
      'fromNumber',
      '555-0100 is not a phone number in international format, like +15551234567',
    ]);
    expect((await refused({ timeZone: 'Mars/Olympus' }))?.[1]).toBe('timeZone');
    expect((await refused({ messagingServiceSid: 'MG123' }))?.[1]).toBe('messagingServiceSid');
    expect((await refused({ helpText: '   ' }))?.[1]).toBe('helpText');
    expect((await refused({ quietHoursStart: 1440 }))?.[1]).toBe('quietHoursStart');
    expect(await refused({ quietHoursEnd: null })).toEqual([
      'BAD_USER_INPUT',
      'quietHoursEnd',
      'Give quiet hours both a start and an end, or clear both',
    ]);
    expect((await refused({ quietHoursStart: 480 }))?.[2]).toBe(
      'Quiet hours cannot start and end at the same time',
    );
    expect(await refused({ quietHoursStart: null, quietHoursEnd: null })).toBeNull();
    expect(await code(settings.update(dispatcher, { senderName: 'x' }))).toBe('FORBIDDEN');
    expect(await code(settings.get(staffActor(org, ['TECHNICIAN'])))).toBe('FORBIDDEN');
  });

  it('should record a manual opt-in once, with its source and who recorded it', async () => {
    const input = {
      channel: 'SMS' as const,
      address: '+1 555 777 0123',
      source: 'verbal consent at front desk',
      purpose: 'MARKETING' as const,
    };
    const first = await consent.record(manager, input);
    expect(first).toMatchObject({
      address: '+15557770123',
      status: 'OPTED_IN',
      purpose: 'MARKETING',
      source: 'verbal consent at front desk',
      recordedById: managerId,
    });
    // A retried request answers the same record.
    expect((await consent.record(manager, input)).id).toBe(first.id);
    const out = await consent.record(manager, {
      ...input,
      status: 'OPTED_OUT',
      source: 'phone call',
    });
    expect(out.id).not.toBe(first.id);
    expect((await consent.history(dispatcher, '+15557770123', 'SMS')).map((r) => r.status)).toEqual(
      ['OPTED_OUT', 'OPTED_IN'],
    );
    expect(await consent.history(stranger, '+15557770123', 'SMS')).toEqual([]);

    await expect(consent.record(manager, { ...input, address: '0123' })).rejects.toMatchObject({
      transportCode: 'BAD_USER_INPUT',
      details: { field: 'address' },
    });
    const email = await consent.record(manager, {
      channel: 'EMAIL',
      address: ' Ana@Example.com ',
      source: 'signed form',
    });
    expect(email).toMatchObject({ address: 'ana@example.com', purpose: null });
    expect(await code(consent.record(dispatcher, input))).toBe('FORBIDDEN');
  });
});
