import { signAccessToken } from '@attendant/kit';
import { migrateDeploy } from '@attendant/db/migrate';
import { createDb } from '@attendant/kit';
import { seed } from '@attendant/seed';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@attendant/runtime/embedded-postgres';
import { withDatabase } from '@attendant/runtime/net';
import { startNode, stopAll, waitReady, ROOT, type Child } from '@attendant/runtime/processes';
import { SUBGRAPHS } from '@attendant/runtime/subgraphs';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const SECRETS = {
  ACTOR_SIGNING_SECRET: 'bench-actor-signing-secret-0123456789abcdef',
  JWT_SECRET: 'bench-jwt-secret-0123456789abcdef0123456789ab',
  // Production mode requires it (secrets at rest are encrypted with it).
  DATA_ENCRYPTION_KEY: 'bench-data-encryption-key-0123456789abcdef0123',
};

export interface BenchStack {
  databaseUrl: string;
  subgraphUrls: Record<string, string>;
  children: Child[];
  /** A dispatcher of the seeded field-service organization. */
  dispatcher: { userId: string; organizationId: string; token: string };
  start(name: string, entry: string, env: Record<string, string>, readyUrl: string): Promise<Child>;
  stop(): Promise<void>;
}

export interface BenchStackOptions {
  /** Only these subgraphs (all five by default). */
  only?: string[];
  /** Extra environment for every process (e.g. the Twilio simulator's address). */
  env?: Record<string, string>;
}

/**
 * A seeded database (fresh, on DATABASE_URL's server or embedded) and the subgraphs, in production
 * mode. When anything fails while starting, what was started is stopped and the database dropped.
 */
export async function startBenchStack(
  basePort: number,
  options: BenchStackOptions = {},
): Promise<BenchStack> {
  let embedded: EmbeddedDatabase | null = null;
  let adminUrl = process.env['DATABASE_URL'];
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres(
      mkdtempSync(path.join(os.tmpdir(), 'attendant-bench-pg-')),
    );
    adminUrl = embedded.adminUrl;
  }
  const name = `attendant_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const children: Child[] = [];
  const stop = async () => {
    await stopAll(children);
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
    await embedded?.stop();
  };
  try {
    return await startOn(withDatabase(adminUrl, name), basePort, options, children, stop);
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
}

async function startOn(
  databaseUrl: string,
  basePort: number,
  options: BenchStackOptions,
  children: Child[],
  stop: () => Promise<void>,
): Promise<BenchStack> {
  await migrateDeploy(databaseUrl);
  const db = createDb(databaseUrl, 2);
  await seed(db);
  const user = await db.$queryRawUnsafe<{ id: string; organizationId: string }[]>(
    `SELECT id, "organizationId" FROM operations."user" WHERE email = 'dispatcher@northwind.demo'`,
  );
  await db.$disconnect();
  const { id: userId, organizationId } = user[0]!;
  const token = (
    await signAccessToken(
      { userId, organizationId, roles: ['DISPATCHER'] },
      SECRETS.JWT_SECRET,
      Date.now(),
    )
  ).token;

  const env = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    ...SECRETS,
    ...options.env,
  };
  const start = async (
    childName: string,
    entry: string,
    extra: Record<string, string>,
    readyUrl: string,
  ) => {
    const child = startNode(childName, entry, { ...env, ...extra });
    children.push(child);
    await waitReady(readyUrl, child);
    return child;
  };
  const subgraphUrls: Record<string, string> = {};
  for (const [i, { def }] of SUBGRAPHS.entries()) {
    if (options.only && !options.only.includes(def.name)) continue;
    const port = basePort + 1 + i;
    await start(
      def.name,
      `subgraphs/${def.name}/src/main.js`,
      { [`${def.name.toUpperCase()}_PORT`]: String(port) },
      `http://127.0.0.1:${port}/ready`,
    );
    subgraphUrls[def.name] = `http://127.0.0.1:${port}/graphql`;
  }
  return {
    databaseUrl,
    subgraphUrls,
    children,
    dispatcher: { userId, organizationId, token },
    start,
    stop,
  };
}

export const SUPERGRAPH = path.join(ROOT, 'gateway', 'supergraph.graphql');
