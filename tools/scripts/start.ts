/*
 * `npm start`: the whole platform on one machine.
 * - Without DATABASE_URL: embedded PostgreSQL 17 in .data/postgres (kept between starts).
 * - Applies migrations, seeds demo data on the first start, starts the five subgraphs and the
 *   gateway as separate processes, waits until each is ready, prints the URLs and demo logins.
 * - Ctrl-C stops every process and PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { migrateDeploy } from '@attendant/db/migrate';
import { createDb } from '@attendant/kit';
import { isSeeded, seed } from '@attendant/seed';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@attendant/seed/demo-logins';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@attendant/runtime/embedded-postgres';
import { withDatabase } from '@attendant/runtime/net';
import { ROOT, startNode, stopAll, waitReady, type Child } from '@attendant/runtime/processes';
import { GATEWAY_PORT, SUBGRAPHS } from '@attendant/runtime/subgraphs';

const DATA_DIR = path.resolve(process.env['ATTENDANT_DATA_DIR'] ?? path.join(ROOT, '.data'));
const log = (msg: string) => console.log(`[attendant] ${msg}`);

/** Dev secrets live in .data/secrets.json so sessions survive restarts; production must set them. */
function secrets(): { ACTOR_SIGNING_SECRET: string; JWT_SECRET: string } {
  if (process.env['ACTOR_SIGNING_SECRET'] && process.env['JWT_SECRET']) {
    return {
      ACTOR_SIGNING_SECRET: process.env['ACTOR_SIGNING_SECRET'],
      JWT_SECRET: process.env['JWT_SECRET'],
    };
  }
  if (process.env['NODE_ENV'] === 'production')
    throw new Error('Set ACTOR_SIGNING_SECRET and JWT_SECRET in production');
  const file = path.join(DATA_DIR, 'secrets.json');
  if (!existsSync(file)) {
    mkdirSync(DATA_DIR, { recursive: true });
    const fresh = {
      ACTOR_SIGNING_SECRET: randomBytes(32).toString('hex'),
      JWT_SECRET: randomBytes(32).toString('hex'),
    };
    writeFileSync(file, JSON.stringify(fresh, null, 2), { mode: 0o600 });
  }
  return JSON.parse(readFileSync(file, 'utf8')) as {
    ACTOR_SIGNING_SECRET: string;
    JWT_SECRET: string;
  };
}

async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return withDatabase(adminUrl, name);
}

async function main(): Promise<void> {
  const started = Date.now();
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = process.env['DATABASE_URL'];
  if (!databaseUrl) {
    log(
      `starting embedded PostgreSQL in ${path.relative(process.cwd(), path.join(DATA_DIR, 'postgres')) || '.'}`,
    );
    embedded = await startEmbeddedPostgres(
      path.join(DATA_DIR, 'postgres'),
      Number(process.env['EMBEDDED_PG_PORT'] ?? 5433),
    );
    databaseUrl = await ensureDatabase(embedded.adminUrl, 'attendant');
  }
  const children: Child[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    await stopAll(children);
    await embedded?.stop();
    log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    log('applying migrations');
    await migrateDeploy(databaseUrl);
    const db = createDb(databaseUrl, 2);
    if (!(await isSeeded(db))) {
      log('first start: seeding demo data');
      const summary = await seed(db);
      log(
        `seeded ${Object.entries(summary.counts)
          .map(([k, v]) => `${v} ${k}`)
          .join(', ')}`,
      );
    }
    await db.$disconnect();

    const env = {
      DATABASE_URL: databaseUrl,
      NODE_ENV: process.env['NODE_ENV'] ?? 'development',
      LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
      ...secrets(),
    };
    for (const { def, port } of SUBGRAPHS) {
      const portVar = `${def.name.toUpperCase()}_PORT`;
      const p = Number(process.env[portVar] ?? port);
      const child = startNode(def.name, `subgraphs/${def.name}/src/main.js`, {
        ...env,
        [portVar]: String(p),
      });
      children.push(child);
      await waitReady(`http://127.0.0.1:${p}/ready`, child);
    }
    const gatewayPort = Number(process.env['GATEWAY_PORT'] ?? GATEWAY_PORT);
    const gateway = startNode('gateway', 'gateway/src/main.js', {
      ...env,
      GATEWAY_PORT: String(gatewayPort),
    });
    children.push(gateway);
    await waitReady(`http://127.0.0.1:${gatewayPort}/ready`, gateway);
    for (const c of children)
      void c.exited.then((code) => !stopping && (log(`${c.name} exited (${code})`), void stop(1)));

    const url = `http://localhost:${gatewayPort}/graphql`;
    console.log(`
  Attendant is running (${((Date.now() - started) / 1000).toFixed(1)} s)

  Admin console            http://localhost:${gatewayPort}/admin/
  Technician app           http://localhost:${gatewayPort}/app/
  GraphQL API              ${url}
  WebSocket subscriptions  ${url.replace('http', 'ws')}
  Health / readiness       http://localhost:${gatewayPort}/health  /ready
  Database                 ${embedded ? `embedded PostgreSQL on 127.0.0.1:${embedded.port} (data in .data/postgres)` : 'DATABASE_URL'}

  Demo logins (password: ${DEMO_PASSWORD})
${DEMO_LOGINS.map((l) => `    ${l.email.padEnd(28)} ${l.roles.join(', ').padEnd(12)} ${l.note}`).join('\n')}

  Press Ctrl-C to stop.
`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    await stop(1);
  }
}

void main();
