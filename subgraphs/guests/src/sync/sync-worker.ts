import type { Logger } from '@attendant/kit';
import type { Db } from '@attendant/kit';
import { randomUUID } from 'node:crypto';
import type PgBoss from 'pg-boss';
import { MewsError } from '../mews/mews.client';
import type { MewsConnections } from './mews-connections';
import type { SyncSource } from './mews-inbound';
import { MewsSockets } from './mews-socket';
import type { SyncEngine } from './sync-engine';
import {
  isPermanent,
  recordDeadLetter,
  type OutboundJob,
  type SyncOutbound,
} from './sync-outbound';

export const FETCH_QUEUE = 'guests.mews-fetch';
export const OUTBOUND_QUEUE = 'guests.mews-outbound';

export type FetchEntityType = 'Reservation' | 'Customer' | 'Resource';
export interface FetchJob {
  organizationId: string;
  entityType: FetchEntityType;
  externalId: string;
  source: SyncSource;
}

export interface SyncWorkerOptions {
  /** How often due polls and orphaned runs are looked for. */
  tickMs: number;
  /** Keep a Connector WebSocket open per connection. */
  sockets: boolean;
  retryLimit: number;
  retryDelaySeconds: number;
}

/**
 * The guests process's sync workers: pg-boss queues for targeted fetches (deduplicated per
 * entity while queued, so a burst of duplicate webhooks costs one call) and outbound writes
 * (retried with backoff, then dead-lettered), a tick that claims due window polls and
 * orphaned import runs, and the Connector WebSockets.
 */
export class SyncWorker {
  private readonly owner = `guests-${process.pid}-${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  private runningRun: Promise<void> | null = null;
  private readonly polling = new Set<string>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly sockets: MewsSockets;
  private stopped = false;
  private readonly options: SyncWorkerOptions;

  constructor(
    private readonly db: Db,
    private readonly bossOf: () => PgBoss,
    private readonly engine: SyncEngine,
    private readonly outbound: SyncOutbound,
    private readonly connections: MewsConnections,
    private readonly logger: Logger,
    options: Partial<SyncWorkerOptions> = {},
  ) {
    this.options = { tickMs: 2000, sockets: true, retryLimit: 5, retryDelaySeconds: 2, ...options };
    this.sockets = new MewsSockets(connections, logger, {
      onEvent: (organizationId, entityType, id) =>
        this.enqueueFetch({ organizationId, entityType, externalId: id, source: 'WEBSOCKET' }),
      onReconnect: (organizationId) => this.requestPoll(organizationId),
    });
  }

  private prepared: Promise<void> | null = null;

  /** Creates the queues once; enqueueing works after this even before `start`. */
  prepare(): Promise<void> {
    this.prepared ??= this.createQueues().catch((err: unknown) => {
      this.prepared = null;
      throw err;
    });
    return this.prepared;
  }

  private async createQueues(): Promise<void> {
    const retry = {
      retryLimit: this.options.retryLimit,
      retryDelay: this.options.retryDelaySeconds,
      retryBackoff: true,
    };
    await this.bossOf().createQueue(FETCH_QUEUE, {
      name: FETCH_QUEUE,
      policy: 'stately',
      expireInSeconds: 300,
      ...retry,
    });
    await this.bossOf().createQueue(OUTBOUND_QUEUE, {
      name: OUTBOUND_QUEUE,
      expireInSeconds: 300,
      ...retry,
    });
  }

  async start(): Promise<void> {
    await this.prepare();
    const work = { batchSize: 5, pollingIntervalSeconds: 0.5, includeMetadata: true } as const;
    await this.bossOf().work<FetchJob>(FETCH_QUEUE, work, async (jobs) => {
      for (const job of jobs) await this.track(this.handleFetch(job));
    });
    await this.bossOf().work<OutboundJob>(OUTBOUND_QUEUE, work, async (jobs) => {
      for (const job of jobs) await this.track(this.handleOutbound(job));
    });
    this.timer = setInterval(() => void this.tick(), this.options.tickMs);
    void this.tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.sockets.closeAll();
    await Promise.allSettled([...this.inFlight, this.runningRun]);
  }

  async enqueueFetch(job: FetchJob): Promise<void> {
    await this.prepare();
    await this.bossOf().send(FETCH_QUEUE, job, {
      singletonKey: `${job.organizationId}:${job.entityType}:${job.externalId}`,
    });
  }

  async enqueueOutbound(job: OutboundJob): Promise<void> {
    await this.prepare();
    await this.bossOf().send(OUTBOUND_QUEUE, job);
  }

  /** Makes the next tick poll this organization (after a reconnect, or on demand). */
  async requestPoll(organizationId: string): Promise<void> {
    await this.db.mewsConnection.updateMany({
      where: { organizationId },
      data: { lastPollAt: null },
    });
  }

  /** Looks for work now instead of at the next tick (e.g. right after starting an import). */
  kick(): void {
    void this.tick();
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    try {
      if (!this.runningRun) {
        const run = await this.engine.claimRun(this.owner);
        // (Claimed while stopping: its lease runs out and another worker takes it.)
        if (run && !this.stopped) {
          this.runningRun = this.engine
            .executeRun(run, this.owner, () => this.stopped)
            .then(() => undefined)
            .finally(() => {
              this.runningRun = null;
              if (!this.stopped) void this.tick();
            });
        }
      }
      const connections = await this.connections.all();
      // Stopped while waiting: open no socket and start no poll after `stop` returned.
      if (this.stopped) return;
      if (this.options.sockets) this.sockets.reconcile(connections);
      for (const connection of connections) {
        if (connection.status !== 'CONNECTED' || !connection.importedAt) continue;
        if (this.polling.has(connection.organizationId)) continue;
        if (!(await this.claimPoll(connection.id))) continue;
        if (this.stopped) return;
        this.polling.add(connection.organizationId);
        void this.track(
          this.engine
            .poll(connection.organizationId)
            .catch((err: unknown) =>
              this.logger.warn(
                { organizationId: connection.organizationId, err: message(err) },
                'mews poll failed; the window is repeated next time',
              ),
            )
            .finally(() => this.polling.delete(connection.organizationId)),
        );
      }
    } catch (err) {
      if (!this.stopped) this.logger.error({ err: message(err) }, 'sync tick failed');
    }
  }

  /** One process wins a due poll: the row's poll time moves only if it was due. */
  private async claimPoll(connectionId: string): Promise<boolean> {
    const claimed = await this.db.$executeRawUnsafe(
      `UPDATE "guests"."mews_connection" SET "lastPollAt" = now()
        WHERE "id" = $1::uuid AND "status" = 'CONNECTED'
          AND ("lastPollAt" IS NULL
               OR "lastPollAt" < now() - make_interval(secs => "pollIntervalSeconds"))`,
      connectionId,
    );
    return claimed === 1;
  }

  private async handleFetch(job: PgBoss.JobWithMetadata<FetchJob>): Promise<void> {
    const { organizationId, entityType, externalId, source } = job.data;
    try {
      await this.engine.fetchEntity(organizationId, entityType, externalId, source);
    } catch (error) {
      if (!isPermanent(error) && job.retryCount < job.retryLimit) throw error;
      await this.db.$transaction((tx) =>
        recordDeadLetter(tx, {
          organizationId,
          operation: `fetch:${entityType}`,
          entityType,
          entityId: externalId,
          payload: job.data,
          error: message(error),
          requestId: error instanceof MewsError ? error.requestId : null,
          attempts: job.retryCount + 1,
        }),
      );
    }
  }

  private async handleOutbound(job: PgBoss.JobWithMetadata<OutboundJob>): Promise<void> {
    try {
      await this.outbound.run(job.data);
    } catch (error) {
      if (!isPermanent(error) && job.retryCount < job.retryLimit) throw error;
      await this.outbound.deadLetter(job.data, error, job.retryCount + 1);
    }
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise)).catch(() => undefined);
    return promise;
  }
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
