/*
 * Load generator, technician side (its own process, forked by tracking-bench.ts): every
 * technician's phone takes a fix every interval, the fixes staggered evenly over the interval.
 * Like the app's offline queue, a phone has at most one `recordLocations` call in flight: fixes
 * taken meanwhile wait and go together in the next call (up to 500), so an overloaded server
 * sees bigger batches rather than an ever-growing pile of requests. `openLoop` sends every fix
 * at once as its own call instead. Keep-alive HTTP agent; one record per fix, written to a file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { fixAt } from './tracking-motion';
import { PING_FIELDS, type TechnicianFixture, type TechnicianMessage } from './tracking-protocol';

const RECORD = `mutation RecordLocations($pings: [LocationPingInput!]!) {
  recordLocations(pings: $pings) { accepted duplicates position { id etaAt } } }`;
/**
 * The gateway's lean `POST /api/locations` by default; TRACKING_BENCH_INGEST=graphql sends the
 * `recordLocations` mutation instead (same ingest behind both).
 */
const VIA_GRAPHQL = process.env['TRACKING_BENCH_INGEST'] === 'graphql';
const TIMEOUT_MS = 30_000;
const MAX_BATCH = 500;

interface Answer {
  data?: { recordLocations?: { accepted: number; duplicates: number } | null } | null;
  errors?: { extensions?: { code?: string } }[];
  // POST /api/locations
  accepted?: number;
  duplicates?: number;
  code?: string;
}

interface LocationPing {
  recordedAt: string;
  lat: number;
  lng: number;
  accuracyM: number;
  speedMps: number;
  headingDeg: number;
}

const send = (msg: TechnicianMessage) => process.send?.(msg);

async function main(): Promise<void> {
  const fx = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as TechnicianFixture;
  const url = new URL(fx.httpUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: fx.connections });
  const n = fx.technicians.length;
  const rounds = Math.ceil((fx.endAtMs - fx.startAtMs) / fx.intervalMs);
  const total = rounds * n;
  const records = new Float64Array(total * PING_FIELDS).fill(NaN);
  const codes = ['OK'];
  const codeIndex = new Map([['OK', 0]]);
  const code = (c: string) => {
    let i = codeIndex.get(c);
    if (i === undefined) {
      i = codes.length;
      codes.push(c);
      codeIndex.set(c, i);
    }
    return i;
  };
  const queues = fx.technicians.map(() => [] as { j: number; ping: LocationPing }[]);
  const inFlight = new Uint8Array(n);
  const lags: number[] = [];
  let scheduled = 0;
  let answered = 0;
  let finish!: () => void;
  const finished = new Promise<void>((r) => (finish = r));

  const post = (t: number, batch: { j: number; ping: LocationPing }[]) => {
    const pings = batch.map((b) => b.ping);
    const body = JSON.stringify(VIA_GRAPHQL ? { query: RECORD, variables: { pings } } : { pings });
    const sentMs = Date.now();
    for (const { j } of batch) records[j * PING_FIELDS + 1] = sentMs;
    // The batch's newest fix stands for the request in the per-request figures.
    records[batch.at(-1)!.j * PING_FIELDS + 4] = batch.length;
    let settled = false;
    const done = (c: string) => {
      if (settled) return;
      settled = true;
      const at = Date.now();
      const ci = code(c);
      for (const { j } of batch) {
        records[j * PING_FIELDS + 2] = at;
        records[j * PING_FIELDS + 3] = ci;
      }
      answered += batch.length;
      if (!fx.openLoop) {
        inFlight[t] = 0;
        flush(t);
      }
      if (answered === total) finish();
    };
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: VIA_GRAPHQL ? url.pathname : url.pathname.replace(/\/graphql$/, '/api/locations'),
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${fx.technicians[t]!.token}`,
        },
        timeout: TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (err: NodeJS.ErrnoException) => done(err.code ?? 'RESPONSE_ERROR'));
        res.on('end', () => {
          let answer: Answer | null = null;
          try {
            answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer;
          } catch {
            // not JSON: reported by status below
          }
          const gqlCode = answer?.errors?.[0]?.extensions?.code ?? answer?.code;
          const result = VIA_GRAPHQL ? answer?.data?.recordLocations : answer;
          if (res.statusCode !== 200) done(`HTTP_${res.statusCode}${gqlCode ? ` ${gqlCode}` : ''}`);
          else if (answer?.errors?.length) done(gqlCode ?? 'GRAPHQL_ERROR');
          else if (result?.accepted !== batch.length)
            done(result?.duplicates ? 'DUPLICATES' : 'NOT_ACCEPTED');
          else done('OK');
        });
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (err: NodeJS.ErrnoException) => done(err.code ?? 'NETWORK_ERROR'));
    req.end(body);
  };

  function flush(t: number): void {
    const q = queues[t]!;
    if (q.length === 0 || inFlight[t]) return;
    inFlight[t] = 1;
    post(t, q.splice(0, MAX_BATCH));
  }

  const take = (j: number, dueMs: number) => {
    const t = j % n;
    const tech = fx.technicians[t]!;
    const now = Date.now();
    lags.push(Math.round(now - dueMs));
    const fix = fixAt(tech, fx.epochMs, fx.speedMps, now);
    records[j * PING_FIELDS] = now;
    const ping: LocationPing = {
      recordedAt: new Date(now).toISOString(),
      lat: fix.lat,
      lng: fix.lng,
      accuracyM: 5 + (j % 11),
      speedMps: fix.speedMps,
      headingDeg: fix.headingDeg,
    };
    if (fx.openLoop) post(t, [{ j, ping }]);
    else {
      queues[t]!.push({ j, ping });
      flush(t);
    }
  };

  // Fix j is technician j % n in round ⌊j / n⌋, at startAt + round·interval + (tech/n)·interval.
  const due = (j: number) =>
    fx.startAtMs + Math.floor(j / n) * fx.intervalMs + ((j % n) / n) * fx.intervalMs;
  const tick = () => {
    const now = Date.now();
    while (scheduled < total && due(scheduled) <= now) {
      take(scheduled, due(scheduled));
      scheduled++;
    }
    if (scheduled < total) setTimeout(tick, Math.max(0, Math.min(50, due(scheduled) - Date.now())));
  };
  setTimeout(tick, Math.max(0, fx.startAtMs - Date.now()));
  await finished;
  agent.destroy();
  writeFileSync(fx.outFile, Buffer.from(records.buffer));
  lags.sort((a, b) => a - b);
  send({
    type: 'done',
    codes,
    pings: total,
    lagP99Ms: lags[Math.floor(lags.length * 0.99)] ?? 0,
    lagMaxMs: lags.at(-1) ?? 0,
  });
}

main().catch((err: unknown) => {
  send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exitCode = 1;
});
