import type { Fetcher, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import http from 'node:http';
import https from 'node:https';

/*
 * The gateway's HTTP client to subgraphs: node:http with keep-alive agents. Measured against
 * global fetch (undici + web streams) it spends far less CPU per subgraph call, which matters
 * when the gateway shares cores with the subgraphs. Responses are small JSON documents, so they
 * are buffered whole; a buffered response can be shared by deduplicated callers.
 */
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 256, keepAliveMsecs: 10_000 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 256, keepAliveMsecs: 10_000 }),
};

export class BufferedResponse {
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };

  constructor(
    readonly status: number,
    readonly statusText: string,
    rawHeaders: http.IncomingHttpHeaders,
    private readonly body: string,
    readonly url: string,
  ) {
    this.ok = status >= 200 && status < 300;
    this.headers = {
      get: (name) => {
        const v = rawHeaders[name.toLowerCase()];
        return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
      },
    };
  }

  async text(): Promise<string> {
    return this.body;
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body);
  }
}

export function request(url: string, init: FetcherRequestInit = {}): Promise<BufferedResponse> {
  const target = new URL(url);
  const transport = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      target,
      {
        method: init.method ?? 'GET',
        headers: init.headers as Record<string, string>,
        agent: agents[target.protocol as keyof typeof agents],
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve(
            new BufferedResponse(
              res.statusCode ?? 0,
              res.statusMessage ?? '',
              res.headers,
              Buffer.concat(chunks).toString('utf8'),
              url,
            ),
          ),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`Subgraph request to ${target.host} timed out`)));
    req.on('error', reject);
    req.end(typeof init.body === 'string' ? init.body : undefined);
  });
}

export const httpFetcher: Fetcher = (url, init) =>
  request(url, init) as unknown as Promise<FetcherResponse>;
