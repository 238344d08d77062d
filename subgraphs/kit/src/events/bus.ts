import { Redis } from 'ioredis';
import pg from 'pg';
import type { Logger } from '../logger';
import type { DomainEvent } from './event';
import { brief } from './relay';

/** Fan-out of published events to every process that listens (gateways, mainly). */
export interface EventBus {
  publish(event: DomainEvent): Promise<void>;
  subscribe(handler: (event: DomainEvent) => void): Promise<() => Promise<void>>;
  /** Marks the shutdown early, so connection losses while stopping are not reported. */
  beginClose(): void;
  close(): Promise<void>;
}

const PG_CHANNEL = 'attendant_events';

/**
 * The NOTIFY that publishes `event` on the PostgreSQL bus, for a statement that wants to publish
 * as part of its own work (delivered at its commit, and only if it runs); null when the bus is
 * Redis, where the caller publishes with `EventBus.publish` instead.
 */
export function pgBusNotification(
  redisUrl: string | undefined,
  event: DomainEvent,
): { channel: string; payload: string } | null {
  return redisUrl ? null : { channel: PG_CHANNEL, payload: JSON.stringify(event) };
}
const REDIS_CHANNEL = 'attendant:events';

/** The default bus: PostgreSQL LISTEN/NOTIFY on one channel. */
export class PgEventBus implements EventBus {
  private readonly pool: pg.Pool;
  private listener: pg.Client | null = null;
  private closing = false;
  private readonly handlers = new Set<(event: DomainEvent) => void>();

  constructor(
    private readonly connectionString: string,
    private readonly logger: Logger,
  ) {
    this.pool = new pg.Pool({ connectionString, max: 2 });
    this.pool.on('error', (err) => {
      if (!this.closing) this.logger.warn({ err: brief(err) }, 'event bus connection lost');
    });
  }

  async publish(event: DomainEvent): Promise<void> {
    const { channel, payload } = pgBusNotification(undefined, event)!;
    await this.pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
  }

  async subscribe(handler: (event: DomainEvent) => void): Promise<() => Promise<void>> {
    this.handlers.add(handler);
    if (!this.listener) await this.listen();
    return async () => {
      this.handlers.delete(handler);
    };
  }

  /** LISTENs on a dedicated connection and reconnects when it is lost (clients refetch on gaps). */
  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    this.listener = client;
    let lost = false;
    const reconnect = (err?: Error) => {
      if (lost || this.closing) return;
      lost = true;
      this.logger.warn({ err: err && brief(err) }, 'event bus listener lost; reconnecting');
      setTimeout(
        () => void this.listen().catch((e: unknown) => reconnect(e as Error)),
        1000,
      ).unref();
    };
    client.on('notification', (msg) => {
      if (msg.channel === PG_CHANNEL && msg.payload) this.dispatch(msg.payload);
    });
    client.on('error', reconnect);
    client.on('end', () => reconnect());
    await client.connect();
    await client.query(`LISTEN ${PG_CHANNEL}`);
  }

  private dispatch(raw: string): void {
    const event = JSON.parse(raw) as DomainEvent;
    for (const handler of this.handlers) handler(event);
  }

  beginClose(): void {
    this.closing = true;
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
    await this.pool.end();
  }
}

/** With REDIS_URL set: Redis pub/sub, so gateway replicas need no database connection for events. */
export class RedisEventBus implements EventBus {
  private readonly pub: Redis;
  private sub: Redis | null = null;
  private readonly handlers = new Set<(event: DomainEvent) => void>();

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
  ) {
    this.pub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
  }

  async publish(event: DomainEvent): Promise<void> {
    await this.pub.publish(REDIS_CHANNEL, JSON.stringify(event));
  }

  async subscribe(handler: (event: DomainEvent) => void): Promise<() => Promise<void>> {
    this.handlers.add(handler);
    if (!this.sub) {
      const sub = new Redis(this.url);
      this.sub = sub;
      sub.on('message', (channel: string, raw: string) => {
        if (channel !== REDIS_CHANNEL) return;
        const event = JSON.parse(raw) as DomainEvent;
        for (const h of this.handlers) h(event);
      });
      sub.on('error', (err: Error) => this.logger.error({ err }, 'redis bus failed'));
      await sub.subscribe(REDIS_CHANNEL);
    }
    return async () => {
      this.handlers.delete(handler);
    };
  }

  beginClose(): void {
    // Redis connections are closed explicitly; nothing to silence.
  }

  async close(): Promise<void> {
    this.sub?.disconnect();
    this.sub = null;
    await this.pub.quit().catch(() => undefined);
  }
}

export function createEventBus(opts: {
  databaseUrl: string;
  redisUrl?: string | undefined;
  logger: Logger;
}): EventBus {
  return opts.redisUrl
    ? new RedisEventBus(opts.redisUrl, opts.logger)
    : new PgEventBus(opts.databaseUrl, opts.logger);
}
