import {
  createLogger,
  loadConfig,
  signActor,
  startSubgraph,
  type Actor,
  type EventConsumer,
  type RunningSubgraph,
  type SubgraphDefinition,
} from '@attendant/kit';
import type { TestDatabase } from './database';

export const TEST_SECRETS = {
  ACTOR_SIGNING_SECRET: 'test-actor-signing-secret-0123456789abcdef',
  JWT_SECRET: 'test-jwt-secret-0123456789abcdef0123456789',
};

export function testConfig(database: TestDatabase, extra: Record<string, string> = {}) {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'silent',
    DB_POOL_SIZE: '4',
    ...TEST_SECRETS,
    ...extra,
  });
}

/** A real subgraph on a random loopback port, on the given test database. */
export function startTestSubgraph(
  def: SubgraphDefinition,
  database: TestDatabase,
  opts: { onQuery?: (sql: string) => void; redisUrl?: string | undefined } = {},
): Promise<RunningSubgraph> {
  const extra: Record<string, string> = opts.redisUrl ? { REDIS_URL: opts.redisUrl } : {};
  return startSubgraph(def, testConfig(database, extra), { port: 0, onQuery: opts.onQuery });
}

export function staffActor(
  organizationId: string,
  roles: Actor['roles'] = ['ADMIN'],
  userId: string | null = null,
): Actor {
  return { kind: 'user', organizationId, userId, apiKeyId: null, roles, scopes: [] };
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> & { code?: string } }[];
}

/** POSTs a GraphQL request to a subgraph as the gateway would, signed for `actor`. */
export async function callSubgraph<T = Record<string, any>>(
  url: string,
  actor: Actor | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ status: number; body: GraphQLResponse<T> }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (actor) Object.assign(headers, signActor(actor, TEST_SECRETS.ACTOR_SIGNING_SECRET));
  const res = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as GraphQLResponse<T> };
}

/** A subgraph's event consumer by name, wired to a running test subgraph's database. */
export function testConsumer(
  def: SubgraphDefinition,
  sub: RunningSubgraph,
  database: TestDatabase,
  name: string,
): EventConsumer {
  const deps = {
    db: sub.db,
    config: testConfig(database),
    logger: createLogger(`${def.name}-test`, 'silent'),
  };
  const consumer = def.consumers?.(deps).find((c) => c.name === name);
  if (!consumer) throw new Error(`${def.name} has no consumer named ${name}`);
  return consumer;
}
