import PgBoss from 'pg-boss';
import type { Db, Tx } from '../db/prisma';
import type { DomainEvent, DomainSchema } from '../events/event';
import { brief, type EventSink } from '../events/relay';
import type { Logger } from '../logger';
import { BossDb } from './boss-db';

/** A subgraph's reaction to other domains' events, run as a pg-boss job. */
export interface EventConsumer {
  name: string;
  events: string[];
  /** Runs inside the transaction that also records the event as processed. */
  handle(event: DomainEvent, tx: Tx): Promise<void>;
}

/**
 * pg-boss, wired for events. The outbox relay publishes each event to pg-boss; every consumer
 * has its own queue subscribed to the event types it wants. A consumer runs in a transaction that
 * first records (consumer, event id) in the domain's `processed_event` table, so a redelivered or
 * retried event changes nothing twice. Failed jobs retry with backoff and end in a dead-letter
 * queue named `<queue>.dead`.
 */
export class Jobs {
  readonly boss: PgBoss;
  private readonly bossDb: BossDb;
  private stopping = false;

  constructor(
    connectionString: string,
    private readonly schema: DomainSchema,
    private readonly db: Db,
    private readonly logger: Logger,
  ) {
    const onError = (err: Error) => {
      if (!this.stopping) this.logger.error({ err: brief(err) }, 'pg-boss error');
    };
    this.bossDb = new BossDb(connectionString, 3, onError);
    this.boss = new PgBoss({ db: this.bossDb, schema: 'pgboss' });
    this.boss.on('error', onError);
  }

  async start(): Promise<void> {
    await this.boss.start();
  }

  readonly sink: EventSink = async (event) => {
    await this.boss.publish(event.type, event);
  };

  async consume(consumer: EventConsumer): Promise<void> {
    const queue = `${this.schema}.${consumer.name}`;
    const deadLetter = `${queue}.dead`;
    await this.boss.createQueue(deadLetter);
    await this.boss.createQueue(queue, {
      name: queue,
      retryLimit: 5,
      retryDelay: 2,
      retryBackoff: true,
      deadLetter,
    });
    for (const type of consumer.events) await this.boss.subscribe(type, queue);
    await this.boss.work<DomainEvent>(
      queue,
      // A worker fetches at most once per polling interval: a batch keeps up with bursts.
      { batchSize: 50, pollingIntervalSeconds: 0.5 },
      async (jobs) => {
        for (const job of jobs) {
          // Stopping: hand the rest of the batch back rather than leave it 'active' until pg-boss
          // expires it (minutes) when the graceful stop's timeout ends this handler. The failed
          // batch is retried by the next process; what was handled is skipped (processed_event).
          if (this.stopping) throw new Error('Stopping: the rest of this batch is retried');
          await this.runOnce(consumer, job.data);
        }
      },
    );
  }

  /** Handles one event exactly once per consumer (exported for tests through `consume`). */
  async runOnce(consumer: EventConsumer, event: DomainEvent): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const inserted = await tx.$executeRawUnsafe(
        `INSERT INTO "${this.schema}"."processed_event" ("consumer","eventId") VALUES ($1, $2::uuid)
         ON CONFLICT DO NOTHING`,
        consumer.name,
        event.id,
      );
      if (inserted === 0) return false;
      await consumer.handle(event, tx);
      this.logger.info(
        { consumer: consumer.name, eventId: event.id, type: event.type },
        'event handled',
      );
      return true;
    });
  }

  /** Marks the shutdown early, so connection losses while stopping are not reported as errors. */
  beginStop(): void {
    this.stopping = true;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    // Waits (up to 5 s) for running handlers and fails what they did not finish; the connection
    // is ours, so pg-boss leaves it open.
    await this.boss.stop({ graceful: true, timeout: 5000 });
    // Answers every fetch still waiting for a connection with nothing, so no worker outlives the
    // stop: pg-boss keeps checking a queue until all its workers have ended, and in a test a
    // check that came after the suite's environment was gone failed whatever suite ran next.
    await this.bossDb.close();
  }
}
