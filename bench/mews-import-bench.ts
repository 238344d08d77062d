/*
 * Mews initial-import benchmark (issue #4): a fresh database, a simulated hotel of 8,000 customers
 * and 10,000 reservations behind the Mews rate limit (200 requests per 30 s, enforced by the
 * simulator with 429 + Retry-After), and a real guests subgraph connected through `connectMews`.
 * Measures the wall time from the mutation to the COMPLETED run, the requests the simulator
 * answered, and the ratio to the rate-limit floor. Page size 1000 (production) and 100 (more than
 * 200 requests, so the client-side limiter has to pace them); interleaved rounds, medians.
 *
 *   npm run bench:mews      (PostgreSQL at 127.0.0.1:5432 when it answers, else embedded)
 */
import { migrateDeploy } from '@attendant/db/migrate';
import { guestsSubgraph } from '@attendant/guests';
import type { RunningSubgraph } from '@attendant/kit';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@attendant/runtime/embedded-postgres';
import { withDatabase } from '@attendant/runtime/net';
import { startNode, stopAll, type Child } from '@attendant/runtime/processes';
import {
  callSubgraph,
  createTestDatabase,
  staffActor,
  startTestSubgraph,
} from '@attendant/testing';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { SimCommand, SimReadyMessage, SimStatsMessage } from './mews-sim-child';

const num = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};

const PAGE_SIZES = (process.env['BENCH_MEWS_PAGE_SIZES'] ?? '1000,100').split(',').map(Number);
const RUNS = num('BENCH_MEWS_RUNS', 3);
const SIZES = {
  rooms: num('BENCH_MEWS_ROOMS', 250),
  customers: num('BENCH_MEWS_CUSTOMERS', 8000),
  reservations: num('BENCH_MEWS_RESERVATIONS', 10_000),
};
const LIMIT = { requests: 200, windowMs: 30_000 };
const TIMEOUT_MS = num('BENCH_MEWS_TIMEOUT_S', 1200) * 1000;
const POLL_MS = 200;

const CONNECT = /* GraphQL */ `
  mutation ($input: ConnectMewsInput!) {
    connectMews(input: $input) {
      id
      status
      latestRun {
        id
        status
      }
    }
  }
`;
const STATUS = /* GraphQL */ `
  {
    mewsConnection {
      latestRun {
        id
        status
        percent
        requestCount
        error
        startedAt
        finishedAt
        counts {
          phase
          done
          total
        }
      }
    }
  }
`;

interface RunStatus {
  id: string;
  status: 'RUNNING' | 'COMPLETED' | 'FAILED';
  percent: number;
  requestCount: number;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
  counts: { phase: string; done: number; total: number | null }[];
}

interface Sample {
  pageSize: number;
  wallMs: number;
  /** API requests the simulator answered from the mutation to the run's end. */
  requests: number;
  /** The run's own `requestCount` (the import; the token test of `connectMews` is not in it). */
  runRequests: number;
  rateLimited: number;
  failed: number;
  byOperation: Record<string, number>;
  simBusyMs: number;
  /** When (ms after the mutation) the customers and reservations phases were seen finished. */
  customersDoneMs: number | null;
  reservationsDoneMs: number | null;
  imported: { rooms: number; guests: number; reservations: number; deadLetters: number };
  /** 1-minute load average at the start and the end of the run (other work on the machine). */
  load: [number, number];
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const count = (n: number) => n.toLocaleString('en-US');

/** The minimum time the limit allows for n requests: the first window's worth go at once. */
function floorMs(n: number, limit = LIMIT): number {
  return Math.floor(Math.max(0, n - 1) / limit.requests) * limit.windowMs;
}

// ------------------------------------------------------------------------- PostgreSQL

/**
 * The same setup as the Jest global setup (tools/testing/global-setup.ts): the server at
 * 127.0.0.1:5432 when it answers, else embedded PostgreSQL; a migrated template that
 * `createTestDatabase` clones for every run.
 */
async function preparePostgres(): Promise<{ kind: string; cleanup(): Promise<void> }> {
  const serverUrl =
    process.env['ATTENDANT_TEST_PG_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  let embedded: EmbeddedDatabase | null = null;
  let adminUrl = serverUrl;
  const probe = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 1500 });
  const server = await probe
    .connect()
    .then(() => probe.query('SELECT 1'))
    .then(
      () => true,
      () => false,
    );
  await probe.end().catch(() => undefined);
  if (!server) {
    embedded = await startEmbeddedPostgres(
      mkdtempSync(path.join(os.tmpdir(), 'attendant-bench-pg-')),
    );
    adminUrl = embedded.adminUrl;
  }
  const runId = `bench${Date.now().toString(36)}`;
  const template = `attendant_t_${runId}_tpl`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();
  await migrateDeploy(withDatabase(adminUrl, template));
  process.env['ATTENDANT_TEST_ADMIN_URL'] = adminUrl;
  process.env['ATTENDANT_TEST_RUN_ID'] = runId;
  process.env['ATTENDANT_TEST_TEMPLATE'] = template;
  return {
    kind: server ? 'PostgreSQL server' : 'embedded PostgreSQL',
    async cleanup() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      const { rows } = await c.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1`,
        [`attendant_t_${runId}_%`],
      );
      for (const { datname } of rows)
        await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      await c.end();
      await embedded?.stop();
    },
  };
}

// ------------------------------------------------------------------------- simulator

interface SimHandle {
  ready: SimReadyMessage;
  mark(): void;
  stats(untilMs: number): Promise<SimStatsMessage>;
  stop(): Promise<void>;
}

async function startSim(): Promise<SimHandle> {
  const child: Child = startNode('mews-sim', 'bench/mews-sim-child.js', {
    LOG_LEVEL: 'silent',
    BENCH_SIM_ROOMS: String(SIZES.rooms),
    BENCH_SIM_CUSTOMERS: String(SIZES.customers),
    BENCH_SIM_RESERVATIONS: String(SIZES.reservations),
    BENCH_SIM_RATE_REQUESTS: String(LIMIT.requests),
    BENCH_SIM_RATE_WINDOW_MS: String(LIMIT.windowMs),
  });
  const next = <T extends { type: string }>(type: T['type']): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`the simulator did not answer ${type}`));
      }, 60_000);
      const onMessage = (message: T) => {
        if (message.type !== type) return;
        cleanup();
        resolve(message);
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`the simulator exited with code ${code}`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        child.process.off('message', onMessage);
        child.process.off('exit', onExit);
      };
      child.process.on('message', onMessage);
      child.process.once('exit', onExit);
    });
  const command = (c: SimCommand) => child.process.send(c);
  const ready = await next<SimReadyMessage>('ready');
  return {
    ready,
    mark: () => command({ type: 'mark' }),
    stats: (untilMs) => {
      const answer = next<SimStatsMessage>('stats');
      command({ type: 'stats', untilMs });
      return answer;
    },
    stop: () => stopAll([child]),
  };
}

// ------------------------------------------------------------------------- one import

async function importOnce(pageSize: number): Promise<Sample> {
  process.env['MEWS_PAGE_SIZE'] = String(pageSize);
  process.env['MEWS_RATE_LIMIT_REQUESTS'] = String(LIMIT.requests);
  process.env['MEWS_RATE_LIMIT_WINDOW_MS'] = String(LIMIT.windowMs);
  const db = await createTestDatabase();
  let sim: SimHandle | null = null;
  let sub: RunningSubgraph | null = null;
  try {
    sim = await startSim();
    sub = await startTestSubgraph(guestsSubgraph, db);
    const org = randomUUID();
    const admin = staffActor(org, ['ADMIN'], randomUUID());
    const gql = <T>(query: string, variables: Record<string, unknown> = {}) =>
      callSubgraph<T>(sub!.url, admin, query, variables);

    const loadBefore = os.loadavg()[0]!;
    sim.mark();
    const t0 = Date.now();
    const connected = await gql<{ connectMews: { status: string } }>(CONNECT, {
      input: {
        baseUrl: sim.ready.url,
        webSocketUrl: sim.ready.wsUrl.replace(/\/ws\/connector$/, ''),
        clientToken: sim.ready.tokens.ClientToken,
        accessToken: sim.ready.tokens.AccessToken,
        // No window poll may start during the measurement (the first one follows the import).
        pollIntervalSeconds: 3600,
      },
    });
    if (connected.body.errors || connected.body.data?.connectMews.status !== 'CONNECTED')
      throw new Error(`connectMews failed: ${JSON.stringify(connected.body)}`);

    let run: RunStatus | null = null;
    let customersDoneMs: number | null = null;
    let reservationsDoneMs: number | null = null;
    let lastLog = t0;
    for (;;) {
      const res = await gql<{ mewsConnection: { latestRun: RunStatus | null } | null }>(STATUS);
      if (res.body.errors) throw new Error(`status query failed: ${JSON.stringify(res.body)}`);
      run = res.body.data?.mewsConnection?.latestRun ?? null;
      const now = Date.now();
      const done = (phase: string) =>
        run?.counts.some((c) => c.phase === phase && c.total !== null) ?? false;
      if (customersDoneMs === null && done('customers')) customersDoneMs = now - t0;
      if (reservationsDoneMs === null && done('reservations')) reservationsDoneMs = now - t0;
      if (run?.status === 'FAILED') throw new Error(`the import failed: ${run.error}`);
      if (run?.status === 'COMPLETED') break;
      if (now - t0 > TIMEOUT_MS)
        throw new Error(
          `the import did not finish in ${TIMEOUT_MS / 1000} s: ${JSON.stringify(run)}`,
        );
      if (now - lastLog >= 15_000) {
        lastLog = now;
        console.log(
          `  … ${seconds(now - t0)} s: ${run?.percent ?? 0}%, ${run?.requestCount ?? 0} requests, ` +
            (run?.counts.map((c) => `${c.phase} ${c.done}`).join(', ') ?? ''),
        );
      }
      await sleep(POLL_MS);
    }
    const finishedMs = Date.parse(run.finishedAt!);
    const stats = await sim.stats(finishedMs);

    // An import that imported nothing (or half) must not pass as fast.
    const where = { organizationId: org };
    const imported = {
      rooms: await sub.db.room.count({ where }),
      guests: await sub.db.guest.count({ where }),
      reservations: await sub.db.reservation.count({ where }),
      deadLetters: await sub.db.syncDeadLetter.count({ where }),
    };
    const expected = sim.ready.counts;
    if (
      imported.rooms !== expected.resources ||
      imported.guests !== expected.customers ||
      imported.reservations !== expected.reservations
    ) {
      throw new Error(
        `the import is incomplete: the database holds ${imported.rooms} rooms, ${imported.guests} guests, ` +
          `${imported.reservations} reservations; the simulator ${expected.resources}, ` +
          `${expected.customers}, ${expected.reservations}`,
      );
    }
    return {
      pageSize,
      wallMs: finishedMs - t0,
      requests: stats.requests,
      runRequests: run.requestCount,
      rateLimited: stats.rateLimited,
      failed: stats.failed,
      byOperation: stats.byOperation,
      simBusyMs: stats.busyMs,
      customersDoneMs,
      reservationsDoneMs,
      imported,
      load: [loadBefore, os.loadavg()[0]!],
    };
  } finally {
    await sub?.stop();
    await sim?.stop();
    await db.drop();
  }
}

// ------------------------------------------------------------------------- report

function ratioText(wallMs: number, floor: number): string {
  return floor === 0 ? 'n/a (under one window)' : `${(wallMs / floor).toFixed(2)}×`;
}

function summarize(pageSize: number, samples: Sample[]) {
  const walls = samples.map((s) => s.wallMs);
  const wall = median(walls);
  const requests = median(samples.map((s) => s.requests));
  const floor = floorMs(requests);
  const entities = SIZES.customers + SIZES.reservations;
  const phase = (xs: (number | null)[]) =>
    xs.every((x) => x !== null) ? median(xs as number[]) : null;
  const show = (ms: number | null) => (ms === null ? '?' : seconds(ms));
  // After the last reservation page: the stays and guest-intelligence refresh of finishRun.
  const finishing = phase(
    samples.map((s) => (s.reservationsDoneMs === null ? null : s.wallMs - s.reservationsDoneMs)),
  );
  return {
    pageSize,
    wall,
    requests,
    floor,
    finishing,
    row:
      `| ${pageSize} | ${samples.length} | ${[...new Set(samples.map((s) => s.requests))].join(' / ')} ` +
      `| ${[...new Set(samples.map((s) => s.runRequests))].join(' / ')} ` +
      `| ${samples.reduce((n, s) => n + s.rateLimited, 0)} ` +
      `| ${floor / 1000} ` +
      `| ${seconds(wall)} (${seconds(Math.min(...walls))}–${seconds(Math.max(...walls))}) ` +
      `| ${ratioText(wall, floor)} ` +
      `| ${Math.round(entities / (wall / 1000))} ` +
      `| ${show(phase(samples.map((s) => s.customersDoneMs)))} ` +
      `| ${show(phase(samples.map((s) => s.reservationsDoneMs)))} ` +
      `| ${show(finishing)} ` +
      `| ${seconds(median(samples.map((s) => s.simBusyMs)))} |`,
  };
}

async function main(): Promise<void> {
  for (const size of PAGE_SIZES) {
    if (!Number.isInteger(size) || size < 1 || size > 1000)
      throw new Error(`BENCH_MEWS_PAGE_SIZES: ${size} is not a Mews page size (1..1000)`);
  }
  const postgres = await preparePostgres();
  const samples = new Map<number, Sample[]>(PAGE_SIZES.map((p) => [p, []]));
  try {
    for (let round = 1; round <= RUNS; round++) {
      for (const pageSize of PAGE_SIZES) {
        const s = await importOnce(pageSize);
        samples.get(pageSize)!.push(s);
        console.log(
          `round ${round} page size ${pageSize}: ${seconds(s.wallMs)} s, ${s.requests} requests ` +
            `(run ${s.runRequests}; ${s.rateLimited} × 429, ${s.failed} other failures), ` +
            `floor ${floorMs(s.requests) / 1000} s, ratio ${ratioText(s.wallMs, floorMs(s.requests))}; ` +
            `customers done ${s.customersDoneMs === null ? '?' : seconds(s.customersDoneMs)} s, ` +
            `reservations done ${s.reservationsDoneMs === null ? '?' : seconds(s.reservationsDoneMs)} s; ` +
            `simulator busy ${seconds(s.simBusyMs)} s; imported ${s.imported.rooms} rooms, ` +
            `${s.imported.guests} guests, ${s.imported.reservations} reservations, ` +
            `${s.imported.deadLetters} dead letters; load ${s.load.map((l) => l.toFixed(1)).join(' → ')}; ` +
            JSON.stringify(s.byOperation),
        );
      }
    }
  } finally {
    await postgres.cleanup();
  }

  const rows = PAGE_SIZES.map((p) => summarize(p, samples.get(p)!));
  const table = [
    '| page size | runs | requests (simulator) | run requestCount | 429s | floor (s) | wall median (min–max) s | wall / floor | customers + reservations per s | customers done at (s) | reservations done at (s) | after the last page (s) | simulator busy (s) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => r.row),
  ].join('\n');
  console.log(`\n${table}\n`);

  const all = [...samples.values()].flat();
  const total429 = all.reduce((n, s) => n + s.rateLimited, 0);
  const notes = rows.map((r) =>
    r.floor === 0
      ? `At page size ${r.pageSize} the import needs ${r.requests} requests, under one window of ` +
        `${LIMIT.requests}: the rate limit costs nothing and the ${seconds(r.wall)} s are import work ` +
        `(${Math.round((SIZES.customers + SIZES.reservations) / (r.wall / 1000))} customers + reservations per second).`
      : `At page size ${r.pageSize} the import needs ${r.requests} requests, so the limit allows it ` +
        `no less than ${r.floor / 1000} s; it took ${seconds(r.wall)} s, ${(r.wall / r.floor).toFixed(2)}× that floor ` +
        `(target ≤ 1.2×: ${r.wall / r.floor <= 1.2 ? 'met' : 'missed'}).`,
  );
  const finishing = rows.map((r) => r.finishing).filter((f) => f !== null);
  if (finishing.length > 0)
    notes.push(
      `After the last reservation page the run still takes ${finishing.map(seconds).join(' / ')} s ` +
        '(median per page size) before it completes: the stays and guest-intelligence refresh over every guest.',
    );
  notes.push(
    total429 === 0
      ? 'The simulator answered no 429 in any run: the client-side limiter kept every import under the limit.'
      : `The simulator answered ${total429} × 429 across the runs: the client-side limiter let requests through over the limit.`,
  );

  const loads = all.flatMap((s) => s.load);
  const loadText =
    `1-minute load average during the runs ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}` +
    (Math.max(...loads) > os.cpus().length
      ? ` (above the ${os.cpus().length} cores: other work shared the machine, the times are inflated)`
      : '');
  const date = new Date().toISOString().slice(0, 10);
  const file = path
    .join(__dirname.replace(`${path.sep}dist`, ''), 'results', `${date}-mews-import.md`)
    .replace(`${path.sep}dist${path.sep}`, path.sep);
  writeFileSync(
    file,
    `# Mews initial import benchmark, ${date}\n\n` +
      `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}.\n` +
      `Command: \`npm run bench:mews\` (${postgres.kind}; the simulator in its own process, the guests subgraph in the bench process; every process on this machine; ${loadText}).\n\n` +
      `Hotel: ${count(SIZES.customers)} customers, ${count(SIZES.reservations)} reservations, ${count(SIZES.rooms)} rooms (mews-sim seed 42). ` +
      `Rate limit ${LIMIT.requests} requests per ${LIMIT.windowMs / 1000} s, enforced by the simulator (429 + Retry-After) and by the subgraph's limiter ` +
      `(MEWS_RATE_LIMIT_REQUESTS=${LIMIT.requests}, MEWS_RATE_LIMIT_WINDOW_MS=${LIMIT.windowMs}).\n` +
      `Each run: fresh database, fresh simulator, fresh guests subgraph with MEWS_PAGE_SIZE set; wall time from sending \`connectMews\` (token test included) to the run's \`finishedAt\`. ` +
      `Requests: what the simulator answered in that time. Floor: the minimum time the limit allows for N requests, floor((N − 1) / ${LIMIT.requests}) × ${LIMIT.windowMs / 1000} s ` +
      `(the subgraph's limiter adds a 500 ms margin per window on top). ` +
      `"Done at": when the status poll (every ${POLL_MS} ms) first saw the phase finished. Simulator busy: its event loop's active time. ` +
      `Every run checks that the database holds every room, customer and reservation of the simulator. ` +
      `${RUNS === 1 ? '1 round' : `${RUNS} interleaved rounds, medians`}.\n\n` +
      `${table}\n\n${notes.join(' ')}\n`,
  );
  console.log(`wrote ${file}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
