import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { EmailError, EmailErrorCode } from './email.errors';

/** How to reach the SMTP server: a URL (smtp://user:pass@host:port, smtps://…) or its parts. */
export type SmtpConfig =
  | { url: string }
  | {
      host: string;
      port: number;
      secure: boolean;
      user: string | null;
      pass: string | null;
    };

export interface OutgoingEmail {
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export interface SmtpResult {
  /** The Message-ID header of the mail. */
  messageId: string;
  /** The server's answer to the data, e.g. "250 OK: queued as …". */
  response: string;
}

export type SmtpClient = Transporter<SMTPTransport.SentMessageInfo>;

export function createSmtpClient(config: SmtpConfig): SmtpClient {
  const timeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
  if ('url' in config) return nodemailer.createTransport({ url: config.url, ...timeouts });
  return nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    ...(config.user ? { auth: { user: config.user, pass: config.pass ?? '' } } : {}),
    ...timeouts,
  });
}

interface SmtpFailure {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
  rejectedErrors?: SmtpFailure[];
}

const CONNECTION_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETLS',
]);

/**
 * What an SMTP failure means for the message: 5xx replies are final (FAILED with the server's
 * words), 4xx replies and connection trouble are worth retrying, bad credentials are a setup error.
 */
export function mapSmtpError(error: unknown): EmailError {
  if (error instanceof EmailError) return error;
  const e = (error ?? {}) as SmtpFailure;
  // A refused recipient: nodemailer puts the server's reply on the first rejected address.
  const reply = e.rejectedErrors?.[0] ?? e;
  const code = reply.responseCode ?? e.responseCode;
  const said = (reply.response ?? e.response ?? e.message ?? String(error)).trim();
  const details = { smtpCode: code ?? null, smtpError: e.code ?? null };
  if (code !== undefined && code >= 500)
    return new EmailError(
      EmailErrorCode.Rejected,
      `The mail server refused the message: ${said}`,
      details,
    );
  if (code !== undefined && code >= 400)
    return new EmailError(
      EmailErrorCode.TemporarilyRejected,
      `The mail server deferred the message: ${said}`,
      details,
    );
  if (e.code === 'EAUTH')
    return new EmailError(
      EmailErrorCode.AuthFailed,
      `The mail server refused our SMTP credentials: ${said}`,
      details,
    );
  if (e.code && CONNECTION_CODES.has(e.code))
    return new EmailError(
      EmailErrorCode.ServerUnavailable,
      `The mail server could not be reached: ${said}`,
      details,
    );
  return new EmailError(EmailErrorCode.Rejected, `The mail could not be sent: ${said}`, details);
}

/** Hands one mail to the SMTP server; answers once it accepted it, else throws an EmailError. */
export async function sendEmail(client: SmtpClient, mail: OutgoingEmail): Promise<SmtpResult> {
  let info: SMTPTransport.SentMessageInfo;
  try {
    info = await client.sendMail(mail);
  } catch (error) {
    throw mapSmtpError(error);
  }
  // With one recipient, a partial acceptance cannot happen; be explicit anyway.
  if (info.rejected.length > 0)
    throw mapSmtpError({
      code: 'EENVELOPE',
      message: `the recipient ${info.rejected.join(', ')} was refused`,
      rejectedErrors: info.rejectedErrors ?? [],
    });
  return { messageId: info.messageId, response: info.response };
}
