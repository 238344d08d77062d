import pino from 'pino';
import WebSocket from 'ws';
// The simulator is a test tool without a path alias yet (tsconfig.base.json is shared).
import { startMewsSim, type MewsSim } from '@attendant/mews-sim';
import { MewsClient, MewsError, splitInterval } from './mews.client';
import { InMemoryRateLimiter, type RateLimiter } from './mews.limiter';
import type { ReservationFilter } from './mews.types';

// A burst small enough that the simulator takes it in well within the limiter's margin, even on
// a loaded CI machine (a burst of 30 once arrived over more than 100 ms and got three 429s).
const RATE = { requests: 10, windowMs: 1000 };
const logger = pino({ level: 'silent' });
const RESERVATIONS = '/api/connector/v1/reservations/getAll/2023-06-06';
const DAY = 86_400_000;

let sim: MewsSim;
// One limiter for every client, mirroring the simulator's limit (as one worker would).
const sharedLimiter = new InMemoryRateLimiter({ ...RATE, marginMs: 300 });

function client(
  overrides: { accessToken?: string; limiter?: RateLimiter; maxRetries?: number } = {},
) {
  return new MewsClient({
    baseUrl: sim.url,
    clientToken: sim.tokens.ClientToken,
    accessToken: overrides.accessToken ?? sim.tokens.AccessToken,
    client: 'Attendant tests 1.0',
    logger,
    limiter: overrides.limiter ?? sharedLimiter,
    maxRetries: overrides.maxRetries ?? 4,
    backoffBaseMs: 50,
  });
}

const interval = (fromDaysAgo: number, toDaysAgo: number) => ({
  StartUtc: new Date(Date.now() - fromDaysAgo * DAY).toISOString(),
  EndUtc: new Date(Date.now() - toDaysAgo * DAY).toISOString(),
});

beforeAll(async () => {
  sim = await startMewsSim({ seed: 7, rateLimit: RATE });
});
afterAll(async () => {
  await sim.stop();
});
beforeEach(() => {
  sim.admin.reset();
});

describe('MewsClient against the simulator', () => {
  it('should return each of the 400 reservations once when paging with Count 50', async () => {
    const ids: string[] = [];
    let pages = 0;
    for await (const page of client().getAllReservations({ Limitation: { Count: 50 } })) {
      pages++;
      ids.push(...page.map((r) => r.Id));
    }
    expect(ids).toHaveLength(400);
    expect(new Set(ids).size).toBe(400);
    expect(pages).toBe(8);
  });

  it('should return reservations with the exact Mews fields when filtering by state and room', async () => {
    const seeded = sim.state.reservations.find(
      (r) => r.State === 'Started' && r.AssignedResourceId,
    )!;
    const result = await client().getReservations({
      ReservationIds: [seeded.Id],
      States: ['Started'],
      AssignedResourceIds: [seeded.AssignedResourceId!],
      Limitation: { Count: 10 },
    });
    expect(result.Reservations).toEqual([seeded]);
    expect(Object.keys(result)).toEqual(['Reservations', 'Cursor']);
    expect(result.Reservations[0]).toMatchObject({
      ScheduledStartUtc: expect.any(String),
      PersonCounts: expect.arrayContaining([
        expect.objectContaining({ Count: expect.any(Number) }),
      ]),
      Options: expect.objectContaining({ OwnerCheckedIn: true }),
    });
  });

  it('should surface a client error when the interval is longer than 3 months', async () => {
    const error = await client()
      .getReservations({ UpdatedUtc: interval(120, 0), Limitation: { Count: 10 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MewsError);
    expect(error).toMatchObject({ kind: 'client', status: 400 });
    expect((error as MewsError).message).toMatch(/3 months/);
    expect((error as MewsError).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should split the interval into two narrower requests when Mews answers 408', async () => {
    const filter: ReservationFilter = { UpdatedUtc: interval(80, 0), Limitation: { Count: 1000 } };
    const expected = await client().getReservations(filter);
    sim.state.requests.length = 0;
    sim.admin.faults({ failNext: { status: 408, count: 1 } });

    const result = await client().getReservations(filter);

    expect(new Set(result.Reservations.map((r) => r.Id))).toEqual(
      new Set(expected.Reservations.map((r) => r.Id)),
    );
    const seen = sim.state.requests.filter((r) => r.path === RESERVATIONS);
    expect(seen.map((r) => r.status)).toEqual([408, 200, 200]);
    const [first, second] = seen
      .slice(1)
      .map((r) => r.body['UpdatedUtc'] as typeof filter.UpdatedUtc);
    expect(first!.StartUtc).toBe(filter.UpdatedUtc!.StartUtc);
    expect(second!.EndUtc).toBe(filter.UpdatedUtc!.EndUtc);
    expect(Date.parse(first!.EndUtc)).toBeLessThan(Date.parse(second!.StartUtc));
  });

  it('should wait Retry-After and succeed when Mews answers 429', async () => {
    sim.admin.faults({ failNext: { status: 429, count: 1 } });
    const started = Date.now();
    const result = await client().getServices({ Limitation: { Count: 10 } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(result.Services).toHaveLength(2);
    expect(sim.state.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it('should retry with backoff and succeed when Mews answers 503 twice', async () => {
    sim.admin.faults({ failNext: { status: 503, count: 2 } });
    const result = await client().getServices({
      ServiceType: 'Bookable',
      Limitation: { Count: 10 },
    });
    expect(result.Services.map((s) => s.Data.Discriminator)).toEqual(['Bookable']);
    expect(sim.state.requests.map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it('should give up with a server error when 5xx outlasts the retries', async () => {
    sim.admin.faults({ failNext: { status: 500, count: 5 } });
    await expect(
      client({ maxRetries: 2 }).getServices({ Limitation: { Count: 10 } }),
    ).rejects.toMatchObject({ kind: 'server', status: 500 });
    expect(sim.state.requests).toHaveLength(3);
  });

  it('should throw an auth error without retrying when the tokens are wrong', async () => {
    await expect(
      client({ accessToken: 'wrong' }).getServices({ Limitation: { Count: 10 } }),
    ).rejects.toMatchObject({ kind: 'auth', status: 401 });
    expect(sim.state.requests).toHaveLength(1);
  });

  it('should keep under the limit when many calls share the limiter', async () => {
    const started = Date.now();
    const calls = Array.from({ length: RATE.requests + 10 }, () =>
      client().getServices({ Limitation: { Count: 1 } }),
    );
    await Promise.all(calls);
    expect(Date.now() - started).toBeGreaterThanOrEqual(RATE.windowMs - 100);
    expect(sim.state.requests.filter((r) => r.status === 429)).toHaveLength(0);
  });

  it('should recover from the platform limit when the client limiter is not shared', async () => {
    const unlimited: RateLimiter = { acquire: () => Promise.resolve() };
    const calls = Array.from({ length: RATE.requests + 5 }, () =>
      client({ limiter: unlimited }).getServices({ Limitation: { Count: 1 } }),
    );
    await expect(Promise.all(calls)).resolves.toHaveLength(RATE.requests + 5);
    expect(sim.state.requests.filter((r) => r.status === 429)).toHaveLength(5);
  });

  it('should add, read and update a customer when fields round-trip', async () => {
    const mews = client();
    const added = await mews.addCustomer({
      FirstName: 'Ada',
      LastName: 'Lovelace',
      Email: 'ada@example.com',
      NationalityCode: 'GB',
      OverwriteExisting: false,
    });
    expect(added).toMatchObject({ FirstName: 'Ada', LastName: 'Lovelace', IsActive: true });
    const updated = await mews.updateCustomer({
      CustomerId: added.Id,
      Phone: { Value: '+44 20 7946 0000' },
      NationalityCode: { Value: null },
      FirstName: null,
    });
    expect(updated).toMatchObject({
      FirstName: 'Ada',
      Phone: '+44 20 7946 0000',
      NationalityCode: null,
    });
    expect(updated.UpdatedUtc > added.UpdatedUtc).toBe(true);

    const read = await mews.getCustomers({
      Extent: { Customers: true, Addresses: true },
      Emails: ['ada@example.com'],
      Limitation: { Count: 10 },
    });
    expect(read.Customers).toEqual([updated]);
    expect(read.Addresses).toEqual([]);
  });

  it('should throw a business error with the Mews message when the email belongs to another customer', async () => {
    const [a, b] = sim.state.customers.filter((c) => c.Email);
    const error = await client()
      .updateCustomer({ CustomerId: a!.Id, Email: { Value: b!.Email } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'business', status: 403 });
    expect((error as MewsError).message).toMatch(/already used/);
    expect(sim.state.requests).toHaveLength(1);
  });

  it('should list companies, resources and update a room state when calling the hotel operations', async () => {
    const mews = client();
    const companies = await mews.getCompanies({ Limitation: { Count: 100 } });
    expect(companies.Companies.length).toBeGreaterThan(0);
    const resources = await mews.getResources({
      Extent: { Resources: true, Inactive: false },
      Limitation: { Count: 1000 },
    });
    expect(resources.Resources).toHaveLength(60);
    const room = resources.Resources!.find((r) => r.Name === '101')!;
    await mews.updateResources([
      { ResourceId: room.Id, State: { Value: 'Inspected' }, StateReason: { Value: 'Checked' } },
    ]);
    const after = await mews.getResources({
      Extent: { Resources: true },
      ResourceIds: [room.Id],
      Limitation: { Count: 1 },
    });
    expect(after.Resources![0]).toMatchObject({ State: 'Inspected', StateReason: 'Checked' });
  });

  it('should return the same OrderId when an order is retried with the same ExternalIdentifier', async () => {
    const service = sim.state.services.find((s) => s.Data.Discriminator === 'Additional')!;
    const guest = sim.state.customers[0]!;
    const order = {
      ServiceId: service.Id,
      AccountId: guest.Id,
      Items: [
        {
          Name: 'Minibar',
          UnitCount: 2,
          UnitAmount: { Currency: 'EUR', TaxCodes: ['DE-S'], GrossValue: 4.5 },
          ExternalIdentifier: 'attendant-charge-1',
        },
      ],
    };
    const first = await client().addOrder(order);
    const second = await client().addOrder(order);
    expect(second.OrderId).toBe(first.OrderId);
    expect(sim.state.orders).toHaveLength(1);
  });

  it('should receive a Reservation event when the cookie is right and a reservation changes', async () => {
    const socket = new WebSocket(sim.wsUrl, {
      headers: {
        Cookie: `ClientToken=${sim.tokens.ClientToken};AccessToken=${sim.tokens.AccessToken}`,
      },
    });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const message = new Promise<unknown>((resolve) =>
      socket.once('message', (data) => resolve(JSON.parse(String(data)))),
    );
    const reservation = sim.state.reservations.find((r) => r.State === 'Confirmed')!;
    sim.state.updateReservation(reservation.Id, { State: 'Started' });
    expect(await message).toEqual({
      Events: [
        {
          Type: 'Reservation',
          Id: reservation.Id,
          State: 'Started',
          StartUtc: reservation.ScheduledStartUtc,
          EndUtc: reservation.ScheduledEndUtc,
          AssignedResourceId: reservation.AssignedResourceId,
        },
      ],
    });
    socket.close();
  });

  it('should refuse the WebSocket when the cookie is wrong', async () => {
    const socket = new WebSocket(sim.wsUrl, {
      headers: { Cookie: `ClientToken=${sim.tokens.ClientToken};AccessToken=nope` },
    });
    const status = await new Promise<number>((resolve) => {
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.once('open', () => resolve(101));
    });
    expect(status).toBe(401);
  });
});

describe('InMemoryRateLimiter', () => {
  it('should hold the request past the window when the window is full', async () => {
    const limiter = new InMemoryRateLimiter({ requests: 2, windowMs: 100, marginMs: 0 });
    const started = Date.now();
    await limiter.acquire('a');
    await limiter.acquire('a');
    await limiter.acquire('b');
    expect(Date.now() - started).toBeLessThan(50);
    await limiter.acquire('a');
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
  });
});

describe('splitInterval', () => {
  it('should return null when the filter has no interval', () => {
    expect(splitInterval({ Limitation: { Count: 1 } })).toBeNull();
  });

  it('should return two adjoining halves when the filter has an interval', () => {
    const halves = splitInterval({
      CollidingUtc: { StartUtc: '2026-01-01T00:00:00.000Z', EndUtc: '2026-01-03T00:00:00.000Z' },
      States: ['Confirmed'],
      Limitation: { Count: 5 },
    });
    expect(halves?.map((h) => h.CollidingUtc)).toEqual([
      { StartUtc: '2026-01-01T00:00:00.000Z', EndUtc: '2026-01-02T00:00:00.000Z' },
      { StartUtc: '2026-01-02T00:00:00.001Z', EndUtc: '2026-01-03T00:00:00.000Z' },
    ]);
    expect(halves?.[1].States).toEqual(['Confirmed']);
  });
});
