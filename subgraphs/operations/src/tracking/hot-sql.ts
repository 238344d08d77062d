import type { DbOrTx, Logger } from '@attendant/kit';
import pg from 'pg';

/**
 * Runs one of the tracking path's hot statements (a fleet sends hundreds of fixes a second).
 * `name` identifies the statement text, so a runner may prepare it once per connection.
 */
export interface HotSql {
  run<T>(name: string, text: string, values: readonly unknown[]): Promise<T[]>;
}

/** Through Prisma like every other query (tests, tools, a process that ingests rarely). */
export const prismaHotSql = (db: DbOrTx): HotSql => ({
  run: <T>(_name: string, text: string, values: readonly unknown[]) =>
    db.$queryRawUnsafe<T[]>(text, ...values),
});

/**
 * The ingest's own small pool with named prepared statements: PostgreSQL parses and plans each
 * statement once per connection instead of once per fix, and the calls skip Prisma's query
 * engine. Measured with `npm run bench:tracking -- --runs 0 --breakdown` (bench/results).
 * Rows come back as Prisma's raw queries give them: timestamps as Dates, json parsed, float8 and
 * int4 as numbers (the statements cast counts to int).
 */
export class PreparedHotSql implements HotSql {
  private readonly pool: pg.Pool;

  constructor(connectionString: string, poolSize: number, logger: Logger) {
    this.pool = new pg.Pool({ connectionString, max: poolSize });
    // An idle connection that drops is replaced on the next call; say so rather than crash.
    this.pool.on('error', (err) => logger.warn({ err }, 'tracking pool connection lost'));
  }

  async run<T>(name: string, text: string, values: readonly unknown[]): Promise<T[]> {
    const res = await this.pool.query({ name, text, values: [...values] });
    return res.rows as T[];
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
