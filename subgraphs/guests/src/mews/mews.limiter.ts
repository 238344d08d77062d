import type { Db, Logger } from '@attendant/kit';
import { Redis } from 'ioredis';
import { createHash, randomUUID } from 'node:crypto';

/** Waits until a request for `key` (an AccessToken) fits the platform's rate limit. */
export interface RateLimiter {
  acquire(key: string): Promise<void>;
  /** Releases connections the limiter holds (Redis); absent or a no-op otherwise. */
  close?(): Promise<void>;
}

export interface RateLimitOptions {
  /** Requests allowed per window and AccessToken (Mews: 200). */
  requests?: number;
  /** Window length in ms (Mews: 30 s). */
  windowMs?: number;
  /**
   * Extra wait past the window: Mews stamps a request when it arrives, later than we stamp it
   * here, so releasing a slot exactly one window after our stamp would still be counted.
   */
  marginMs?: number;
}

const DEFAULT_REQUESTS = 200;
const DEFAULT_WINDOW_MS = 30_000;
const DEFAULT_MARGIN_MS = 500;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The AccessToken is a secret: shared limiters store and lock on its SHA-256 instead. */
export function hashLimiterKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function spanOf(options: RateLimitOptions): { requests: number; spanMs: number } {
  const requests = options.requests ?? DEFAULT_REQUESTS;
  const spanMs = (options.windowMs ?? DEFAULT_WINDOW_MS) + (options.marginMs ?? DEFAULT_MARGIN_MS);
  if (!Number.isInteger(requests) || requests < 1)
    throw new Error('rate limit requests must be a positive integer');
  if (!Number.isFinite(spanMs) || spanMs <= 0) throw new Error('rate limit window must be > 0');
  return { requests, spanMs };
}

/**
 * Runs `task`s of the same key one after another in this process. Callers of a shared limiter
 * then queue here instead of each polling the shared store while the window is full.
 */
class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run(key: string, task: () => Promise<void>): Promise<void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}

/**
 * Sliding-window limiter (default 200 requests per 30 s per AccessToken) for ONE process.
 * Workers that share an AccessToken use `PgRateLimiter` or `RedisRateLimiter` instead.
 */
export interface InMemoryRateLimiterOptions extends RateLimitOptions {
  now?: () => number;
}

export class InMemoryRateLimiter implements RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly requests: number;
  private readonly spanMs: number;
  private readonly now: () => number;

  constructor(options: InMemoryRateLimiterOptions = {}) {
    ({ requests: this.requests, spanMs: this.spanMs } = spanOf(options));
    this.now = options.now ?? Date.now;
  }

  async acquire(key: string): Promise<void> {
    for (;;) {
      const now = this.now();
      const recent = (this.hits.get(key) ?? []).filter((t) => t > now - this.spanMs);
      if (recent.length < this.requests) {
        recent.push(now);
        this.hits.set(key, recent);
        return;
      }
      this.hits.set(key, recent);
      await sleep(Math.max(1, recent[0]! + this.spanMs - now));
    }
  }

  async close(): Promise<void> {
    // Nothing held.
  }
}

export interface PgRateLimiterOptions extends RateLimitOptions {
  db: Db;
  logger?: Logger;
}

const SLOTS = '"guests"."mews_rate_slot"';

/**
 * Sliding window shared through PostgreSQL (table `guests.mews_rate_slot`, one row per admitted
 * request): the default shared limiter, also in embedded mode. Each attempt is one short
 * transaction serialized per key by a transaction-scoped advisory lock; times come from the
 * database clock, which every worker agrees on. Raw SQL: the table has no organization, so the
 * tenancy guard has nothing to check.
 */
export class PgRateLimiter implements RateLimiter {
  private readonly db: Db;
  private readonly logger: Logger | undefined;
  private readonly requests: number;
  private readonly spanMs: number;
  private readonly queue = new KeyedQueue();

  constructor(options: PgRateLimiterOptions) {
    ({ requests: this.requests, spanMs: this.spanMs } = spanOf(options));
    this.db = options.db;
    this.logger = options.logger;
  }

  acquire(key: string): Promise<void> {
    const hashed = hashLimiterKey(key);
    return this.queue.run(hashed, async () => {
      for (;;) {
        const waitMs = await this.tryAcquire(hashed);
        if (waitMs === 0) return;
        this.logger?.debug({ waitMs }, 'mews rate limit reached, waiting');
        await sleep(waitMs);
      }
    });
  }

  async close(): Promise<void> {
    // The Db client belongs to the caller.
  }

  /** 0 when a slot was taken, else the ms until the oldest slot leaves the window. */
  private tryAcquire(hashed: string): Promise<number> {
    return this.db.$transaction(
      async (tx) => {
        // Its own statement: later statements (READ COMMITTED) then see the previous holder's slot.
        await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', hashed);
        // clock_timestamp(), not now(): now() is when the transaction began, before the lock wait.
        await tx.$executeRawUnsafe(
          `DELETE FROM ${SLOTS} WHERE "key" = $1
             AND "at" <= clock_timestamp() - make_interval(secs => $2::float8 / 1000)`,
          hashed,
          this.spanMs,
        );
        const [row] = await tx.$queryRawUnsafe<{ count: number; waitMs: number | null }[]>(
          `SELECT count(*)::int AS "count",
                  ceil(extract(epoch FROM min("at") - clock_timestamp()) * 1000 + $2::float8)::float8
                    AS "waitMs"
             FROM ${SLOTS} WHERE "key" = $1`,
          hashed,
          this.spanMs,
        );
        if ((row?.count ?? 0) < this.requests) {
          await tx.$executeRawUnsafe(
            `INSERT INTO ${SLOTS} ("key", "at") VALUES ($1, clock_timestamp())`,
            hashed,
          );
          return 0;
        }
        return Math.max(1, row?.waitMs ?? 1);
      },
      { maxWait: 10_000, timeout: 10_000 },
    );
  }
}

/**
 * KEYS[1] sorted set of admitted requests (score = ms); ARGV: requests, span ms, unique member.
 * Returns 0 when admitted, else the ms until the oldest request leaves the window. TIME is the
 * Redis server clock, shared by every worker.
 */
const ACQUIRE_SCRIPT = `
local limit = tonumber(ARGV[1])
local span = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - span)
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], span)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + span - now)
`;

export const REDIS_LIMITER_PREFIX = 'attendant:mews-rate:';

type ScriptedRedis = Redis & {
  mewsRateAcquire(key: string, requests: number, spanMs: number, member: string): Promise<number>;
};

export interface RedisRateLimiterOptions extends RateLimitOptions {
  /** A redis:// URL (the limiter opens and owns the connection) or an existing client. */
  redis: string | Redis;
  logger?: Logger;
}

/** Sliding window shared through a Redis sorted set per hashed AccessToken (one Lua script). */
export class RedisRateLimiter implements RateLimiter {
  private readonly redis: ScriptedRedis;
  private readonly ownsConnection: boolean;
  private readonly logger: Logger | undefined;
  private readonly requests: number;
  private readonly spanMs: number;
  private readonly queue = new KeyedQueue();

  constructor(options: RedisRateLimiterOptions) {
    ({ requests: this.requests, spanMs: this.spanMs } = spanOf(options));
    this.logger = options.logger;
    this.ownsConnection = typeof options.redis === 'string';
    const redis = typeof options.redis === 'string' ? new Redis(options.redis) : options.redis;
    if (this.ownsConnection)
      redis.on('error', (err: Error) =>
        this.logger?.error({ err }, 'mews rate limiter redis failed'),
      );
    redis.defineCommand('mewsRateAcquire', { numberOfKeys: 1, lua: ACQUIRE_SCRIPT });
    this.redis = redis as ScriptedRedis;
  }

  acquire(key: string): Promise<void> {
    const redisKey = REDIS_LIMITER_PREFIX + hashLimiterKey(key);
    return this.queue.run(redisKey, async () => {
      for (;;) {
        const waitMs = Number(
          await this.redis.mewsRateAcquire(redisKey, this.requests, this.spanMs, randomUUID()),
        );
        if (waitMs === 0) return;
        this.logger?.debug({ waitMs }, 'mews rate limit reached, waiting');
        await sleep(waitMs);
      }
    });
  }

  async close(): Promise<void> {
    if (this.ownsConnection) await this.redis.quit().catch(() => undefined);
  }
}

export interface MewsRateLimiterFactoryOptions extends RateLimitOptions {
  db: Db;
  redisUrl?: string | undefined;
  logger: Logger;
}

/** The limiter shared by every worker: Redis when `redisUrl` is set, else PostgreSQL. */
export function createMewsRateLimiter(options: MewsRateLimiterFactoryOptions): RateLimiter {
  const { db, redisUrl, logger, ...limits } = options;
  const limiter = redisUrl
    ? new RedisRateLimiter({ ...limits, redis: redisUrl, logger })
    : new PgRateLimiter({ ...limits, db, logger });
  logger.debug(
    {
      store: redisUrl ? 'redis' : 'postgresql',
      requests: limits.requests,
      windowMs: limits.windowMs,
    },
    'mews rate limiter ready',
  );
  return limiter;
}
