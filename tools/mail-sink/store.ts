import { EventEmitter } from 'node:events';

/** One mail as the sink received it. */
export interface SinkMail {
  id: string;
  receivedAt: string;
  /** SMTP envelope. */
  from: string;
  to: string[];
  /** Parsed headers of the message (lower-case names; repeated headers joined with ", "). */
  headers: Record<string, string>;
  subject: string;
  text: string | null;
  html: string | null;
  size: number;
}

export type SinkMailSummary = Omit<SinkMail, 'text' | 'html' | 'headers'> & {
  hasHtml: boolean;
  hasText: boolean;
  organization: string | null;
};

export interface MailQuery {
  /** Words matched (case-insensitive) against recipients and subject. */
  search?: string;
  /** Only mails carrying this X-Attendant-Organization header. */
  organization?: string;
  first?: number;
  /** Id of the last mail of the previous page (newest first). */
  after?: string;
}

export interface MailPage {
  mails: SinkMailSummary[];
  total: number;
  hasMore: boolean;
}

export const ORGANIZATION_HEADER = 'x-attendant-organization';
const MAX_PAGE = 100;

export const summarize = (m: SinkMail): SinkMailSummary => ({
  id: m.id,
  receivedAt: m.receivedAt,
  from: m.from,
  to: m.to,
  subject: m.subject,
  size: m.size,
  hasHtml: m.html !== null,
  hasText: m.text !== null,
  organization: m.headers[ORGANIZATION_HEADER] ?? null,
});

/** The received mails, newest last in memory; emits `change` after every change. */
export class MailStore extends EventEmitter {
  private mails: SinkMail[] = [];

  constructor(
    initial: SinkMail[] = [],
    private readonly limit = 5000,
  ) {
    super();
    this.mails = initial.slice(-limit);
  }

  add(mail: SinkMail): void {
    this.mails.push(mail);
    // Oldest go first: a dev sink is not an archive.
    if (this.mails.length > this.limit) this.mails.splice(0, this.mails.length - this.limit);
    this.emit('change');
  }

  get(id: string): SinkMail | null {
    return this.mails.find((m) => m.id === id) ?? null;
  }

  all(): SinkMail[] {
    return [...this.mails];
  }

  clear(): number {
    const n = this.mails.length;
    this.mails = [];
    this.emit('change');
    return n;
  }

  list(q: MailQuery = {}): MailPage {
    const words = (q.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const matching = [...this.mails].reverse().filter((m) => {
      if (q.organization && m.headers[ORGANIZATION_HEADER] !== q.organization) return false;
      const hay = `${m.to.join(' ')} ${m.headers['to'] ?? ''} ${m.subject}`.toLowerCase();
      return words.every((w) => hay.includes(w));
    });
    let start = 0;
    if (q.after) {
      const i = matching.findIndex((m) => m.id === q.after);
      start = i < 0 ? matching.length : i + 1;
    }
    const first = Math.min(Math.max(q.first ?? 20, 1), MAX_PAGE);
    const page = matching.slice(start, start + first);
    return {
      mails: page.map(summarize),
      total: matching.length,
      hasMore: start + first < matching.length,
    };
  }
}
