import {
  createTenant,
  createTestDatabase,
  gql,
  launchBrowser,
  login,
  screenshot,
  startStack,
  type Stack,
  type TenantFixture,
  type TestDatabase,
} from '@attendant/testing';
import type { Browser, Page } from 'playwright-core';

const MINUTE = 60_000;
const STATUS = `mutation ($input: ChangeWorkOrderStatusInput!) { changeWorkOrderStatus(input: $input) { status } }`;
const RECORD = `mutation ($pings: [LocationPingInput!]!) {
  recordLocations(pings: $pings) { accepted duplicates position { id etaAt } } }`;
const SETTINGS = `query { trackingSettings { pingIntervalSeconds retentionDays geofenceRadiusM
  geofenceArrival publicShowsPosition } }`;

/** Polls `read` until `ok` accepts its value (15 s), failing with the last value seen. */
async function until<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean) {
  const deadline = Date.now() + 15_000;
  let last: T | undefined;
  for (;;) {
    last = await read().catch(() => undefined as T);
    if (last !== undefined && ok(last)) return last;
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}; last ${String(last)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/*
 * Tracking in the admin console on the real stack: a dispatcher watches the live map while a
 * technician's app posts positions through the gateway (the marker appears and moves, the path
 * grows, the ETA shows, a status change recolours the job, all without a reload); an admin
 * changes the tracking settings; and a customer tracking link is created, opened and revoked.
 */
describe('browser journey: live map, tracking settings and tracking links', () => {
  let database: TestDatabase;
  let stack: Stack;
  let browser: Browser;
  let tenant: TenantFixture;
  let adminToken: string;
  let techToken: string;
  let dispatcherEmail: string;
  let ana: string;
  let bob: string;
  let bobToken: string;
  let northTeam: string;
  let job: { id: string; number: number };

  const api = async (
    query: string,
    variables: Record<string, unknown> = {},
    token = adminToken,
  ) => {
    const res = await gql(stack.gateway, query, variables, token);
    expect(res.body.errors).toBeUndefined();
    return res.body.data as Record<string, any>;
  };

  /** Pings as the technician's app sends them, through the gateway with the technician's token. */
  const ping = (lat: number, lng: number, at = Date.now(), token = techToken) =>
    api(
      RECORD,
      { pings: [{ recordedAt: new Date(at).toISOString(), lat, lng, accuracyM: 8 }] },
      token,
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    stack = await startStack(database);
    browser = await launchBrowser();
    const ops = stack.subgraphs['operations']!;
    tenant = await createTenant(ops, 'Tracking Journey Plumbing');
    adminToken = await login(stack.gateway, tenant.adminEmail, tenant.password);
    techToken = await login(stack.gateway, tenant.techEmail, tenant.password);
    const admin = await ops.db.user.findFirstOrThrow({
      where: { organizationId: tenant.organizationId, email: tenant.adminEmail },
    });
    dispatcherEmail = tenant.adminEmail.replace(/^admin@/, 'dispatcher@');
    await ops.db.user.create({
      data: {
        organizationId: tenant.organizationId,
        email: dispatcherEmail,
        name: 'Dora Dispatcher',
        passwordHash: admin.passwordHash,
        roles: ['DISPATCHER'],
      },
    });
    ana = tenant.technicianId;
    await api(
      `mutation ($id: ID!, $input: UpdateTechnicianInput!) { updateTechnician(id: $id, input: $input) { id } }`,
      { id: ana, input: { name: 'Ana Novak', homeLat: 52.52, homeLng: 13.405 } },
    );
    // Bob, in the north team, has his own login for the app.
    const { createTeam } = await api(`mutation { createTeam(name: "North") { id } }`);
    northTeam = createTeam.id;
    const bobUser = await ops.db.user.create({
      data: {
        organizationId: tenant.organizationId,
        email: tenant.techEmail.replace(/^tech@/, 'bob@'),
        name: 'Bob Brown',
        passwordHash: admin.passwordHash,
        roles: ['TECHNICIAN'],
      },
    });
    const { createTechnician } = await api(
      `mutation ($input: CreateTechnicianInput!) { createTechnician(input: $input) { id } }`,
      { input: { name: 'Bob Brown', teamId: northTeam, userId: bobUser.id } },
    );
    bob = createTechnician.id;
    bobToken = await login(stack.gateway, bobUser.email, tenant.password);
    const { createSite } = await api(
      `mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }`,
      {
        input: {
          name: 'Kreuzberg flat',
          addressLine1: 'Oranienstraße 1',
          city: 'Berlin',
          country: 'DE',
          lat: 52.5,
          lng: 13.42,
        },
      },
    );
    const { createWorkOrder } = await api(
      `mutation ($input: CreateWorkOrderInput!) { createWorkOrder(input: $input) { id number } }`,
      {
        input: {
          kind: 'FIELD_JOB',
          title: 'Leaking radiator',
          siteId: createSite.id,
          technicianId: ana,
          scheduledStart: new Date(Date.now() + 10 * MINUTE).toISOString(),
        },
      },
    );
    job = createWorkOrder;
    // On the way: the job the ETA is for, whatever the hour.
    for (const status of ['SCHEDULED', 'DISPATCHED', 'EN_ROUTE'])
      await api(STATUS, { input: { id: job.id, status } });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await database?.drop();
  });

  async function signIn(path: string, email: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${stack.gateway.origin}/admin${path}`);
    await page.locator('input[data-testid="login-email"]').fill(email);
    await page.locator('input[data-testid="login-password"]').fill(tenant.password);
    await page.getByTestId('login-submit').click();
    return page;
  }

  const markerLat = (page: Page) =>
    page.getByTestId(`live-marker-${ana}`).getAttribute('data-lat', { timeout: 2_000 });

  it('should show a technician appear, move and draw a path live, with the ETA to the next job', async () => {
    const subscribed = stack.gateway.hub.size;
    const page = await signIn('/live-map', dispatcherEmail);
    try {
      const row = page.getByTestId(`live-tech-${ana}`);
      await row.waitFor({ timeout: 15_000 });
      // Positions and work order changes are subscribed to before anyone pings.
      await until(
        'the page to subscribe',
        async () => stack.gateway.hub.size,
        (n) => n >= subscribed + 2,
      );
      await page.getByTestId('live-map-empty').waitFor();
      expect(await row.getByTestId('live-tech-seen').textContent()).toContain('No position today');
      await page.getByTestId(`live-job-${job.number}`).waitFor();
      expect(await page.getByTestId(`live-job-${job.number}`).getAttribute('data-status')).toBe(
        'EN_ROUTE',
      );
      await page.getByTestId('live-map-paths').locator('button').click();
      await page.waitForURL(/paths=1/);
      // Survives only if the page is not reloaded.
      await page.evaluate(() => ((window as unknown as { __live: boolean }).__live = true));

      // The technician's app sends positions (about 2 km from the job, outside any geofence).
      await ping(52.515, 13.4, Date.now() - 20_000);
      await page.getByTestId(`live-marker-${ana}`).waitFor({ timeout: 10_000 });
      await page.getByTestId('live-map-empty').waitFor({ state: 'detached' });
      await row.getByTestId('live-tech-eta').waitFor({ timeout: 10_000 });
      expect(await row.getByTestId('live-tech-eta').textContent()).toMatch(
        /ETA \d\d:\d\d · (\d+ min|now)/,
      );
      expect(await row.getByTestId('live-tech-next').textContent()).toContain(
        `WO-${job.number} Leaking radiator`,
      );
      expect(await row.getByTestId('live-tech-seen').textContent()).toMatch(/Last seen/);
      expect(await row.getAttribute('data-stale')).toBe('false');

      await ping(52.51, 13.41);
      await until(
        'the marker to move',
        () => markerLat(page),
        (v) => v === '52.51000',
      );
      const path = page.getByTestId(`live-path-${ana}`);
      await path.waitFor({ timeout: 10_000 });
      const points = async () => Number(await path.getAttribute('data-points'));
      const before = await until('the path today', points, (n) => n >= 2);
      await ping(52.505, 13.415);
      await until(
        'the marker to move again',
        () => markerLat(page),
        (v) => v === '52.50500',
      );
      await until('the path to grow', points, (n) => n === before + 1);

      // Bob's app last sent a position five minutes ago: stale (three 30 s pings missed).
      await ping(52.55, 13.35, Date.now() - 5 * MINUTE, bobToken);
      const bobRow = page.getByTestId(`live-tech-${bob}`);
      await bobRow.getByTestId('live-tech-stale').waitFor({ timeout: 10_000 });
      expect(await page.getByTestId(`live-marker-${bob}`).getAttribute('data-stale')).toBe('true');
      expect(await page.getByTestId(`live-marker-${ana}`).getAttribute('data-stale')).toBe('false');

      // Picking the technician in the list zooms to them.
      // A late position may re-render the list under the click: pick again until it holds.
      await until(
        'the technician to be picked',
        async () => {
          if ((await row.getAttribute('aria-pressed')) !== 'true') await row.click();
          return row.getAttribute('aria-pressed');
        },
        (v) => v === 'true',
      );
      expect(await page.getByTestId('live-map-stats').textContent()).toContain('1 live · 1 stale');
      await screenshot(page, 'admin-live-map');

      // A status change recolours the job where it is.
      await api(STATUS, { input: { id: job.id, status: 'DISPATCHED' } });
      await until(
        'the job to be recoloured',
        () => page.getByTestId(`live-job-${job.number}`).getAttribute('data-status'),
        (status) => status === 'DISPATCHED',
      );
      await api(STATUS, { input: { id: job.id, status: 'EN_ROUTE' } });

      // The team filter shows the north team only, and stays in the URL.
      await page.getByTestId('live-map-team').click();
      await page.getByTestId(`live-map-team-${northTeam}`).click();
      await page.waitForURL(new RegExp(`team=${northTeam}`));
      await row.waitFor({ state: 'detached' });
      await bobRow.waitFor();
      expect(await page.getByTestId(`live-marker-${ana}`).count()).toBe(0);
      await page.getByTestId('live-map-team').click();
      await page.getByRole('option', { name: 'All teams' }).click();
      await row.waitFor();

      // Search narrows the list.
      await page.getByTestId('live-map-search').fill('nobody like this');
      await page.getByTestId('live-map-no-match').waitFor();
      await page.getByTestId('live-map-search').fill('ana');
      await row.waitFor();
      expect(
        await page.evaluate(() => (window as unknown as { __live?: boolean }).__live === true),
      ).toBe(true);
    } finally {
      await page.close();
    }
  }, 120_000);

  it('should save the tracking settings, keep them across a reload and explain a bad value', async () => {
    const page = await signIn('/settings/tracking', tenant.adminEmail);
    try {
      const interval = page.getByTestId('tracking-ping-interval');
      await interval.waitFor({ timeout: 15_000 });
      await until(
        'the settings to load',
        () => interval.inputValue(),
        (v) => v === '30',
      );
      await interval.fill('15');
      await page.getByTestId('tracking-retention').fill('14');
      await page.getByTestId('tracking-geofence-radius').fill('200');
      await page.getByTestId('tracking-arrival-AUTO').locator('input').check();
      await page.getByTestId('tracking-public-eta').locator('input').check();
      await page.getByTestId('tracking-unsaved').waitFor();
      await page.getByTestId('tracking-save').click();
      await page.getByTestId('tracking-saved').waitFor({ timeout: 10_000 });
      expect((await api(SETTINGS))['trackingSettings']).toEqual({
        pingIntervalSeconds: 15,
        retentionDays: 14,
        geofenceRadiusM: 200,
        geofenceArrival: 'AUTO',
        publicShowsPosition: false,
      });

      await page.reload();
      await until(
        'the saved settings',
        () => interval.inputValue(),
        (v) => v === '15',
      );
      expect(await page.getByTestId('tracking-retention').inputValue()).toBe('14');
      expect(await page.getByTestId('tracking-geofence-radius').inputValue()).toBe('200');
      expect(await page.getByTestId('tracking-arrival-AUTO').locator('input').isChecked()).toBe(
        true,
      );
      expect(await page.getByTestId('tracking-public-eta').locator('input').isChecked()).toBe(true);
      await screenshot(page, 'admin-tracking-settings');

      await interval.fill('3');
      await interval.blur();
      const error = page.getByTestId('field-error-pingIntervalSeconds');
      await error.waitFor();
      expect(await error.textContent()).toContain('The ping interval must be 5 to 600 seconds');
      await page.getByTestId('tracking-save').click();
      await page.getByTestId('tracking-error').waitFor();
      expect((await api(SETTINGS))['trackingSettings'].pingIntervalSeconds).toBe(15);
      await page.getByTestId('tracking-discard').click();
      await until(
        'the discarded edit',
        () => interval.inputValue(),
        (v) => v === '15',
      );
    } finally {
      await page.close();
      // Back to the defaults for the next journey.
      await api(
        `mutation ($input: UpdateTrackingSettingsInput!) { updateTrackingSettings(input: $input) { pingIntervalSeconds } }`,
        {
          input: {
            pingIntervalSeconds: 30,
            retentionDays: 30,
            geofenceRadiusM: 150,
            geofenceArrival: 'PROPOSE',
            publicShowsPosition: true,
          },
        },
      );
    }
  }, 90_000);

  it('should create a customer tracking link, show it once, open it and revoke it', async () => {
    const page = await signIn(`/work-orders/${job.id}`, tenant.adminEmail);
    try {
      const card = page.getByTestId('wo-tracking');
      await card.waitFor({ timeout: 15_000 });
      await card.getByTestId('tracking-links-empty').waitFor();
      await card.getByTestId('tracking-link-create').click();
      const urlInput = card.getByTestId('tracking-link-url');
      await urlInput.waitFor({ timeout: 10_000 });
      const url = await urlInput.inputValue();
      expect(url).toMatch(/\/track\/[\w-]{40,60}$/);
      expect(await card.getByTestId('tracking-link-open').getAttribute('href')).toBe(url);
      await card.getByTestId('tracking-link-copy').click();
      await card.getByTestId('tracking-link-copy-hint').waitFor();
      await card.getByTestId('tracking-link-0').waitFor();
      expect(await card.getByTestId('tracking-link-0').getAttribute('data-state')).toBe('ACTIVE');
      await screenshot(page, 'admin-tracking-link');

      // The customer's page, served by this gateway (the link's host is PUBLIC_BASE_URL).
      const token = new URL(url).pathname.split('/').pop()!;
      const publicPage = await browser.newPage();
      try {
        await publicPage.goto(`${stack.gateway.origin}/track/${token}`);
        await publicPage.getByText(`WO-${job.number}`).first().waitFor({ timeout: 15_000 });
        await publicPage.getByText('Tracking Journey Plumbing').first().waitFor();
        const visit = await gql(
          stack.gateway,
          `query ($token: String!) { trackVisit(token: $token) { workOrderNumber status } }`,
          { token },
        );
        expect(visit.body.data?.trackVisit).toEqual({
          workOrderNumber: job.number,
          status: 'ON_THE_WAY',
        });

        await card.getByTestId('tracking-link-revoke').click();
        await page.getByTestId('confirm-ok').click();
        await until(
          'the link to be revoked',
          () => card.getByTestId('tracking-link-0').getAttribute('data-state'),
          (state) => state === 'REVOKED',
        );
        expect(await card.getByTestId('tracking-link-revoke').count()).toBe(0);

        const revoked = await gql(
          stack.gateway,
          `query ($token: String!) { trackVisit(token: $token) { workOrderNumber } }`,
          { token },
        );
        expect(revoked.body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
        await publicPage.reload();
        await publicPage
          .getByText(/expired|not valid|no longer/i)
          .first()
          .waitFor({ timeout: 15_000 });
      } finally {
        await publicPage.close();
      }
    } finally {
      await page.close();
    }
  }, 90_000);
});
