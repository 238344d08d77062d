import { createDb, type Db, type DomainError } from '@attendant/kit';
import { createTestDatabase, staffActor, type TestDatabase } from '@attendant/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { TriggerService } from '../trigger/trigger.service';
import { TemplateService } from './template.service';

/*
 * What the settings pages ask of templates and triggers, with real repositories on PostgreSQL:
 * paged search, the server preview (positions, SMS segments, email parts), the checks a trigger
 * gets, its paged sends, and that only ADMIN/MANAGER write and nobody sees another tenant's rows.
 */

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: DomainError) => e.transportCode,
  );

describe('templates and triggers for the settings pages', () => {
  let database: TestDatabase;
  let db: Db;
  let templates: TemplateService;
  let triggers: TriggerService;
  const org = randomUUID();
  const manager = staffActor(org, ['MANAGER']);
  const dispatcher = staffActor(org, ['DISPATCHER']);
  const stranger = staffActor(randomUUID(), ['ADMIN']);

  const template = (name: string, over: Record<string, unknown> = {}) =>
    templates.create(manager, {
      name,
      channel: 'SMS',
      body: `Hi {{guest.firstName}} (${name})`,
      ...over,
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url, 2);
    templates = new TemplateService(db);
    triggers = new TriggerService(db);
    await db.smsSettings.create({
      data: {
        organizationId: org,
        timeZone: 'Europe/Prague',
        senderName: 'Hotel Aurora',
        webhookToken: randomBytes(24).toString('base64url'),
      },
    });
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it('should page templates by name and filter by search, channel and language', async () => {
    for (const n of ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'])
      await template(`Page ${n}`, { language: n === 'Delta' ? 'de' : 'en' });
    await template('Page Mail', { channel: 'EMAIL', subject: 'Hello', body: 'Dear guest' });

    const first = await templates.page(manager, { first: 2, filter: { search: 'page ' } });
    expect(first.nodes.map((t) => t.name)).toEqual(['Page Alpha', 'Page Bravo']);
    expect(first.hasNextPage).toBe(true);
    const second = await templates.page(manager, {
      first: 2,
      after: first.endCursor,
      filter: { search: 'page ' },
    });
    expect(second.nodes.map((t) => t.name)).toEqual(['Page Charlie', 'Page Delta']);
    const total = second.totalCount;
    expect(typeof total === 'function' ? await total() : total).toBe(6);

    const byChannel = await templates.page(manager, { filter: { channel: 'EMAIL' } });
    expect(byChannel.nodes.map((t) => t.name)).toEqual(['Page Mail']);
    const german = await templates.page(manager, { filter: { language: 'de' } });
    expect(german.nodes.map((t) => t.name)).toEqual(['Page Delta']);
    // The body is searched too.
    const byBody = await templates.page(manager, { filter: { search: 'dear GUEST' } });
    expect(byBody.nodes.map((t) => t.name)).toEqual(['Page Mail']);
    expect(await templates.languages(dispatcher)).toEqual(['de', 'en']);

    // Another organization sees none of them; a technician may not list them.
    expect((await templates.page(stranger, {})).nodes).toEqual([]);
    expect(await code(templates.page(staffActor(org, ['TECHNICIAN']), {}))).toBe('FORBIDDEN');
  });

  it('should preview a draft with positions of unknown fields and the SMS segments', async () => {
    const draft = await templates.preview(dispatcher, {
      body: 'Hi {{guest.firstName}}, job {{job.number}}\nfor {{customer.name}} ✓',
      sample: { guestFirstName: 'Ana', jobNumber: 42 },
    });
    expect(draft.text).toBe('Hi Ana, job 42\nfor  ✓');
    expect(draft.problems).toEqual([
      expect.objectContaining({ part: 'body', severity: 'ERROR', line: 2, column: 5 }),
    ]);
    expect(draft.problems[0]!.message).toMatch(/^Unknown merge field \{\{customer.name\}\}/);
    expect(draft.unknownFields).toEqual(['{{customer.name}}']);
    expect(draft.sms).toMatchObject({ encoding: 'UCS-2', segments: 1, ucs2Characters: ['✓'] });

    const long = await templates.preview(dispatcher, {
      body: `${'x'.repeat(150)} {{job.title}}`,
      sample: { jobTitle: 'Boiler service' },
    });
    expect(long.sms).toMatchObject({ encoding: 'GSM-7', segments: 2, units: 165 });
  });

  it('should render email subject and HTML with escaped values, and warn per event', async () => {
    const preview = await templates.preview(manager, {
      channel: 'EMAIL',
      body: 'Dear {{guest.fullName}}',
      subject: 'Your stay at {{property.name}}',
      html: '<p>Dear <b>{{guest.firstName}}</b>, ETA {{job.eta}} {{oops}}</p>',
      sample: { guestFirstName: '<Tom & Jerry>', guestLastName: 'Novak' },
      event: 'PRE_ARRIVAL',
    });
    expect(preview.subject).toBe('Your stay at Hotel Aurora');
    expect(preview.html).toBe('<p>Dear <b>&lt;Tom &amp; Jerry&gt;</b>, ETA  </p>');
    expect(preview.text).toBe('Dear <Tom & Jerry> Novak');
    expect(preview.sms).toBeNull();
    expect(preview.problems.map((p) => [p.part, p.severity, p.text])).toEqual([
      ['html', 'WARNING', '{{job.eta}}'],
      ['html', 'ERROR', '{{oops}}'],
    ]);
    // No HTML part: the preview shows the one sending makes from the text, values escaped.
    const plain = await templates.preview(manager, {
      channel: 'EMAIL',
      body: 'Dear {{guest.firstName}}\n\nSee you soon',
      subject: 'Hi',
      sample: { guestFirstName: '<Tom>' },
    });
    expect(plain.html).toContain('<p>Dear &lt;Tom&gt;</p>\n<p>See you soon</p>');
  });

  it('should refuse saving an unknown field naming the part it is in', async () => {
    await expect(
      templates.create(manager, {
        name: 'Bad subject',
        channel: 'EMAIL',
        body: 'Fine',
        subject: 'Hi {{guest.name}}',
      }),
    ).rejects.toMatchObject({ transportCode: 'BAD_USER_INPUT', details: { field: 'subject' } });
    expect(await code(templates.create(dispatcher, { name: 'X', channel: 'SMS', body: 'x' }))).toBe(
      'FORBIDDEN',
    );
  });

  it('should check a trigger against its template and refuse deleting a used template', async () => {
    const sms = await template('Trigger SMS');
    const mail = await templates.create(manager, {
      name: 'Trigger mail',
      channel: 'EMAIL',
      subject: 'Hello',
      body: 'Hi',
    });
    await expect(
      triggers.create(manager, { event: 'ARRIVED', channel: 'SMS', templateId: mail.id }),
    ).rejects.toMatchObject({
      transportCode: 'BAD_USER_INPUT',
      message: expect.stringMatching(/is for email, but this trigger sends SMS/),
      details: { field: 'templateId' },
    });
    await expect(
      triggers.create(manager, {
        event: 'PRE_ARRIVAL',
        templateId: sms.id,
        offsetMinutes: -1440,
        conditions: { priorities: ['HIGH'] },
      }),
    ).rejects.toMatchObject({ details: { field: 'conditions' } });
    const inactive = await template('Trigger inactive');
    await templates.update(manager, inactive.id, { active: false });
    await expect(
      triggers.create(manager, { event: 'ARRIVED', templateId: inactive.id }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/is deactivated/) });
    expect(await code(triggers.create(dispatcher, { event: 'ARRIVED', templateId: sms.id }))).toBe(
      'FORBIDDEN',
    );

    const trigger = await triggers.create(manager, {
      event: 'ARRIVED',
      channel: 'SMS',
      templateId: sms.id,
      conditions: { kinds: ['FIELD_JOB'], vipOnly: true },
    });
    expect(trigger).toMatchObject({
      channel: 'SMS',
      conditions: { kinds: ['FIELD_JOB'], vipOnly: true },
    });
    await expect(triggers.update(manager, trigger.id, { channel: 'EMAIL' })).rejects.toMatchObject({
      details: { field: 'templateId' },
    });
    expect((await triggers.update(manager, trigger.id, { enabled: false })).enabled).toBe(false);
    // Switching to a deactivated template is refused as creating with one is.
    await expect(
      triggers.update(manager, trigger.id, { templateId: inactive.id }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/is deactivated/) });

    expect(await templates.triggerCounts(manager, [sms.id, mail.id])).toEqual([
      { id: sms.id, count: 1 },
      { id: mail.id, count: 0 },
    ]);
    await expect(templates.delete(manager, sms.id)).rejects.toMatchObject({
      transportCode: 'CONFLICT',
      message: expect.stringMatching(/^1 trigger\(s\) use this template/),
    });
    // Another tenant cannot touch it.
    expect(await code(triggers.update(stranger, trigger.id, { enabled: true }))).toBe('NOT_FOUND');
    expect(await code(templates.delete(stranger, mail.id))).toBe('NOT_FOUND');
    expect(await templates.delete(manager, mail.id)).toBe(true);
  });

  it("should page a trigger's sends newest first, only within the organization", async () => {
    const t = await template('Firings');
    const trigger = await triggers.create(manager, { event: 'JOB_COMPLETED', templateId: t.id });
    for (let i = 0; i < 3; i++)
      await db.triggerFiring.create({
        data: {
          organizationId: org,
          triggerId: trigger.id,
          dedupeKey: `k${i}`,
          entityType: 'WorkOrder',
          entityId: randomUUID(),
          eventId: randomUUID(),
          context: {},
          scheduledFor: new Date(),
          status: i === 2 ? 'SKIPPED' : 'SENT',
          reason: i === 2 ? 'no phone number' : null,
          createdAt: new Date(Date.UTC(2026, 10, 20, 10, i)),
        },
      });
    const page = await triggers.firingPage(dispatcher, trigger.id, { first: 2 });
    expect(page.nodes.map((f) => [f.dedupeKey, f.status, f.reason])).toEqual([
      ['k2', 'SKIPPED', 'no phone number'],
      ['k1', 'SENT', null],
    ]);
    const rest = await triggers.firingPage(dispatcher, trigger.id, {
      first: 2,
      after: page.endCursor,
    });
    expect(rest.nodes.map((f) => f.dedupeKey)).toEqual(['k0']);
    expect(rest.hasNextPage).toBe(false);
    expect((await triggers.firingPage(stranger, trigger.id, {})).nodes).toEqual([]);
  });
});
