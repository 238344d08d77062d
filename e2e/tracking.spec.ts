import type { RunningSubgraph } from '@attendant/kit';
import {
  createTenant,
  createTestDatabase,
  gql,
  launchBrowser,
  screenshot,
  login,
  nextEvent,
  startStack,
  wsClient,
  type Stack,
  type TenantFixture,
  type TestDatabase,
} from '@attendant/testing';
import type { Client } from 'graphql-ws';
import { randomBytes, randomUUID } from 'node:crypto';

/*
 * Live tracking through the public API: a customer's tracking link (the public trackVisit query
 * and the /track/<token> page), its expiry, revocation and scope, the page's rate limit, and a
 * technician's ping reaching a dispatcher's subscription.
 */

const SITE = { lat: 50.08, lng: 14.42 };
const north = (metres: number) => ({
  lat: Math.round((SITE.lat + metres / 111_195) * 1e6) / 1e6,
  lng: SITE.lng,
});
const VISIT = `query ($token: String!) { trackVisit(token: $token) {
  organizationName workOrderNumber status technicianFirstName technicianPhotoUrl etaAt
  scheduledStart windowStart windowEnd position { lat lng recordedAt } destination { lat lng }
  updatedAt expiresAt } }`;
const RECORD = `mutation ($pings: [LocationPingInput!]!) { recordLocations(pings: $pings) {
  accepted position { etaAt nextWorkOrder { id } } } }`;
const CREATE_LINK = `mutation ($id: ID!) { createTrackingLink(workOrderId: $id) {
  url link { id viewCount lastViewedAt revokedAt workOrder { number } } } }`;

describe('Live tracking end to end: tracking links, the public page, live positions', () => {
  let database: TestDatabase;
  let stack: Stack;
  let ops: RunningSubgraph;
  let tenant: TenantFixture;
  let token: string;
  let techToken: string;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    stack = await startStack(database);
    ops = stack.subgraphs['operations']!;
    tenant = await createTenant(ops, 'Tracked Plumbing');
    await ops.db.technician.updateMany({
      where: { id: tenant.technicianId, organizationId: tenant.organizationId },
      data: { name: 'Petra Kralova', email: 'petra@tracked.test', phone: '+420601234567' },
    });
    token = await login(stack.gateway, tenant.adminEmail, tenant.password);
    techToken = await login(stack.gateway, tenant.techEmail, tenant.password);
    client = wsClient(stack.gateway, token);
  });

  afterAll(async () => {
    await client?.dispose();
    await stack?.stop();
    await database?.drop();
  });

  const call = <T = Record<string, any>>(q: string, v: Record<string, unknown> = {}, as = token) =>
    gql<T>(stack.gateway, q, v, as);
  const anonymous = (q: string, v: Record<string, unknown> = {}) => gql(stack.gateway, q, v);
  const ok = async (q: string, v: Record<string, unknown> = {}, as = token) => {
    const res = await call(q, v, as);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!;
  };

  /**
   * A job of the tenant's technician at a site with coordinates, in the given status; their
   * earlier test jobs are closed, so this one is the job they work towards.
   */
  async function job(status: 'EN_ROUTE' | 'SCHEDULED', extra: Record<string, unknown> = {}) {
    await ops.db.workOrder.updateMany({
      where: {
        organizationId: tenant.organizationId,
        technicianId: tenant.technicianId,
        status: { in: ['EN_ROUTE', 'SCHEDULED'] },
      },
      data: { status: 'CANCELLED', cancelledAt: new Date(Date.now() - 2 * 3_600_000) },
    });
    const { createWorkOrder } = await ok(
      `mutation ($input: CreateWorkOrderInput!) { createWorkOrder(input: $input) { id number } }`,
      {
        input: {
          kind: 'FIELD_JOB',
          title: 'Leaking tap, key under the mat',
          description: 'Customer notes: alarm code 1234',
        },
      },
    );
    const siteId = randomUUID();
    await ops.db.siteProjection.create({
      data: { siteId, organizationId: tenant.organizationId, name: 'Home', ...SITE },
    });
    await ops.db.workOrder.updateMany({
      where: { id: createWorkOrder.id, organizationId: tenant.organizationId },
      data: {
        status,
        siteId,
        technicianId: tenant.technicianId,
        scheduledStart: new Date(Date.now() + 30 * 60_000),
        ...extra,
      },
    });
    return createWorkOrder as { id: string; number: number };
  }
  const linkFor = async (workOrderId: string) => {
    const { createTrackingLink } = await ok(CREATE_LINK, { id: workOrderId });
    return {
      ...createTrackingLink.link,
      url: createTrackingLink.url as string,
      token: (createTrackingLink.url as string).split('/track/')[1]!,
    };
  };
  const setLink = (id: string, data: Record<string, unknown>) =>
    ops.db.trackingLink.updateMany({ where: { id, organizationId: tenant.organizationId }, data });
  const setJob = (id: string, data: Record<string, unknown>) =>
    ops.db.workOrder.updateMany({ where: { id, organizationId: tenant.organizationId }, data });

  it('should show a customer their visit with the live position, and nothing else of the job', async () => {
    const wo = await job('EN_ROUTE');
    const recorded = await ok(
      RECORD,
      { pings: [{ recordedAt: new Date(Date.now() - 2000).toISOString(), ...north(3000) }] },
      techToken,
    );
    const link = await linkFor(wo.id);

    const visit = await anonymous(VISIT, { token: link.token });
    const again = await anonymous(VISIT, { token: link.token });
    const { workOrder } = await ok(
      `query ($id: ID!) { workOrder(id: $id) { trackingLinks { id viewCount lastViewedAt } } }`,
      { id: wo.id },
    );

    expect(link.url).toBe(`http://localhost:4000/track/${link.token}`);
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(visit.body.errors).toBeUndefined();
    expect(visit.body.data!['trackVisit']).toMatchObject({
      organizationName: 'Tracked Plumbing',
      workOrderNumber: wo.number,
      status: 'ON_THE_WAY',
      technicianFirstName: 'Petra',
      technicianPhotoUrl: null,
      etaAt: recorded.recordLocations.position.etaAt,
      position: { lat: north(3000).lat, lng: SITE.lng },
      destination: SITE,
    });
    const shown = JSON.stringify(visit.body.data);
    for (const secret of ['Kralova', 'petra@', '+420', 'Leaking', 'alarm code', wo.id])
      expect(shown).not.toContain(secret);
    expect(again.body.data).toBeDefined();
    // Polling within minutes is one visit.
    expect(workOrder.trackingLinks).toEqual([
      { id: link.id, viewCount: 1, lastViewedAt: expect.any(String) },
    ]);
  });

  it('should reach only trackVisit (and login) anonymously', async () => {
    const denied = await Promise.all([
      anonymous(`{ workOrders(first: 1) { nodes { id } } }`),
      anonymous(`{ technicianPositions { id } }`),
      anonymous(`{ trackingSettings { retentionDays } }`),
      anonymous(`mutation { createTrackingLink(workOrderId: "${randomUUID()}") { url } }`),
      anonymous(
        `mutation ($p: [LocationPingInput!]!) { recordLocations(pings: $p) { accepted } }`,
        {
          p: [{ recordedAt: new Date().toISOString(), lat: 1, lng: 1 }],
        },
      ),
    ]);

    expect(denied.map((r) => r.body.errors?.[0]?.extensions?.code)).toEqual(
      Array(5).fill('UNAUTHENTICATED'),
    );
  });

  it('should end a link an hour after the job is completed, when revoked, and after 24 h', async () => {
    const wo = await job('EN_ROUTE');
    const link = await linkFor(wo.id);
    const revocable = await linkFor(wo.id);
    const reason = async (t: string) =>
      (await anonymous(VISIT, { token: t })).body.errors?.[0]?.extensions;

    await setJob(wo.id, { status: 'COMPLETED', completedAt: new Date(Date.now() - 30 * 60_000) });
    const justDone = await anonymous(VISIT, { token: link.token });
    await setJob(wo.id, { completedAt: new Date(Date.now() - 61 * 60_000) });
    const doneLongAgo = await reason(link.token);
    const { revokeTrackingLink } = await ok(
      `mutation ($id: ID!) { revokeTrackingLink(id: $id) { id revokedAt } }`,
      { id: revocable.id },
    );
    await setJob(wo.id, { status: 'EN_ROUTE', completedAt: null });
    const revoked = await reason(revocable.token);
    await setLink(link.id, { expiresAt: new Date(Date.now() - 1000) });
    const pastExpiry = await reason(link.token);

    expect(justDone.body.data!['trackVisit']).toMatchObject({
      status: 'COMPLETED',
      position: null,
    });
    expect(Date.parse(justDone.body.data!['trackVisit'].expiresAt)).toBeLessThan(
      Date.now() + 31 * 60_000,
    );
    expect(doneLongAgo).toMatchObject({ code: 'NOT_FOUND', reason: 'TRACKING_LINK_EXPIRED' });
    expect(revokeTrackingLink.revokedAt).toEqual(expect.any(String));
    expect(revoked).toMatchObject({ code: 'NOT_FOUND', reason: 'TRACKING_LINK_EXPIRED' });
    expect(pastExpiry).toMatchObject({ code: 'NOT_FOUND', reason: 'TRACKING_LINK_EXPIRED' });
  });

  it('should answer NOT_FOUND for an unknown or malformed token', async () => {
    const unknown = await anonymous(VISIT, { token: randomBytes(32).toString('base64url') });
    const malformed = await anonymous(VISIT, { token: "x' OR 1=1 --" });

    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'TRACKING_LINK_NOT_FOUND',
    });
    expect(malformed.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('should let technicians link only their own jobs and hide positions when the organization says so', async () => {
    const wo = await job('EN_ROUTE');
    const { createWorkOrder: other } = await ok(
      `mutation ($input: CreateWorkOrderInput!) { createWorkOrder(input: $input) { id } }`,
      { input: { kind: 'FIELD_JOB', title: 'Someone else’s job' } },
    );
    await ok(
      `mutation { updateTrackingSettings(input: { publicShowsPosition: false }) { publicShowsPosition } }`,
    );

    const own = await call(CREATE_LINK, { id: wo.id }, techToken);
    const notOwn = await call(CREATE_LINK, { id: other.id }, techToken);
    const t = (own.body.data!['createTrackingLink'].url as string).split('/track/')[1]!;
    const visit = await anonymous(VISIT, { token: t });
    await ok(
      `mutation { updateTrackingSettings(input: { publicShowsPosition: true }) { publicShowsPosition } }`,
    );

    expect(own.body.errors).toBeUndefined();
    expect(notOwn.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(visit.body.data!['trackVisit']).toMatchObject({
      status: 'ON_THE_WAY',
      position: null,
      destination: SITE,
    });
  });

  it('should serve the page with privacy headers, its assets, and a 404 page for a malformed token', async () => {
    const wo = await job('SCHEDULED');
    const link = await linkFor(wo.id);
    const origin = stack.gateway.origin;

    const page = await fetch(`${origin}/track/${link.token}`);
    const html = await page.text();
    const bad = await fetch(`${origin}/track/not-a-token`);
    const script = await fetch(`${origin}/track/assets/track.js`);
    const leaflet = await fetch(`${origin}/track/assets/leaflet/leaflet.js`);
    const leafletCss = await fetch(`${origin}/track/assets/leaflet/leaflet.css`);
    const source = await fetch(`${origin}/track/assets/tracking-page.ts`);

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('x-robots-tag')).toMatch(/noindex/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(html).toContain('/track/assets/track.js');
    expect(html).toContain('/track/assets/leaflet/leaflet.js');
    expect(html).not.toContain(link.token);
    expect(bad.status).toBe(404);
    expect(await bad.text()).toContain('This link is not valid');
    expect(bad.headers.get('x-robots-tag')).toMatch(/noindex/);
    expect(script.status).toBe(200);
    expect(await script.text()).toContain('trackVisit');
    expect(leaflet.status).toBe(200);
    expect(leafletCss.status).toBe(200);
    expect(source.status).toBe(404);
  });

  it('should answer 429 with Retry-After once a link’s page is loaded more than 60 times a minute', async () => {
    const t = randomBytes(32).toString('base64url');
    const url = `${stack.gateway.origin}/track/${t}`;
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await fetch(url)).status);
    const limited = await fetch(url);
    const otherLink = await fetch(
      `${stack.gateway.origin}/track/${randomBytes(32).toString('base64url')}`,
    );

    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(otherLink.status).toBe(200);
  });

  it('should deliver a technician’s ping to a dispatcher’s subscription well within a second', async () => {
    const wo = await job('EN_ROUTE');
    const sub = nextEvent<{ technicianLocationChanged: Record<string, any> }>(
      stack.gateway,
      client,
      `subscription ($id: ID) { technicianLocationChanged(filter: { technicianId: $id }) {
         id lat lng recordedAt stale etaAt travelSeconds nextWorkOrder { number } technician { name }
       } }`,
      { id: tenant.technicianId },
      10_000,
    );
    await sub.ready;
    const techWs = wsClient(stack.gateway, techToken);
    const refused = new Promise<unknown>((resolve) => {
      techWs.subscribe(
        { query: `subscription { technicianLocationChanged { id } }` },
        { next: () => resolve('delivered'), error: resolve, complete: () => resolve('completed') },
      );
    });

    const at = new Date(Date.now() - 1000);
    const started = Date.now();
    await ok(RECORD, { pings: [{ recordedAt: at.toISOString(), ...north(800) }] }, techToken);
    const event = (await sub.result).technicianLocationChanged;
    const latency = Date.now() - started;

    expect(event).toMatchObject({
      id: tenant.technicianId,
      lat: north(800).lat,
      lng: SITE.lng,
      recordedAt: at.toISOString(),
      stale: false,
      nextWorkOrder: { number: wo.number },
      technician: { name: 'Petra Kralova' },
    });
    expect(event.travelSeconds).toBeGreaterThan(0);
    expect(latency).toBeLessThan(1000);
    expect(JSON.stringify(await refused)).toMatch(/FORBIDDEN/);
    await techWs.dispose();
  });

  it('should show the visit in a browser: status, ETA, photo and map, under the page’s CSP', async () => {
    const wo = await job('EN_ROUTE');
    // A 1×1 PNG: the photo arrives as a data: URL, which the CSP allows for images.
    const photo =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkaPhfDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    await ok(
      `mutation ($id: ID!, $input: UpdateTechnicianInput!) { updateTechnician(id: $id, input: $input) { photoUrl } }`,
      { id: tenant.technicianId, input: { photoUrl: photo } },
    );
    await ok(
      RECORD,
      { pings: [{ recordedAt: new Date(Date.now() - 1000).toISOString(), ...north(2500) }] },
      techToken,
    );
    const link = await linkFor(wo.id);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      page.on('pageerror', (e) => violations.push(e.message));
      await page.goto(`${stack.gateway.origin}/track/${link.token}`);
      await page.getByTestId('status').getByText('On the way').waitFor();

      const eta = await page.getByTestId('eta').textContent();
      const number = await page.getByTestId('number').textContent();
      const name = await page.getByTestId('tech-name').textContent();
      const photoSrc = await page.getByTestId('avatar').locator('img').getAttribute('src');
      const tiles = await page.locator('#map.leaflet-container .leaflet-interactive').count();
      await screenshot(page, 'tracking-page-on-the-way');

      await revokeLink(link.id);
      await page.reload();
      await page.getByTestId('status').getByText('This link has expired').waitFor();

      expect(eta).toMatch(/^Arriving in about \d+ min · \d\d:\d\d/);
      expect(number).toBe(`WO-${wo.number}`);
      expect(name).toBe('Petra');
      expect(photoSrc).toBe(photo);
      expect(tiles).toBe(2); // technician and destination markers
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
      await ok(
        `mutation ($id: ID!) { updateTechnician(id: $id, input: { photoUrl: null }) { id } }`,
        { id: tenant.technicianId },
      );
    }
  });

  it('should take fixes at POST /api/locations like recordLocations: once per time, technicians only, validated', async () => {
    const base = stack.gateway.url.replace(/\/graphql$/, '');
    const post = (body: unknown, as?: string) =>
      fetch(`${base}/api/locations`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(as ? { authorization: `Bearer ${as}` } : {}),
        },
        body: JSON.stringify(body),
      });
    const recordedAt = new Date(Date.now() - 2_000).toISOString();
    const pings = [{ recordedAt, ...north(5_000), accuracyM: 8 }];
    const first = await post({ pings }, techToken);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({
      accepted: 1,
      duplicates: 0,
      position: { id: tenant.technicianId, recordedAt },
    });
    const replay = await post({ pings }, techToken);
    expect(await replay.json()).toMatchObject({ accepted: 0, duplicates: 1 });

    expect((await post({ pings })).status).toBe(401);
    const dispatcher = await post({ pings }, token);
    expect(dispatcher.status).toBe(403);
    const bad = await post({ pings: [{ recordedAt: 'yesterday', lat: 1, lng: 2 }] }, techToken);
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toMatch(/pings\[0\]\.recordedAt/);
    const outOfRange = await post({ pings: [{ recordedAt, lat: 95, lng: 2 }] }, techToken);
    expect(outOfRange.status).toBe(400);
    expect(await outOfRange.json()).toMatchObject({ code: 'BAD_USER_INPUT' });
    // Not JSON at all: a JSON refusal too, never an HTML page.
    const garbled = await fetch(`${base}/api/locations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${techToken}` },
      body: '{"pings": [',
    });
    expect(garbled.status).toBe(400);
    expect(garbled.headers.get('content-type')).toMatch(/application\/json/);
    expect(await garbled.json()).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  const revokeLink = (id: string) =>
    ok(`mutation ($id: ID!) { revokeTrackingLink(id: $id) { id } }`, { id });
});
