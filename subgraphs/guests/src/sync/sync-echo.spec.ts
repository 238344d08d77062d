import type { RunningSubgraph } from '@attendant/kit';
import { startMewsSim, type MewsSim } from '@attendant/mews-sim';
import {
  callSubgraph,
  createTestDatabase,
  staffActor,
  startTestSubgraph,
  type TestDatabase,
} from '@attendant/testing';
import { randomUUID } from 'node:crypto';
import { guestsModule, guestsSubgraph } from '../index';
import type { MewsClient } from '../mews/mews.client';

/*
 * Echoes of our own pushes racing newer local changes, replayed step by step (the worker's
 * sockets and polls are stopped; the test plays the jobs and the webhook fetches itself, and a
 * hook on the Mews client makes the next local change while a push is on its way).
 */
let db: TestDatabase;
let sim: MewsSim;
let sub: RunningSubgraph;
const org = randomUUID();
const admin = staffActor(org, ['ADMIN'], randomUUID());
const saved = { ...process.env };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(100);
  }
}

const sync = () => guestsModule(sub).sync;

/** Runs `before` (and `after`) around the next call of `method` on the Mews client. */
function onNextCall(
  method: 'updateResources' | 'updateCustomer',
  hooks: { before?: () => Promise<void>; after?: () => Promise<void> },
) {
  const connections = sync().connections;
  const original = connections.client.bind(connections);
  let armed = true;
  const spy = jest.spyOn(connections, 'client').mockImplementation((connection) => {
    const client = original(connection);
    return new Proxy(client, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== 'function') return value;
        const fn = (value as (...args: unknown[]) => unknown).bind(target);
        if (prop !== method || !armed) return fn;
        return async (...args: unknown[]) => {
          armed = false;
          await hooks.before?.();
          const result = await fn(...args);
          await hooks.after?.();
          return result;
        };
      },
    }) as MewsClient;
  });
  return () => spy.mockRestore();
}

/** A staff room state change, as SyncService.setRoomState writes it (without queueing a job). */
async function staffRoom(roomId: string, state: 'CLEAN' | 'OUT_OF_SERVICE' | 'DIRTY') {
  await sub.db.room.update({
    where: { id: roomId, organizationId: org },
    data: { state, stateReason: null, stateChangedAt: new Date(), syncStatus: 'PENDING' },
  });
  // Mews stamps what it is sent next strictly after this change.
  await sleep(5);
}

/** A staff profile edit, stamped as GuestService stamps it (without queueing a job). */
async function staffGuest(guestId: string, data: { phone?: string; email?: string }) {
  const row = await sub.db.guest.findFirstOrThrow({ where: { id: guestId, organizationId: org } });
  const stamps = { ...(row.fieldChangedAt as Record<string, string>) };
  for (const field of Object.keys(data)) stamps[field] = new Date().toISOString();
  await sub.db.guest.update({
    where: { id: guestId, organizationId: org },
    data: { ...data, fieldChangedAt: stamps, syncStatus: 'PENDING' },
  });
  await sleep(5);
}

beforeAll(async () => {
  process.env['MEWS_RATE_LIMIT_REQUESTS'] = '1000';
  db = await createTestDatabase();
  sim = await startMewsSim({ seed: 31 });
  sub = await startTestSubgraph(guestsSubgraph, db);
  const res = await callSubgraph(
    sub.url,
    admin,
    `mutation ($input: ConnectMewsInput!) { connectMews(input: $input) { id } }`,
    {
      input: {
        baseUrl: sim.url,
        webSocketUrl: sim.wsUrl.replace(/\/ws\/connector$/, ''),
        clientToken: sim.tokens.ClientToken,
        accessToken: sim.tokens.AccessToken,
        pollIntervalSeconds: 3600,
      },
    },
  );
  expect(res.body.errors).toBeUndefined();
  await until('the import', async () => {
    const run = await sub.db.syncRun.findFirst({ where: { organizationId: org } });
    if (run?.status === 'FAILED') throw new Error(`import failed: ${run.error}`);
    return run?.status === 'COMPLETED';
  });
  // No sockets, polls or follow-up pushes of their own: the test plays every step.
  await sync().worker.stop();
  sync().engine.onPlatformWins = () => undefined;
}, 90_000);

afterAll(async () => {
  process.env = saved;
  await sub?.stop();
  await sim?.stop();
  await db?.drop();
});

describe('echoes of our own pushes', () => {
  async function syncedRoom(index: number) {
    const resource = sim.state.resources[index]!;
    sim.state.setResourceState(resource.Id, 'Dirty', null);
    await sync().engine.fetchEntity(org, 'Resource', resource.Id, 'MANUAL');
    const room = await sub.db.room.findFirstOrThrow({
      where: { organizationId: org, externalId: resource.Id },
    });
    expect(room).toMatchObject({ state: 'DIRTY', syncStatus: 'SYNCED' });
    return { roomId: room.id, resourceId: resource.Id };
  }

  it.each([
    ['after Mews answered the push', 'late'],
    ['before Mews answered the push', 'early'],
  ] as const)(
    'should keep and send a newer local room state when the echo of an older push arrives %s',
    async (_, when) => {
      const { roomId, resourceId } = await syncedRoom(when === 'late' ? 0 : 1);
      const echo = () => sync().engine.fetchEntity(org, 'Resource', resourceId, 'WEBHOOK');
      await staffRoom(roomId, 'CLEAN');
      // The push of CLEAN has read the room; OUT_OF_SERVICE is saved before Mews stamps CLEAN.
      const restore = onNextCall('updateResources', {
        before: () => staffRoom(roomId, 'OUT_OF_SERVICE'),
        after: when === 'early' ? async () => void (await echo()) : undefined,
      });
      try {
        await sync().outbound.pushRoom(org, roomId);
      } finally {
        restore();
      }
      expect(sim.state.resource(resourceId)!.State).toBe('Clean');
      // The webhook for Mews' CLEAN (our own push) comes in.
      await echo();
      expect(
        await sub.db.room.findFirstOrThrow({ where: { id: roomId, organizationId: org } }),
      ).toMatchObject({ state: 'OUT_OF_SERVICE', syncStatus: 'PENDING' });
      // The job queued for OUT_OF_SERVICE runs.
      await sync().outbound.pushRoom(org, roomId);
      expect(sim.state.resource(resourceId)!.State).toBe('OutOfService');
      expect(
        await sub.db.room.findFirstOrThrow({ where: { id: roomId, organizationId: org } }),
      ).toMatchObject({ state: 'OUT_OF_SERVICE', syncStatus: 'SYNCED' });
      const audit = await sub.db.syncAudit.findMany({
        where: { organizationId: org, entityId: roomId, side: 'PLATFORM', source: 'JOB' },
        orderBy: { occurredAt: 'asc' },
      });
      expect(audit.map((a) => [a.action, a.changes])).toEqual([
        ['PUSHED', [{ field: 'state', to: 'CLEAN' }]],
        ['PUSHED', [{ field: 'state', to: 'OUT_OF_SERVICE' }]],
      ]);
    },
  );

  it('should let a Mews change made after a local room state win when no push of it was under way', async () => {
    const { roomId, resourceId } = await syncedRoom(2);
    await staffRoom(roomId, 'CLEAN');
    await sync().outbound.pushRoom(org, roomId);
    await staffRoom(roomId, 'OUT_OF_SERVICE');
    // Housekeeping marks the room clean in Mews after the local change: not an echo.
    sim.state.setResourceState(resourceId, 'Clean', null);
    await sync().engine.fetchEntity(org, 'Resource', resourceId, 'WEBHOOK');
    expect(
      await sub.db.room.findFirstOrThrow({ where: { id: roomId, organizationId: org } }),
    ).toMatchObject({ state: 'CLEAN', syncStatus: 'SYNCED' });
  });

  it('should forget a room push Mews refused', async () => {
    const { roomId, resourceId } = await syncedRoom(3);
    await staffRoom(roomId, 'CLEAN');
    const restore = onNextCall('updateResources', {
      before: async () => sim.admin.faults({ failNext: { status: 408, count: 1 } }),
    });
    try {
      await expect(sync().outbound.pushRoom(org, roomId)).rejects.toThrow('too heavy');
    } finally {
      restore();
    }
    expect(
      await sub.db.syncAudit.count({
        where: { organizationId: org, entityId: roomId, side: 'PLATFORM', source: 'JOB' },
      }),
    ).toBe(0);
    await sync().outbound.pushRoom(org, roomId);
    expect(sim.state.resource(resourceId)!.State).toBe('Clean');
  });

  it.each([
    ['another field', 'email'],
    ['the same field', 'phone'],
  ] as const)(
    'should send a guest edit of %s made while a push was under way, not mark the guest SYNCED without it',
    async (_, first) => {
      const customer = sim.state.customers[first === 'email' ? 0 : 1]!;
      const guest = await sub.db.guest.findFirstOrThrow({
        where: { organizationId: org, externalId: customer.Id },
      });
      const n = Math.floor(Math.random() * 1e6);
      await staffGuest(
        guest.id,
        first === 'email' ? { email: `echo.${n}@example.org` } : { phone: '+420 700 000 001' },
      );
      // That push has read the guest; the phone is edited before Mews stamps what it sends.
      const restore = onNextCall('updateCustomer', {
        before: () => staffGuest(guest.id, { phone: '+420 711 222 333' }),
      });
      try {
        await sync().outbound.pushCustomer(org, guest.id);
      } finally {
        restore();
      }
      // The job queued for the phone edit runs (and the echo comes in through its re-read).
      await sync().outbound.pushCustomer(org, guest.id);
      const mews = sim.state.customer(customer.Id)!;
      expect(mews.Phone).toBe('+420 711 222 333');
      if (first === 'email') expect(mews.Email).toBe(`echo.${n}@example.org`);
      const row = await sub.db.guest.findFirstOrThrow({
        where: { id: guest.id, organizationId: org },
      });
      expect(row).toMatchObject({ phone: '+420 711 222 333', syncStatus: 'SYNCED' });
    },
  );

  it('should stamp a staff edit after the Mews version of the guest it was saved over', async () => {
    const customer = sim.state.customers[2]!;
    const guest = await sub.db.guest.findFirstOrThrow({
      where: { organizationId: org, externalId: customer.Id },
    });
    // Mews' clock stamped the version applied here a little ahead of ours.
    const mewsAt = new Date(Date.now() + 60_000);
    await sub.db.guest.update({
      where: { id: guest.id, organizationId: org },
      data: { mewsUpdatedAt: mewsAt },
    });
    const res = await callSubgraph(
      sub.url,
      admin,
      `mutation ($id: ID!) { updateGuest(id: $id, input: { notes: "Ground floor" }) { id } }`,
      { id: guest.id },
    );
    expect(res.body.errors).toBeUndefined();
    const row = await sub.db.guest.findFirstOrThrow({
      where: { id: guest.id, organizationId: org },
    });
    // Newer than that version, so the push sends it.
    expect(Date.parse((row.fieldChangedAt as Record<string, string>)['notes']!)).toBeGreaterThan(
      mewsAt.getTime(),
    );
  });
});
