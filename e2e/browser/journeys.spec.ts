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
  TEST_SECRETS,
} from '@attendant/testing';
import { ACCESS_TOKEN_TTL_SECONDS, signAccessToken, verifyAccessToken } from '@attendant/kit';
import type { Browser, Page } from 'playwright-core';

const STATUS = `mutation ($input: ChangeWorkOrderStatusInput!) { changeWorkOrderStatus(input: $input) { status } }`;

describe('browser journeys: admin console and technician app on the real stack', () => {
  let database: TestDatabase;
  let stack: Stack;
  let browser: Browser;
  let tenant: TenantFixture;
  let managerEmail: string;
  let adminToken: string;
  let job: { id: string; number: number };

  beforeAll(async () => {
    database = await createTestDatabase();
    stack = await startStack(database);
    browser = await launchBrowser();
    const ops = stack.subgraphs['operations']!;
    tenant = await createTenant(ops, 'Journey Services');
    managerEmail = (await addStaff(ops, tenant, { name: 'Mia Manager', role: 'MANAGER' })).email;
    adminToken = await login(stack.gateway, tenant.adminEmail, tenant.password);
    const guest = await gql(
      stack.gateway,
      `mutation { createGuest(input: { kind: CUSTOMER, firstName: "Ada", lastName: "Lovelace" }) { id } }`,
      {},
      adminToken,
    );
    const created = await gql(
      stack.gateway,
      `mutation ($input: CreateWorkOrderInput!) { createWorkOrder(input: $input) { id number } }`,
      {
        input: {
          kind: 'FIELD_JOB',
          title: 'Boiler makes a knocking noise',
          guestId: guest.body.data!.createGuest.id,
          technicianId: tenant.technicianId,
          scheduledStart: new Date(Date.now() + 30 * 60_000).toISOString(),
          priority: 'HIGH',
        },
      },
      adminToken,
    );
    job = created.body.data!.createWorkOrder;
    for (const status of ['SCHEDULED', 'DISPATCHED', 'EN_ROUTE']) {
      const r = await gql(stack.gateway, STATUS, { input: { id: job.id, status } }, adminToken);
      expect(r.body.errors).toBeUndefined();
    }
    await gql(
      stack.gateway,
      `mutation { createWorkOrder(input: { kind: FIELD_JOB, title: "Paint the fence" }) { id } }`,
      {},
      adminToken,
    );
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
      .getByTestId('login-email')
      .locator('input')
      .or(page.locator('input[data-testid="login-email"]'))
      .first()
      .fill(email);
    await page
      .getByTestId('login-password')
      .locator('input')
      .or(page.locator('input[data-testid="login-password"]'))
      .first()
      .fill(tenant.password);
    await page.getByTestId('login-submit').click();
  }

  it('should let a manager filter, open and edit a work order and see the server validation message', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await signIn(page, '/admin/', managerEmail);
      await page.waitForURL(/\/admin\/work-orders/);
      await page.getByText('Boiler makes a knocking noise').waitFor();
      await screenshot(page, 'admin-work-orders');
      await page
        .getByTestId('wo-search')
        .locator('input')
        .or(page.locator('input[data-testid="wo-search"]'))
        .first()
        .fill('knocking');
      await page.getByText('Paint the fence').waitFor({ state: 'detached' });
      await page.getByText('Boiler makes a knocking noise').click();
      await page.waitForURL(new RegExp(`/admin/work-orders/${job.id}$`));
      await page.getByTestId('wo-title').waitFor();
      await screenshot(page, 'admin-work-order-detail');
      await page.getByTestId('wo-edit').click();
      await page.waitForURL(/\/edit$/);
      const title = page.getByTestId('wo-form-title');
      // The form fills in once the work order has loaded; edit after that.
      await page.waitForFunction(
        () =>
          (document.querySelector('[data-testid="wo-form-title"]') as HTMLInputElement | null)
            ?.value === 'Boiler makes a knocking noise',
      );
      await title.fill('x');
      await page.getByTestId('wo-form-save').click();
      await page
        .getByTestId('field-error-title')
        .getByText('Title must be 3 to 200 characters')
        .waitFor();
      await screenshot(page, 'admin-work-order-validation');
    } finally {
      await page.close();
    }
  });

  it('should show a technician marking a job arrived on the manager detail page within 2 seconds', async () => {
    const manager = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const techContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const tech = await techContext.newPage();
    try {
      await signIn(manager, `/admin/work-orders/${job.id}`, managerEmail);
      await manager.waitForURL(new RegExp(`/admin/work-orders/${job.id}$`));
      await manager.getByTestId('wo-status').getByText('EN_ROUTE').waitFor();

      await signIn(tech, '/app/', tenant.techEmail);
      const card = tech.locator(`[data-testid="job-card"][data-number="${job.number}"]`);
      await card.waitFor();
      await screenshot(tech, 'app-today');
      await card.click();
      await tech.getByTestId('status-ARRIVED').click();
      const clicked = Date.now();
      await manager.getByTestId('wo-status').getByText('ARRIVED').waitFor({ timeout: 2000 });
      expect(Date.now() - clicked).toBeLessThan(2000);
      await tech
        .getByTestId('job-status')
        .getByText(/arrived/i)
        .waitFor();
      await screenshot(tech, 'app-job-arrived');
      await screenshot(manager, 'admin-live-arrived');
    } finally {
      await manager.close();
      await techContext.close();
    }
  });

  it('should let an admin open a guest and run a query in the explorer with their session', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    try {
      await signIn(page, '/admin/guests', tenant.adminEmail);
      await page.waitForURL(/\/admin\/guests$/);
      await page.getByTestId('guest-row').filter({ hasText: 'Lovelace' }).click();
      await page.getByTestId('guest-name').getByText('Ada Lovelace').waitFor();
      await screenshot(page, 'admin-guest-detail');
      await page.getByTestId('nav-explorer').click();
      await page
        .getByTestId('explorer-query')
        .fill('{ workOrders(first: 5) { totalCount nodes { number title } } }');
      await page.getByTestId('explorer-run').click();
      await page
        .getByTestId('explorer-result')
        .getByText('Boiler makes a knocking noise')
        .waitFor();
      await screenshot(page, 'admin-explorer');
    } finally {
      await page.close();
    }
  });

  it('should refresh an expired session and keep working when the console reloads', async () => {
    const page = await browser.newPage();
    try {
      await signIn(page, '/admin/', managerEmail);
      await page.getByTestId('wo-row').first().waitFor();
      // Swap in an access token that expired a minute ago; the refresh token is still good.
      const token = await page.evaluate(
        () => JSON.parse(localStorage.getItem('attendant.admin.session')!).accessToken as string,
      );
      const claims = await verifyAccessToken(token, TEST_SECRETS.JWT_SECRET);
      const expired = await signAccessToken(
        claims!,
        TEST_SECRETS.JWT_SECRET,
        Date.now() - (ACCESS_TOKEN_TTL_SECONDS + 60) * 1000,
      );
      await page.evaluate(
        (t) => {
          const session = JSON.parse(localStorage.getItem('attendant.admin.session')!);
          localStorage.setItem(
            'attendant.admin.session',
            JSON.stringify({ ...session, accessToken: t.token, accessTokenExpiresAt: t.expiresAt }),
          );
        },
        { token: expired.token, expiresAt: expired.expiresAt.toISOString() },
      );
      await page.reload();
      await page.getByTestId('wo-row').first().waitFor();
      const after = await page.evaluate(
        () => JSON.parse(localStorage.getItem('attendant.admin.session')!).accessToken as string,
      );
      expect(after).not.toBe(expired.token);
      expect(page.url()).toMatch(/\/admin\/work-orders/);
    } finally {
      await page.close();
    }
  });

  it('should refuse a technician at the admin console with a clear message', async () => {
    const page = await browser.newPage();
    try {
      await signIn(page, '/admin/', tenant.techEmail);
      await page
        .getByTestId('login-error')
        .getByText(/Technicians use the Attendant app/)
        .waitFor();
      expect(page.url()).toMatch(/\/admin\/login/);
      await screenshot(page, 'admin-technician-refused');
    } finally {
      await page.close();
    }
  });
});
