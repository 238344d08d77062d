import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateDeploy } from '@attendant/db/migrate';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@attendant/runtime/embedded-postgres';
import { withDatabase } from '@attendant/runtime/net';
import { ROOT } from '@attendant/runtime/processes';

/*
 * One PostgreSQL for the whole run: the server at 127.0.0.1:5432 when it answers (or
 * ATTENDANT_TEST_DB=server), otherwise embedded PostgreSQL (or ATTENDANT_TEST_DB=embedded).
 * Migrations are applied once to a template database; every test file clones it, and the run
 * drops all its databases at the end, so runs never collide.
 */
const SERVER_URL =
  process.env['ATTENDANT_TEST_PG_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function serverAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

declare global {
  var __ATTENDANT_EMBEDDED__: EmbeddedDatabase | undefined;
}

export default async function globalSetup(): Promise<void> {
  // Worker threads (the dispatch optimizer) and child processes run the compiled JavaScript in
  // dist/; the build is incremental, so this costs a second when nothing changed.
  execFileSync(process.execPath, [path.join(ROOT, 'tools', 'scripts', 'build.mjs')], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const mode = process.env['ATTENDANT_TEST_DB'] ?? 'auto';
  let adminUrl: string;
  if (mode === 'server' || (mode === 'auto' && (await serverAnswers()))) {
    adminUrl = SERVER_URL;
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'attendant-test-pg-'));
    globalThis.__ATTENDANT_EMBEDDED__ = await startEmbeddedPostgres(dir);
    adminUrl = globalThis.__ATTENDANT_EMBEDDED__.adminUrl;
  }
  const runId = `${Date.now().toString(36)}${process.pid}`;
  const template = `attendant_t_${runId}_tpl`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();
  await migrateDeploy(withDatabase(adminUrl, template));
  process.env['ATTENDANT_TEST_ADMIN_URL'] = adminUrl;
  process.env['ATTENDANT_TEST_RUN_ID'] = runId;
  process.env['ATTENDANT_TEST_TEMPLATE'] = template;
  console.log(
    `\n[test db] ${adminUrl.includes(':5432/') ? 'server' : 'embedded'} PostgreSQL, run ${runId}`,
  );
}
