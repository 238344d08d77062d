import { startMailSink, type MailSink } from '@attendant/mail-sink';
import { EmailErrorCode } from './email.errors';
import { createSmtpClient, mapSmtpError, sendEmail, type SmtpClient } from './smtp-client';

const mail = (to: string) => ({
  from: { name: 'Hotel Test', address: 'hotel@example.com' },
  to,
  subject: 'Your booking',
  text: 'See you soon',
  html: '<p>See you <b>soon</b></p>',
  headers: { 'X-Attendant-Organization': 'org-1' },
});

describe('SMTP client', () => {
  describe('error mapping', () => {
    it.each([
      [
        {
          code: 'EENVELOPE',
          rejectedErrors: [{ responseCode: 550, response: '550 5.1.1 No such user' }],
        },
        EmailErrorCode.Rejected,
        false,
        /refused.*550 5\.1\.1 No such user/,
      ],
      [
        { code: 'EMESSAGE', responseCode: 554, response: '554 Spam detected' },
        EmailErrorCode.Rejected,
        false,
        /554 Spam/,
      ],
      [
        { code: 'EENVELOPE', responseCode: 451, response: '451 Try later' },
        EmailErrorCode.TemporarilyRejected,
        true,
        /deferred.*451/,
      ],
      [
        { code: 'EAUTH', responseCode: undefined, message: 'Invalid login' },
        EmailErrorCode.AuthFailed,
        false,
        /credentials/,
      ],
      [
        { code: 'ECONNECTION', message: 'connect ECONNREFUSED 127.0.0.1:1' },
        EmailErrorCode.ServerUnavailable,
        true,
        /could not be reached/,
      ],
      [
        { code: 'ETIMEDOUT', message: 'Greeting never received' },
        EmailErrorCode.ServerUnavailable,
        true,
        /could not be reached/,
      ],
    ])('should map %j to %s', (error, code, retryable, message) => {
      const mapped = mapSmtpError(error);
      expect(mapped.code).toBe(code);
      expect(mapped.retryable).toBe(retryable);
      expect(mapped.message).toMatch(message);
    });
  });

  describe('against the mail sink', () => {
    let sink: MailSink;
    let client: SmtpClient;

    beforeAll(async () => {
      sink = await startMailSink();
      client = createSmtpClient({ url: sink.smtpUrl });
    });
    afterAll(async () => {
      client.close();
      await sink.stop();
    });

    it('should deliver subject, both parts and custom headers when the server accepts', async () => {
      const result = await sendEmail(client, mail('ann@example.com'));
      expect(result.response).toMatch(/^250/);
      const got = await sink.waitFor((m) => m.to.includes('ann@example.com'));
      expect(got).toMatchObject({
        subject: 'Your booking',
        from: 'hotel@example.com',
        text: 'See you soon',
        html: '<p>See you <b>soon</b></p>',
      });
      expect(got.headers['x-attendant-organization']).toBe('org-1');
      expect(got.headers['message-id']).toBe(result.messageId);
    });

    it('should throw a permanent Rejected error with the reply when the recipient is refused', async () => {
      sink.faults.set({ rejectNext: 1, code: 550, message: 'No such mailbox' });
      const error = await sendEmail(client, mail('bob@example.com')).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: EmailErrorCode.Rejected, retryable: false });
      expect((error as Error).message).toMatch(/550.*No such mailbox/);
      expect(sink.store.all().some((m) => m.to.includes('bob@example.com'))).toBe(false);
    });

    it('should be retryable when the server is not there', async () => {
      const nowhere = createSmtpClient({
        host: '127.0.0.1',
        port: 1,
        secure: false,
        user: null,
        pass: null,
      });
      const error = await sendEmail(nowhere, mail('c@example.com')).catch((e: unknown) => e);
      nowhere.close();
      expect(error).toMatchObject({ code: EmailErrorCode.ServerUnavailable, retryable: true });
    });
  });
});
