import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A webhook the receiver got: the URL it was called at and the form parameters. */
export interface ReceivedWebhook {
  url: string;
  headers: IncomingHttpHeaders;
  params: Record<string, string>;
}

export interface WebhookReceiver {
  /** Base URL, e.g. `http://127.0.0.1:5123`; any path under it is accepted. */
  url: string;
  received: ReceivedWebhook[];
  /** Resolves with the received webhooks once `count` match (rejects after `timeoutMs`). */
  waitFor(
    match: (hook: ReceivedWebhook) => boolean,
    count?: number,
    timeoutMs?: number,
  ): Promise<ReceivedWebhook[]>;
  /** What to answer (TwiML for inbound messages); an empty `<Response/>` by default. */
  respondWith(answer: { status?: number; body?: string }): void;
  stop(): Promise<void>;
}

/** A local HTTP server standing in for the platform's webhook endpoints in tests. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let answer: { status?: number; body?: string } = {};
  let base = '';
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({
        url: `${base}${req.url ?? '/'}`,
        headers: req.headers,
        params: Object.fromEntries(new URLSearchParams(data)),
      });
      res.writeHead(answer.status ?? 200, { 'Content-Type': 'text/xml' });
      res.end(answer.body ?? '<?xml version="1.0" encoding="UTF-8"?><Response/>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    received,
    waitFor: async (match, count = 1, timeoutMs = 5000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hits = received.filter(match);
        if (hits.length >= count) return hits;
        if (Date.now() > deadline)
          throw new Error(`Expected ${count} matching webhooks, got ${hits.length}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    respondWith: (next) => {
      answer = next;
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
