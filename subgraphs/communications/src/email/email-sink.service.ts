import { requireRoles, type Actor, type Page } from '@attendant/kit';
import type { EmailConfig } from './email.config';
import { EmailError, EmailErrorCode } from './email.errors';
import type { SinkMail, SinkMailHeader, SinkMailSummary } from './email-sink.type';

/** Who may read the sink's outbox: it holds every organization's mail on a dev machine. */
export const SINK_READERS = ['ADMIN', 'MANAGER'] as const;

interface ApiSummary {
  id: string;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  hasHtml: boolean;
  hasText: boolean;
  size: number;
  organization: string | null;
}
interface ApiMail extends Omit<ApiSummary, 'hasHtml' | 'hasText' | 'organization'> {
  headers: Record<string, string>;
  text: string | null;
  html: string | null;
}

const ORGANIZATION_HEADER = 'x-attendant-organization';

const summary = (m: ApiSummary | ApiMail): SinkMailSummary => ({
  id: m.id,
  receivedAt: new Date(m.receivedAt),
  from: m.from,
  to: m.to,
  subject: m.subject,
  hasHtml: 'hasHtml' in m ? m.hasHtml : m.html !== null,
  hasText: 'hasText' in m ? m.hasText : m.text !== null,
  size: m.size,
});

/**
 * The local mail sink's outbox, read through its HTTP API on the server (the browser never talks
 * to the sink). Only when MAIL_SINK_URL is set (npm start, tests); with a real SMTP server the
 * sink reports "not configured". Each organization sees only the mails it sent (the sink keeps
 * the X-Attendant-Organization header of every mail).
 */
export class EmailSinkService {
  constructor(
    private readonly config: () => EmailConfig,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  status(actor: Actor): { configured: boolean; description: string } {
    requireRoles(actor, SINK_READERS);
    const c = this.config();
    if (c.sinkUrl) return { configured: true, description: 'Email goes to the local mail sink' };
    return {
      configured: false,
      description: c.smtp
        ? 'Email goes to a real SMTP server; there is no local outbox'
        : 'Email is not configured on this server',
    };
  }

  async list(
    actor: Actor,
    args: { first?: number; after?: string; search?: string },
  ): Promise<Page<SinkMailSummary>> {
    const t = requireRoles(actor, SINK_READERS);
    const params = new URLSearchParams({
      organization: t.organizationId,
      first: String(args.first ?? 20),
    });
    if (args.after) params.set('after', args.after);
    if (args.search?.trim()) params.set('search', args.search.trim());
    const page = await this.call<{ mails: ApiSummary[]; total: number; hasMore: boolean }>(
      `/_sink/mails?${params.toString()}`,
    );
    const nodes = page.mails.map(summary);
    return {
      nodes,
      hasNextPage: page.hasMore,
      endCursor: nodes.at(-1)?.id ?? null,
      totalCount: page.total,
    };
  }

  async mail(actor: Actor, id: string): Promise<SinkMail> {
    const t = requireRoles(actor, SINK_READERS);
    const notFound = () =>
      new EmailError(EmailErrorCode.SinkMailNotFound, `No mail ${id} in the mail sink`);
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
    const mail = await this.call<ApiMail | null>(`/_sink/mails/${id}`, true);
    // Another organization's mail is answered as missing, like any other tenant's row.
    if (!mail || mail.headers[ORGANIZATION_HEADER] !== t.organizationId) throw notFound();
    const headers: SinkMailHeader[] = Object.entries(mail.headers).map(([name, value]) => ({
      name,
      value,
    }));
    return { ...summary(mail), text: mail.text, html: mail.html, headers };
  }

  private async call<T>(path: string, allowMissing = false): Promise<T> {
    const base = this.config().sinkUrl;
    if (!base)
      throw new EmailError(
        EmailErrorCode.SinkUnavailable,
        'There is no mail sink on this server (email goes to a real SMTP server or is off)',
      );
    let res: Response;
    try {
      res = await this.fetchImpl(`${base}${path}`, { signal: AbortSignal.timeout(5000) });
    } catch (error) {
      throw new EmailError(
        EmailErrorCode.SinkUnavailable,
        `The mail sink at ${base} does not answer (${(error as Error).message})`,
      );
    }
    if (allowMissing && res.status === 404) return null as T;
    if (!res.ok)
      throw new EmailError(EmailErrorCode.SinkUnavailable, `The mail sink answered ${res.status}`);
    return (await res.json()) as T;
  }
}
