import { startMailSink, type MailSink } from '@attendant/mail-sink';
import { staffActor } from '@attendant/testing';
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { loadEmailConfig } from './email.config';
import { EmailErrorCode } from './email.errors';
import { EmailSinkService } from './email-sink.service';

/* The outbox queries against a real mail sink: roles, the organization filter, pages, missing. */

describe('EmailSinkService', () => {
  let sink: MailSink;
  let service: EmailSinkService;
  const mine = randomUUID();
  const theirs = randomUUID();

  const deliver = async (organization: string, to: string, subject: string) => {
    const transport = nodemailer.createTransport({ url: sink.smtpUrl });
    await transport.sendMail({
      from: 'hotel@example.com',
      to,
      subject,
      text: subject,
      headers: { 'X-Attendant-Organization': organization },
    });
    transport.close();
  };

  beforeAll(async () => {
    sink = await startMailSink();
    service = new EmailSinkService(() =>
      loadEmailConfig({ SMTP_URL: sink.smtpUrl, MAIL_SINK_URL: sink.url }),
    );
    await deliver(mine, 'ann@example.com', 'First');
    await deliver(mine, 'bob@example.com', 'Second');
    await deliver(theirs, 'carl@example.com', 'Theirs');
  });
  afterAll(() => sink.stop());

  it("should list only the organization's mails, newest first, in pages", async () => {
    const manager = staffActor(mine, ['MANAGER']);
    const first = await service.list(manager, { first: 1 });
    expect(first).toMatchObject({ hasNextPage: true, totalCount: 2 });
    expect(first.nodes.map((n) => n.subject)).toEqual(['Second']);
    const next = await service.list(manager, { first: 1, after: first.endCursor! });
    expect(next.nodes.map((n) => n.subject)).toEqual(['First']);
    expect((await service.list(manager, { search: 'ANN' })).nodes).toHaveLength(1);
  });

  it("should answer another organization's mail as not found", async () => {
    const [theirMail] = (await service.list(staffActor(theirs, ['ADMIN']), {})).nodes;
    await expect(service.mail(staffActor(mine, ['ADMIN']), theirMail!.id)).rejects.toMatchObject({
      code: EmailErrorCode.SinkMailNotFound,
    });
    await expect(service.mail(staffActor(mine, ['ADMIN']), randomUUID())).rejects.toMatchObject({
      code: EmailErrorCode.SinkMailNotFound,
    });
    const mail = await service.mail(staffActor(theirs, ['ADMIN']), theirMail!.id);
    expect(mail).toMatchObject({ subject: 'Theirs', text: 'Theirs\n', to: ['carl@example.com'] });
  });

  it('should refuse roles other than manager and admin', async () => {
    for (const role of ['DISPATCHER', 'TECHNICIAN', 'ANALYST'] as const) {
      expect(() => service.status(staffActor(mine, [role]))).toThrow(/roles ADMIN, MANAGER/);
      await expect(service.list(staffActor(mine, [role]), {})).rejects.toThrow(/ADMIN, MANAGER/);
    }
  });

  it('should report no sink with a real SMTP server or no email at all', async () => {
    const admin = staffActor(mine, ['ADMIN']);
    const real = new EmailSinkService(() => loadEmailConfig({ SMTP_HOST: 'smtp.example.com' }));
    expect(real.status(admin)).toEqual({
      configured: false,
      description: 'Email goes to a real SMTP server; there is no local outbox',
    });
    await expect(real.list(admin, {})).rejects.toMatchObject({
      code: EmailErrorCode.SinkUnavailable,
    });
    const none = new EmailSinkService(() => loadEmailConfig({}));
    expect(none.status(admin).configured).toBe(false);
    expect(service.status(admin).configured).toBe(true);
  });
});
