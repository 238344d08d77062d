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

/*
 * A manager configures automatic texts in the admin on the real stack: an SMS template with an
 * unknown merge field is flagged at its position and refused, then fixed and previewed by the
 * server with its segment count; a "day before" reminder trigger is created with it, disabled
 * after a confirmation, and the template cannot be deleted while the trigger uses it; quiet
 * hours are changed; a verbal opt-in is recorded in the consent ledger.
 */
describe('browser journey: messaging settings', () => {
  let database: TestDatabase;
  let stack: Stack;
  let browser: Browser;
  let tenant: TenantFixture;
  let managerEmail: string;
  let token: string;

  const api = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await gql(stack.gateway, query, variables, token);
    expect(res.body.errors).toBeUndefined();
    return res.body.data as Record<string, any>;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    stack = await startStack(database);
    browser = await launchBrowser();
    const ops = stack.subgraphs['operations']!;
    tenant = await createTenant(ops, 'Messaging Settings Services');
    managerEmail = (await addStaff(ops, tenant, { name: 'Mia Manager', role: 'MANAGER' })).email;
    token = await login(stack.gateway, managerEmail, tenant.password);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await database?.drop();
  });

  async function signIn(path: string): Promise<Page> {
    // Wide enough for every settings tab to show (the tab bar scrolls on narrower screens).
    const page = await browser.newPage({ viewport: { width: 1920, height: 1000 } });
    await page.goto(`${stack.gateway.origin}${path}`);
    await page.locator('input[data-testid="login-email"]').fill(managerEmail);
    await page.locator('input[data-testid="login-password"]').fill(tenant.password);
    await page.getByTestId('login-submit').click();
    return page;
  }

  /** Switches settings tabs in the app (no reload), as a person does. */
  const openTab = async (page: Page, path: string) => {
    await page.getByTestId(`settings-tab-${path}`).click();
    await page.waitForURL(`**/admin/settings/${path}`, { timeout: 10_000 });
  };

  const choose = async (page: Page, testId: string, option: string | RegExp) => {
    await page.getByTestId(testId).click();
    await page.getByRole('option', { name: option }).click();
  };

  it('should write a template, trigger it the day before, disable it and set quiet hours', async () => {
    const page = await signIn('/admin/settings/templates');
    try {
      // 1. A template with a typo in a merge field: flagged live at its position, refused on save.
      await page.getByTestId('template-empty').waitFor({ timeout: 15_000 });
      await page.getByTestId('template-new').click();
      await page.getByTestId('template-name').fill('Visit reminder');
      const body = page.getByTestId('template-body');
      await body.fill('Hi {{guest.firstName}}, {{customer.name}} comes tomorrow');
      const problems = page.getByTestId('template-body-problems');
      await problems
        .getByText('Unknown merge field {{customer.name}} at line 1, column 25')
        .waitFor({ timeout: 10_000 });
      await page.getByTestId('template-save').click();
      await page
        .getByTestId('field-error-body')
        .getByText(/^Unknown merge fields: \{\{customer.name\}\}/)
        .waitFor({ timeout: 10_000 });

      // 2. Fixed with the picker; the server renders it with sample data and counts segments.
      await body.fill('Hi {{guest.firstName}}, your visit is');
      await page.getByTestId('template-merge-job.window').click();
      expect(await body.inputValue()).toBe('Hi {{guest.firstName}}, your visit is {{job.window}}');
      await problems.waitFor({ state: 'detached', timeout: 10_000 });
      await page
        .getByTestId('template-preview-text')
        .getByText('Hi Ana, your visit is Tue 24 Nov, 09:00-11:00', { exact: true })
        .waitFor({ timeout: 10_000 });
      await page
        .getByTestId('template-preview-segments')
        .getByText(/^GSM-7 · 1 segment · 45 characters · 115 left$/)
        .waitFor({ timeout: 10_000 });
      // An em dash is not GSM-7: the preview says which character makes the text Unicode.
      await body.fill('Hi {{guest.firstName}}, your visit is {{job.window}} — see you');
      await page
        .getByTestId('template-preview-segments')
        .getByText(/^UCS-2 · 1 segment · 55 characters · 15 left$/)
        .waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('template-preview-ucs2').textContent()).toMatch(/"—"/);
      await screenshot(page, 'admin-template-preview');
      await page.getByTestId('template-save').click();
      const row = page.getByTestId('template-row-Visit reminder');
      await row.waitFor({ timeout: 10_000 });
      expect(await row.getByTestId('template-row-usage').textContent()).toMatch(
        /Not used by a trigger/,
      );

      // 3. A reminder the day before, using it: a timing after the start is refused first.
      await openTab(page, 'triggers');
      await page.getByTestId('trigger-empty').waitFor({ timeout: 15_000 });
      await page.getByTestId('trigger-new').click();
      await choose(page, 'trigger-event', 'Reminder day before');
      await choose(page, 'trigger-template', /Visit reminder \(en\)/);
      await page.getByTestId('trigger-amount').fill('1');
      await page.getByTestId('trigger-save').click();
      await page
        .getByTestId('field-error-amount')
        .getByText(/sends before the appointment/)
        .waitFor();
      await choose(page, 'trigger-unit', 'days');
      await choose(page, 'trigger-direction', 'before');
      await page.getByTestId('trigger-timing').getByText('1 day before scheduled start').waitFor();
      await page.getByTestId('trigger-save').click();
      const trigger = page.getByTestId('trigger-row-Visit reminder');
      await trigger.waitFor({ timeout: 10_000 });
      expect(await trigger.getByTestId('trigger-row-timing').textContent()).toBe(
        '1 day before scheduled start',
      );
      const [saved] = (await api(`{ triggers { id event channel offsetMinutes enabled } }`))[
        'triggers'
      ];
      expect(saved).toMatchObject({
        event: 'REMINDER_DAY_BEFORE',
        channel: 'SMS',
        offsetMinutes: -1440,
        enabled: true,
      });

      // 4. Disabled after a confirmation; nothing was sent by it yet.
      await trigger.getByTestId('trigger-row-enabled').getByRole('switch').click();
      await page.getByTestId('confirm-ok').click();
      await trigger.getByText('Off').waitFor({ timeout: 10_000 });
      expect((await api(`{ triggers { enabled } }`))['triggers'][0].enabled).toBe(false);
      await trigger.getByTestId('trigger-row-firings').click();
      await page.getByTestId('trigger-firings-empty').waitFor({ timeout: 10_000 });
      await page.keyboard.press('Escape');

      // 5. The template cannot be deleted while the trigger uses it.
      await openTab(page, 'templates');
      const used = page.getByTestId('template-row-Visit reminder');
      await used.getByText('Used by 1 trigger').waitFor({ timeout: 10_000 });
      await used.getByTestId('template-delete').click();
      await page.getByTestId('confirm-ok').click();
      await page
        .getByTestId('template-error')
        .getByText(/1 trigger\(s\) use this template/)
        .waitFor({ timeout: 10_000 });

      // 6. Quiet hours: a bad sender number is flagged, then 22:00–07:00 is saved.
      await openTab(page, 'messaging');
      await page
        .getByTestId('messaging-quiet-summary')
        .getByText(/^No quiet hours/)
        .waitFor({
          timeout: 15_000,
        });
      await page.getByTestId('messaging-from-number').fill('555-0100');
      await page.getByTestId('messaging-save').click();
      await page
        .getByTestId('field-error-fromNumber')
        .getByText(/international format/)
        .waitFor();
      await page.getByTestId('messaging-from-number').fill('+1 555 010 0000');
      await page.getByTestId('messaging-quiet-enabled').getByRole('switch').click();
      await page.getByTestId('messaging-quiet-start').fill('22:00');
      await page.getByTestId('messaging-quiet-end').fill('07:00');
      await page.getByTestId('messaging-save').click();
      await page
        .getByTestId('messaging-quiet-summary')
        .getByText(/^Marketing is held 22:00–07:00 \(UTC/)
        .waitFor({ timeout: 10_000 });
      expect(
        (await api(`{ messagingSettings { fromNumber quietHoursStart quietHoursEnd } }`))[
          'messagingSettings'
        ],
      ).toEqual({ fromNumber: '+15550100000', quietHoursStart: 1320, quietHoursEnd: 420 });

      // 7. A verbal opt-in recorded at the front desk shows in the ledger.
      await page.getByTestId('consent-search').fill('+1 555 777 0123');
      await page.getByTestId('consent-search-submit').click();
      const sms = page.getByTestId('consent-ledger-SMS');
      await sms.getByTestId('consent-current').getByText('No record').waitFor({ timeout: 10_000 });
      await page.getByTestId('consent-record').click();
      await page.getByTestId('consent-source').fill('verbal consent at front desk');
      await page.getByTestId('consent-save').click();
      await sms.getByTestId('consent-current').getByText('Opted in').waitFor({ timeout: 10_000 });
      expect(await sms.getByTestId('consent-entry').textContent()).toMatch(
        /verbal consent at front desk/,
      );
      await screenshot(page, 'admin-messaging-settings');
    } finally {
      await page.close();
    }
  }, 180_000);
});
