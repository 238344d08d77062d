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
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(handled).toBeGreaterThan(0);
    // The workers wait between polls (what the check below counts on seeing).
    const polls = jest.spyOn(timers, 'setTimeout');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(polls).toHaveBeenCalled();
    polls.mockRestore();

    // All three connections busy: the workers' next fetches wait in the pool's queue.
    const busy = [1, 2, 3].map(() =>
      jobs.boss
        .getDb()
        .executeSql('SELECT pg_sleep(1)', [])
        .catch(() => undefined),
    );
    await new Promise((resolve) => setTimeout(resolve, 600));
    await jobs.stop();
    await Promise.all(busy);

    // pg-boss's worker loops and its "have they stopped yet?" checks wait with
    // timers/promises.setTimeout; once everything has ended, nothing waits any more.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const waits = jest.spyOn(timers, 'setTimeout');
    try {
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(waits).not.toHaveBeenCalled();
    } finally {
      waits.mockRestore();
    }
  }, 30_000);
});
