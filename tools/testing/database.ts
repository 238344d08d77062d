import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { withDatabase } from '@attendant/runtime/net';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database of this run's PostgreSQL (cloned from the run's template). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env['ATTENDANT_TEST_ADMIN_URL'];
  const runId = process.env['ATTENDANT_TEST_RUN_ID'];
  const template = process.env['ATTENDANT_TEST_TEMPLATE'];
  if (!adminUrl || !runId || !template)
    throw new Error('Run tests through jest (its globalSetup prepares PostgreSQL)');
  const name = `attendant_t_${runId}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(adminUrl, name),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
