import { createTestDatabase, type TestDatabase } from '@attendant/testing';
import timers from 'node:timers/promises';
import { createDb, type Db } from '../db/prisma';
import { createLogger } from '../logger';
import { Jobs } from './jobs';

/*
 * Stopping the job queue leaves nothing running behind it. Many workers share pg-boss's three
 * connections, so at any moment some fetches wait for a connection; pg's pool never answers
 * those once it ends, and pg-boss then checks on the stuck workers every second, forever (in a
 * test run, such a check after the suite's environment was torn down failed the next suite).
 * A handler that outlives the stop finishes quietly: pg-boss does not await the completion it
 * then records, so an error there would be an unhandled rejection (which fails a Jest test).
 */
describe('Jobs.stop', () => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url, 2);
  });

  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('should end every worker, even those whose fetch waited for a connection', async () => {
    const jobs = new Jobs(database.url, 'operations', db, createLogger('test', 'silent'));
    await jobs.start();
    const queue = 'operations.stop-probe';
    await jobs.boss.createQueue(queue);
    let handled = 0;
    for (let i = 0; i < 12; i++)
      await jobs.boss.work(queue, { pollingIntervalSeconds: 0.5 }, async () => {
        handled++;
      });
    for (let i = 0; i < 20; i++) await jobs.boss.send(queue, { i });
    await sleep(1500);
    expect(handled).toBeGreaterThan(0);
    // The workers wait between polls (what the check below counts on seeing).
    const polls = jest.spyOn(timers, 'setTimeout');
    await sleep(1000);
    expect(polls).toHaveBeenCalled();
    polls.mockRestore();

    // All three connections busy: the workers' next fetches wait in the pool's queue.
    const busy = [1, 2, 3].map(() =>
      jobs.boss
        .getDb()
        .executeSql('SELECT pg_sleep(1)', [])
        .catch(() => undefined),
    );
    await sleep(600);
    await jobs.stop();
    await Promise.all(busy);

    // pg-boss's worker loops and its "have they stopped yet?" checks wait with
    // timers/promises.setTimeout; once everything has ended, nothing waits any more.
    await sleep(1500);
    const waits = jest.spyOn(timers, 'setTimeout');
    try {
      await sleep(2500);
      expect(waits).not.toHaveBeenCalled();
    } finally {
      waits.mockRestore();
    }
  }, 30_000);

  it('should let a handler that outlives the stop finish quietly and leave its job to be retried', async () => {
    const jobs = new Jobs(database.url, 'operations', db, createLogger('test', 'silent'));
    await jobs.start();
    const queue = 'operations.stop-slow';
    await jobs.boss.createQueue(queue, { name: queue, retryLimit: 3 });
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    await jobs.boss.work(queue, { pollingIntervalSeconds: 0.5 }, async () => {
      started();
      // Longer than the 5 s a graceful stop waits for running handlers.
      await sleep(6_500);
      finished();
    });
    const id = (await jobs.boss.send(queue, { slow: true }))!;
    await running;
    await jobs.stop();
    // pg-boss records the late completion without awaiting it: it must not reject (Jest fails a
    // test on an unhandled rejection).
    await done;
    await sleep(500);
    const [job] = await db.$queryRawUnsafe<{ state: string }[]>(
      `SELECT state::text AS state FROM pgboss.job WHERE id = $1::uuid`,
      id,
    );
    // Failed by the stop and due again; never marked done by the stopped queue.
    expect(job?.state).toBe('retry');
  }, 30_000);
});
