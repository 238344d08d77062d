import { SecretBox, type SubgraphDeps } from '@attendant/kit';
import type PgBoss from 'pg-boss';
import { loadMewsConfig } from '../mews/mews.config';
import { createMewsRateLimiter } from '../mews/mews.limiter';
import type { GuestRefresher } from './mews-inbound';
import { MewsInbound } from './mews-inbound';
import { MewsConnections } from './mews-connections';
import { SyncEngine, type SyncEngineOptions } from './sync-engine';
import { SyncOutbound } from './sync-outbound';
import { SyncService } from './sync.service';
import { SyncWorker, type SyncWorkerOptions } from './sync-worker';

export interface SyncModule {
  connections: MewsConnections;
  engine: SyncEngine;
  outbound: SyncOutbound;
  worker: SyncWorker;
  service: SyncService;
  /** Stops the workers and closes the shared limiter's connection (Redis). */
  stop(): Promise<void>;
}

export interface SyncModuleOverrides {
  engine?: Partial<SyncEngineOptions>;
  worker?: Partial<SyncWorkerOptions>;
  client?: { maxRetries?: number; backoffBaseMs?: number };
}

/** The Mews sync stack of one process, wired once and shared by schema, routes and workers. */
export function createSyncModule(
  deps: SubgraphDeps,
  intelligence: GuestRefresher,
  overrides: SyncModuleOverrides = {},
): SyncModule {
  const { db, config, logger } = deps;
  const mews = loadMewsConfig();
  const limiter = createMewsRateLimiter({
    db,
    redisUrl: config.REDIS_URL,
    requests: mews.MEWS_RATE_LIMIT_REQUESTS,
    windowMs: mews.MEWS_RATE_LIMIT_WINDOW_MS,
    logger,
  });
  const log = logger.child({ component: 'mews-sync' });
  const connections = new MewsConnections(db, SecretBox.fromConfig(config), limiter, mews, log, {
    backoffBaseMs: mews.MEWS_BACKOFF_BASE_MS,
    ...overrides.client,
  });
  const engine = new SyncEngine(db, connections, new MewsInbound(intelligence), log, {
    pollOverlapMs: mews.MEWS_POLL_OVERLAP_MS,
    pageSize: mews.MEWS_PAGE_SIZE,
    leaseMs: mews.MEWS_LEASE_MS,
    ...overrides.engine,
  });
  const outbound = new SyncOutbound(db, connections, engine, log);
  const boss = (): PgBoss => {
    if (!deps.jobs) throw new Error('The job queue is not running in this process');
    return deps.jobs.boss;
  };
  const worker = new SyncWorker(db, boss, engine, outbound, connections, log, {
    tickMs: mews.MEWS_WORKER_TICK_MS,
    ...overrides.worker,
  });
  engine.onPlatformWins = (organizationId, guestId) => {
    worker
      .enqueueOutbound({ organizationId, kind: 'customer', id: guestId })
      .catch((err: unknown) => log.warn({ err, guestId }, 'could not queue a guest push'));
  };
  const service = new SyncService(db, connections, engine, worker);
  return {
    connections,
    engine,
    outbound,
    worker,
    service,
    async stop() {
      await worker.stop();
      await limiter.close?.();
    },
  };
}
