/*
 * Gateway benchmark: a 3-subgraph query (work orders + guest + invoice) through our gateway and
 * through Hive Gateway on the same supergraph, with in-flight deduplication on and off, plus the
 * operations part of the same data straight from the subgraph. autocannon, 50 connections,
 * warm-up, 3 interleaved rounds, medians. Then a subscription fan-out run.
 *
 *   npm run bench            (DATABASE_URL=… to use a server; default: embedded PostgreSQL)
 */
import { signActor, type Actor } from '@attendant/kit';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runFanout } from './fanout';
import { startBenchStack, SECRETS, SUPERGRAPH } from './stack';

// autocannon ships no types.

const autocannon = require('autocannon') as (
  opts: Record<string, unknown>,
) => Promise<AutocannonResult>;
interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}

const BASE_PORT = Number(process.env['BENCH_BASE_PORT'] ?? 4100);
const CONNECTIONS = 50;
const WARMUP_S = Number(process.env['BENCH_WARMUP_S'] ?? 3);
const DURATION_S = Number(process.env['BENCH_DURATION_S'] ?? 10);
const ROUNDS = 3;

const FEDERATED = `{ workOrders(first: 10, filter: { status: [COMPLETED] }) { nodes {
  id number title status guest { firstName lastName } invoice { number total { amountMinor currency } } } } }`;
const DIRECT = `{ workOrders(first: 10, filter: { status: [COMPLETED] }) { nodes { id number title status } } }`;

interface Target {
  name: string;
  url: string;
  query: string;
  headers: () => Record<string, string>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(target: Target, seconds: number): Promise<AutocannonResult> {
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...target.headers() },
    body: JSON.stringify({ query: target.query }),
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${target.name}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  }
  return result;
}

async function main(): Promise<void> {
  const stack = await startBenchStack(BASE_PORT);
  try {
    const actor: Actor = {
      kind: 'user',
      organizationId: stack.dispatcher.organizationId,
      userId: stack.dispatcher.userId,
      apiKeyId: null,
      roles: ['DISPATCHER'],
      scopes: [],
    };
    // Signed now, valid for 5 minutes: re-signed before every run.
    const signed = () => signActor(actor, SECRETS.ACTOR_SIGNING_SECRET);
    const subgraphEnv = Object.fromEntries(
      Object.entries(stack.subgraphUrls).map(([n, u]) => [`${n.toUpperCase()}_URL`, u]),
    );
    const ours = async (port: number, dedupe: boolean) =>
      stack.start(
        `gateway:${port}`,
        'gateway/src/main.js',
        {
          ...subgraphEnv,
          GATEWAY_PORT: String(port),
          DEDUPLICATE_SUBGRAPH_REQUESTS: String(dedupe),
          RATE_LIMIT_PER_MINUTE: '100000000',
        },
        `http://127.0.0.1:${port}/ready`,
      );
    const hive = async (port: number, dedupe: boolean) =>
      stack.start(
        `hive:${port}`,
        'bench/hive-gateway.js',
        {
          ...subgraphEnv,
          PORT: String(port),
          DEDUPE: String(dedupe),
          SUPERGRAPH_PATH: SUPERGRAPH,
        },
        `http://127.0.0.1:${port}/healthcheck`,
      );
    await ours(BASE_PORT, true);
    await ours(BASE_PORT + 10, false);
    await hive(BASE_PORT + 20, true);
    await hive(BASE_PORT + 21, false);

    const bearer = () => ({ authorization: `Bearer ${stack.dispatcher.token}` });
    const targets: Target[] = [
      {
        name: 'operations subgraph, direct (1 subgraph)',
        url: stack.subgraphUrls['operations']!,
        query: DIRECT,
        headers: signed,
      },
      {
        name: 'Attendant gateway, dedup on',
        url: `http://127.0.0.1:${BASE_PORT}/graphql`,
        query: FEDERATED,
        headers: bearer,
      },
      {
        name: 'Attendant gateway, dedup off',
        url: `http://127.0.0.1:${BASE_PORT + 10}/graphql`,
        query: FEDERATED,
        headers: bearer,
      },
      {
        name: 'Hive Gateway 2.15, dedup on',
        url: `http://127.0.0.1:${BASE_PORT + 20}/graphql`,
        query: FEDERATED,
        headers: signed,
      },
      {
        name: 'Hive Gateway 2.15, dedup off',
        url: `http://127.0.0.1:${BASE_PORT + 21}/graphql`,
        query: FEDERATED,
        headers: signed,
      },
    ];

    // Same answer everywhere, or the comparison means nothing.
    const answers = await Promise.all(
      targets.slice(1).map(async (t) => {
        const res = await fetch(t.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...t.headers() },
          body: JSON.stringify({ query: t.query }),
        });
        return JSON.stringify(await res.json());
      }),
    );
    if (new Set(answers).size !== 1) throw new Error(`gateways disagree:\n${answers.join('\n')}`);
    if (!answers[0]!.includes('"invoice":{"number"'))
      throw new Error(`query returned no invoices: ${answers[0]!.slice(0, 300)}`);

    const samples = new Map<string, AutocannonResult[]>(targets.map((t) => [t.name, []]));
    for (const t of targets) await measure(t, WARMUP_S);
    for (let round = 1; round <= ROUNDS; round++) {
      for (const t of targets) {
        const r = await measure(t, DURATION_S);
        samples.get(t.name)!.push(r);
        console.log(
          `round ${round} ${t.name}: ${Math.round(r.requests.average)} rps, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`,
        );
      }
    }
    const rows = targets.map((t) => {
      const s = samples.get(t.name)!;
      return {
        name: t.name,
        rps: median(s.map((x) => x.requests.average)),
        p50: median(s.map((x) => x.latency.p50)),
        p99: median(s.map((x) => x.latency.p99)),
      };
    });
    const hiveOn = rows[3]!.rps;
    const hiveOff = rows[4]!.rps;
    const table = [
      '| target | median RPS | median p50 (ms) | median p99 (ms) | RPS vs Hive (same dedup setting) |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...rows.map((r, i) => {
        const vs =
          i === 1
            ? (r.rps / hiveOn).toFixed(2) + '×'
            : i === 2
              ? (r.rps / hiveOff).toFixed(2) + '×'
              : '';
        return `| ${r.name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${vs} |`;
      }),
    ].join('\n');
    console.log(`\n${table}\n`);

    const fanout = await runFanout(
      `ws://127.0.0.1:${BASE_PORT}/graphql`,
      `http://127.0.0.1:${BASE_PORT}/graphql`,
      stack.dispatcher.token,
    );
    const fanoutTable = [
      '| subscription fan-out | clients | events | deliveries | p50 (ms) | p99 (ms) | max (ms) |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      `| workOrderChanged through our gateway, publish → receive | ${fanout.clients} | ${fanout.events} | ${fanout.deliveries} | ${fanout.p50} | ${fanout.p99} | ${fanout.max} |`,
    ].join('\n');
    console.log(`${fanoutTable}\n`);

    const date = new Date().toISOString().slice(0, 10);
    const file = path
      .join(__dirname.replace(`${path.sep}dist`, ''), 'results', `${date}-gateway.md`)
      .replace(`${path.sep}dist${path.sep}`, path.sep);
    writeFileSync(
      file,
      `# Gateway benchmark, ${date}\n\nMachine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}.\n` +
        `Command: \`npm run bench\` (${process.env['DATABASE_URL'] ? 'PostgreSQL server' : 'embedded PostgreSQL'}; every process on this machine; NODE_ENV=production).\n\n` +
        `Query: ${CONNECTIONS} connections, ${WARMUP_S} s warm-up per target, ${ROUNDS} interleaved rounds of ${DURATION_S} s, medians.\n` +
        'Federated query: 10 completed work orders (operations) with guest name (guests) and invoice total (finance). Direct: the operations part only.\n' +
        'Our gateway verifies a JWT and signs the actor per request; Hive forwards pre-signed headers (less work on its side).\n\n' +
        `${table}\n\n${fanoutTable}\n`,
    );
    console.log(`wrote ${file}`);
  } finally {
    await stack.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
