import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { seedHotel } from './seed';
import { startMewsSim, type MewsSim } from './server';

let dir: string;
let running: MewsSim[] = [];

const start = async (opts: Parameters<typeof startMewsSim>[0]) => {
  const sim = await startMewsSim(opts);
  running.push(sim);
  return sim;
};
const stop = async (sim: MewsSim) => {
  running = running.filter((s) => s !== sim);
  await sim.stop();
};

async function api(sim: MewsSim, op: string, body: Record<string, unknown>) {
  const res = await fetch(`${sim.url}/api/connector/v1/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...sim.tokens, Client: 'persistence-spec 1.0', ...body }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

async function admin(sim: MewsSim, pathname: string, body: Record<string, unknown>) {
  const res = await fetch(`${sim.url}${pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mews-sim-state-'));
});
afterEach(async () => {
  await Promise.all(running.map((s) => s.stop()));
  running = [];
  rmSync(dir, { recursive: true, force: true });
});

describe('Mews simulator state file', () => {
  it('should keep a customer update and an order when the simulator restarts from its file', async () => {
    const stateFile = path.join(dir, 'state.json');
    const first = await start({ seed: 7, stateFile });
    expect(existsSync(stateFile)).toBe(true);
    const customer = first.state.customers[5]!;
    const updated = await api(first, 'customers/update', {
      CustomerId: customer.Id,
      Notes: { Value: 'Kept across restarts' },
      Classifications: { Value: ['Vip'] },
    });
    expect(updated.status).toBe(200);
    const order = await api(first, 'orders/add', {
      ServiceId: first.state.services[1]!.Id,
      AccountId: customer.Id,
      Items: [
        {
          Name: 'Minibar',
          UnitCount: 2,
          UnitAmount: { Currency: 'EUR', GrossValue: 4.5, TaxCodes: [] },
          ExternalIdentifier: 'charge-1',
        },
      ],
    });
    expect(order.status).toBe(200);
    const stamp = updated.body['UpdatedUtc'] as string;
    await stop(first);

    const second = await start({ seed: 99, stateFile });
    const again = await api(second, 'customers/getAll', {
      CustomerIds: [customer.Id],
      Extent: { Customers: true },
      Limitation: { Count: 1 },
    });
    expect(again.body['Customers']).toEqual([
      expect.objectContaining({
        Id: customer.Id,
        Notes: 'Kept across restarts',
        Classifications: ['Vip'],
        UpdatedUtc: stamp,
      }),
    ]);
    expect(second.state.orders).toEqual([
      expect.objectContaining({ OrderId: order.body['OrderId'], AccountId: customer.Id }),
    ]);
    // The same ExternalIdentifier is still recognised after the restart: no second charge.
    const retried = await api(second, 'orders/add', {
      ServiceId: second.state.services[1]!.Id,
      AccountId: customer.Id,
      Items: [
        {
          Name: 'Minibar',
          UnitCount: 2,
          UnitAmount: { Currency: 'EUR', GrossValue: 4.5, TaxCodes: [] },
          ExternalIdentifier: 'charge-1',
        },
      ],
    });
    expect(retried.body).toEqual({ OrderId: order.body['OrderId'] });
    // UpdatedUtc keeps increasing after the restart.
    const later = second.state.updateCustomer(customer.Id, { Phone: '+420555000111' });
    expect(later.UpdatedUtc > stamp).toBe(true);
  });

  it('should save a change shortly after it happens, before the simulator stops', async () => {
    const stateFile = path.join(dir, 'state.json');
    const sim = await start({ seed: 7, stateFile });
    const room = sim.state.resources[0]!;
    const res = await admin(sim, `/_sim/resources/${room.Id}/state`, {
      State: 'OutOfOrder',
      StateReason: 'Leak',
    });
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 800));
    const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as {
      resources: { Id: string; State: string; StateReason: string }[];
    };
    expect(saved.resources.find((r) => r.Id === room.Id)).toMatchObject({
      State: 'OutOfOrder',
      StateReason: 'Leak',
    });
  });

  it('should start from the initial state when the file does not exist and reset back to it', async () => {
    const initialState = seedHotel(11, Date.parse('2026-03-18T12:00:00Z'));
    initialState.customers = initialState.customers.slice(0, 3);
    const sim = await start({ stateFile: path.join(dir, 'state.json'), initialState });
    expect(sim.state.customers.map((c) => c.Id)).toEqual(initialState.customers.map((c) => c.Id));
    sim.state.addCustomer({ LastName: 'Extra' });
    expect(sim.state.customers).toHaveLength(4);
    expect((await admin(sim, '/_sim/reset', {})).status).toBe(200);
    expect(sim.state.customers.map((c) => c.Id)).toEqual(initialState.customers.map((c) => c.Id));
  });

  it('should fail with a clear error when the state file is corrupt', async () => {
    const stateFile = path.join(dir, 'state.json');
    writeFileSync(stateFile, '{"format": "attendant-mews-sim-state", "version": 1, "custo');
    await expect(startMewsSim({ stateFile })).rejects.toThrow(
      /Mews simulator state file .*state\.json is not valid JSON/,
    );
    writeFileSync(stateFile, JSON.stringify({ hello: 'world' }));
    await expect(startMewsSim({ stateFile })).rejects.toThrow(
      /state file .*state\.json is invalid: enterpriseId is missing/,
    );
  });
});

describe('Mews simulator admin endpoints', () => {
  let sim: MewsSim;
  let hookEvents: unknown[];
  let hook: Server;

  beforeEach(async () => {
    hookEvents = [];
    hook = createServer((req, res) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString()));
      req.on('end', () => {
        hookEvents.push(JSON.parse(data));
        res.end();
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    const { port } = hook.address() as AddressInfo;
    sim = await start({ seed: 5, webhookUrl: `http://127.0.0.1:${port}/hook` });
  });
  afterEach(async () => {
    await stop(sim);
    hook.closeAllConnections();
    await new Promise((r) => hook.close(r));
  });

  const until = async (check: () => boolean) => {
    for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  };

  it('should check a reservation in and post ServiceOrderUpdated when its state is patched', async () => {
    const reservation = sim.state.reservations.find((r) => r.State === 'Confirmed')!;
    const room = sim.state.resources[3]!;
    const res = await admin(sim, `/_sim/reservations/${reservation.Id}`, {
      State: 'Started',
      AssignedResourceId: room.Id,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      Id: reservation.Id,
      State: 'Started',
      AssignedResourceId: room.Id,
      ActualStartUtc: expect.any(String),
      Options: { OwnerCheckedIn: true },
    });
    await until(() => hookEvents.length > 0);
    expect(hookEvents).toEqual([
      expect.objectContaining({
        Events: [{ Discriminator: 'ServiceOrderUpdated', Value: { Id: reservation.Id } }],
      }),
    ]);
  });

  it('should cancel a reservation with a reason and reject unknown states and fields', async () => {
    const reservation = sim.state.reservations.find((r) => r.State === 'Confirmed')!;
    const cancelled = await admin(sim, `/_sim/reservations/${reservation.Id}`, {
      State: 'Canceled',
      CancellationReason: 'NoShow',
    });
    expect(cancelled.body).toMatchObject({
      State: 'Canceled',
      CancellationReason: 'NoShow',
      CancelledUtc: expect.any(String),
    });
    expect(
      (await admin(sim, `/_sim/reservations/${reservation.Id}`, { State: 'Gone' })).status,
    ).toBe(400);
    expect((await admin(sim, `/_sim/reservations/${reservation.Id}`, { Number: '1' })).status).toBe(
      400,
    );
    expect((await admin(sim, '/_sim/reservations/nope', { State: 'Confirmed' })).status).toBe(404);
  });

  it('should patch a customer and its address and post CustomerUpdated', async () => {
    const customer = sim.state.customers.find((c) => c.AddressId === null)!;
    const res = await admin(sim, `/_sim/customers/${customer.Id}`, {
      Phone: '+420555123456',
      Address: { Line1: 'Národní 1', City: 'Praha', PostalCode: '110 00', CountryCode: 'CZ' },
    });
    expect(res.status).toBe(200);
    expect(res.body['Phone']).toBe('+420555123456');
    const address = sim.state.addresses.find((a) => a.Id === res.body['AddressId']);
    expect(address).toMatchObject({ Line1: 'Národní 1', City: 'Praha' });
    await until(() => hookEvents.length > 0);
    expect(hookEvents).toEqual([
      expect.objectContaining({
        Events: [{ Discriminator: 'CustomerUpdated', Value: { Id: customer.Id } }],
      }),
    ]);
    expect((await admin(sim, `/_sim/customers/${customer.Id}`, { LastName: '' })).status).toBe(400);
  });

  it('should set a resource state with a reason and reject an unknown state', async () => {
    const room = sim.state.resources[0]!;
    const res = await admin(sim, `/_sim/resources/${room.Id}/state`, {
      State: 'OutOfService',
      StateReason: 'Painting',
    });
    expect(res.body).toMatchObject({ Id: room.Id, State: 'OutOfService', StateReason: 'Painting' });
    expect((await admin(sim, `/_sim/resources/${room.Id}/state`, { State: 'Wet' })).status).toBe(
      400,
    );
  });
});
