import { startMewsSim, type MewsSim } from '@attendant/mews-sim';
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

/** `hour` o'clock tomorrow in this process's time zone (the browser is given the same one). */
function tomorrowAt(hour: number): Date {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, hour, 0);
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/*
 * A manager sets up "VIP arrives → welcome amenity 3 h before" in the admin; then a VIP guest's
 * reservation is synced from Mews (the simulator pushes it over its WebSocket), and the
 * pre-arrival order appears on the arrival board, created once.
 */
describe('browser journey: a pre-arrival automation rule acts on a synced VIP reservation', () => {
  let database: TestDatabase;
  let stack: Stack;
  let sim: MewsSim;
  let browser: Browser;
  let tenant: TenantFixture;
  let token: string;

  const api = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await gql(stack.gateway, query, variables, token);
    expect(res.body.errors).toBeUndefined();
    return res.body.data as Record<string, any>;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    sim = await startMewsSim({ seed: 5 });
    stack = await startStack(database);
    browser = await launchBrowser();
    const ops = stack.subgraphs['operations']!;
    tenant = await createTenant(ops, 'Automation Journey Hotel');
    await ops.db.organization.update({
      where: { id: tenant.organizationId },
      data: { kind: 'HOTEL', currency: 'EUR', timezone: 'Europe/Prague' },
    });
    token = await login(stack.gateway, tenant.adminEmail, tenant.password);
    await api(`mutation ($input: ConnectMewsInput!) { connectMews(input: $input) { id } }`, {
      input: {
        baseUrl: sim.url,
        webSocketUrl: sim.wsUrl.replace(/\/ws\/connector$/, ''),
        clientToken: sim.tokens.ClientToken,
        accessToken: sim.tokens.AccessToken,
        pollIntervalSeconds: 60,
      },
    });
    await until('the Mews import', async () => {
      const d = await api(`{ mewsConnection { latestRun { status } } }`);
      return d['mewsConnection']?.latestRun?.status === 'COMPLETED';
    });
    await api(
      `mutation { createServiceType(input: { name: "VIP welcome amenity", kind: HOTEL_SERVICE, defaultMinutes: 20 }) { id } }`,
    );
    await api(`mutation { createTeam(name: "Housekeeping") { id } }`);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await sim?.stop();
    await database?.drop();
  });

  async function signIn(path: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${stack.gateway.origin}${path}`);
    await page.locator('input[data-testid="login-email"]').fill(tenant.adminEmail);
    await page.locator('input[data-testid="login-password"]').fill(tenant.password);
    await page.getByTestId('login-submit').click();
    return page;
  }

  const choose = async (page: Page, testId: string, option: string) => {
    await page.getByTestId(testId).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };

  it('should create one pre-arrival order when a VIP reservation is synced from Mews', async () => {
    const page = await signIn('/admin/settings/automation');
    try {
      // 1. The manager writes the rule: a form with nothing chosen is refused clearly.
      await page.getByTestId('automation-empty').waitFor({ timeout: 15_000 });
      await page.getByTestId('automation-new').click();
      await page.getByTestId('automation-name').fill('VIP welcome');
      await page.getByTestId('automation-save').click();
      await page.getByTestId('field-error-conditions').waitFor();
      await page.getByTestId('automation-vip').click();
      await choose(page, 'automation-service-type', 'VIP welcome amenity');
      await page.getByTestId('automation-title').fill('Welcome amenity for {guest} in room {room}');
      await page.getByTestId('automation-hours').fill('3');
      await choose(page, 'automation-team', 'Housekeeping');
      await page.getByTestId('automation-save').click();
      const row = page.getByTestId('automation-rule-row-VIP welcome');
      await row.waitFor({ timeout: 10_000 });
      expect(await row.getByTestId('automation-rule-condition').first().textContent()).toMatch(
        /VIP/,
      );

      // 2. Mews: a new VIP profile books a room arriving tomorrow afternoon.
      const vip = sim.state.addCustomer({
        FirstName: 'Ada',
        LastName: 'Lovelace',
        Email: 'ada.lovelace@example.com',
        Classifications: ['Vip'],
      });
      const stay = sim.state.reservations.find(
        (r) => r.State === 'Confirmed' && r.AssignedResourceId,
      )!;
      const arrival = tomorrowAt(14);
      sim.state.updateReservation(stay.Id, {
        AccountId: vip.Id,
        AccountType: 'Customer',
        ScheduledStartUtc: arrival.toISOString(),
        ScheduledEndUtc: new Date(arrival.getTime() + 2 * 86_400_000).toISOString(),
      });

      // 3. The order shows on the arrival board for that stay.
      await page.goto(`${stack.gateway.origin}/admin/arrivals?day=both`);
      const orders = page.getByTestId(`arrival-orders-${stay.Number}`);
      await orders.getByText(/Welcome amenity for Ada Lovelace in room \S+/).waitFor({
        timeout: 30_000,
      });
      await screenshot(page, 'admin-automation-pre-arrival-order');

      const { workOrders } = await api(
        `{ workOrders(first: 10, filter: { search: "Welcome amenity" }) {
             nodes { title status priority scheduledStart team { name } reservation { id } }
           } }`,
      );
      expect(workOrders.nodes).toHaveLength(1);
      expect(workOrders.nodes[0]).toMatchObject({ status: 'NEW', team: { name: 'Housekeeping' } });
      expect(Date.parse(workOrders.nodes[0].scheduledStart)).toBe(
        arrival.getTime() - 3 * 3_600_000,
      );

      // 4. The rule counts its firing; more events for the same stay create nothing new.
      sim.state.updateReservation(stay.Id, {
        ScheduledEndUtc: new Date(arrival.getTime() + 3 * 86_400_000).toISOString(),
      });
      await until('the rule to count its firing', async () => {
        const d = await api(`{ automationRules { name firedCount } }`);
        return d['automationRules'][0]?.firedCount === 1;
      });
      await new Promise((r) => setTimeout(r, 1500));
      const again = await api(
        `{ workOrders(first: 10, filter: { search: "Welcome amenity" }) { totalCount } }`,
      );
      expect(again['workOrders'].totalCount).toBe(1);
    } finally {
      await page.close();
    }
  });
});
