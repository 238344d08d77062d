import { hashPassword, type Role, type RunningSubgraph } from '@attendant/kit';
import { loadGatewayConfig, startGateway, type RunningGateway } from '@attendant/gateway';
import { createClient, type Client } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { startMailSink, type MailSink } from '@attendant/mail-sink';
import { SUBGRAPHS } from '@attendant/runtime/subgraphs';
import type { TestDatabase } from './database';
import { startTestSubgraph, TEST_SECRETS, type GraphQLResponse } from './subgraph';

export interface Stack {
  subgraphs: Record<string, RunningSubgraph>;
  gateways: RunningGateway[];
  gateway: RunningGateway;
  /** The SMTP sink, when started with `mailSink: true`. */
  mailSink: MailSink | null;
  stop(): Promise<void>;
}

// Read by the communications subgraph on first use (see email.config.ts).
const MAIL_ENV = ['SMTP_URL', 'MAIL_SINK_URL', 'PUBLIC_BASE_URL'] as const;

/** Every subgraph and `gateways` gateways, in this process, talking real HTTP and WebSocket. */
export async function startStack(
  database: TestDatabase,
  opts: { gateways?: number; redisUrl?: string; mailSink?: boolean } = {},
): Promise<Stack> {
  // Email goes to a real SMTP server on loopback that keeps every mail for the test to read.
  const mailSink = opts.mailSink ? await startMailSink() : null;
  const savedEnv = Object.fromEntries(MAIL_ENV.map((name) => [name, process.env[name]]));
  if (mailSink) {
    process.env['SMTP_URL'] = mailSink.smtpUrl;
    process.env['MAIL_SINK_URL'] = mailSink.url;
  }
  const subgraphs: Record<string, RunningSubgraph> = {};
  for (const { def } of SUBGRAPHS)
    subgraphs[def.name] = await startTestSubgraph(def, database, { redisUrl: opts.redisUrl });
  const urlOf = (name: string) => subgraphs[name]?.url ?? 'http://127.0.0.1:9/graphql';
  const gateways: RunningGateway[] = [];
  for (let i = 0; i < (opts.gateways ?? 1); i++) {
    gateways.push(
      await startGateway(
        loadGatewayConfig({
          NODE_ENV: 'test',
          LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'silent',
          GATEWAY_PORT: '0',
          DATABASE_URL: database.url,
          ...(opts.redisUrl ? { REDIS_URL: opts.redisUrl } : {}),
          GUESTS_URL: urlOf('guests'),
          OPERATIONS_URL: urlOf('operations'),
          FINANCE_URL: urlOf('finance'),
          COMMUNICATIONS_URL: urlOf('communications'),
          ANALYTICS_URL: urlOf('analytics'),
          ...TEST_SECRETS,
        }),
      ),
    );
  }
  // Unsubscribe links point at the gateway, whose port is known only now.
  if (mailSink) process.env['PUBLIC_BASE_URL'] = gateways[0]!.origin;
  return {
    subgraphs,
    gateways,
    gateway: gateways[0]!,
    mailSink,
    async stop() {
      for (const g of gateways) await g.stop();
      for (const s of Object.values(subgraphs)) await s.stop();
      if (mailSink) {
        await mailSink.stop();
        for (const name of MAIL_ENV) {
          const saved = savedEnv[name];
          if (saved === undefined) delete process.env[name];
          else process.env[name] = saved;
        }
      }
    },
  };
}

/** A GraphQL call through the gateway, as a client would make it. */
export async function gql<T = Record<string, any>>(
  gateway: RunningGateway,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{ status: number; body: GraphQLResponse<T> }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers['authorization'] = `Bearer ${token}`;
  const res = await fetch(gateway.url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as GraphQLResponse<T> };
}

export async function login(
  gateway: RunningGateway,
  email: string,
  password: string,
): Promise<string> {
  const res = await gql<{ login: { accessToken: string } }>(
    gateway,
    'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }',
    { input: { email, password } },
  );
  if (!res.body.data?.login) throw new Error(`login failed: ${JSON.stringify(res.body.errors)}`);
  return res.body.data.login.accessToken;
}

export function wsClient(gateway: RunningGateway, token: string): Client {
  return createClient({
    url: gateway.wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
  });
}

/**
 * Subscribes through `client` and resolves with the first event that `until` accepts. `ready` resolves once the
 * gateway has registered the subscription, so a test can act without racing it.
 */
export function nextEvent<T = Record<string, any>>(
  gateway: RunningGateway,
  client: Client,
  query: string,
  variables: Record<string, unknown>,
  timeoutMs = 10_000,
  // Events of earlier changes may still be on their way; wait for the one the test is about.
  until: (data: T) => boolean = () => true,
): { ready: Promise<void>; result: Promise<T>; cancel: () => void } {
  let cancel: () => void = () => undefined;
  const before = gateway.hub.size;
  const ready = (async () => {
    const deadline = Date.now() + 10_000;
    while (gateway.hub.size <= before) {
      if (Date.now() > deadline) throw new Error('the gateway never registered the subscription');
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const result = new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      cancel();
      reject(new Error('no subscription event within timeout'));
    }, timeoutMs);
    cancel = client.subscribe<T>(
      { query, variables },
      {
        next: (value) => {
          if (!value.errors && !until(value.data as T)) return;
          clearTimeout(timer);
          cancel();
          if (value.errors) reject(new Error(JSON.stringify(value.errors)));
          else resolve(value.data as T);
        },
        error: (err) => {
          clearTimeout(timer);
          reject(err instanceof Error ? err : new Error(JSON.stringify(err)));
        },
        complete: () => undefined,
      },
    );
  });
  return { ready, result, cancel: () => cancel() };
}

export interface TenantFixture {
  organizationId: string;
  adminEmail: string;
  techEmail: string;
  technicianId: string;
  password: string;
}

/**
 * Another staff member of a test tenant, signing in with the tenant's password; the address is
 * `<local>@<the tenant's domain>` (`local` defaults to the role in lower case: manager@…).
 */
export async function addStaff(
  sub: RunningSubgraph,
  tenant: TenantFixture,
  staff: { name: string; role: Role; local?: string },
): Promise<{ id: string; email: string }> {
  const email = `${staff.local ?? staff.role.toLowerCase()}@${tenant.adminEmail.split('@')[1]}`;
  const user = await sub.db.user.create({
    data: {
      organizationId: tenant.organizationId,
      email,
      name: staff.name,
      passwordHash: await hashPassword(tenant.password),
      roles: [staff.role],
    },
  });
  return { id: user.id, email };
}

/** An organization with an admin and a technician user (linked to a Technician row, on call). */
export async function createTenant(sub: RunningSubgraph, name: string): Promise<TenantFixture> {
  const organizationId = randomUUID();
  const slug = `${name.toLowerCase().replace(/\W+/g, '-')}-${organizationId.slice(0, 8)}`;
  const password = 'correct horse battery';
  const passwordHash = await hashPassword(password);
  await sub.db.organization.create({
    data: { id: organizationId, name, slug, kind: 'FIELD_SERVICE', currency: 'USD' },
  });
  const adminEmail = `admin@${slug}.test`;
  const techEmail = `tech@${slug}.test`;
  await sub.db.user.create({
    data: {
      organizationId,
      email: adminEmail,
      name: `${name} Admin`,
      passwordHash,
      roles: ['ADMIN'],
    },
  });
  const tech = await sub.db.user.create({
    data: {
      organizationId,
      email: techEmail,
      name: `${name} Tech`,
      passwordHash,
      roles: ['TECHNICIAN'],
    },
  });
  // On call around the clock, so a test booking them "in an hour" works on any day and hour.
  const technician = await sub.db.technician.create({
    data: {
      organizationId,
      name: `${name} Tech`,
      userId: tech.id,
      shiftStartMin: 0,
      shiftEndMin: 1440,
      workDays: [1, 2, 3, 4, 5, 6, 7],
    },
  });
  return { organizationId, adminEmail, techEmail, technicianId: technician.id, password };
}
