import pg from 'pg';

type Result = { rows: any[] };

/**
 * pg-boss's connection, kept by us so that stopping cannot strand a worker. pg's `Pool.end()`
 * never answers a query that is still waiting for a free connection, and pg-boss's workers poll
 * far more often than its few connections allow: a worker whose fetch was queued when the pool
 * ended would wait forever, and pg-boss would keep checking on it every second.
 *
 * Once closed, every query unanswered or asked later gets no result (`undefined`), exactly what
 * pg-boss's own connection answers once closed, which pg-boss reads as "nothing": a worker
 * fetches no job and ends, a completion it did not await marks nothing (the job expires and is
 * retried; handlers are idempotent). Rejecting instead would surface as unhandled rejections
 * from the calls pg-boss does not await.
 */
export class BossDb {
  private readonly pool: pg.Pool;
  private readonly waiting = new Set<(result: Result | undefined) => void>();
  private closed = false;

  constructor(connectionString: string, max: number, onError: (err: Error) => void) {
    this.pool = new pg.Pool({ connectionString, max, application_name: 'pgboss' });
    this.pool.on('error', onError);
  }

  executeSql(text: string, values: unknown[] = []): Promise<Result> {
    if (this.closed) return Promise.resolve(undefined as unknown as Result);
    return new Promise((resolve, reject) => {
      const answer = (result: Result | undefined) => resolve(result as Result);
      this.waiting.add(answer);
      this.pool.query(text, values).then(
        (result) => {
          this.waiting.delete(answer);
          resolve(result);
        },
        (err: Error) => {
          this.waiting.delete(answer);
          reject(err);
        },
      );
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const answer of this.waiting) answer(undefined);
    this.waiting.clear();
    // Ends once the queries that hold a connection have answered; queued ones are dropped.
    await this.pool.end();
  }
}
