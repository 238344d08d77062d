import {
  ANONYMOUS,
  createEventBus,
  createLogger,
  type DomainEvent,
  type Role,
  type RunningSubgraph,
} from '@attendant/kit';
import {
  callSubgraph,
  createTestDatabase,
  staffActor,
  startTestSubgraph,
  type TestDatabase,
} from '@attendant/testing';
import { randomUUID } from 'node:crypto';
import { createWorld, type World } from '../dispatch/dispatch.fixtures';
import { operationsSubgraph } from '../index';
import { purgeExpiredPings } from './retention';

const RECORD = `mutation ($pings: [LocationPingInput!]!) { recordLocations(pings: $pings) {
  accepted duplicates
  position { id lat lng recordedAt stale travelSeconds distanceM etaAt
    nextWorkOrder { id } arrivalProposedFor { id } technician { id name } } } }`;
const SETTINGS = `mutation ($input: UpdateTrackingSettingsInput!) { updateTrackingSettings(input: $input) {
  pingIntervalSeconds retentionDays geofenceRadiusM geofenceArrival publicShowsPosition } }`;
const POSITION = `query ($id: ID!) { technicianPosition(id: $id) { id lat lng } }`;
const POSITIONS = `query ($teamId: ID) { technicianPositions(teamId: $teamId) { id } }`;
const PATH = `query ($id: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
  technicianPath(technicianId: $id, from: $from, to: $to) { recordedAt lat lng } }`;

// A site in Prague and offsets from it: ~50 m, ~1 km and ~5 km north.
const SITE = { lat: 50.08, lng: 14.42 };
const north = (metres: number) => ({ lat: SITE.lat + metres / 111_195, lng: SITE.lng });
const MIN = 60_000;
const DAY = 86_400_000;

describe('operations subgraph: live tracking (pings, ETA, geofence, retention, paths)', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;

  beforeAll(async () => {
    database = await createTestDatabase();
    sub = await startTestSubgraph(operationsSubgraph, database);
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  /** An organization (UTC) with a technician who has a login, and the actors to call as. */
  async function field(name = 'Ana Novak') {
    const w = await createWorld(sub.db, 'UTC');
    const user = await sub.db.user.create({
      data: {
        organizationId: w.organizationId,
        email: `${randomUUID()}@tracking.test`,
        name,
        passwordHash: 'x',
        roles: ['TECHNICIAN'],
      },
    });
    const tech = await w.technician(name, { userId: user.id });
    const site = async (p: { lat: number; lng: number } = SITE) => {
      const siteId = randomUUID();
      await sub.db.siteProjection.create({
        data: { siteId, organizationId: w.organizationId, name: 'Site', ...p },
      });
      return siteId;
    };
    return {
      w,
      tech,
      site,
      asTech: staffActor(w.organizationId, ['TECHNICIAN'], user.id),
      as: (roles: Role[]) => staffActor(w.organizationId, roles),
    };
  }
  type Field = Awaited<ReturnType<typeof field>>;

  const call = (actor: ReturnType<typeof staffActor>, query: string, v = {}) =>
    callSubgraph(sub.url, actor, query, v);
  const ping = (
    p: { lat: number; lng: number },
    at: Date,
    extra: Record<string, unknown> = {},
  ) => ({
    recordedAt: at.toISOString(),
    ...p,
    ...extra,
  });
  const record = async (f: Field, pings: Record<string, unknown>[]) => {
    const res = await call(f.asTech, RECORD, { pings });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.recordLocations;
  };
  const setSettings = async (f: Field, input: Record<string, unknown>) => {
    const res = await call(f.as(['ADMIN']), SETTINGS, { input });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.updateTrackingSettings;
  };
  const statusOf = async (w: World, id: string) =>
    (await sub.db.workOrder.findFirst({ where: { id, organizationId: w.organizationId } }))!;

  it('should store a batch once and count the replayed pings as duplicates when it is sent again', async () => {
    const f = await field();
    const t0 = Date.now() - 10 * MIN;
    const pings = [0, 1, 2].map((i) => ping(north(1000 * i), new Date(t0 + i * 5000)));

    const first = await record(f, pings);
    const replay = await record(f, [...pings].reverse());

    expect(first).toMatchObject({ accepted: 3, duplicates: 0 });
    expect(first.position).toMatchObject({
      id: f.tech.id,
      recordedAt: new Date(t0 + 10_000).toISOString(),
      technician: { id: f.tech.id, name: 'Ana Novak' },
      nextWorkOrder: null,
      etaAt: null,
    });
    expect(first.position.lat).toBeCloseTo(north(2000).lat, 6);
    expect(replay).toMatchObject({ accepted: 0, duplicates: 3 });
    expect(replay.position.recordedAt).toBe(first.position.recordedAt);
    const stored = await sub.db.locationPing.count({
      where: { organizationId: f.w.organizationId, technicianId: f.tech.id },
    });
    expect(stored).toBe(3);
  });

  it('should refuse a batch with a bad ping, naming it, and store nothing of it', async () => {
    const f = await field();
    const now = Date.now();
    const bad = async (pings: Record<string, unknown>[]) => {
      const res = await call(f.asTech, RECORD, { pings });
      return res.body.errors?.[0];
    };
    const many = Array.from({ length: 501 }, (_, i) => ping(SITE, new Date(now - i * 1000)));

    const cases = [
      await bad([]),
      await bad(many),
      await bad([ping(SITE, new Date(now)), ping({ lat: 91, lng: 14 }, new Date(now - 1000))]),
      await bad([ping({ lat: 50, lng: -181 }, new Date(now))]),
      await bad([ping(SITE, new Date(now + 10 * MIN))]),
      await bad([ping(SITE, new Date(now - 31 * DAY))]),
      await bad([ping(SITE, new Date(now), { accuracyM: -1 })]),
    ];

    expect(cases.map((e) => e?.extensions?.code)).toEqual(Array(7).fill('BAD_USER_INPUT'));
    expect(cases[2]).toMatchObject({
      message: 'Location 1: latitude must be from -90 to 90',
      extensions: { reason: 'INVALID_LOCATION_PINGS', field: 'pings.1', index: 1 },
    });
    expect(cases[4]!.message).toMatch(/future/);
    expect(cases[5]!.message).toMatch(/30-day retention/);
    expect(
      await sub.db.locationPing.count({
        where: { organizationId: f.w.organizationId, technicianId: f.tech.id },
      }),
    ).toBe(0);
  });

  it('should set the ETA to the job the technician is driving to, from the travel-time provider', async () => {
    const f = await field();
    const later = await f.w.workOrder({
      technicianId: f.tech.id,
      status: 'SCHEDULED',
      scheduledStart: new Date(Date.now() + 60 * MIN),
      siteId: await f.site(north(-3000)),
    });
    const driving = await f.w.workOrder({
      technicianId: f.tech.id,
      status: 'EN_ROUTE',
      siteId: await f.site(),
    });
    const at = new Date(Date.now() - 1000);

    const { position } = await record(f, [ping(north(5000), at, { speedMps: 12 })]);

    expect(position.nextWorkOrder).toEqual({ id: driving.id });
    // Great-circle default: 5 km × 1.3 road factor at 40 km/h ≈ 6.5 km in ~585 s.
    expect(position.distanceM).toBeGreaterThan(6000);
    expect(position.distanceM).toBeLessThan(7000);
    expect(position.travelSeconds).toBeGreaterThan(500);
    expect(Date.parse(position.etaAt)).toBe(at.getTime() + position.travelSeconds * 1000);
    expect(later.id).not.toBe(driving.id);
  });

  it('should set the job ARRIVED and announce the change when the technician enters its geofence under AUTO', async () => {
    const f = await field();
    await setSettings(f, { geofenceArrival: 'AUTO', geofenceRadiusM: 100 });
    const job = await f.w.workOrder({
      technicianId: f.tech.id,
      status: 'EN_ROUTE',
      siteId: await f.site(),
    });
    const t0 = Date.now() - 2 * MIN;

    await record(f, [ping(north(400), new Date(t0))]);
    const before = (await statusOf(f.w, job.id)).status;
    const { position } = await record(f, [ping(north(60), new Date(t0 + 30_000))]);

    expect(before).toBe('EN_ROUTE');
    expect((await statusOf(f.w, job.id)).status).toBe('ARRIVED');
    expect(position.arrivalProposedFor).toBeNull();
    const events = await sub.db.$queryRawUnsafe<{ type: string; payload: { status: string } }[]>(
      `SELECT type, payload FROM operations.outbox WHERE "entityId" = $1::uuid ORDER BY "occurredAt"`,
      job.id,
    );
    expect(events).toContainEqual({
      type: 'WorkOrderStatusChanged',
      payload: expect.objectContaining({ status: 'ARRIVED', previousStatus: 'EN_ROUTE' }),
    });
  });

  it('should propose the arrival under PROPOSE, and withdraw it when the technician leaves or the status moves on', async () => {
    const f = await field();
    const job = await f.w.workOrder({
      technicianId: f.tech.id,
      status: 'EN_ROUTE',
      siteId: await f.site(),
    });
    const t0 = Date.now() - 5 * MIN;

    const outside = await record(f, [ping(north(1000), new Date(t0))]);
    const inside = await record(f, [ping(north(100), new Date(t0 + 30_000))]);
    const left = await record(f, [ping(north(1000), new Date(t0 + 60_000))]);
    const back = await record(f, [ping(north(20), new Date(t0 + 90_000))]);
    await sub.db.workOrder.updateMany({
      where: { id: job.id, organizationId: f.w.organizationId },
      data: { status: 'ARRIVED' },
    });
    const read = await call(
      f.asTech,
      `query ($id: ID!) { technicianPosition(id: $id) { arrivalProposedFor { id } } }`,
      { id: f.tech.id },
    );

    expect(outside.position.arrivalProposedFor).toBeNull();
    expect(inside.position.arrivalProposedFor).toEqual({ id: job.id });
    expect(left.position.arrivalProposedFor).toBeNull();
    expect(back.position.arrivalProposedFor).toEqual({ id: job.id });
    expect(read.body.data!.technicianPosition.arrivalProposedFor).toBeNull();
    expect((await statusOf(f.w, job.id)).status).toBe('ARRIVED');
  });

  it('should do nothing at the site when the geofence is OFF', async () => {
    const f = await field();
    await setSettings(f, { geofenceArrival: 'OFF' });
    const job = await f.w.workOrder({
      technicianId: f.tech.id,
      status: 'EN_ROUTE',
      siteId: await f.site(),
    });

    const { position } = await record(f, [ping(SITE, new Date(Date.now() - 1000))]);

    expect(position.arrivalProposedFor).toBeNull();
    expect((await statusOf(f.w, job.id)).status).toBe('EN_ROUTE');
  });

  it('should stamp departedAt once when the technician leaves the site of a job completed today', async () => {
    const f = await field();
    const job = await f.w.workOrder({
      technicianId: f.tech.id,
      status: 'IN_PROGRESS',
      siteId: await f.site(),
    });
    const t0 = Date.now() - 5 * MIN;

    await record(f, [ping(north(30), new Date(t0))]);
    await sub.db.workOrder.updateMany({
      where: { id: job.id, organizationId: f.w.organizationId },
      data: { status: 'COMPLETED', completedAt: new Date(t0 + 10_000) },
    });
    await record(f, [ping(north(40), new Date(t0 + 20_000))]);
    const stillThere = (await statusOf(f.w, job.id)).departedAt;
    const leftAt = new Date(t0 + 40_000);
    await record(f, [ping(north(1500), leftAt)]);
    await record(f, [ping(north(10), new Date(t0 + 60_000))]);
    await record(f, [ping(north(1500), new Date(t0 + 80_000))]);

    expect(stillThere).toBeNull();
    expect((await statusOf(f.w, job.id)).departedAt).toEqual(leftAt);
  });

  it('should stamp the departure from a replayed offline batch at the fix that left the site', async () => {
    const f = await field();
    const job = await f.w.workOrder({
      technicianId: f.tech.id,
      status: 'IN_PROGRESS',
      siteId: await f.site(),
    });
    const t0 = Date.now() - 10 * MIN;
    await record(f, [ping(north(10), new Date(t0))]);
    await sub.db.workOrder.updateMany({
      where: { id: job.id, organizationId: f.w.organizationId },
      data: { status: 'COMPLETED', completedAt: new Date(t0 + MIN) },
    });
    const at = (s: number) => new Date(t0 + 2 * MIN + s * 1000);

    await record(f, [
      ping(north(30), at(0)),
      ping(north(400), at(30)),
      ping(north(2000), at(60)),
      ping(north(5000), at(90)),
    ]);

    expect((await statusOf(f.w, job.id)).departedAt).toEqual(at(30));
  });

  it('should announce each new position on the event bus within a second, and only new ones', async () => {
    const f = await field();
    const bus = createEventBus({
      databaseUrl: database.url,
      logger: createLogger('tracking-spec', 'silent'),
    });
    const seen: DomainEvent[] = [];
    await bus.subscribe((e) => {
      if (e.entityId === f.tech.id) seen.push(e);
    });
    try {
      const started = Date.now();
      await record(f, [ping(SITE, new Date(started - 1000))]);
      while (seen.length === 0 && Date.now() - started < 5000)
        await new Promise((r) => setTimeout(r, 10));
      const latency = Date.now() - started;
      // A replayed fix and an older one from the offline queue are stored, but move nothing.
      await record(f, [ping(SITE, new Date(started - 1000))]);
      await record(f, [ping(north(400), new Date(started - 5000))]);
      await new Promise((r) => setTimeout(r, 200));

      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({
        type: 'TechnicianLocationChanged',
        entityType: 'TechnicianPosition',
        organizationId: f.w.organizationId,
        payload: { technicianId: f.tech.id, teamId: null },
      });
      expect(latency).toBeLessThan(1000);
    } finally {
      await bus.close();
    }
  });

  it('should delete only the pings older than each organization’s retention', async () => {
    const a = await field();
    const b = await field('Ben Horak');
    await setSettings(b, { retentionDays: 5 });
    const now = Date.now();
    const insert = (f: Field, daysAgo: number) =>
      sub.db.locationPing.create({
        data: {
          organizationId: f.w.organizationId,
          technicianId: f.tech.id,
          recordedAt: new Date(now - daysAgo * DAY),
          ...SITE,
        },
      });
    for (const d of [40, 31, 10, 1]) await insert(a, d);
    for (const d of [40, 10, 4]) await insert(b, d);
    const left = async (f: Field) =>
      (
        await sub.db.locationPing.findMany({
          where: { organizationId: f.w.organizationId, technicianId: f.tech.id },
          orderBy: { recordedAt: 'asc' },
        })
      ).map((p) => Math.round((now - p.recordedAt.getTime()) / DAY));

    const deleted = await purgeExpiredPings(sub.db, new Date(now));

    expect(deleted).toBeGreaterThanOrEqual(4);
    expect(await left(a)).toEqual([10, 1]);
    expect(await left(b)).toEqual([4]);
  });

  it('should answer a path thinned evenly to 2000 points and refuse ranges over 24 hours', async () => {
    const f = await field();
    const to = new Date(Date.now() - MIN);
    const from = new Date(to.getTime() - 10 * 3_600_000);
    // 7201 pings, one every 5 s over 10 h.
    await sub.db.$executeRawUnsafe(
      `INSERT INTO operations.location_ping ("organizationId","technicianId","recordedAt",lat,lng)
       SELECT $1::uuid, $2::uuid, $3::timestamptz + i * interval '5 seconds', 50 + i / 100000.0, 14
         FROM generate_series(0, 7200) AS i`,
      f.w.organizationId,
      f.tech.id,
      from.toISOString(),
    );
    const dispatcher = f.as(['DISPATCHER']);

    const full = await call(dispatcher, PATH, {
      id: f.tech.id,
      from: from.toISOString(),
      to: to.toISOString(),
    });
    const hour = await call(dispatcher, PATH, {
      id: f.tech.id,
      from: from.toISOString(),
      to: new Date(from.getTime() + 3_600_000).toISOString(),
    });
    const tooLong = await call(dispatcher, PATH, {
      id: f.tech.id,
      from: new Date(to.getTime() - 25 * 3_600_000).toISOString(),
      to: to.toISOString(),
    });
    const backwards = await call(dispatcher, PATH, {
      id: f.tech.id,
      from: to.toISOString(),
      to: from.toISOString(),
    });

    const points = full.body.data!.technicianPath as { recordedAt: string }[];
    expect(points.length).toBeLessThanOrEqual(2000);
    expect(points.length).toBeGreaterThan(1800);
    expect(points[0]!.recordedAt).toBe(from.toISOString());
    expect(points.at(-1)!.recordedAt).toBe(new Date(from.getTime() + 7200 * 5000).toISOString());
    const times = points.map((p) => Date.parse(p.recordedAt));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(hour.body.data!.technicianPath).toHaveLength(721);
    expect(tooLong.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_TIME_RANGE',
    });
    expect(backwards.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('should keep positions to the office and each technician to their own', async () => {
    const f = await field();
    const other = await f.w.technician('Ben Horak');
    await sub.db.technicianPosition.create({
      data: {
        technicianId: other.id,
        organizationId: f.w.organizationId,
        ...SITE,
        recordedAt: new Date(),
      },
    });
    await record(f, [ping(SITE, new Date(Date.now() - 1000))]);
    const range = {
      from: new Date(Date.now() - 3_600_000).toISOString(),
      to: new Date().toISOString(),
    };
    const dispatcher = f.as(['DISPATCHER']);

    const own = await call(f.asTech, POSITION, { id: f.tech.id });
    const others = await call(f.asTech, POSITION, { id: other.id });
    const all = await call(f.asTech, POSITIONS);
    const otherPath = await call(f.asTech, PATH, { id: other.id, ...range });
    const ownPath = await call(f.asTech, PATH, { id: f.tech.id, ...range });
    const dispatcherPing = await call(dispatcher, RECORD, { pings: [ping(SITE, new Date())] });
    const board = await call(dispatcher, POSITIONS);
    const viaTechnician = await call(
      dispatcher,
      `query ($id: ID!) { technician(id: $id) { position { id stale } } }`,
      { id: other.id },
    );
    const settings = await call(
      f.asTech,
      `{ trackingSettings { pingIntervalSeconds retentionDays geofenceRadiusM geofenceArrival publicShowsPosition } }`,
    );
    const techSettings = await call(f.asTech, SETTINGS, { input: { retentionDays: 2 } });
    const badSettings = await call(f.as(['ADMIN']), SETTINGS, { input: { geofenceRadiusM: 10 } });
    const rival = (await field('Rita Rival')).as(['DISPATCHER']);
    const rivalRead = await call(rival, POSITION, { id: f.tech.id });
    const rivalBoard = await call(rival, POSITIONS);
    const rivalPath = await call(rival, PATH, { id: f.tech.id, ...range });

    expect(own.body.data!.technicianPosition).toMatchObject({ id: f.tech.id });
    expect(others.body.data!.technicianPosition).toBeNull();
    expect(all.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(otherPath.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(ownPath.body.data!.technicianPath).toHaveLength(1);
    expect(dispatcherPing.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      (board.body.data!.technicianPositions as { id: string }[]).map((p) => p.id).sort(),
    ).toEqual([f.tech.id, other.id].sort());
    expect(viaTechnician.body.data!.technician.position).toEqual({ id: other.id, stale: false });
    expect(settings.body.data!.trackingSettings).toEqual({
      pingIntervalSeconds: 30,
      retentionDays: 30,
      geofenceRadiusM: 150,
      geofenceArrival: 'PROPOSE',
      publicShowsPosition: true,
    });
    expect(techSettings.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(badSettings.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(rivalRead.body.data!.technicianPosition).toBeNull();
    expect(rivalBoard.body.data!.technicianPositions).toEqual([]);
    expect(rivalPath.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('should let a technician share a link only for their own job, and show the customer only the allow-list', async () => {
    const f = await field('Ana Maria Novak');
    const other = await f.w.technician('Ben Horak');
    const own = await f.w.workOrder({
      technicianId: f.tech.id,
      status: 'EN_ROUTE',
      siteId: await f.site(),
    });
    const theirs = await f.w.workOrder({ technicianId: other.id, status: 'SCHEDULED' });
    await record(f, [ping(north(2000), new Date(Date.now() - 1000))]);
    const CREATE = `mutation ($id: ID!) { createTrackingLink(workOrderId: $id) {
      url link { id expiresAt viewCount workOrder { id } } } }`;

    const created = await call(f.asTech, CREATE, { id: own.id });
    const refused = await call(f.asTech, CREATE, { id: theirs.id });
    const { url, link } = created.body.data!.createTrackingLink;
    const token = url.split('/track/')[1];
    const visit = await call(
      ANONYMOUS,
      `query ($token: String!) { trackVisit(token: $token) { organizationName workOrderNumber status
         technicianFirstName etaAt position { lat lng } destination { lat lng } expiresAt } }`,
      { token },
    );

    expect(url).toMatch(/^http:\/\/localhost:4000\/track\/[A-Za-z0-9_-]{43}$/);
    expect(link.workOrder).toEqual({ id: own.id });
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const stored = await sub.db.trackingLink.findFirst({
      where: { organizationId: f.w.organizationId, id: link.id },
    });
    expect(stored!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.tokenHash).not.toContain(token);
    expect(visit.body.errors).toBeUndefined();
    expect(visit.body.data!.trackVisit).toEqual({
      organizationName: 'Dispatch test',
      workOrderNumber: own.number,
      status: 'ON_THE_WAY',
      technicianFirstName: 'Ana',
      etaAt: expect.any(String),
      position: { lat: north(2000).lat, lng: SITE.lng },
      destination: SITE,
      expiresAt: link.expiresAt,
    });
  });
});
