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
import { startTwilioSim, type TwilioSim } from '@attendant/twilio-sim';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';

/*
 * The notification centre in a real browser on the real stack: a manager has the console open;
 * an SMS to a guest ends undelivered at the Twilio simulator, which raises an alert routed to
 * managers; the bell's badge goes up live (no reload), the panel lists it, and the manager
 * acknowledges it on the alerts page. A technician routed by name sees it live in the app.
 */

const SENDER = '+15550100000';
const TWILIO_ENV = [
  'TWILIO_ACCOUNT_SID',
  'TWILIO_AUTH_TOKEN',
  'TWILIO_API_BASE_URL',
  'TWILIO_WEBHOOK_BASE_URL',
] as const;

describe('browser journey: a manager is alerted live and acknowledges', () => {
  let database: TestDatabase;
  let stack: Stack;
  let sim: TwilioSim;
  let browser: Browser;
  let tenant: TenantFixture;
  let managerEmail: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    sim = await startTwilioSim({ delays: { queuedMs: 0, sendingMs: 0, sentMs: 0, finalMs: 0 } });
    process.env['TWILIO_ACCOUNT_SID'] = sim.accountSid;
    process.env['TWILIO_AUTH_TOKEN'] = sim.authToken;
    process.env['TWILIO_API_BASE_URL'] = sim.url;
    stack = await startStack(database);
    process.env['TWILIO_WEBHOOK_BASE_URL'] = stack.gateway.origin;
    browser = await launchBrowser();
    const ops = stack.subgraphs['operations']!;
    tenant = await createTenant(ops, 'Bell Journey Hotel');
    managerEmail = (await addStaff(ops, tenant, { name: 'Nora Manager', role: 'MANAGER' })).email;
    const webhookToken = randomBytes(24).toString('base64url');
    await stack.subgraphs['communications']!.db.smsSettings.create({
      data: { organizationId: tenant.organizationId, fromNumber: SENDER, webhookToken },
    });
    sim.admin.addNumber({
      phoneNumber: SENDER,
      smsUrl: `${stack.gateway.origin}/webhooks/twilio/${webhookToken}/inbound`,
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await sim?.stop();
    await database?.drop();
    for (const name of TWILIO_ENV) delete process.env[name];
  });

  it('should raise the bell badge live, list the alert in the panel and acknowledge it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    try {
      await page.goto(`${stack.gateway.origin}/admin/work-orders`);
      await page.locator('input[data-testid="login-email"]').fill(managerEmail);
      await page.locator('input[data-testid="login-password"]').fill(tenant.password);
      await page.getByTestId('login-submit').click();
      const bell = page.getByTestId('notification-bell');
      await bell.waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('notification-unread').textContent()).toBe('0');
      // Signing in told alert routing that this user is a manager.
      const comms = stack.subgraphs['communications']!.db;
      for (let i = 0; i < 100; i++) {
        const known = await comms.staffProjection.findFirst({
          where: { organizationId: tenant.organizationId, active: true, roles: { has: 'MANAGER' } },
        });
        if (known) break;
        await page.waitForTimeout(100);
      }
      await bell.click();
      await page.getByTestId('notification-empty').waitFor({ timeout: 10_000 });
      await page.keyboard.press('Escape');
      // The live subscription is registered before anything happens.
      await page.waitForTimeout(1_000);

      // An SMS from the admin that the carrier cannot deliver.
      sim.admin.faults({ deliveryFailure: { count: 1, errorCode: 30003, status: 'undelivered' } });
      const token = await login(stack.gateway, tenant.adminEmail, tenant.password);
      const sent = await gql(
        stack.gateway,
        'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }',
        {
          input: {
            channel: 'SMS',
            purpose: 'TRANSACTIONAL',
            to: '+15557770456',
            body: 'Your table is ready',
            guestId: randomUUID(),
          },
        },
        token,
      );
      expect(sent.body.errors).toBeUndefined();

      // The badge goes up without a reload.
      await page
        .getByTestId('notification-unread')
        .getByText('1', { exact: true })
        .waitFor({ timeout: 20_000 });
      await bell.click();
      const item = page.getByTestId('notification-item');
      await item.getByText('SMS undelivered').waitFor({ timeout: 10_000 });
      expect(await item.count()).toBe(1);
      await page.waitForTimeout(400); // the menu's fade-in, for the screenshot
      await screenshot(page, 'admin-notification-panel');
      await page.getByTestId('notification-all-alerts').click();

      const row = page.getByTestId('alert-row').filter({ hasText: 'SMS undelivered' });
      await row.waitFor({ timeout: 10_000 });
      await row.getByTestId('alert-acknowledge').click();
      // Open alerts are listed by default: the acknowledged one leaves the list.
      await page.getByTestId('alert-empty').waitFor({ timeout: 10_000 });
      // Acknowledging read the manager's notification about it.
      await page
        .getByTestId('notification-unread')
        .getByText('0', { exact: true })
        .waitFor({ timeout: 10_000 });
      const alerts = await gql(
        stack.gateway,
        '{ alerts { nodes { title acknowledgedAt } } }',
        {},
        token,
      );
      expect(alerts.body.data!.alerts.nodes).toEqual([
        { title: 'SMS undelivered', acknowledgedAt: expect.any(String) },
      ]);
      await screenshot(page, 'admin-alerts-acknowledged');
    } finally {
      await page.close();
    }
  }, 120_000);

  it('should show a technician a routed alert live in the app, from the jobs header', async () => {
    const ops = stack.subgraphs['operations']!.db;
    const tech = await ops.user.findFirst({
      where: { organizationId: tenant.organizationId, email: tenant.techEmail },
    });
    const token = await login(stack.gateway, tenant.adminEmail, tenant.password);
    // Rules route to staff communications knows from their sign-in.
    await login(stack.gateway, tenant.techEmail, tenant.password);
    const comms = stack.subgraphs['communications']!.db;
    for (let i = 0; i < 100; i++) {
      const known = await comms.staffProjection.findFirst({
        where: { organizationId: tenant.organizationId, userId: tech!.id },
      });
      if (known) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const rule = await gql(
      stack.gateway,
      'mutation ($input: AlertRuleInput!) { saveAlertRule(input: $input) { id } }',
      {
        input: {
          kind: 'MESSAGE_DELIVERY_FAILED',
          enabled: true,
          severity: 'WARNING',
          recipientRoles: [],
          recipientUserIds: [tech!.id],
          ackTimeoutMinutes: 15,
          escalationUserIds: [],
          escalateToManagers: true,
        },
      },
      token,
    );
    expect(rule.body.errors).toBeUndefined();
    const page = await browser.newPage({ viewport: { width: 420, height: 860 } });
    try {
      await page.goto(`${stack.gateway.origin}/app/`);
      await page
        .locator('input[data-testid="login-email"], [data-testid="login-email"] input')
        .first()
        .fill(tenant.techEmail);
      await page
        .locator('input[data-testid="login-password"], [data-testid="login-password"] input')
        .first()
        .fill(tenant.password);
      await page.getByTestId('login-submit').click();
      const bell = page.locator('app-today').getByTestId('notification-bell');
      await bell.waitFor({ timeout: 20_000 });
      expect(await page.locator('app-today').getByTestId('notification-unread').count()).toBe(0);
      await page.waitForTimeout(1_500);

      sim.admin.faults({ deliveryFailure: { count: 1, errorCode: 30005, status: 'undelivered' } });
      const sent = await gql(
        stack.gateway,
        'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }',
        {
          input: {
            channel: 'SMS',
            purpose: 'TRANSACTIONAL',
            to: '+15557770789',
            body: 'Your technician is on the way',
          },
        },
        token,
      );
      expect(sent.body.errors).toBeUndefined();
      await page
        .locator('app-today')
        .getByTestId('notification-unread')
        .getByText('1', { exact: true })
        .waitFor({ timeout: 20_000 });
      await bell.click();
      const item = page.locator('app-notifications').getByTestId('notification-item');
      await item.getByText('SMS undelivered').waitFor({ timeout: 10_000 });
      await page.waitForTimeout(600); // the page transition, for the screenshot
      await screenshot(page, 'mobile-notifications');
      await item.click();
      await page
        .locator('app-notifications')
        .getByText('New', { exact: true })
        .waitFor({ state: 'detached', timeout: 10_000 });
    } finally {
      await page.close();
    }
  }, 120_000);

  it('should edit an alert rule and the manager’s own notification preferences, with clear messages', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    try {
      await page.goto(`${stack.gateway.origin}/admin/settings/alerts`);
      await page.locator('input[data-testid="login-email"]').fill(managerEmail);
      await page.locator('input[data-testid="login-password"]').fill(tenant.password);
      await page.getByTestId('login-submit').click();
      const sla = page.getByTestId('alert-rule-SLA_AT_RISK');
      await sla.waitFor({ timeout: 15_000 });
      await sla.locator('input[name="timeout"]').fill('0');
      await sla.getByRole('button', { name: 'Save' }).click();
      await sla
        .getByRole('alert')
        .getByText(/timeout is 1 to 1440 minutes/)
        .waitFor();
      await sla.locator('input[name="timeout"]').fill('20');
      await sla.getByRole('button', { name: 'Save' }).click();
      await sla.getByRole('status').getByText('Saved').waitFor();
      await screenshot(page, 'admin-alert-rules');

      await page.goto(`${stack.gateway.origin}/admin/notification-preferences`);
      await page.getByTestId('preferences-form').waitFor({ timeout: 15_000 });
      await page.getByTestId('pref-criticalChannels-SMS').locator('input').check();
      await page.getByTestId('preferences-save').click();
      await page.getByText('Add a phone number to get notifications by SMS').waitFor();
      await page.locator('input[name="phone"]').fill('+1 555 000 2222');
      await page.getByTestId('preferences-save').click();
      await page.getByRole('status').getByText('Saved').waitFor();

      const token = await login(stack.gateway, managerEmail, tenant.password);
      const stored = await gql(
        stack.gateway,
        '{ notificationPreferences { criticalChannels phone } alertRules { kind ackTimeoutMinutes } }',
        {},
        token,
      );
      expect(stored.body.data!.notificationPreferences).toEqual({
        criticalChannels: ['SMS'],
        phone: '+15550002222',
      });
      expect(stored.body.data!.alertRules).toContainEqual({
        kind: 'SLA_AT_RISK',
        ackTimeoutMinutes: 20,
      });
    } finally {
      await page.close();
    }
  }, 120_000);
});
