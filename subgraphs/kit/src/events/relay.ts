import pg from 'pg';
import type { Logger } from '../logger';
import type { EventBus } from './bus';
import type { DomainEvent, DomainSchema } from './event';

export const OUTBOX_CHANNEL = 'attendant_outbox';
const BATCH = 200;
const POLL_MS = 1000;

export interface EventSink {
  (event: DomainEvent): Promise<void>;
}

/**
 * Publishes a domain's outbox. An insert trigger NOTIFYs `attendant_outbox` with the schema name,
 * which wakes the relay at once; a slow poll covers missed notifications. Rows are claimed with
 * SKIP LOCKED, so any number of replicas can relay the same outbox. Delivery is at least once:
 * consumers are idempotent by event id.
 */
export class OutboxRelay {
  private readonly pool: pg.Pool;
  private listener: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly schema: DomainSchema,
    connectionString: string,
    private readonly sinks: EventSink[],
    private readonly logger: Logger,
  ) {
    this.pool = new pg.Pool({ connectionString, max: 2 });
    // An idle connection can be cut (database restart, failover); the next drain reconnects.
    this.pool.on('error', (err) => {
      if (!this.stopped) this.logger.warn({ err: brief(err) }, 'outbox relay connection lost');
    });
    this.connectionString = connectionString;
  }
  private readonly connectionString: string;

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    await client.connect();
    client.on('notification', (msg) => {
      if (msg.payload === this.schema) this.kick();
    });
    client.on('error', (err) => {
      if (!this.stopped)
        this.logger.warn({ err: brief(err) }, 'outbox listener lost; polling continues');
    });
    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    this.listener = client;
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.kick();
  }

  /** Runs a drain now, or once more right after the current one. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((err: unknown) => this.logger.error({ err }, 'outbox relay failed'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async drain(): Promise<void> {
    for (;;) {
      const published = await this.publishBatch();
      if (published < BATCH) return;
    }
  }

  private async publishBatch(): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<DomainEvent & { occurredAt: Date }>(
        `SELECT "id","type","entityType","entityId","organizationId","payload","occurredAt"
           FROM "${this.schema}"."outbox" WHERE "publishedAt" IS NULL
          ORDER BY "occurredAt", "id" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      for (const row of rows) {
        const event: DomainEvent = { ...row, occurredAt: new Date(row.occurredAt).toISOString() };
        for (const sink of this.sinks) await sink(event);
      }
      if (rows.length > 0) {
        await client.query(
          `UPDATE "${this.schema}"."outbox" SET "publishedAt" = now() WHERE "id" = ANY($1::uuid[])`,
          [rows.map((r) => r.id)],
        );
      }
      await client.query('COMMIT');
      return rows.length;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  beginStop(): void {
    this.stopped = true;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await this.listener?.end().catch(() => undefined);
    await this.pool.end();
  }
}

/** The message and code of a driver error, without the client object pino would print whole. */
export const brief = (err: Error & { code?: string }) => ({ message: err.message, code: err.code });

export const busSink =
  (bus: EventBus): EventSink =>
  (event) =>
    bus.publish(event);
