import pg from 'pg';

/**
 * pg-boss's connection, kept by us so that stopping cannot strand a worker. pg's `Pool.end()`
 * never answers a query that is still waiting for a free connection, and pg-boss's workers poll
 * far more often than its few connections allow: a worker whose fetch was queued when the pool
 * ended would wait forever, and pg-boss would keep checking on it every second. Here, closing
 * fails every query that has not answered yet, so each worker sees an error, notices it is
 * stopping and ends.
 */
export class BossDb {
  private readonly pool: pg.Pool;
  private readonly waiting = new Set<(err: Error) => void>();
  private closed = false;

  constructor(connectionString: string, max: number, onError: (err: Error) => void) {
    this.pool = new pg.Pool({ connectionString, max, application_name: 'pgboss' });
    this.pool.on('error', onError);
  }

  executeSql(text: string, values: unknown[] = []): Promise<{ rows: any[] }> {
    if (this.closed) return Promise.reject(new Error('The job queue has stopped'));
    return new Promise((resolve, reject) => {
      this.waiting.add(reject);
      this.pool.query(text, values).then(
        (result) => {
          this.waiting.delete(reject);
          resolve(result);
        },
        (err: Error) => {
          this.waiting.delete(reject);
          reject(err);
        },
      );
    });
  }

  /** Queries still unanswered; for tests. */
  get pending(): number {
    return this.waiting.size;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const stopped = new Error('The job queue has stopped');
    for (const reject of this.waiting) reject(stopped);
    this.waiting.clear();
    // Ends once the queries that hold a connection have answered; queued ones are dropped.
    await this.pool.end();
  }
}
