import { SecretBox, signActor, type RunningSubgraph } from '@attendant/kit';
import { startMewsSim, type MewsSim } from '@attendant/mews-sim';
import {
  callSubgraph,
  createTestDatabase,
  startTestSubgraph,
  staffActor,
  testConsumer,
  TEST_SECRETS,
  type TestDatabase,
} from '@attendant/testing';
import { randomUUID } from 'node:crypto';
import { guestsModule, guestsSubgraph } from '../index';

let db: TestDatabase;
let sim: MewsSim;
let sub: RunningSubgraph;
const org = randomUUID();
const admin = staffActor(org, ['ADMIN'], randomUUID());

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  ms = 20_000,
) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const gql = <T = any>(query: string, variables: Record<string, unknown> = {}, actor = admin) =>
  callSubgraph<T>(sub.url, actor, query, variables);

const CONNECT = /* GraphQL */ `
  mutation ($input: ConnectMewsInput!) {
    connectMews(input: $input) {
      id
      status
      accessTokenHint
      latestRun {
        id
        status
      }
    }
  }
`;

async function connect() {
  const res = await gql(CONNECT, {
    input: {
      baseUrl: sim.url,
      webSocketUrl: sim.wsUrl.replace(/\/ws\/connector$/, ''),
      clientToken: sim.tokens.ClientToken,
      accessToken: sim.tokens.AccessToken,
      pollIntervalSeconds: 10,
    },
  });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.connectMews;
}

async function importFinished() {
  return until(
    'the import',
    async () => {
      const res = await gql(
        `{ mewsConnection { latestRun { id status percent error counts { phase done total } } } }`,
      );
      const run = res.body.data?.mewsConnection?.latestRun;
      if (run?.status === 'FAILED') throw new Error(`import failed: ${run.error}`);
      return run?.status === 'COMPLETED' ? run : null;
    },
    60_000,
  );
}

beforeAll(async () => {
  process.env['MEWS_RATE_LIMIT_REQUESTS'] = '200';
  db = await createTestDatabase();
  sim = await startMewsSim({ seed: 11 });
  sub = await startTestSubgraph(guestsSubgraph, db);
}, 60_000);

afterAll(async () => {
  await sub?.stop();
  await sim?.stop();
  await db?.drop();
});

describe('Mews sync', () => {
  it('should refuse to connect and store nothing when Mews rejects the tokens', async () => {
    const res = await gql(CONNECT, {
      input: { baseUrl: sim.url, clientToken: 'nope', accessToken: 'wrong-token' },
    });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.message).toMatch(/Mews rejected the tokens/);
    const after = await gql(`{ mewsConnection { id } }`);
    expect(after.body.data.mewsConnection).toBeNull();
  });

  it('should import every room, customer and reservation with progress when connected', async () => {
    const connection = await connect();
    expect(connection.status).toBe('CONNECTED');
    expect(connection.accessTokenHint).toBe(sim.tokens.AccessToken.slice(-4));
    const run = await importFinished();
    expect(run.percent).toBe(100);
    const counts = Object.fromEntries(run.counts.map((c: any) => [c.phase, c.done]));
    expect(counts).toMatchObject({ resources: 60, customers: 300, reservations: 400 });
    expect(await sub.db.reservation.count({ where: { organizationId: org } })).toBe(400);
    expect(await sub.db.guest.count({ where: { organizationId: org } })).toBe(300);
    expect(await sub.db.room.count({ where: { organizationId: org } })).toBe(60);
    // Scores, stays and VIP flags were computed once for everyone imported.
    expect(
      await sub.db.guest.count({ where: { organizationId: org, completeness: { gt: 0 } } }),
    ).toBe(300);
    const stayed = await sub.db.reservation.findMany({
      where: { organizationId: org, status: 'CHECKED_OUT' },
      distinct: ['guestId'],
      select: { guestId: true },
    });
    expect(await sub.db.guest.count({ where: { organizationId: org, stayCount: { gt: 0 } } })).toBe(
      stayed.length,
    );
    const vips = sim.state.customers.filter((c) => c.Classifications.includes('Vip')).length;
    expect(
      await sub.db.guest.count({ where: { organizationId: org, vip: true } }),
    ).toBeGreaterThanOrEqual(vips);
    // Tokens are sealed at rest.
    const row = await sub.db.mewsConnection.findUniqueOrThrow({ where: { organizationId: org } });
    expect(row.accessTokenEnc).not.toContain(sim.tokens.AccessToken);
  }, 90_000);

  it('should apply a reservation change pushed over the WebSocket', async () => {
    const target = sim.state.reservations.find((r) => r.State === 'Confirmed')!;
    const resource = sim.state.resources.find((r) => r.Id !== target.AssignedResourceId)!;
    await until(
      'the socket',
      async () =>
        (await sub.db.mewsConnection.findFirst({ where: { organizationId: org } }))?.importedAt,
    );
    await new Promise((r) => setTimeout(r, 500));
    sim.state.updateReservation(target.Id, { AssignedResourceId: resource.Id });
    const room = await sub.db.room.findFirstOrThrow({
      where: { organizationId: org, externalId: resource.Id },
    });
    await until('the reservation move', async () => {
      const r = await sub.db.reservation.findFirst({
        where: { organizationId: org, externalId: target.Id },
      });
      return r?.roomId === room.id;
    });
    const audit = await sub.db.syncAudit.findFirst({
      where: { organizationId: org, externalId: target.Id, action: 'UPDATED' },
    });
    expect(audit?.source).toBe('WEBSOCKET');
    expect(audit?.requestId).toBeTruthy();
  });

  it('should send a staff edit of a guest profile to Mews', async () => {
    const guest = await sub.db.guest.findFirstOrThrow({
      where: { organizationId: org, externalId: { not: null } },
    });
    const res = await gql(
      `mutation ($id: ID!) { updateGuest(id: $id, input: { phone: "+420 777 123 456" }) { id phone } }`,
      { id: guest.id },
    );
    expect(res.body.errors).toBeUndefined();
    await until(
      'the push',
      async () => sim.state.customer(guest.externalId!)?.Phone === '+420 777 123 456',
    );
    await until(
      'the sync status',
      async () =>
        (await sub.db.guest.findFirst({ where: { id: guest.id, organizationId: org } }))
          ?.syncStatus === 'SYNCED',
    );
  });

  it('should catch a change made while the socket was down on the next window poll', async () => {
    sim.admin.faults({ dropSockets: true });
    const customer = sim.state.customers[5]!;
    sim.state.updateCustomer(customer.Id, { LastName: 'Polled-Surname' });
    await sub.db.mewsConnection.update({
      where: { organizationId: org },
      data: { lastPollAt: null },
    });
    await until(
      'the poll',
      async () =>
        (await sub.db.guest.findFirst({ where: { organizationId: org, externalId: customer.Id } }))
          ?.lastName === 'Polled-Surname',
    );
  });

  it('should queue one fetch per entity for a duplicated webhook and reject a wrong secret', async () => {
    const connection = await sub.db.mewsConnection.findUniqueOrThrow({
      where: { organizationId: org },
    });
    const url = sub.url.replace(/\/graphql$/, '/internal/webhooks/mews/');
    const headers = {
      'content-type': 'application/json',
      ...signActor(staffActor(org), TEST_SECRETS.ACTOR_SIGNING_SECRET),
    };
    const customer = sim.state.customers[9]!;
    sim.state.customers[9]!.Email = 'webhook.changed@example.com';
    sim.state.customers[9]!.UpdatedUtc = new Date().toISOString();
    const body = JSON.stringify({
      Events: [{ Discriminator: 'CustomerUpdated', Value: { Id: customer.Id } }],
    });
    const bad = await fetch(`${url}not-the-secret-at-all`, { method: 'POST', headers, body });
    expect(bad.status).toBe(404);
    const secret = SecretBox.fromConfig(TEST_SECRETS).open(connection.webhookSecretEnc);
    const first = await fetch(`${url}${secret}`, { method: 'POST', headers, body });
    const second = await fetch(`${url}${secret}`, { method: 'POST', headers, body });
    expect([first.status, second.status]).toEqual([202, 202]);
    await until(
      'the webhook fetch',
      async () =>
        (await sub.db.guest.findFirst({ where: { organizationId: org, externalId: customer.Id } }))
          ?.email === 'webhook.changed@example.com',
    );
    const audits = await sub.db.syncAudit.count({
      where: { organizationId: org, externalId: customer.Id, source: 'WEBHOOK' },
    });
    expect(audits).toBe(1);
  });

  it('should bill a completed service order to Mews once however often it is delivered or retried', async () => {
    const stay = await sub.db.reservation.findFirstOrThrow({
      where: { organizationId: org, status: 'CHECKED_IN', externalId: { not: null } },
    });
    const workOrderId = randomUUID();
    const event = (id = randomUUID()) => ({
      id,
      type: 'WorkOrderCompleted',
      entityType: 'WorkOrder',
      entityId: workOrderId,
      organizationId: org,
      occurredAt: new Date().toISOString(),
      payload: {
        number: 501,
        title: 'Minibar refill',
        status: 'COMPLETED',
        kind: 'HOTEL_SERVICE',
        guestId: stay.guestId,
        reservationId: stay.id,
        priceMinor: 2450,
        currency: 'EUR',
      },
    });
    const charges = testConsumer(guestsSubgraph, sub, db, 'pms-charges');
    sim.admin.faults({ failNext: { status: 503, count: 1 } });
    const first = event();
    expect(await sub.jobs.runOnce(charges, first)).toBe(true);
    expect(await sub.jobs.runOnce(charges, first)).toBe(false); // redelivered
    await sub.jobs.runOnce(charges, event()); // the same order completed twice
    const external = `attendant-wo-${workOrderId}`;
    await until(
      'the charge to be posted',
      async () =>
        (await sub.db.pmsCharge.findFirst({ where: { organizationId: org, workOrderId } }))
          ?.postedAt,
    );
    const { sync } = guestsModule(sub);
    const charge = await sub.db.pmsCharge.findFirstOrThrow({
      where: { organizationId: org, workOrderId },
    });
    await sync.outbound.postCharge(org, charge.id); // a retried job
    await new Promise((r) => setTimeout(r, 300));
    const orders = sim.state.orders.filter((o) => o.ExternalIdentifiers.includes(external));
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ LinkedReservationId: stay.externalId });
    expect(await sub.db.pmsCharge.count({ where: { organizationId: org, workOrderId } })).toBe(1);
    const audit = await sub.db.syncAudit.findFirst({
      where: { organizationId: org, entityId: stay.id, action: 'CHARGED' },
    });
    expect(audit?.requestId).toBeTruthy();
    sim.admin.reset();
  });

  it('should dead-letter a push Mews refuses, flag the conflict and retry on request', async () => {
    const [mine, other] = await sub.db.guest.findMany({
      where: { organizationId: org, externalId: { not: null } },
      orderBy: { lastName: 'desc' },
      take: 2,
    });
    // Another Mews profile owns this address, unknown to the platform.
    sim.state.customer(other!.externalId!)!.Email = 'taken.in.mews@example.com';
    const res = await gql(
      `mutation ($id: ID!) { updateGuest(id: $id, input: { email: "taken.in.mews@example.com" }) { id } }`,
      { id: mine!.id },
    );
    expect(res.body.errors).toBeUndefined();
    const letter = await until('the dead letter', async () => {
      const list = await gql(
        `{ syncDeadLetters(status: OPEN) { nodes { id operation entityId error requestId attempts } } }`,
      );
      return (list.body.data?.syncDeadLetters.nodes as any[]).find((d) => d.entityId === mine!.id);
    });
    expect(letter.operation).toBe('push:customer');
    expect(letter.error).toMatch(/email/i);
    expect(letter.requestId).toBeTruthy();
    const row = await sub.db.guest.findFirstOrThrow({
      where: { id: mine!.id, organizationId: org },
    });
    expect(row.syncStatus).toBe('CONFLICT');
    const health = await gql(`{ mewsConnection { health { openDeadLetters openConflicts } } }`);
    expect(health.body.data.mewsConnection.health.openDeadLetters).toBeGreaterThan(0);
    // Once Mews frees the address, a retry goes through.
    sim.state.customer(other!.externalId!)!.Email = null;
    const retried = await gql(`mutation ($id: ID!) { retrySyncDeadLetter(id: $id) { status } }`, {
      id: letter.id,
    });
    expect(retried.body.data.retrySyncDeadLetter.status).toBe('RESOLVED');
    await until(
      'the retried push',
      async () => sim.state.customer(mine!.externalId!)?.Email === 'taken.in.mews@example.com',
    );
  });

  it('should re-read one guest from Mews on a manual re-sync and refuse an unlinked one', async () => {
    const guest = await sub.db.guest.findFirstOrThrow({
      where: { organizationId: org, externalId: { not: null } },
    });
    // Changed in Mews without any push event: only a re-sync (or the next poll) sees it.
    const c = sim.state.customer(guest.externalId!)!;
    c.Notes = 'Prefers the quiet wing';
    c.UpdatedUtc = new Date().toISOString();
    const res = await gql(`mutation ($id: ID!) { resyncGuest(id: $id) { notes } }`, {
      id: guest.id,
    });
    expect(res.body.data.resyncGuest.notes).toBe('Prefers the quiet wing');
    const local = await gql(
      `mutation { createGuest(input: { kind: HOTEL_GUEST, firstName: "Lo", lastName: "Cal" }) { id } }`,
    );
    const unlinked = await gql(`mutation ($id: ID!) { resyncGuest(id: $id) { id } }`, {
      id: local.body.data.createGuest.id,
    });
    expect(unlinked.body.errors?.[0]?.message).toMatch(/not linked/);
  });

  it('should re-sync a window on request and reject an inverted one', async () => {
    const bad = await gql(
      `mutation ($input: ResyncWindowInput!) { resyncMewsWindow(input: $input) { id } }`,
      { input: { from: new Date().toISOString(), to: new Date(Date.now() - 1000).toISOString() } },
    );
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const res = await gql(
      `mutation ($input: ResyncWindowInput!) { resyncMewsWindow(input: $input) { id kind status } }`,
      {
        input: {
          from: new Date(Date.now() - 86_400_000).toISOString(),
          to: new Date().toISOString(),
        },
      },
    );
    expect(res.body.data.resyncMewsWindow).toMatchObject({ kind: 'WINDOW', status: 'RUNNING' });
    await until('the window re-sync', async () => {
      const run = await gql(`query ($id: ID!) { syncRun(id: $id) { status } }`, {
        id: res.body.data.resyncMewsWindow.id,
      });
      return run.body.data?.syncRun.status === 'COMPLETED';
    });
  });

  it('should stop with a clear connection error when Mews answers 401', async () => {
    sim.admin.faults({ failNext: { status: 401, count: 50 } });
    const res = await gql(`mutation { testMewsConnection { ok message } }`);
    expect(res.body.data.testMewsConnection.ok).toBe(false);
    const after = await gql(`{ mewsConnection { status lastError } }`);
    expect(after.body.data.mewsConnection.status).toBe('ERROR');
    expect(after.body.data.mewsConnection.lastError).toMatch(/rejected the tokens/);
    sim.admin.reset();
  });

  it('should refuse the connection settings to other roles and tenants', async () => {
    const tech = await gql(`{ mewsConnection { id } }`, {}, staffActor(org, ['TECHNICIAN']));
    expect(tech.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const manager = await gql(
      `{ mewsConnection { webhookUrl } }`,
      {},
      staffActor(org, ['MANAGER']),
    );
    expect(manager.body.data.mewsConnection.webhookUrl).toBeNull();
    const mine = await gql(`{ mewsConnection { webhookUrl } }`);
    expect(mine.body.data.mewsConnection.webhookUrl).toMatch(/\/webhooks\/mews\/[\w-]{16,}$/);
    const other = await gql(`{ mewsConnection { id } }`, {}, staffActor(randomUUID(), ['ADMIN']));
    expect(other.body.data.mewsConnection).toBeNull();
  });
});
