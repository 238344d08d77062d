import {
  addStaff,
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

const SET_ROOM_STATE = `mutation ($input: SetRoomStateInput!) { setRoomState(input: $input) { id state } }`;

/** `hour` o'clock today in this process's time zone (the browser is given the same one). */
function todayAt(hour: number): Date {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate(), hour, 0);
}

describe('browser journey: arrival readiness board on the real stack', () => {
  let database: TestDatabase;
  let stack: Stack;
  let browser: Browser;
  let tenant: TenantFixture;
  let managerEmail: string;
  let roomId: string;
  let graceId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    stack = await startStack(database);
    browser = await launchBrowser();
    const ops = stack.subgraphs['operations']!;
    const guests = stack.subgraphs['guests']!;
    tenant = await createTenant(ops, 'Arrivals Hotel');
    const organizationId = tenant.organizationId;
    await ops.db.organization.update({
      where: { id: organizationId },
      data: { kind: 'HOTEL', currency: 'EUR' },
    });
    managerEmail = (await addStaff(ops, tenant, { name: 'Mia Manager', role: 'MANAGER' })).email;
    const room = await guests.db.room.create({
      data: { organizationId, number: '101', floor: 1, roomType: 'Double', state: 'DIRTY' },
    });
    roomId = room.id;
    const stay = { arrivalAt: todayAt(12), departureAt: todayAt(12 + 48), currency: 'EUR' };
    const grace = await guests.db.guest.create({
      data: {
        organizationId,
        kind: 'HOTEL_GUEST',
        firstName: 'Grace',
        lastName: 'Hopper',
        title: 'Dr',
        vip: true,
        vipReason: '5 stays',
        stayCount: 5,
        totalSpendMinor: 240_000,
        classifications: ['Returning'],
        preferences: ['Quiet room'],
        completeness: 70,
        completenessGaps: ['missing phone'],
        externalId: 'mews-customer-grace',
        syncStatus: 'SYNCED',
        lastSyncedAt: new Date(),
      },
    });
    graceId = grace.id;
    const day = 86_400_000;
    await guests.db.guestScoreHistory.createMany({
      data: [40, 55, 70].map((score, i) => ({
        organizationId,
        guestId: grace.id,
        score,
        recordedAt: new Date(Date.now() - (20 - i * 10) * day),
      })),
    });
    await guests.db.syncAudit.create({
      data: {
        organizationId,
        entityType: 'Guest',
        entityId: grace.id,
        externalId: 'mews-customer-grace',
        side: 'MEWS',
        source: 'WEBHOOK',
        action: 'UPDATED',
        changes: [{ field: 'email', from: null, to: 'grace@example.test' }],
        losing: [{ field: 'lastName', value: 'Hoper', side: 'PLATFORM' }],
        requestId: 'req-mews-42',
      },
    });
    await guests.db.reservation.create({
      data: {
        organizationId,
        ...stay,
        confirmationCode: 'ARR-1001',
        status: 'CONFIRMED',
        guestId: grace.id,
        roomId,
      },
    });
    const ada = await guests.db.guest.create({
      data: { organizationId, kind: 'HOTEL_GUEST', firstName: 'Ada', lastName: 'Lovelace' },
    });
    await guests.db.reservation.create({
      data: {
        organizationId,
        ...stay,
        arrivalAt: todayAt(16),
        confirmationCode: 'ARR-1002',
        status: 'CONFIRMED',
        guestId: ada.id,
      },
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await database?.drop();
  });

  const origin = () => stack.gateway.origin;

  async function signIn(page: Page, path: string, email: string): Promise<void> {
    await page.goto(`${origin()}${path}`);
    await page
      .locator('input[data-testid="login-email"], [data-testid="login-email"] input')
      .first()
      .fill(email);
    await page
      .locator('input[data-testid="login-password"], [data-testid="login-password"] input')
      .first()
      .fill(tenant.password);
    await page.getByTestId('login-submit').click();
  }

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      timezoneId: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
    return context.newPage();
  }

  it('should turn a dirty-room arrival ready live when another user marks the room clean', async () => {
    const page = await newPage();
    try {
      await signIn(page, '/admin/arrivals', managerEmail);
      await page.waitForURL(/\/admin\/arrivals/);
      const readiness = page.getByTestId('arrival-readiness-ARR-1001');
      await readiness.getByTestId('readiness-status').getByText('NOT_READY').waitFor();
      await readiness.getByText('Room 101 is dirty').waitFor();
      await page.getByTestId('arrival-room-ARR-1001').getByText('DIRTY').waitFor();
      await page.getByTestId('arrival-readiness-ARR-1002').getByText('No room assigned').waitFor();
      expect(await page.getByTestId('arrival-count-total').textContent()).toContain('2');
      await screenshot(page, 'admin-arrivals');

      // A marker on the window: it survives only if the page is not reloaded.
      await page.evaluate(() => ((window as unknown as { __live: boolean }).__live = true));
      const adminToken = await login(stack.gateway, tenant.adminEmail, tenant.password);
      const res = await gql(
        stack.gateway,
        SET_ROOM_STATE,
        { input: { roomId, state: 'CLEAN', reason: 'Turned down by housekeeping' } },
        adminToken,
      );
      expect(res.body.errors).toBeUndefined();

      await readiness
        .getByTestId('readiness-status')
        .getByText(/^\s*(READY|ATTENTION)\s*$/)
        .waitFor({ timeout: 10_000 });
      await page.getByTestId('arrival-room-ARR-1001').getByText('CLEAN').waitFor();
      expect(await readiness.textContent()).not.toContain('is dirty');
      expect(
        await page.evaluate(() => (window as unknown as { __live?: boolean }).__live === true),
      ).toBe(true);
      await screenshot(page, 'admin-arrivals-live');
    } finally {
      await page.context().close();
    }
  });

  it('should let a manager set an ETA inline, undo it, and mark a room dirty from the board', async () => {
    const page = await newPage();
    try {
      await signIn(page, '/admin/arrivals', managerEmail);
      const eta = page.getByTestId('arrival-eta-ARR-1002');
      await eta.getByTestId('eta-edit').click();
      await eta.getByTestId('eta-input').fill('17:45');
      await eta.getByTestId('eta-save').click();
      await eta.getByTestId('eta-value').getByText('17:45').waitFor();
      await page.getByText('ETA for Ada Lovelace set to 17:45').waitFor();
      await screenshot(page, 'admin-arrivals-eta');
      await page.getByRole('button', { name: 'Undo' }).click();
      await eta.getByTestId('eta-value').getByText('—').waitFor();

      await page.getByTestId('arrival-room-menu-ARR-1001').click();
      await page.getByTestId('room-state-DIRTY').click();
      const readiness = page.getByTestId('arrival-readiness-ARR-1001');
      await readiness.getByText('Room 101 is dirty').waitFor({ timeout: 10_000 });
      await readiness.getByTestId('readiness-status').getByText('NOT_READY').waitFor();
    } finally {
      await page.context().close();
    }
  });

  it('should show a guest profile with completeness, sync status and the sync audit', async () => {
    const page = await newPage();
    try {
      await signIn(page, '/admin/arrivals', managerEmail);
      await page.getByTestId('arrival-row-ARR-1001').getByText('Grace Hopper').click();
      await page.waitForURL(new RegExp(`/admin/guests/${graceId}$`));
      await page.getByTestId('guest-completeness').getByText('70%').waitFor();
      await page.getByTestId('guest-gaps').getByText('missing phone').waitFor();
      await page.getByTestId('completeness-trend').waitFor();
      await page.getByTestId('guest-vip-reason').getByText('5 stays').waitFor();
      await page.getByTestId('guest-sync-status').getByText('In sync with Mews').waitFor();
      const audit = page.getByTestId('guest-sync-audit');
      await audit.getByText('req-mews-42').waitFor();
      await audit.getByText('Hoper').waitFor();
      await page.getByTestId('guest-resync').waitFor();
      await screenshot(page, 'admin-guest-profile');
    } finally {
      await page.context().close();
    }
  });

  it('should keep the readiness filter in the URL across a reload', async () => {
    // Room 101 clean (whatever the test before did): only ARR-1002 (no room) is NOT_READY.
    const adminToken = await login(stack.gateway, tenant.adminEmail, tenant.password);
    await gql(stack.gateway, SET_ROOM_STATE, { input: { roomId, state: 'CLEAN' } }, adminToken);
    const page = await newPage();
    try {
      await signIn(page, '/admin/arrivals', managerEmail);
      await page.getByTestId('arrival-row-ARR-1002').waitFor();
      await page.getByTestId('arrival-row-ARR-1001').waitFor();
      await page.getByTestId('arrival-filter-readiness').click();
      await page.getByTestId('readiness-option-NOT_READY').click();
      await page.keyboard.press('Escape');
      await page.waitForURL(/readiness=NOT_READY/);
      await page.getByTestId('arrival-row-ARR-1001').waitFor({ state: 'detached' });

      await page.reload();
      await page.getByTestId('arrival-row-ARR-1002').waitFor();
      expect(page.url()).toMatch(/\/admin\/arrivals\?(.*&)?readiness=NOT_READY/);
      expect(await page.getByTestId('arrival-row-ARR-1001').count()).toBe(0);
      await page.getByTestId('arrival-filter-readiness').getByText('Not ready').waitFor();
      await screenshot(page, 'admin-arrivals-filtered');
    } finally {
      await page.context().close();
    }
  });
});
