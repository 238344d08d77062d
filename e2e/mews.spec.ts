import { startMewsSim, type MewsSim } from '@attendant/mews-sim';
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
} from '@attendant/testing';
import type { Client } from 'graphql-ws';

const RESERVATION_CHANGED = /* GraphQL */ `
  subscription ($from: DateTimeISO, $to: DateTimeISO) {
    reservationChanged(filter: { arrivalFrom: $from, arrivalTo: $to }) {
      id
      confirmationCode
      room {
        number
        state
      }
      readiness {
        status
        reasons
      }
      guest {
        lastName
      }
    }
  }
`;

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

describe('Mews sync end to end: gateway webhooks and live arrival updates', () => {
  let database: TestDatabase;
  let stack: Stack;
  let sim: MewsSim;
  let hotel: TenantFixture;
  let token: string;
  let webhookUrl: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    stack = await startStack(database);
    sim = await startMewsSim({ seed: 21 });
    hotel = await createTenant(stack.subgraphs['operations']!, 'Hotel Webhook');
    token = await login(stack.gateway, hotel.adminEmail, hotel.password);
    // No WebSocket URL: in this test only webhooks (and polls) bring Mews changes.
    const connect = await gql(
      stack.gateway,
      `mutation ($input: ConnectMewsInput!) { connectMews(input: $input) { id } }`,
      {
        input: {
          baseUrl: sim.url,
          clientToken: sim.tokens.ClientToken,
          accessToken: sim.tokens.AccessToken,
          pollIntervalSeconds: 3600,
        },
      },
      token,
    );
    expect(connect.body.errors).toBeUndefined();
    await until('the import', async () => {
      const res = await gql(
        stack.gateway,
        `{ mewsConnection { latestRun { status } } }`,
        {},
        token,
      );
      return res.body.data?.mewsConnection?.latestRun?.status === 'COMPLETED';
    });
    const res = await gql(stack.gateway, `{ mewsConnection { webhookUrl } }`, {}, token);
    // The URL names the configured public base; send to this gateway's address instead.
    const secret = new URL(res.body.data!.mewsConnection.webhookUrl).pathname.split('/').pop()!;
    webhookUrl = new URL(`/webhooks/mews/${secret}`, stack.gateway.url).toString();
  }, 120_000);

  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await stack.stop();
    await sim.stop();
    await database.drop();
  });

  const deliver = (events: { Discriminator: string; Value: { Id: string } }[], url = webhookUrl) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ EnterpriseId: sim.state.enterpriseId, Events: events }),
    });

  it('should apply a customer change announced by a webhook through the public gateway route', async () => {
    const customer = sim.state.customers[3]!;
    sim.state.updateCustomer(customer.Id, { LastName: 'Webhooked' });
    const res = await deliver([{ Discriminator: 'CustomerUpdated', Value: { Id: customer.Id } }]);
    expect(res.status).toBe(202);
    await until('the guest change', async () => {
      const guests = await gql(
        stack.gateway,
        `{ guests(first: 5, filter: { search: "Webhooked" }) { nodes { lastName syncStatus } } }`,
        {},
        token,
      );
      return guests.body.data?.guests.nodes[0]?.lastName === 'Webhooked';
    });
  });

  it('should answer 404 for an unknown secret and 400 for a malformed body', async () => {
    const unknown = await deliver(
      [{ Discriminator: 'CustomerUpdated', Value: { Id: 'x' } }],
      new URL('/webhooks/mews/aaaaaaaaaaaaaaaaaaaaaaaa', stack.gateway.url).toString(),
    );
    expect(unknown.status).toBe(404);
    const malformed = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Events: 'nope' }),
    });
    expect(malformed.status).toBe(400);
  });

  it('should push a reservation moved in Mews to arrival board subscribers with its new readiness', async () => {
    const target = sim.state.reservations.find((r) => r.State === 'Confirmed')!;
    const dirty = sim.state.resources.find(
      (r) => r.State === 'Dirty' && r.Id !== target.AssignedResourceId,
    )!;
    const client = wsClient(stack.gateway, token);
    clients.push(client);
    const arrival = Date.parse(target.ScheduledStartUtc);
    const event = nextEvent<{ reservationChanged: any }>(
      stack.gateway,
      client,
      RESERVATION_CHANGED,
      {
        from: new Date(arrival - 3_600_000).toISOString(),
        to: new Date(arrival + 3_600_000).toISOString(),
      },
      20_000,
      (d) => d.reservationChanged.room?.number === dirty.Name,
    );
    await event.ready;
    sim.state.updateReservation(target.Id, { AssignedResourceId: dirty.Id });
    expect(
      (await deliver([{ Discriminator: 'ServiceOrderUpdated', Value: { Id: target.Id } }])).status,
    ).toBe(202);
    const data = await event.result;
    expect(data.reservationChanged).toMatchObject({
      confirmationCode: target.Number,
      room: { number: dirty.Name, state: 'DIRTY' },
      readiness: { status: 'NOT_READY' },
    });
    expect(data.reservationChanged.readiness.reasons).toContain(`Room ${dirty.Name} is dirty`);
    expect(data.reservationChanged.guest.lastName).toBeTruthy();
  });

  it('should not deliver one hotel’s reservation changes to another tenant', async () => {
    const rival = await createTenant(stack.subgraphs['operations']!, 'Rival Hotel');
    const rivalToken = await login(stack.gateway, rival.adminEmail, rival.password);
    const client = wsClient(stack.gateway, rivalToken);
    clients.push(client);
    const event = nextEvent(stack.gateway, client, RESERVATION_CHANGED, {}, 3000);
    await event.ready;
    const target = sim.state.reservations.find((r) => r.State === 'Confirmed')!;
    sim.state.updateReservation(target.Id, { AssignedResourceId: null });
    await deliver([{ Discriminator: 'ServiceOrderUpdated', Value: { Id: target.Id } }]);
    await expect(event.result).rejects.toThrow(/no subscription event/);
  });
});
