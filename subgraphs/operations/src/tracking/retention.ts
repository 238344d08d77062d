import type { Db, Jobs, Logger, StopBackground } from '@attendant/kit';
import { DEFAULT_SETTINGS, TrackingRepository } from './tracking.repository';

const QUEUE = 'operations.tracking-retention';
/** Daily at 03:17 UTC (off the hour, when the fleet is asleep almost everywhere). */
const CRON = '17 3 * * *';
const BATCH = 5_000;

/**
 * Deletes pings older than their organization's retention, in batches of 5000 so no single
 * statement holds many locks or a long transaction. Returns how many went.
 */
export async function purgeExpiredPings(db: Db, now: Date = new Date()): Promise<number> {
  const repo = new TrackingRepository(db);
  let total = 0;
  for (;;) {
    const deleted = await repo.deleteExpiredPings(now, BATCH, DEFAULT_SETTINGS.retentionDays);
    total += deleted;
    if (deleted < BATCH) return total;
  }
}

/**
 * The daily purge as a pg-boss schedule: pg-boss fires it once per day across all replicas
 * (its cron is a singleton in the database), and any replica's worker may run it.
 */
export async function scheduleRetention(
  db: Db,
  jobs: Jobs,
  logger: Logger,
): Promise<StopBackground> {
  const boss = jobs.boss;
  await boss.createQueue(QUEUE);
  await boss.schedule(QUEUE, CRON, {}, { tz: 'UTC' });
  await boss.work(QUEUE, async () => {
    const deleted = await purgeExpiredPings(db);
    if (deleted > 0) logger.info({ deleted }, 'expired location pings deleted');
  });
  return async () => {
    await boss.offWork(QUEUE).catch(() => undefined);
  };
}
