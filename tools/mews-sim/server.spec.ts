import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { startMewsSim, type MewsSim } from './server';

let sim: MewsSim;
let hook: Server;
const received: unknown[] = [];

async function post(path: string, body: Record<string, unknown> = {}, auth = true) {
  const res = await fetch(`${sim.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(auth ? { ...sim.tokens, Client: 'sim-spec 1.0', ...body } : body),
  });
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as Record<string, any>,
  };
}
const api = (op: string, body: Record<string, unknown> = {}) =>
  post(`/api/connector/v1/${op}`, body);

beforeAll(async () => {
  hook = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      received.push(JSON.parse(data));
      res.end();
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  const { port } = hook.address() as AddressInfo;
  sim = await startMewsSim({
    seed: 3,
    rateLimit: { requests: 20, windowMs: 60_000 },
    webhookUrl: `http://127.0.0.1:${port}/hook`,
  });
});
afterAll(async () => {
  await sim.stop();
  await new Promise((r) => hook.close(r));
});
beforeEach(() => {
  sim.admin.reset();
  received.length = 0;
});

const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('Mews simulator', () => {
  it('should seed the same hotel when the seed is the same', async () => {
    const other = await startMewsSim({ seed: 3 });
    try {
      expect(other.state.reservations.map((r) => r.Id)).toEqual(
        sim.state.reservations.map((r) => r.Id),
      );
    } finally {
      await other.stop();
    }
    expect(sim.state.resources.map((r) => r.Name)).toContain('610');
    expect(sim.state.resources).toHaveLength(60);
    expect(sim.state.reservations).toHaveLength(400);
    expect(sim.state.customers).toHaveLength(300);
    const states = new Set(sim.state.reservations.map((r) => r.State));
    for (const s of ['Confirmed', 'Started', 'Processed', 'Canceled'])
      expect(states.has(s as never)).toBe(true);
  });

  it('should answer 404 with a Request-Id when the path has a trailing slash or the wrong case', async () => {
    for (const path of ['customers/getAll/', 'Customers/getAll', 'customers/nothing']) {
      const res = await api(path, { Extent: { Customers: true }, Limitation: { Count: 1 } });
      expect(res.status).toBe(404);
      expect(res.body['Message']).toEqual(expect.any(String));
      expect(res.headers.get('Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('should answer 400 when a token or Client is missing and 401 when tokens are wrong', async () => {
    const missing = await post('/api/connector/v1/services/getAll', { ...sim.tokens }, false);
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({
      Message: expect.stringMatching(/Client/),
      RequestId: expect.any(String),
    });
    const wrong = await api('services/getAll', { AccessToken: 'x', Limitation: { Count: 1 } });
    expect(wrong.status).toBe(401);
  });

  it('should answer 400 when Limitation, Extent or required fields are missing or invalid', async () => {
    expect((await api('reservations/getAll/2023-06-06', {})).status).toBe(400);
    expect(
      (await api('reservations/getAll/2023-06-06', { Limitation: { Count: 1001 } })).status,
    ).toBe(400);
    expect((await api('customers/getAll', { Limitation: { Count: 1 } })).status).toBe(400);
    expect((await api('customers/add', { OverwriteExisting: false })).status).toBe(400);
    expect((await api('customers/update', {})).status).toBe(400);
    expect((await api('orders/add', { Items: [] })).status).toBe(400);
    const long = await api('reservations/getAll/2023-06-06', {
      ScheduledStartUtc: { StartUtc: '2026-01-01T00:00:00Z', EndUtc: '2026-04-02T00:00:00Z' },
      Limitation: { Count: 10 },
    });
    expect(long.status).toBe(400);
  });

  it('should answer 429 with Retry-After when the AccessToken exceeds the window', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 21; i++) {
      const res = await api('services/getAll', { Limitation: { Count: 1 } });
      statuses.push(res.status);
      retryAfter ??= res.headers.get('Retry-After');
    }
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });

  it('should inject failures when faults are posted to the admin endpoint', async () => {
    await post('/_sim/faults', { failNext: { status: 500, count: 1 } }, false);
    expect((await api('services/getAll', { Limitation: { Count: 1 } })).status).toBe(500);
    expect((await api('services/getAll', { Limitation: { Count: 1 } })).status).toBe(200);
    await post('/_sim/faults', { errorRate: 1 }, false);
    expect([500, 503]).toContain(
      (await api('services/getAll', { Limitation: { Count: 1 } })).status,
    );
    await post('/_sim/reset', {}, false);
    expect((await api('services/getAll', { Limitation: { Count: 1 } })).status).toBe(200);
  });

  it('should post general webhooks twice when duplicateWebhooks is on and a customer is added', async () => {
    sim.admin.faults({ duplicateWebhooks: true });
    const added = await api('customers/add', { LastName: 'Hopper', OverwriteExisting: false });
    expect(added.status).toBe(200);
    await until(() => received.length >= 2);
    const event = {
      EnterpriseId: sim.state.enterpriseId,
      IntegrationId: sim.state.integrationId,
      Events: [{ Discriminator: 'CustomerAdded', Value: { Id: added.body['Id'] } }],
    };
    expect(received).toEqual([event, event]);
  });

  it('should lose general webhooks when webhookLossRate is 1 and deliver them again at 0', async () => {
    sim.admin.faults({ webhookLossRate: 1 });
    sim.state.addCustomer({ LastName: 'Lovelace' });
    await new Promise((r) => setTimeout(r, 100));
    expect(received).toEqual([]);
    sim.admin.faults({ webhookLossRate: 0 });
    const kept = sim.state.addCustomer({ LastName: 'Babbage' });
    await until(() => received.length >= 1);
    expect(received).toEqual([
      expect.objectContaining({
        Events: [{ Discriminator: 'CustomerAdded', Value: { Id: kept.Id } }],
      }),
    ]);
  });

  it('should push a Resource event and a ResourceUpdated webhook when a room state changes', async () => {
    const socket = new WebSocket(sim.wsUrl, {
      headers: {
        Cookie: `ClientToken=${sim.tokens.ClientToken}; AccessToken=${sim.tokens.AccessToken}`,
      },
    });
    await new Promise((resolve) => socket.once('open', resolve));
    const message = new Promise<unknown>((resolve) =>
      socket.once('message', (d) => resolve(JSON.parse(String(d)))),
    );
    const room = sim.state.resources[0]!;
    const res = await api('resources/update', {
      ResourceUpdates: [
        { ResourceId: room.Id, State: { Value: 'OutOfService' }, StateReason: { Value: 'Leak' } },
      ],
    });
    expect(res.status).toBe(200);
    expect(await message).toEqual({
      Events: [{ Type: 'Resource', Id: room.Id, State: 'OutOfService' }],
    });
    await until(() => received.length >= 1);
    expect(received).toEqual([
      expect.objectContaining({
        Events: [{ Discriminator: 'ResourceUpdated', Value: { Id: room.Id } }],
      }),
    ]);
    const closed = new Promise((resolve) => socket.once('close', resolve));
    sim.admin.faults({ dropSockets: true });
    await closed;
  });
});
