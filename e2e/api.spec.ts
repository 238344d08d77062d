import {
  createTenant,
  createTestDatabase,
  gql,
  login,
  nextEvent,
  startStack,
  wsClient,
  type Stack,
  type TenantFixture,
  type TestDatabase,
  TEST_SECRETS,
} from '@attendant/testing';
import { ACCESS_TOKEN_TTL_SECONDS, signAccessToken, verifyAccessToken } from '@attendant/kit';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

const WORK_ORDER_CHANGED = /* GraphQL */ `
  subscription ($id: ID) {
    workOrderChanged(filter: { id: $id }) {
      id
      status
      version
      guest {
        id
        firstName
        lastName
      }
      technician {
        name
      }
    }
  }
`;

describe('API end to end: gateway + five subgraphs on a fresh database', () => {
  let database: TestDatabase;
  let stack: Stack;
  let acme: TenantFixture;
  let rival: TenantFixture;
  let acmeToken: string;
  let rivalToken: string;
  let guestId: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    stack = await startStack(database);
    acme = await createTenant(stack.subgraphs['operations']!, 'Acme Services');
    rival = await createTenant(stack.subgraphs['operations']!, 'Rival Services');
    acmeToken = await login(stack.gateway, acme.adminEmail, acme.password);
    rivalToken = await login(stack.gateway, rival.adminEmail, rival.password);
    const guest = await gql(
      stack.gateway,
      `mutation { createGuest(input: { kind: CUSTOMER, firstName: "Grace", lastName: "Hopper", email: "grace@example.com" }) { id } }`,
      {},
      acmeToken,
    );
    guestId = guest.body.data!.createGuest.id;
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await stack.stop();
    await database.drop();
  });

  const createWorkOrder = (token: string, extra: Record<string, unknown> = {}) =>
    gql(
      stack.gateway,
      `mutation ($input: CreateWorkOrderInput!) { createWorkOrder(input: $input) { id number status version } }`,
      {
        input: {
          kind: 'FIELD_JOB',
          title: 'Replace thermostat',
          guestId,
          priceMinor: 15000,
          currency: 'USD',
          ...extra,
        },
      },
      token,
    );

  it('should report health and readiness on the gateway and on every subgraph', async () => {
    const base = stack.gateway.url.replace(/\/graphql$/, '');
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      subgraphs: {
        guests: true,
        operations: true,
        finance: true,
        communications: true,
        analytics: true,
      },
    });
    for (const sub of Object.values(stack.subgraphs)) {
      const url = sub.url.replace(/\/graphql$/, '');
      expect((await fetch(`${url}/health`)).status).toBe(200);
      expect((await fetch(`${url}/ready`)).status).toBe(200);
    }
  });

  it('should refuse a bad password with UNAUTHENTICATED', async () => {
    const res = await gql(
      stack.gateway,
      'mutation { login(input: { email: "nobody@example.com", password: "nope" }) { accessToken } }',
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('should resolve a work order with fields from operations, guests and finance in one query', async () => {
    const wo = (await createWorkOrder(acmeToken)).body.data!.createWorkOrder;
    const res = await gql(
      stack.gateway,
      `query ($id: ID!) { workOrder(id: $id) { number title status guest { firstName lastName openWorkOrders { id } invoices { id } } } }`,
      { id: wo.id },
      acmeToken,
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.workOrder).toMatchObject({
      number: wo.number,
      status: 'NEW',
      guest: { firstName: 'Grace', lastName: 'Hopper', invoices: [] },
    });
    expect(
      res.body.data!.workOrder.guest.openWorkOrders.map((w: { id: string }) => w.id),
    ).toContain(wo.id);
  });

  it('should deliver a status change to a subscriber with the guest name from another subgraph', async () => {
    const wo = (
      await createWorkOrder(acmeToken, {
        technicianId: acme.technicianId,
        scheduledStart: new Date(Date.now() + 3600_000).toISOString(),
      })
    ).body.data!.createWorkOrder;
    const client = wsClient(stack.gateway, acmeToken);
    clients.push(client);
    const sub = nextEvent<{ workOrderChanged: Record<string, any> }>(
      stack.gateway,
      client,
      WORK_ORDER_CHANGED,
      { id: wo.id },
      10_000,
      (d) => d.workOrderChanged['status'] === 'SCHEDULED',
    );
    await sub.ready;
    const changed = await gql(
      stack.gateway,
      `mutation ($input: ChangeWorkOrderStatusInput!) { changeWorkOrderStatus(input: $input) { status } }`,
      { input: { id: wo.id, status: 'SCHEDULED' } },
      acmeToken,
    );
    expect(changed.body.errors).toBeUndefined();
    const event = await sub.result;
    expect(event.workOrderChanged).toMatchObject({
      id: wo.id,
      status: 'SCHEDULED',
      guest: { firstName: 'Grace', lastName: 'Hopper' },
      technician: { name: 'Acme Services Tech' },
    });
  });

  it('should answer NOT_FOUND and send no event to another tenant for the same ids', async () => {
    const wo = (await createWorkOrder(acmeToken)).body.data!.createWorkOrder;
    const read = await gql(
      stack.gateway,
      `query ($id: ID!) { workOrder(id: $id) { id } }`,
      { id: wo.id },
      rivalToken,
    );
    expect(read.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const guest = await gql(
      stack.gateway,
      `query ($id: ID!) { guest(id: $id) { id } }`,
      { id: guestId },
      rivalToken,
    );
    expect(guest.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const rivalClient = wsClient(stack.gateway, rivalToken);
    const acmeClient = wsClient(stack.gateway, acmeToken);
    clients.push(rivalClient, acmeClient);
    const rivalSub = nextEvent(stack.gateway, rivalClient, WORK_ORDER_CHANGED, { id: wo.id }, 3000);
    await rivalSub.ready;
    const acmeSub = nextEvent<{ workOrderChanged: { status: string } }>(
      stack.gateway,
      acmeClient,
      WORK_ORDER_CHANGED,
      { id: wo.id },
      10_000,
      (d) => d.workOrderChanged.status === 'ON_HOLD',
    );
    await acmeSub.ready;
    await gql(
      stack.gateway,
      `mutation ($input: ChangeWorkOrderStatusInput!) { changeWorkOrderStatus(input: $input) { status } }`,
      { input: { id: wo.id, status: 'ON_HOLD', reason: 'Customer asked to wait' } },
      acmeToken,
    );
    await expect(acmeSub.result).resolves.toMatchObject({
      workOrderChanged: { status: 'ON_HOLD' },
    });
    await expect(rivalSub.result).rejects.toThrow(/no subscription event/);
  });

  it('should close a WebSocket with 4401 when its access token expires', async () => {
    const claims = await verifyAccessToken(acmeToken, TEST_SECRETS.JWT_SECRET);
    // Issued so that it expires one second from now.
    const { token } = await signAccessToken(
      claims!,
      TEST_SECRETS.JWT_SECRET,
      Date.now() - (ACCESS_TOKEN_TTL_SECONDS - 1) * 1000,
    );
    const closed = new Promise<number>((resolve) => {
      const client = createClient({
        url: stack.gateway.wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
        retryAttempts: 0,
        lazy: false,
        on: { closed: (event) => resolve((event as { code: number }).code) },
        onNonLazyError: () => undefined, // the close is what this test expects
      });
      clients.push(client);
    });
    await expect(closed).resolves.toBe(4401);
  });

  it('should close with 4401 too when the token has already expired at connection_init', async () => {
    const claims = await verifyAccessToken(acmeToken, TEST_SECRETS.JWT_SECRET);
    const { token } = await signAccessToken(
      claims!,
      TEST_SECRETS.JWT_SECRET,
      Date.now() - (ACCESS_TOKEN_TTL_SECONDS + 10) * 1000,
    );
    const closed = new Promise<number>((resolve) => {
      const client = createClient({
        url: stack.gateway.wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
        retryAttempts: 0,
        lazy: false,
        on: { closed: (event) => resolve((event as { code: number }).code) },
        onNonLazyError: () => undefined,
      });
      clients.push(client);
    });
    // The client refreshes its token on 4401; 4403 would read as "not allowed".
    await expect(closed).resolves.toBe(4401);
  });

  it('should refuse a 51st live subscription on one connection', async () => {
    const client = wsClient(stack.gateway, acmeToken);
    clients.push(client);
    const query = 'subscription { workOrderChanged { id } }';
    const cancels = Array.from({ length: 50 }, () =>
      client.subscribe(
        { query },
        { next: () => undefined, error: () => undefined, complete: () => undefined },
      ),
    );
    const refused = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query },
        { next: () => undefined, error: resolve, complete: () => resolve(null) },
      );
    });
    expect(JSON.stringify(refused)).toMatch(/At most 50 subscriptions per connection/);
    for (const cancel of cancels) cancel();
  });

  it('should refuse a request made straight to a subgraph without the gateway signature', async () => {
    const res = await fetch(stack.subgraphs['operations']!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${acmeToken}` },
      body: JSON.stringify({ query: '{ workOrders { totalCount } }' }),
    });
    expect(res.status).toBe(401);
  });

  it('should answer BAD_USER_INPUT with a message and write nothing when input is invalid', async () => {
    const before = await gql(stack.gateway, '{ workOrders { totalCount } }', {}, acmeToken);
    const res = await createWorkOrder(acmeToken, { title: 'x', estimatedMinutes: 2 });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.message).toMatch(/Title must be 3 to 200 characters/);
    const after = await gql(stack.gateway, '{ workOrders { totalCount } }', {}, acmeToken);
    expect(after.body.data!.workOrders.totalCount).toBe(before.body.data!.workOrders.totalCount);
  });

  it('should draft an invoice in finance when a work order is completed', async () => {
    const wo = (
      await createWorkOrder(acmeToken, {
        technicianId: acme.technicianId,
        // Clear of the job booked an hour ahead above (the same technician cannot be double-booked).
        scheduledStart: new Date(Date.now() + 3 * 3600_000).toISOString(),
      })
    ).body.data!.createWorkOrder;
    for (const status of [
      'SCHEDULED',
      'DISPATCHED',
      'EN_ROUTE',
      'ARRIVED',
      'IN_PROGRESS',
      'COMPLETED',
    ]) {
      const r = await gql(
        stack.gateway,
        `mutation ($input: ChangeWorkOrderStatusInput!) { changeWorkOrderStatus(input: $input) { status } }`,
        { input: { id: wo.id, status } },
        acmeToken,
      );
      expect(r.body.errors).toBeUndefined();
    }
    const deadline = Date.now() + 15_000;
    let invoice: any = null;
    while (!invoice && Date.now() < deadline) {
      const res = await gql(
        stack.gateway,
        `query ($id: ID!) { workOrder(id: $id) { invoice { status total { amountMinor currency } } } }`,
        { id: wo.id },
        acmeToken,
      );
      invoice = res.body.data?.workOrder?.invoice;
      if (!invoice) await new Promise((r) => setTimeout(r, 250));
    }
    expect(invoice).toEqual({ status: 'DRAFT', total: { amountMinor: 15000, currency: 'USD' } });
  });

  it('should refuse an unauthenticated query and an invalid token', async () => {
    const anon = await gql(stack.gateway, '{ workOrders { totalCount } }');
    expect(anon.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const bad = await gql(stack.gateway, '{ workOrders { totalCount } }', {}, 'not-a-token');
    expect(bad.status).toBe(401);
  });

  it('should refuse a query that is too deep or too expensive before calling subgraphs', async () => {
    // 16 levels of work order → guest → open work orders, against a limit of 12.
    const nest = (n: number): string =>
      n === 0 ? 'id' : `guest { openWorkOrders { ${nest(n - 1)} } }`;
    const deep = `{ workOrders { nodes { ${nest(7)} } } }`;
    const tooDeep = await gql(stack.gateway, deep, {}, acmeToken);
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.errors?.[0]?.message).toMatch(/exceeds maximum operation depth/);
    // A page of 50 with nested fields is an ordinary screen, not an expensive query.
    const page = await gql(
      stack.gateway,
      `{ workOrders(first: 50) { nodes { id title guest { fullName } technician { name } } } }`,
      {},
      acmeToken,
    );
    expect(page.body.errors).toBeUndefined();
    const costly = await gql(
      stack.gateway,
      `{ workOrders(first: 100) { nodes { guest { openWorkOrders { technician { skills { skill { name } } } } } } } }`,
      {},
      acmeToken,
    );
    expect(costly.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('should refuse a cross-site form post (CSRF prevention)', async () => {
    const res = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: 'mutation { logout(refreshToken: "x") }' }),
    });
    expect(res.status).toBe(400);
  });

  it('should let an API key with read scope query but not mutate', async () => {
    const created = await gql(
      stack.gateway,
      `mutation { createApiKey(input: { name: "BI export", scopes: ["read"] }) { secret } }`,
      {},
      acmeToken,
    );
    const key = created.body.data!.createApiKey.secret as string;
    const call = (query: string) =>
      fetch(stack.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({ query }),
      }).then((r) => r.json() as Promise<any>);
    expect(
      (await call('{ workOrders { totalCount } }')).data.workOrders.totalCount,
    ).toBeGreaterThan(0);
    const denied = await call(
      'mutation { createWorkOrder(input: { kind: FIELD_JOB, title: "From API" }) { id } }',
    );
    expect(denied.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
