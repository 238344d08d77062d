/** The platform's rate limit: a sliding window of requests per AccessToken. */
export class SlidingWindowCounter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly requests: number,
    private readonly windowMs: number,
  ) {}

  /** Counts the request, or returns the seconds to wait when the window is full. */
  hit(key: string, now = Date.now()): { allowed: true } | { allowed: false; retryAfterS: number } {
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.requests) {
      this.hits.set(key, recent);
      const waitMs = recent[0]! + this.windowMs - now;
      return { allowed: false, retryAfterS: Math.max(1, Math.ceil(waitMs / 1000)) };
    }
    recent.push(now);
    this.hits.set(key, recent);
    return { allowed: true };
  }

  reset(): void {
    this.hits.clear();
  }
}
