import type { MessageRow } from '../message/message.repository';
import type { EmailConfig } from './email.config';
import { textToHtml, withUnsubscribeLink } from './email-render';
import { createSmtpClient, sendEmail, type SmtpClient, type SmtpResult } from './smtp-client';
import { unsubscribePath, unsubscribeToken } from './unsubscribe-token';

/** Headers that tie a mail to its organization and message (the sink's outbox filters on them). */
export const ORGANIZATION_HEADER = 'X-Attendant-Organization';
export const MESSAGE_HEADER = 'X-Attendant-Message';

/**
 * Turns a stored EMAIL message into a mail and hands it to the SMTP server. Marketing mail carries
 * List-Unsubscribe (with one-click, RFC 8058) and an unsubscribe link in both parts.
 */
export class EmailDelivery {
  private client: SmtpClient | null | undefined;

  constructor(
    private readonly config: () => EmailConfig,
    private readonly secret: () => string,
  ) {}

  configured(): boolean {
    return this.config().smtp !== null;
  }

  /** The address mail is sent from (the conversation's business side). */
  fromAddress(): string {
    return this.config().fromAddress;
  }

  unsubscribeUrl(messageId: string): string {
    return `${this.config().publicBaseUrl}${unsubscribePath(unsubscribeToken(this.secret(), messageId))}`;
  }

  compose(message: MessageRow, senderName: string | null) {
    const config = this.config();
    const headers: Record<string, string> = {
      [ORGANIZATION_HEADER]: message.organizationId,
      [MESSAGE_HEADER]: message.id,
    };
    let parts = { text: message.body, html: message.html ?? textToHtml(message.body) };
    if (message.purpose === 'MARKETING') {
      const url = this.unsubscribeUrl(message.id);
      headers['List-Unsubscribe'] = `<${url}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
      parts = withUnsubscribeLink(parts, url);
    }
    const name = senderName ?? /^\s*"?([^"<]*?)"?\s*</.exec(config.from)?.[1] ?? '';
    return {
      from: { name, address: config.fromAddress },
      to: message.toAddress,
      subject: message.subject ?? '',
      ...parts,
      headers,
    };
  }

  async send(message: MessageRow, senderName: string | null): Promise<SmtpResult> {
    const smtp = this.config().smtp;
    this.client ??= smtp ? createSmtpClient(smtp) : null;
    if (!this.client) throw new Error('email is not configured');
    return sendEmail(this.client, this.compose(message, senderName));
  }

  close(): void {
    this.client?.close();
  }
}
