import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Request, type Response } from 'express';
import { simpleParser, type HeaderValue } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { SinkFaults, type FaultInput } from './faults';
import { MailSaver, readMailFile, writeMailFile } from './persistence';
import { MailStore, type MailQuery, type SinkMail } from './store';

export { ORGANIZATION_HEADER } from './store';
export type { MailPage, SinkMail, SinkMailSummary } from './store';
export type { FaultInput, RejectFault } from './faults';

export interface MailSinkOptions {
  /** SMTP port on 127.0.0.1; 0 = any free port. */
  smtpPort?: number;
  /** HTTP API port on 127.0.0.1; 0 = any free port. */
  httpPort?: number;
  /** Keeps the mails in this JSON file: loaded at start when it exists, saved after changes. */
  stateFile?: string;
  /** Largest message accepted, in bytes (default 10 MB). */
  maxSize?: number;
}

export interface MailSink {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  smtpUrl: string;
  /** http://127.0.0.1:<port>, the API (GET /_sink/mails …), for MAIL_SINK_URL. */
  url: string;
  store: MailStore;
  faults: SinkFaults;
  /** Resolves with the first mail (already received or arriving) that `match` accepts. */
  waitFor(match: (m: SinkMail) => boolean, timeoutMs?: number): Promise<SinkMail>;
  stop(): Promise<void>;
}

/**
 * A header as one line of text: mailparser's decoded value when it is text, a date or addresses;
 * otherwise (List-* headers, parameters) the raw line as sent, unfolded.
 */
function headerText(value: HeaderValue | undefined, raw: string): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  const v = value as { text?: unknown } | undefined;
  if (v && typeof v.text === 'string') return v.text;
  return raw
    .slice(raw.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}

const smtpError = (code: number, message: string): Error =>
  Object.assign(new Error(message), { responseCode: code });

function listen(server: Server | SMTPServer, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = (server as Server).address?.() ?? (server as SMTPServer).server.address();
      resolve((address as AddressInfo).port);
    });
  });
}

/**
 * Starts a real SMTP server that keeps every mail (nothing is relayed anywhere), with a small HTTP
 * API on 127.0.0.1: GET /_sink/mails?search=&organization=&first=&after= (newest first),
 * GET /_sink/mails/:id (with html, text and headers), DELETE /_sink/mails, GET|POST /_sink/faults
 * {rejectNext, code, message} to reject the next recipients. Any credentials are accepted.
 */
export async function startMailSink(opts: MailSinkOptions = {}): Promise<MailSink> {
  const store = new MailStore(opts.stateFile ? readMailFile(opts.stateFile) : []);
  const saver = opts.stateFile ? new MailSaver(store, opts.stateFile) : null;
  const faults = new SinkFaults();

  const smtp = new SMTPServer({
    name: 'mail-sink.attendant.local',
    banner: 'Attendant mail sink (nothing leaves this machine)',
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    size: opts.maxSize ?? 10 * 1024 * 1024,
    logger: false,
    onAuth: (auth, _session, cb) => cb(null, { user: auth.username ?? 'sink' }),
    onRcptTo: (_address, _session, cb) => {
      const reject = faults.take();
      cb(reject ? smtpError(reject.code, reject.message) : undefined);
    },
    onData: (stream, session, cb) => {
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
      });
      simpleParser(stream)
        .then((parsed) => {
          if ((stream as { sizeExceeded?: boolean }).sizeExceeded) {
            cb(smtpError(552, 'Message exceeds the size limit'));
            return;
          }
          const headers: Record<string, string> = {};
          for (const { key, line } of parsed.headerLines) {
            const text = headerText(parsed.headers.get(key), line);
            headers[key] = headers[key] ? `${headers[key]}, ${text}` : text;
          }
          store.add({
            id: randomUUID(),
            receivedAt: new Date().toISOString(),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            headers,
            subject: parsed.subject ?? '',
            text: parsed.text ?? null,
            html: typeof parsed.html === 'string' ? parsed.html : null,
            size,
          });
          cb();
        })
        .catch((err: unknown) => cb(err instanceof Error ? err : new Error(String(err))));
    },
  });
  const smtpPort = await listen(smtp, opts.smtpPort ?? 0);

  const app = express();
  app.use(express.json({ limit: '16kb' }));
  app.get('/_sink/health', (_req, res) => {
    res.json({ status: 'ok', service: 'mail-sink', mails: store.all().length });
  });
  app.get('/_sink/mails', (req: Request, res: Response) => {
    const q = req.query;
    const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
    const query: MailQuery = {
      search: str(q['search']),
      organization: str(q['organization']),
      after: str(q['after']),
      first: str(q['first']) ? Number(q['first']) : undefined,
    };
    if (query.first !== undefined && !Number.isInteger(query.first)) {
      res.status(400).json({ message: 'first must be a whole number' });
      return;
    }
    res.json(store.list(query));
  });
  app.get('/_sink/mails/:id', (req, res) => {
    const mail = store.get(String(req.params['id']));
    if (!mail) res.status(404).json({ message: 'No such mail' });
    else res.json(mail);
  });
  app.delete('/_sink/mails', (_req, res) => {
    res.json({ cleared: store.clear() });
  });
  app.get('/_sink/faults', (_req, res) => {
    res.json({ reject: faults.current() });
  });
  app.post('/_sink/faults', (req, res) => {
    try {
      res.json({ reject: faults.set((req.body ?? {}) as FaultInput) });
    } catch (error) {
      res.status(400).json({ message: (error as Error).message });
    }
  });
  const http = createServer(app);
  const httpPort = await listen(http, opts.httpPort ?? 0);

  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    url: `http://127.0.0.1:${httpPort}`,
    store,
    faults,
    waitFor(match, timeoutMs = 15_000) {
      return new Promise<SinkMail>((resolve, reject) => {
        const check = (): boolean => {
          const found = store.all().find(match);
          if (!found) return false;
          clearTimeout(timer);
          store.off('change', onChange);
          resolve(found);
          return true;
        };
        const onChange = (): void => void check();
        const timer = setTimeout(() => {
          store.off('change', onChange);
          reject(new Error('no matching mail reached the sink in time'));
        }, timeoutMs);
        store.on('change', onChange);
        check();
      });
    },
    async stop() {
      await new Promise<void>((r) => smtp.close(() => r()));
      await new Promise<void>((r) => http.close(() => r()));
      saver?.flush(true);
      if (opts.stateFile) writeMailFile(opts.stateFile, store);
    },
  };
}
