import { createDb, type RunningSubgraph } from '@attendant/kit';
import { startMewsSim, type MewsSim } from '@attendant/mews-sim';
import {
  callSubgraph,
  createTestDatabase,
  staffActor,
  startTestSubgraph,
  type TestDatabase,
} from '@attendant/testing';
import { randomUUID } from 'node:crypto';
import { guestsModule, guestsSubgraph } from '../index';

/*
 * A worker dies in the middle of the initial import: the next process takes the run over when
 * its lease runs out and carries on from the last committed page, without duplicates.
 */
let db: TestDatabase;
let sim: MewsSim;
const org = randomUUID();
const admin = staffActor(org, ['ADMIN'], randomUUID());
const saved = { ...process.env };

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  Object.assign(process.env, {
    MEWS_PAGE_SIZE: '25',
    MEWS_LEASE_MS: '1000',
    MEWS_WORKER_TICK_MS: '200',
  });
  db = await createTestDatabase();
  sim = await startMewsSim({ seed: 5 });
});
afterAll(async () => {
  process.env = saved;
  await sim.stop();
  await db.drop();
});

it('should resume an import from its last cursor when the worker dies mid-way', async () => {
  const first: RunningSubgraph = await startTestSubgraph(guestsSubgraph, db);
  sim.admin.faults({ latencyMs: 15 });
  const connected = await callSubgraph(
    first.url,
    admin,
    `mutation ($input: ConnectMewsInput!) { connectMews(input: $input) { latestRun { id } } }`,
    {
      input: {
        baseUrl: sim.url,
        clientToken: sim.tokens.ClientToken,
        accessToken: sim.tokens.AccessToken,
      },
    },
  );
  expect(connected.body.errors).toBeUndefined();
  const runId = connected.body.data!.connectMews.latestRun.id as string;
  const run = () =>
    first.db.syncRun.findFirstOrThrow({ where: { id: runId, organizationId: org } });
  // Kill it once it is well into the customers.
  await until('the customers phase', async () => {
    const r = await run();
    const guests = await first.db.guest.count({ where: { organizationId: org } });
    return r.phase === 'customers' && guests >= 100;
  });
  await first.stop();
  sim.admin.faults({ latencyMs: 0 });
  const direct = createDb(db.url, 1);
  const stopped = await direct.syncRun.findFirstOrThrow({
    where: { id: runId, organizationId: org },
  });
  expect(stopped.status).toBe('RUNNING');
  const requestsBefore = sim.state.requests.length;
  const guestsBefore = await direct.guest.count({ where: { organizationId: org } });
  expect(guestsBefore).toBeGreaterThan(0);

  const second = await startTestSubgraph(guestsSubgraph, db);
  try {
    const done = await until('the resumed import', async () => {
      const r = await second.db.syncRun.findFirstOrThrow({
        where: { id: runId, organizationId: org },
      });
      return r.status !== 'RUNNING' && r;
    });
    expect(done.status).toBe('COMPLETED');
    expect(await second.db.guest.count({ where: { organizationId: org } })).toBe(300);
    expect(await second.db.reservation.count({ where: { organizationId: org } })).toBe(400);
    // Resumed, not restarted: the first customer chunks were not asked for again.
    const chunkOf = (r: { body: Record<string, unknown> }) =>
      (r.body['CreatedUtc'] as { StartUtc: string } | undefined)?.StartUtc;
    const customers = (from: number, to?: number) =>
      sim.state.requests.slice(from, to).filter((r) => r.path.endsWith('customers/getAll'));
    const earlyChunks = new Set(customers(0, requestsBefore).slice(0, 10).map(chunkOf));
    expect(earlyChunks.size).toBeGreaterThanOrEqual(10);
    expect(customers(requestsBefore).filter((r) => earlyChunks.has(chunkOf(r)))).toEqual([]);
  } finally {
    await second.stop();
    await direct.$disconnect();
  }
}, 120_000);

it('should stop without finishing a run whose lease another worker holds', async () => {
  const sub = await startTestSubgraph(guestsSubgraph, db);
  try {
    const day = 86_400_000;
    const run = await sub.db.syncRun.create({
      data: {
        organizationId: org,
        kind: 'WINDOW',
        scope: { from: new Date(Date.now() - day).toISOString(), to: new Date().toISOString() },
        phase: 'resources',
        cursor: { phase: 'resources', chunk: 0, cursor: null },
        leaseOwner: 'another-worker',
        leaseUntil: new Date(Date.now() + 60_000),
      },
    });
    const result = await guestsModule(sub).sync.engine.executeRun(run, 'this-worker');
    expect(result).toBeNull();
    const after = await sub.db.syncRun.findFirstOrThrow({
      where: { id: run.id, organizationId: org },
    });
    expect(after).toMatchObject({ status: 'RUNNING', leaseOwner: 'another-worker', percent: 0 });
    await sub.db.syncRun.update({
      where: { id: run.id, organizationId: org },
      data: { status: 'FAILED' },
    });
  } finally {
    await sub.stop();
  }
});
