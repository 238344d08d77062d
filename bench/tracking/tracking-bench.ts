/*
 * Live tracking benchmark (issue #7): 1,000 technicians ping every 5 s through the gateway
 * (`recordLocations`, HTTP) for 2 minutes while 20 dispatchers watch the live map
 * (`technicianLocationChanged`, graphql-ws). Fresh seeded database, the five subgraphs and the
 * gateway in production mode; the fleet is created in the database (./tracking-fleet.ts); the
 * load comes from two separate processes (./technician-load.ts, ./dispatcher-load.ts) so the
 * generator is measured, not mixed in. Per run: offered vs achieved pings/s, HTTP latency,
 * ping → dispatcher latency and the share of expected deliveries that arrived, errors by code,
 * CPU and RSS of every process (from /proc), per 10 s window and overall; medians over runs.
 *
 *   npm run bench:tracking
 *   npm run bench:tracking -- --quick          (100 technicians, 20 s, 1 run: a smoke test)
 *   npm run bench:tracking -- --technicians 2000 --interval 5 --seconds 60 --dispatchers 20 --runs 1
 *   npm run bench:tracking -- --runs 0 --breakdown           (CPU per call on the tracking path)
 *   npm run bench:tracking -- --quick --cpu-prof /tmp/prof   (V8 profiles of the server processes)
 */
import { ROOT } from '@attendant/runtime/processes';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { SECRETS, startBenchStack } from '../stack';
import { PG, ProcSampler, type Sample } from './proc-sampler';
import { createFleet, mintTokens, type Fleet } from './tracking-fleet';
import type {
  DispatcherFixture,
  DispatcherMessage,
  TechnicianFixture,
  TechnicianMessage,
} from './tracking-protocol';
import { breakdown } from './tracking-breakdown';
import { costPerFix, median, processTable, runsTable, windowsTable } from './tracking-report';
import { analyze, baseline, type Baseline, type RunStats } from './tracking-stats';

const SERVER_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
const SPEED_MPS = 40 / 3.6;
/** After the last answer, how long late deliveries may still arrive. */
const DRAIN_MS = 10_000;
const IDLE_MS = 10_000;
const TECH_GEN = 'load: technicians';
const DISPATCH_GEN = 'load: dispatchers';

const { values: args } = parseArgs({
  allowNegative: true,
  options: {
    technicians: { type: 'string' },
    seconds: { type: 'string' },
    interval: { type: 'string' },
    dispatchers: { type: 'string' },
    runs: { type: 'string' },
    warmup: { type: 'string' },
    connections: { type: 'string' },
    'open-loop': { type: 'boolean' },
    breakdown: { type: 'boolean' },
    'en-route': { type: 'string' },
    'base-port': { type: 'string' },
    quick: { type: 'boolean', default: false },
    write: { type: 'boolean' },
    'cpu-prof': { type: 'string' },
  },
});
const num = (v: string | undefined, fallback: number) => (v === undefined ? fallback : Number(v));
const QUICK = args.quick ?? false;
const OPTS = {
  technicians: num(args.technicians, QUICK ? 100 : 1000),
  seconds: num(args.seconds, QUICK ? 20 : 120),
  intervalS: num(args.interval, 5),
  dispatchers: num(args.dispatchers, 20),
  runs: num(args.runs, QUICK ? 1 : 3),
  warmupS: num(args.warmup, QUICK ? 5 : 10),
  connections: num(args.connections, Infinity),
  openLoop: args['open-loop'] ?? false,
  breakdown: args.breakdown ?? false,
  enRouteShare: num(args['en-route'], 0.25),
  basePort: num(args['base-port'], 4300),
  write: args.write ?? !QUICK,
};

async function answers(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

function forkLoad(entry: string, fixtureFile: string): ChildProcess {
  return fork(path.join(ROOT, 'dist', 'bench', 'tracking', entry), [fixtureFile], {
    execArgv: ['--enable-source-maps'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

function nextMessage<T extends { type: string }>(child: ChildProcess, type: T['type']): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: T) => {
      if (m.type === type) {
        child.off('message', onMessage);
        resolve(m);
      } else if (m.type === 'error') {
        reject(new Error(`load generator failed: ${(m as { message?: string }).message}`));
      }
    };
    child.on('message', onMessage);
    child.once('exit', (code) =>
      reject(new Error(`load generator exited (${code}) before ${type}`)),
    );
  });
}

async function ending(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  if (child.connected) child.disconnect();
  const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(kill);
}

/** One recordLocations for the first technician: the API answers as the contract says. */
async function preflight(httpUrl: string, token: string): Promise<void> {
  const res = await fetch(httpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: `mutation ($pings: [LocationPingInput!]!) { recordLocations(pings: $pings) { accepted duplicates position { id etaAt } } }`,
      variables: {
        pings: [{ recordedAt: new Date().toISOString(), lat: 30.2672, lng: -97.7431 }],
      },
    }),
  });
  const body = await res.text();
  if (!body.includes('"accepted":1'))
    throw new Error(`recordLocations did not accept a ping (HTTP ${res.status}): ${body}`);
}

interface RunOutput {
  stats: RunStats;
  loadAvg: number[];
  lagP99Ms: number;
  lagMaxMs: number;
  dispatcher: Extract<DispatcherMessage, { type: 'done' }>;
  otherCores: number;
}

async function runOnce(
  run: number,
  fleet: Fleet,
  gatewayUrl: string,
  sampler: ProcSampler,
  idle: Baseline,
): Promise<RunOutput> {
  await settle(sampler);
  const loadAvg = os.loadavg();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'attendant-tracking-'));
  try {
    const org = fleet.organizationId;
    const [techTokens, dispatcherTokens] = await Promise.all([
      mintTokens(
        org,
        fleet.technicians.map((t) => t.userId),
        'TECHNICIAN',
        SECRETS.JWT_SECRET,
      ),
      mintTokens(org, fleet.dispatcherUserIds, 'DISPATCHER', SECRETS.JWT_SECRET),
    ]);

    const dispatcherFx: DispatcherFixture = {
      wsUrl: gatewayUrl.replace(/^http/, 'ws'),
      tokens: dispatcherTokens,
      technicianIds: fleet.technicians.map((t) => t.technicianId),
      outFile: path.join(dir, 'deliveries.bin'),
    };
    writeFileSync(path.join(dir, 'dispatchers.json'), JSON.stringify(dispatcherFx));
    const dispatchers = forkLoad('dispatcher-load.js', path.join(dir, 'dispatchers.json'));
    sampler.track(DISPATCH_GEN, dispatchers.pid);
    await nextMessage(dispatchers, 'ready');

    const startAtMs = Date.now() + 2000;
    const fromMs = startAtMs + OPTS.warmupS * 1000;
    const toMs = fromMs + OPTS.seconds * 1000;
    const techFx: TechnicianFixture = {
      httpUrl: gatewayUrl,
      technicians: fleet.technicians.map((t, i) => ({ ...t, token: techTokens[i]! })),
      epochMs: fleet.epochMs,
      speedMps: SPEED_MPS,
      intervalMs: OPTS.intervalS * 1000,
      startAtMs,
      endAtMs: toMs,
      connections: OPTS.connections,
      openLoop: OPTS.openLoop,
      outFile: path.join(dir, 'pings.bin'),
    };
    writeFileSync(path.join(dir, 'technicians.json'), JSON.stringify(techFx));
    const technicians = forkLoad('technician-load.js', path.join(dir, 'technicians.json'));
    sampler.track(TECH_GEN, technicians.pid);
    console.log(
      `run ${run}: ${OPTS.technicians} technicians every ${OPTS.intervalS} s, ${OPTS.dispatchers} dispatchers, ` +
        `${OPTS.warmupS} s warm-up + ${OPTS.seconds} s (load average ${loadAvg.map((l) => l.toFixed(2)).join(' ')})`,
    );
    const techDone = await nextMessage<Extract<TechnicianMessage, { type: 'done' }>>(
      technicians,
      'done',
    );
    await new Promise((r) => setTimeout(r, DRAIN_MS));
    const dispatcherDone = nextMessage<Extract<DispatcherMessage, { type: 'done' }>>(
      dispatchers,
      'done',
    );
    dispatchers.send({ type: 'stop' });
    const dispatcher = await dispatcherDone;
    await Promise.all([ending(technicians), ending(dispatchers)]);
    sampler.untrack(TECH_GEN);
    sampler.untrack(DISPATCH_GEN);

    const read = (f: string) => {
      const b = readFileSync(f);
      return new Float64Array(b.buffer, b.byteOffset, b.byteLength / 8);
    };
    const samples: Sample[] = [...sampler.samples];
    const stats = analyze({
      fromMs,
      toMs,
      technicians: fleet.technicians.length,
      dispatchers: OPTS.dispatchers,
      pings: read(techFx.outFile),
      codes: techDone.codes,
      deliveries: read(dispatcherFx.outFile),
      samples,
      idle,
    });
    const ours = stats.processes.reduce(
      (a, p) => a + (Number.isFinite(p.cpuPct) ? p.cpuPct : 0),
      0,
    );
    const otherCores = (stats.total.machineBusyPct / 100) * os.cpus().length - ours / 100;
    return {
      stats,
      loadAvg,
      lagP99Ms: techDone.lagP99Ms,
      lagMaxMs: techDone.lagMaxMs,
      dispatcher,
      otherCores,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Waits (at most 2 minutes) until the operations subgraph has worked off a previous run's backlog. */
async function settle(sampler: ProcSampler): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const s = sampler.samples;
    const a = s.at(-4);
    const b = s.at(-1);
    if (a && b && b.atMs > a.atMs) {
      const busy =
        ((b.cpuS['operations'] ?? 0) - (a.cpuS['operations'] ?? 0)) / ((b.atMs - a.atMs) / 1000);
      if (busy < 0.15) return;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  console.log('operations still busy after 2 minutes; starting anyway');
}

const NOTES: Record<string, string> = {
  [PG]: ' ¹',
  [TECH_GEN]: ' ²',
  [DISPATCH_GEN]: ' ²',
};

async function main(): Promise<void> {
  // Production subgraphs require it; bench/stack.ts's SECRETS predate it (children inherit env).
  process.env['DATA_ENCRYPTION_KEY'] ??= 'bench-data-encryption-key-0123456789abcdef';
  if (!process.env['DATABASE_URL'] && (await answers(SERVER_URL)))
    process.env['DATABASE_URL'] = SERVER_URL;
  const server = process.env['DATABASE_URL'] ? 'PostgreSQL server' : 'embedded PostgreSQL';
  // --cpu-prof <dir>: V8 CPU profiles of the gateway and subgraphs, written when they stop.
  const profDir = args['cpu-prof'];
  if (profDir) process.env['NODE_OPTIONS'] = `--cpu-prof --cpu-prof-dir=${path.resolve(profDir)}`;
  const stack = await startBenchStack(OPTS.basePort);
  const sampler = new ProcSampler(stack.databaseUrl, new URL(stack.databaseUrl).pathname.slice(1));
  try {
    const fleet = await createFleet(stack.databaseUrl, {
      organizationId: stack.dispatcher.organizationId,
      technicians: OPTS.technicians,
      dispatchers: OPTS.dispatchers,
      enRouteShare: OPTS.enRouteShare,
      pingIntervalSeconds: OPTS.intervalS,
    });
    const subgraphEnv = Object.fromEntries(
      Object.entries(stack.subgraphUrls).map(([n, u]) => [`${n.toUpperCase()}_URL`, u]),
    );
    const port = OPTS.basePort;
    await stack.start(
      'gateway',
      'gateway/src/main.js',
      { ...subgraphEnv, GATEWAY_PORT: String(port) },
      `http://127.0.0.1:${port}/ready`,
    );
    delete process.env['NODE_OPTIONS']; // not for the load generators
    const gatewayUrl = `http://127.0.0.1:${port}/graphql`;
    for (const c of stack.children) sampler.track(c.name, c.process.pid);
    await sampler.start();
    const [firstToken] = await mintTokens(
      fleet.organizationId,
      [fleet.technicians[0]!.userId],
      'TECHNICIAN',
      SECRETS.JWT_SECRET,
    );
    await preflight(gatewayUrl, firstToken!);
    // The stack at rest, for comparison (pg-boss polling, relays, timers).
    const idleFrom = Date.now();
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const idle = baseline(sampler.samples, idleFrom, Date.now());
    let costs = '';
    if (OPTS.breakdown) {
      const techTokens = await mintTokens(
        fleet.organizationId,
        fleet.technicians.map((t) => t.userId),
        'TECHNICIAN',
        SECRETS.JWT_SECRET,
      );
      const dispatcherUserId = fleet.dispatcherUserIds[0] ?? stack.dispatcher.userId;
      const [dispatcherToken] = await mintTokens(
        fleet.organizationId,
        [dispatcherUserId],
        'DISPATCHER',
        SECRETS.JWT_SECRET,
      );
      costs = await breakdown({
        gatewayUrl,
        operationsUrl: stack.subgraphUrls['operations']!,
        signingSecret: SECRETS.ACTOR_SIGNING_SECRET,
        organizationId: fleet.organizationId,
        technicians: fleet.technicians.map((t, i) => ({ ...t, token: techTokens[i]! })),
        dispatcher: { userId: dispatcherUserId, token: dispatcherToken! },
        sampler,
      });
      console.log(`\nCPU per call on the tracking path:\n\n${costs}\n`);
    }

    const outputs: RunOutput[] = [];
    for (let run = 1; run <= OPTS.runs; run++) {
      const out = await runOnce(run, fleet, gatewayUrl, sampler, idle);
      outputs.push(out);
      console.log(`\n${runsTable([out.stats], [out.otherCores])}\n`);
      if (out.dispatcher.errors.length > 0)
        console.log('dispatcher errors:', out.dispatcher.errors);
    }
    if (outputs.length === 0) return;
    const report = describe(outputs, idle, fleet, server, costs);
    console.log(report.console);
    if (OPTS.write) {
      const date = new Date().toISOString().slice(0, 10);
      const dir = path.join(ROOT, 'bench', 'results');
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${date}-tracking.md`);
      writeFileSync(file, report.markdown(date, await serverVersion(stack.databaseUrl)));
      console.log(`wrote ${file}`);
    }
  } finally {
    await sampler.stop();
    await stack.stop();
  }
}

/** The tables and notes of all runs: the run with the median p99 is shown per window and process. */
function describe(
  outputs: RunOutput[],
  idle: Baseline,
  fleet: Fleet,
  server: string,
  costs: string,
) {
  const byP99 = [...outputs].sort((a, b) => a.stats.total.map.p99 - b.stats.total.map.p99);
  const mid = byP99[Math.floor(byP99.length / 2)]!;
  const midIndex = outputs.indexOf(mid) + 1;
  const summary = runsTable(
    outputs.map((o) => o.stats),
    outputs.map((o) => o.otherCores),
  );
  const windows = windowsTable(
    mid.stats,
    ['gateway', 'operations', PG, TECH_GEN, DISPATCH_GEN],
    ['gateway CPU', 'operations CPU', 'pg backends CPU', 'tech gen CPU', 'dispatch gen CPU'],
  );
  const procs = processTable(mid.stats, idle, (n) => NOTES[n] ?? '');
  const p99 = median(outputs.map((o) => o.stats.total.map.p99));
  const target = p99 < 1000;
  const bg = idle.dbPerS;
  const health = outputs
    .map((o, i) => {
      const db = o.stats.dbPerCall;
      return (
        `run ${i + 1}: load average before ${o.loadAvg.map((l) => l.toFixed(2)).join(' / ')}; ` +
        `CPU: ${costPerFix(o.stats, idle)}; ` +
        (db
          ? `PostgreSQL transactions per call incl. its position event (at-rest rate subtracted, approximate): ${db.xacts.toFixed(1)}; `
          : '') +
        `fix-taking lag p99 ${o.lagP99Ms} ms, max ${o.lagMaxMs} ms; dispatcher connections lost ${o.dispatcher.closed}, ` +
        `duplicate deliveries ${o.dispatcher.duplicates}, out of order ${o.dispatcher.outOfOrder}` +
        (o.dispatcher.errors.length
          ? `; dispatcher errors: ${o.dispatcher.errors.join(' | ')}`
          : '')
      );
    })
    .join('\n- ');
  const atRest = bg
    ? `At rest (no load, ${IDLE_MS / 1000} s before the runs) the bench database saw ${bg.xacts.toFixed(1)} transactions/s (pg-boss, relays, timers).`
    : '';
  const verdict = `Target (issue #7), p99 ping → dispatcher under 1 s: ${target ? 'met' : 'NOT met'} (median p99 ${Math.round(p99)} ms).`;
  const body =
    `${summary}\n\nPer 10 s window, run ${midIndex} (the median ping → map p99); CPU in % of one core:\n\n${windows}\n\n` +
    `Processes over the measured ${OPTS.seconds} s of run ${midIndex}:\n\n${procs}\n\n` +
    '¹ CPU of the PostgreSQL backends connected to the bench database (pg_stat_activity), counted from when each is first seen; RSS not shown (shared buffers).\n' +
    '² The load generators, each its own Node process.\n\n' +
    `Per run:\n\n- ${health}\n\n${atRest}\n\n` +
    (costs
      ? `CPU per call on the tracking path, measured before the runs (\`--breakdown\`), one kind of call at a time:\n\n${costs}\n\n`
      : '') +
    `${verdict}\n`;
  const model = OPTS.openLoop
    ? 'every fix is posted at once as its own call (open loop)'
    : "a phone has at most one call in flight; fixes taken meanwhile go together in its next call, as the app's offline queue sends them";
  return {
    console: `\n${body}`,
    markdown: (date: string, pgVersion: string) => {
      const cpu = os.cpus();
      const command = `npm run bench:tracking${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
      return (
        `# Live tracking benchmark, ${date}\n\n` +
        `Machine: ${cpu.length} cores (${cpu[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}; ${server} ${pgVersion}.\n` +
        `Command: \`${command}\` (every process on this machine; NODE_ENV=production; PostgreSQL event bus, no Redis).\n\n` +
        `Scenario: ${OPTS.technicians} technicians (TECHNICIAN users of one organization in ten teams; ${fleet.enRoute} drive to an EN_ROUTE job at a seeded site, the rest back and forth on 8 km lines around Austin, at 40 km/h) ` +
        `take a fix every ${OPTS.intervalS} s, staggered evenly, and post it through the gateway (\`${process.env['TRACKING_BENCH_INGEST'] === 'graphql' ? 'recordLocations mutation' : 'POST /api/locations, the same ingest as recordLocations'}\`) over keep-alive connections; ${model}. ` +
        `${OPTS.dispatchers} dispatchers (DISPATCHER users) subscribe to \`technicianLocationChanged\` (no filter: the whole map) over graphql-ws with the admin live map's selection. ` +
        `${outputs.length} run(s) on one stack, each ${OPTS.warmupS} s of warm-up (not counted) and ${OPTS.seconds} s measured; medians over runs.\n\n` +
        'Offered: fixes taken per second; achieved: accepted fixes answered per second. HTTP: per call, sent → answered. ' +
        "Ping → map: per accepted fix and dispatcher, from the fix's recordedAt (the moment it was taken) to the first subscription message showing it or a newer fix of the same technician. " +
        `Own message delivered: share of (accepted fix × dispatcher) whose own position arrived; map caught up: share with it or a newer one, up to ${DRAIN_MS / 1000} s after the last answer. ` +
        '"Used outside the bench": machine CPU busy minus every measured process (other work on this shared machine).\n\n' +
        body
      );
    },
  };
}

async function serverVersion(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    return rows[0]?.v.split(' ')[0] ?? '';
  } finally {
    await c.end();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
