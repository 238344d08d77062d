import { createDb, type Db } from '@attendant/kit';
import { createTestDatabase, type TestDatabase } from '@attendant/testing';
import { Redis } from 'ioredis';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { loadMewsConfig } from './mews.config';
import {
  createMewsRateLimiter,
  hashLimiterKey,
  InMemoryRateLimiter,
  PgRateLimiter,
  REDIS_LIMITER_PREFIX,
  RedisRateLimiter,
  type RateLimiter,
} from './mews.limiter';

// Small limits keep each test around two seconds: 5 requests per 1000 ms (+100 ms margin).
const LIMITS = { requests: 5, windowMs: 1000, marginMs: 100 };
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const logger = pino({ level: 'silent' });

/** Redis is probed before the tests are declared, so an unreachable one skips its block. */
function redisUnreachableReason(url: string): string | null {
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const { Redis } = require('ioredis');
       const r = new Redis(process.argv[1], { lazyConnect: true, connectTimeout: 1000,
         maxRetriesPerRequest: 0, retryStrategy: () => null });
       let last;
       r.on('error', (e) => { last = e; });
       r.connect().then(() => r.ping()).then(
         () => { r.disconnect(); process.exit(0); },
         (e) => { console.error((last ?? e).message); process.exit(1); });`,
      url,
    ],
    { cwd: __dirname, encoding: 'utf8', timeout: 5000 },
  );
  if (probe.status === 0) return null;
  return (probe.stderr || probe.error?.message || 'no answer').trim();
}

/** Fires `count` acquires of `token`, alternating over `limiters`; returns the admit times. */
async function admitTimes(limiters: RateLimiter[], token: string, count: number) {
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      limiters[i % limiters.length]!.acquire(token).then(() => times.push(Date.now())),
    ),
  );
  return times.sort((a, b) => a - b);
}

/** No window of `windowMs` holds more than `requests` admissions, and the run took 2 windows. */
function expectWithinLimit(times: number[], started: number) {
  for (let i = LIMITS.requests; i < times.length; i++)
    expect(times[i]! - times[i - LIMITS.requests]!).toBeGreaterThanOrEqual(LIMITS.windowMs);
  expect(times[times.length - 1]! - started).toBeGreaterThanOrEqual(2 * LIMITS.windowMs);
}

/** Two tokens over one limiter: a full window of one does not delay the other. */
async function expectIndependentTokens(limiter: RateLimiter) {
  const a = `token-a-${randomUUID()}`;
  const b = `token-b-${randomUUID()}`;
  const started = Date.now();
  await Promise.all(Array.from({ length: LIMITS.requests }, () => limiter.acquire(a)));
  let aAdmitted = false;
  const blocked = limiter.acquire(a).then(() => (aAdmitted = true));
  await Promise.all(Array.from({ length: LIMITS.requests }, () => limiter.acquire(b)));
  expect(aAdmitted).toBe(false);
  expect(Date.now() - started).toBeLessThan(LIMITS.windowMs / 2);
  await blocked;
  expect(Date.now() - started).toBeGreaterThanOrEqual(LIMITS.windowMs);
}

describe('PgRateLimiter', () => {
  let database: TestDatabase;
  let db1: Db;
  let db2: Db;

  beforeAll(async () => {
    database = await createTestDatabase();
    db1 = createDb(database.url, 4);
    db2 = createDb(database.url, 4);
  });
  afterAll(async () => {
    await db1.$disconnect();
    await db2.$disconnect();
    await database.drop();
  });

  it('should admit at most N requests per window across two limiter instances when they share a token', async () => {
    const limiters = [
      new PgRateLimiter({ ...LIMITS, db: db1 }),
      new PgRateLimiter({ ...LIMITS, db: db2 }),
    ];
    const started = Date.now();
    const times = await admitTimes(limiters, `token-${randomUUID()}`, 15);
    expect(times).toHaveLength(15);
    expectWithinLimit(times, started);
  });

  it('should keep tokens independent', async () => {
    await expectIndependentTokens(new PgRateLimiter({ ...LIMITS, db: db1 }));
  });

  it('should not store the raw token', async () => {
    const token = `secret-${randomUUID()}`;
    await new PgRateLimiter({ ...LIMITS, db: db1 }).acquire(token);
    const rows = await db1.$queryRawUnsafe<{ key: string }[]>(
      'SELECT "key" FROM "guests"."mews_rate_slot"',
    );
    expect(rows.some((r) => r.key.includes(token))).toBe(false);
    expect(rows.filter((r) => r.key === hashLimiterKey(token))).toHaveLength(1);
  });

  it('should use PostgreSQL when no Redis URL is given', async () => {
    const limiter = createMewsRateLimiter({ ...LIMITS, db: db1, logger });
    expect(limiter).toBeInstanceOf(PgRateLimiter);
    await limiter.close?.();
  });
});

const redisDown = redisUnreachableReason(REDIS_URL);
if (redisDown)
  console.warn(`Skipping RedisRateLimiter tests: ${REDIS_URL} unreachable (${redisDown})`);

(redisDown ? describe.skip : describe)('RedisRateLimiter', () => {
  const limiters: RateLimiter[] = [];
  const limiter = (): RateLimiter => {
    const created = new RedisRateLimiter({ ...LIMITS, redis: REDIS_URL, logger });
    limiters.push(created);
    return created;
  };
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    await Promise.all(limiters.map((l) => l.close?.()));
    await redis.quit();
  });

  it('should admit at most N requests per window across two limiter instances when they share a token', async () => {
    const started = Date.now();
    const times = await admitTimes([limiter(), limiter()], `token-${randomUUID()}`, 15);
    expect(times).toHaveLength(15);
    expectWithinLimit(times, started);
  });

  it('should keep tokens independent', async () => {
    await expectIndependentTokens(limiter());
  });

  it('should not store the raw token', async () => {
    const token = `secret-${randomUUID()}`;
    await limiter().acquire(token);
    const key = REDIS_LIMITER_PREFIX + hashLimiterKey(token);
    expect(await redis.zcard(key)).toBe(1);
    expect(await redis.pttl(key)).toBeGreaterThan(0);
    const [, leaked] = await redis.scan('0', 'MATCH', `*${token}*`, 'COUNT', 100_000);
    expect(leaked).toEqual([]);
    const members = await redis.zrange(key, 0, -1);
    expect(members.some((m) => m.includes(token))).toBe(false);
    await redis.del(key);
  });

  it('should use Redis when a Redis URL is given', async () => {
    const created = createMewsRateLimiter({ ...LIMITS, db: {} as Db, redisUrl: REDIS_URL, logger });
    limiters.push(created);
    expect(created).toBeInstanceOf(RedisRateLimiter);
  });
});

describe('InMemoryRateLimiter', () => {
  it('should keep tokens independent', async () => {
    await expectIndependentTokens(new InMemoryRateLimiter(LIMITS));
  });
});

describe('loadMewsConfig', () => {
  it('should apply the defaults when nothing is set', () => {
    expect(loadMewsConfig({})).toEqual({
      MEWS_CLIENT_NAME: 'Attendant 1.0.0',
      MEWS_PAGE_SIZE: 1000,
      MEWS_WORKER_TICK_MS: 2000,
      MEWS_LEASE_MS: 20000,
      MEWS_BACKOFF_BASE_MS: 500,
      MEWS_RATE_LIMIT_REQUESTS: 200,
      MEWS_RATE_LIMIT_WINDOW_MS: 30_000,
      MEWS_POLL_OVERLAP_MS: 300_000,
      MEWS_WEBHOOK_BASE_URL: 'http://127.0.0.1:4000',
    });
  });

  it('should read the values when they are set', () => {
    const config = loadMewsConfig({
      MEWS_CLIENT_NAME: 'Attendant 2.0.0',
      MEWS_RATE_LIMIT_REQUESTS: '50',
      MEWS_RATE_LIMIT_WINDOW_MS: '10000',
      MEWS_POLL_OVERLAP_MS: '0',
      MEWS_WEBHOOK_BASE_URL: 'https://api.example.com',
    });
    expect(config).toMatchObject({
      MEWS_CLIENT_NAME: 'Attendant 2.0.0',
      MEWS_RATE_LIMIT_REQUESTS: 50,
      MEWS_RATE_LIMIT_WINDOW_MS: 10_000,
      MEWS_POLL_OVERLAP_MS: 0,
      MEWS_WEBHOOK_BASE_URL: 'https://api.example.com',
    });
  });

  it('should refuse a bad value when one is set', () => {
    expect(() => loadMewsConfig({ MEWS_RATE_LIMIT_REQUESTS: 'many' })).toThrow(
      /MEWS_RATE_LIMIT_REQUESTS/,
    );
    expect(() => loadMewsConfig({ MEWS_WEBHOOK_BASE_URL: 'ftp://x' })).toThrow(
      /MEWS_WEBHOOK_BASE_URL/,
    );
  });
});
