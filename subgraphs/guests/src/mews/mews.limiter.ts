/** Waits until a request for `key` (an AccessToken) fits the platform's rate limit. */
export interface RateLimiter {
  acquire(key: string): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Sliding-window limiter (default 200 requests per 30 s per AccessToken) for ONE process.
 * Several workers sharing an AccessToken need a shared implementation of `RateLimiter` (Redis
 * sorted set or a database table of request times); that comes with the sync workers, later.
 */
export interface InMemoryRateLimiterOptions {
  requests?: number;
  windowMs?: number;
  /**
   * Extra wait past the window: Mews stamps a request when it arrives, later than we stamp it
   * here, so releasing a slot exactly one window after our stamp would still be counted.
   */
  marginMs?: number;
  now?: () => number;
}

export class InMemoryRateLimiter implements RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly requests: number;
  private readonly spanMs: number;
  private readonly now: () => number;

  constructor(options: InMemoryRateLimiterOptions = {}) {
    this.requests = options.requests ?? 200;
    this.spanMs = (options.windowMs ?? 30_000) + (options.marginMs ?? 500);
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
}
