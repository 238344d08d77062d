/*
 * Messaging benchmark (issue #8): N day-before reminders through the trigger pipeline into the
 * Twilio simulator, with a worker process killed (SIGKILL) midway and restarted.
 *
 *   real WorkOrderCreated events in operations' outbox
 *     → operations' outbox relay → pg-boss → communications' `message-triggers` consumer (planning)
 *     → trigger firings (PLANNED) → the firing sweep → a QUEUED message + a pg-boss send job
 *     → the send worker → Twilio simulator (the twilio SDK over HTTP)
 *
 * Fresh seeded database; operations and two communications processes (separate OS processes, in
 * production mode); the simulator runs in this process. The seeded Northwind organization keeps
 * only its REMINDER_DAY_BEFORE trigger. Per run: N customers the platform can text (contact read
 * model with a phone each), N events for jobs a month ahead; once every firing is planned, their
 * time is moved to now (the clock reaching "the day before"); when half the texts have reached
 * the simulator, the second communications process is killed with SIGKILL and started again.
 * Reconciliation: every planned firing must have reached the simulator exactly once (by its
 * recipient, one per firing) and the platform's message for the firing (idempotency key
 * `trigger-firing:<id>`) must carry the simulator's SID.
 *
 *   npm run bench:messaging
 *   npm run bench:messaging -- --messages 1000 --runs 1        (a smoke test)
 *   npm run bench:messaging -- --kill-at 0 --runs 1            (no kill)
 *   --no-write: print only (no bench/results file)
 */
import { startTwilioSim, type TwilioSim } from '@attendant/twilio-sim';
import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startBenchStack, type BenchStack } from '../stack';
import { ROOT, type Child } from '@attendant/runtime/processes';

const { values: args } = parseArgs({
  allowNegative: true,
  options: {
    messages: { type: 'string' },
    runs: { type: 'string' },
    'kill-at': { type: 'string' },
    recovery: { type: 'string' },
    'base-port': { type: 'string' },
    'timeout-s': { type: 'string' },
    write: { type: 'boolean' },
  },
});
const num = (v: string | undefined, fallback: number) => (v === undefined ? fallback : Number(v));
const OPTS = {
  messages: num(args.messages, 10_000),
  runs: num(args.runs, 3),
  killAt: num(args['kill-at'], 0.5),
  recoveryS: num(args.recovery, 30),
  basePort: num(args['base-port'], 4400),
  timeoutS: num(args['timeout-s'], 900),
  write: args.write ?? true,
};
const VICTIM = 'communications-2';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

interface RunResult {
  run: number;
  planned: number;
  planningS: number;
  sendingS: number;
  perSecond: number;
  killedAfter: number | null;
  restartS: number | null;
  atSimulator: number;
  duplicates: number;
  losses: number;
  unmatched: number;
  firingStatus: Record<string, number>;
}

/** Status callbacks land here and are dropped (no gateway in this benchmark). */
async function callbackSink(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(204).end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function setUp(db: pg.Pool, organizationId: string, sim: TwilioSim) {
  await db.query(
    `UPDATE communications."trigger" SET enabled = (event = 'REMINDER_DAY_BEFORE')
      WHERE "organizationId" = $1`,
    [organizationId],
  );
  const trigger = await db.query<{ id: string }>(
    `SELECT id FROM communications."trigger"
      WHERE "organizationId" = $1 AND event = 'REMINDER_DAY_BEFORE' AND enabled`,
    [organizationId],
  );
  const settings = await db.query<{ fromNumber: string }>(
    `SELECT "fromNumber" FROM communications.sms_settings WHERE "organizationId" = $1`,
    [organizationId],
  );
  const triggerId = trigger.rows[0]?.id;
  const sender = settings.rows[0]?.fromNumber;
  if (!triggerId || !sender) throw new Error('the seed has no reminder trigger or SMS sender');
  sim.admin.addNumber({ phoneNumber: sender });
  return triggerId;
}

async function one(
  run: number,
  stack: BenchStack,
  db: pg.Pool,
  sim: TwilioSim,
  triggerId: string,
  restartVictim: () => Promise<void>,
): Promise<RunResult> {
  const organizationId = stack.dispatcher.organizationId;
  const n = OPTS.messages;
  const guests = Array.from({ length: n }, () => randomUUID());
  const jobs = Array.from({ length: n }, () => randomUUID());
  const phones = guests.map((_, i) => `+1555${run}${String(i).padStart(6, '0')}`);
  const phoneSet = new Set(phones);
  await db.query(
    `INSERT INTO communications.contact_projection
       ("entityType", "entityId", "organizationId", "firstName", phone, "updatedAt")
     SELECT 'Guest', g, $1::uuid, 'Customer', p, now() FROM unnest($2::uuid[], $3::text[]) AS t(g, p)`,
    [organizationId, guests, phones],
  );
  // Real domain events, as operations writes them (recordWorkOrderEvent's payload).
  const start = new Date(Date.now() + 30 * 86_400_000);
  start.setUTCHours(15, 0, 0, 0);
  const end = new Date(start.getTime() + 2 * 3_600_000);
  const t0 = Date.now();
  for (let i = 0; i < n; i += 2000) {
    await db.query(
      `INSERT INTO operations.outbox (id, "organizationId", type, "entityType", "entityId", payload)
       SELECT gen_random_uuid(), $1::uuid, 'WorkOrderCreated', 'WorkOrder', wo,
              jsonb_build_object('number', num, 'title', 'Boiler service ' || num, 'status', 'SCHEDULED',
                'priority', 'NORMAL', 'kind', 'FIELD_JOB', 'guestId', guest, 'technicianId', null,
                'windowStart', $4::text, 'windowEnd', $5::text, 'scheduledStart', $4::text,
                'scheduledEnd', $5::text, 'version', 1)
         FROM unnest($2::uuid[], $3::uuid[]) WITH ORDINALITY AS t(wo, guest, num)`,
      [
        organizationId,
        jobs.slice(i, i + 2000),
        guests.slice(i, i + 2000),
        start.toISOString(),
        end.toISOString(),
      ],
    );
  }
  const runFirings = `FROM communications.trigger_firing
    WHERE "triggerId" = $1 AND "entityId" = ANY($2::uuid[])`;
  const deadline = Date.now() + OPTS.timeoutS * 1000;
  let planned = 0;
  while (planned < n) {
    if (Date.now() > deadline) throw new Error(`only ${planned} of ${n} firings were planned`);
    await sleep(500);
    planned = Number(
      (await db.query<{ c: string }>(`SELECT count(*) AS c ${runFirings}`, [triggerId, jobs]))
        .rows[0]!.c,
    );
  }
  const planningS = (Date.now() - t0) / 1000;
  process.stdout.write(`run ${run}: ${n} firings planned in ${planningS.toFixed(1)} s\n`);

  // The clock reaches "the day before": every firing of the run is due now.
  const seenBefore = sim.state.messages.length;
  const sendStart = Date.now();
  await db.query(
    `UPDATE communications.trigger_firing SET "scheduledFor" = now() ${runFirings.replace('FROM communications.trigger_firing', '')}`,
    [triggerId, jobs],
  );
  let killedAfter: number | null = null;
  let restartS: number | null = null;
  let restarting: Promise<void> | null = null;
  const atSim = () =>
    sim.state.messages
      .slice(seenBefore)
      .filter((m) => m.direction === 'outbound-api' && phoneSet.has(m.to));
  const pending = async () =>
    Number(
      (
        await db.query<{ c: string }>(
          `SELECT (SELECT count(*) ${runFirings} AND status IN ('PLANNED', 'FIRING'))
                + (SELECT count(*) FROM communications.message
                    WHERE "organizationId" = $3 AND status IN ('QUEUED', 'SENDING')
                      AND "providerId" IS NULL) AS c`,
          [triggerId, jobs, organizationId],
        )
      ).rows[0]!.c,
    );
  for (;;) {
    const count = atSim().length;
    if (killedAfter === null && OPTS.killAt > 0 && count >= n * OPTS.killAt) {
      killedAfter = count;
      const killedAt = Date.now();
      restarting = restartVictim().then(() => {
        restartS = (Date.now() - killedAt) / 1000;
      });
    }
    if (count >= n && (await pending()) === 0) break;
    if (Date.now() > deadline) {
      process.stdout.write(`run ${run}: timed out with ${count} of ${n} at the simulator\n`);
      break;
    }
    await sleep(250);
  }
  await restarting;
  const received = atSim();
  const last = Math.max(...received.map((m) => m.createdMs));
  const sendingS = (last - sendStart) / 1000;
  // Anything still to come (a late duplicate) shows up here.
  await sleep(5_000);
  const final = atSim();
  const perPhone = new Map<string, number>();
  for (const m of final) perPhone.set(m.to, (perPhone.get(m.to) ?? 0) + 1);
  const firings = await db.query<{ status: string; c: string }>(
    `SELECT status::text, count(*) AS c ${runFirings} GROUP BY status`,
    [triggerId, jobs],
  );
  // The platform's message of each firing carries the SID the simulator gave it.
  const platform = await db.query<{ providerId: string | null }>(
    `SELECT m."providerId" FROM communications.message m
       JOIN communications.trigger_firing f ON m."idempotencyKey" = 'trigger-firing:' || f.id
      WHERE f."triggerId" = $1 AND f."entityId" = ANY($2::uuid[]) AND m."organizationId" = $3`,
    [triggerId, jobs, organizationId],
  );
  const sids = new Set(final.map((m) => m.sid));
  const saved = new Set(platform.rows.map((r) => r.providerId).filter(Boolean));
  const unmatched =
    [...sids].filter((s) => !saved.has(s)).length +
    [...saved].filter((s) => !sids.has(s!)).length +
    (n - platform.rows.length);
  return {
    run,
    planned,
    planningS,
    sendingS,
    perSecond: n / sendingS,
    killedAfter,
    restartS,
    atSimulator: final.length,
    duplicates: [...perPhone.values()].reduce((a, c) => a + Math.max(0, c - 1), 0),
    losses: phones.filter((p) => !perPhone.has(p)).length,
    unmatched,
    firingStatus: Object.fromEntries(firings.rows.map((r) => [r.status, Number(r.c)])),
  };
}

function machine(): string {
  const cpus = os.cpus();
  let load = '';
  try {
    load = ` · load average before: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`;
  } catch {
    // not available
  }
  return `${cpus.length} × ${cpus[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${os.platform()} ${os.release()}${load}`;
}

function table(results: RunResult[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.run} | ${r.planned} | ${r.planningS.toFixed(1)} | ${(r.planned / r.planningS).toFixed(0)} | ${r.sendingS.toFixed(1)} | **${r.perSecond.toFixed(1)}** | ${r.killedAfter ?? '—'} | ${r.restartS?.toFixed(1) ?? '—'} | ${r.atSimulator} | ${r.duplicates} | ${r.losses} | ${r.unmatched} | ${Object.entries(
        r.firingStatus,
      )
        .map(([s, c]) => `${s} ${c}`)
        .join(', ')} |`,
  );
  return [
    '| run | firings planned | planning s | events/s | sending s | messages/s | worker killed after | restart s | at simulator | duplicates | losses | SID mismatches | firings |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** Prints the report of the runs so far and writes it (unless --no-write); answers whether it passed. */
function report(results: RunResult[], before: string): boolean {
  const ok = results.every((r) => r.duplicates === 0 && r.losses === 0 && r.unmatched === 0);
  const command = `npm run bench:messaging${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  let commit = '';
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim();
  } catch {
    // not a checkout
  }
  const report = [
    `# Messaging benchmark — ${new Date().toISOString().slice(0, 10)}`,
    '',
    `- Command: \`${command}\`${commit ? ` (commit ${commit})` : ''}`,
    `- Machine: ${before}`,
    `- ${OPTS.messages} day-before reminders per run, ${results.length} of ${OPTS.runs} run(s) done; processes: operations, two communications (production mode), PostgreSQL, this script with the Twilio simulator; ${OPTS.killAt > 0 ? `the second communications process is killed with SIGKILL after ${Math.round(OPTS.killAt * 100)} % of the texts reached the simulator and started again` : 'no process killed'}; MESSAGING_RECOVERY_SECONDS=${OPTS.recoveryS}.`,
    "- Planning: events written to operations' outbox → firings PLANNED (relay, pg-boss, trigger consumer). Sending: firings due → last text at the simulator (firing sweep, message + send job, send worker, Twilio SDK).",
    '',
    table(results),
    '',
    `**Median throughput: ${median(results.map((r) => r.perSecond)).toFixed(1)} messages/s** (sending phase, kill and recovery included); median planning ${median(results.map((r) => r.planned / r.planningS)).toFixed(0)} events/s.`,
    '',
    ok
      ? `Reconciliation: every planned firing reached the simulator exactly once (0 duplicates, 0 losses), and every firing's message carries the SID the simulator gave it.`
      : `Reconciliation FAILED: see duplicates / losses / SID mismatches above.`,
    '',
  ].join('\n');
  process.stdout.write(`\n${report}`);
  if (OPTS.write) {
    const dir = path.join(ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${new Date().toISOString().slice(0, 10)}-messaging.md`);
    writeFileSync(file, report);
    process.stdout.write(`wrote ${path.relative(ROOT, file)}\n`);
  }
  return ok;
}

async function main() {
  const before = machine();
  const sink = await callbackSink();
  const sim = await startTwilioSim({
    delays: { queuedMs: 0, sendingMs: 0, sentMs: 0, finalMs: 0 },
  });
  const twilioEnv = {
    TWILIO_ACCOUNT_SID: sim.accountSid,
    TWILIO_AUTH_TOKEN: sim.authToken,
    TWILIO_API_BASE_URL: sim.url,
    TWILIO_WEBHOOK_BASE_URL: sink.url,
    MESSAGING_RECOVERY_SECONDS: String(OPTS.recoveryS),
  };
  let stack: BenchStack | null = null;
  const db = { pool: null as pg.Pool | null };
  try {
    stack = await startBenchStack(OPTS.basePort, {
      only: ['operations', 'communications'],
      env: twilioEnv,
    });
    const s = stack;
    // The second communications process: the worker that gets killed.
    const victimPort = OPTS.basePort + 20;
    const startVictim = () =>
      s.start(
        VICTIM,
        'subgraphs/communications/src/main.js',
        { COMMUNICATIONS_PORT: String(victimPort) },
        `http://127.0.0.1:${victimPort}/ready`,
      );
    let victim: Child = await startVictim();
    const restartVictim = async () => {
      victim.process.kill('SIGKILL');
      await victim.exited;
      process.stdout.write(`  killed ${VICTIM} (SIGKILL); starting it again\n`);
      victim = await startVictim();
    };
    db.pool = new pg.Pool({ connectionString: s.databaseUrl, max: 3 });
    const triggerId = await setUp(db.pool, s.dispatcher.organizationId, sim);
    const results: RunResult[] = [];
    let ok = true;
    for (let run = 1; run <= OPTS.runs; run++) {
      const r = await one(run, s, db.pool, sim, triggerId, restartVictim);
      results.push(r);
      process.stdout.write(`${table([r])}\n`);
      // Written after every run, so a long benchmark leaves its results even when cut short.
      ok = report(results, before);
    }
    process.exitCode = ok ? 0 : 1;
  } finally {
    await db.pool?.end();
    await stack?.stop();
    await sim.stop();
    sink.server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
