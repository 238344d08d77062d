/*
 * Every workaround that Prisma 6.19's driver-adapter path needs lives here.
 *
 * - The js schema engine reads catalog columns of type `name` (oid 19) and `char` (oid 18),
 *   which @prisma/adapter-pg cannot map ("Column type 'name' could not be deserialized").
 *   The migration adapter's pg client reports them as text (oid 25), which they are.
 * - The shadow database: PrismaPg builds it from `{ ...config, database }`, but node-postgres
 *   lets a connectionString win over `database`, so the engine would migrate the real database.
 *   We give the shadow database its own connection string.
 * - PrismaPg.executeScript splits a migration on every ";", which breaks function bodies
 *   ($$ … ; … $$). PostgreSQL's simple query protocol runs a whole script in one call, so the
 *   migration adapter sends it unsplit.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

const TEXT_OID = 25;
const CATALOG_TEXT_OIDS = new Set([18, 19]);

function reportCatalogTextAsText<T>(result: T): T {
  for (const r of Array.isArray(result) ? result : [result]) {
    const fields = (r as { fields?: { dataTypeID: number }[] } | undefined)?.fields;
    for (const field of fields ?? []) {
      if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

class CatalogTextClient extends pg.Client {
  // pg's query() has many overloads: pg-pool calls it with a callback, the adapter with none.
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (err: unknown, res: unknown) =>
        last(err, err ? res : reportCatalogTextAsText(res));
    }
    const out = (super.query as (...a: unknown[]) => unknown)(...args);
    if (out instanceof Promise) return out.then(reportCatalogTextAsText) as never;
    return out as never;
  }
}

export function databaseUrlFromEnv(): string {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is not set');
  return url;
}

/** The adapter the application's Prisma client runs on. */
export function createAdapter(connectionString: string, max = 10): PrismaPg {
  return new PrismaPg({ connectionString, max, idleTimeoutMillis: 10_000 });
}

type Connection = Awaited<ReturnType<PrismaPg['connect']>>;

function runScriptsWhole(conn: Connection): Connection {
  const queryable = conn as Connection & { client: pg.Pool; onError(error: unknown): never };
  conn.executeScript = async (script: string) => {
    try {
      await queryable.client.query(script);
    } catch (error) {
      queryable.onError(error);
    }
  };
  return conn;
}

function createMigrationAdapter(connectionString: string): PrismaPg {
  const adapter = new PrismaPg({ connectionString, max: 2, Client: CatalogTextClient });
  const connect = adapter.connect.bind(adapter);
  adapter.connect = async () => runScriptsWhole(await connect());
  return adapter;
}

/** A migration-aware adapter for the Prisma CLI (prisma.config.ts). */
export async function migrationAdapter(): Promise<PrismaPg> {
  const connectionString = databaseUrlFromEnv();
  const adapter = createMigrationAdapter(connectionString);
  adapter.connectToShadowDb = async () => {
    const admin = await adapter.connect();
    const database = `prisma_shadow_${globalThis.crypto.randomUUID().replaceAll('-', '')}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const url = new URL(connectionString);
    url.pathname = `/${database}`;
    const shadow = await createMigrationAdapter(url.toString()).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await admin.dispose();
    };
    return shadow;
  };
  return adapter;
}
