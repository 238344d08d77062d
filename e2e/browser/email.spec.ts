import type { MailSink } from '@attendant/mail-sink';
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
 * Emailing a guest in a real browser on the real stack, with the SMTP mail sink started by the
 * test stack: a manager emails the guest from the timeline composer, sees it SENT, then opens
 * Settings → Mail sink, finds the mail and reads its HTML part in the sandboxed viewer.
 */

const GUEST_EMAIL = 'grace.hopper@example.com';
const SUBJECT = 'Your suite is ready';
const BODY = 'Dear Grace,\nyour suite 701 is ready. <Welcome>!';

describe('browser journey: emailing a guest and reading it in the mail sink', () => {
  let database: TestDatabase;
  let stack: Stack;
  let sink: MailSink;
  let browser: Browser;
  let tenant: TenantFixture;
  let managerEmail: string;
  let guestId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    stack = await startStack(database, { mailSink: true });
    sink = stack.mailSink!;
    browser = await launchBrowser();
    const ops = stack.subgraphs['operations']!;
    tenant = await createTenant(ops, 'Email Journey Hotel');
    managerEmail = (await addStaff(ops, tenant, { name: 'Mia Manager', role: 'MANAGER' })).email;
    const token = await login(stack.gateway, tenant.adminEmail, tenant.password);
    const created = await gql(
      stack.gateway,
      `mutation ($input: CreateGuestInput!) { createGuest(input: $input) { id } }`,
      {
        input: { kind: 'HOTEL_GUEST', firstName: 'Grace', lastName: 'Hopper', email: GUEST_EMAIL },
      },
      token,
    );
    expect(created.body.errors).toBeUndefined();
    guestId = created.body.data!.createGuest.id;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await database?.drop();
  });

  async function signIn(path: string): Promise<Page> {
    // Wide enough that the settings tab bar is not paginated: at 1280 px the last tab lies partly
    // outside the paginated bar (a person pages with the chevron first).
    const page = await browser.newPage({ viewport: { width: 1700, height: 1400 } });
    await page.goto(`${stack.gateway.origin}${path}`);
    await page.locator('input[data-testid="login-email"]').fill(managerEmail);
    await page.locator('input[data-testid="login-password"]').fill(tenant.password);
    await page.getByTestId('login-submit').click();
    return page;
  }

  it('should email a guest from the timeline and show the mail, HTML included, in the mail sink', async () => {
    const page = await signIn(`/admin/guests/${guestId}`);
    try {
      await page.getByTestId('guest-name').getByText('Grace Hopper').waitFor({ timeout: 15_000 });
      await page.getByTestId('timeline-empty').waitFor({ timeout: 15_000 });
      // No phone: email is the only channel, with its consent line.
      expect(await page.getByTestId('composer-channel-SMS').count()).toBe(0);
      await page.getByTestId('composer-channel-EMAIL').waitFor();
      expect(await page.getByTestId('consent-EMAIL').getAttribute('data-status')).toBe('NONE');

      await page.getByTestId('composer-body').fill(BODY);
      // A subject is required before it can go.
      await page.getByTestId('composer-subject-hint').waitFor();
      expect(await page.getByTestId('composer-send').isDisabled()).toBe(true);
      await page.getByTestId('composer-subject').fill(SUBJECT);
      await page.getByTestId('composer-send').click();

      const row = page
        .getByTestId('timeline-message')
        .filter({ has: page.getByTestId('entry-title').getByText(SUBJECT, { exact: true }) });
      await row.waitFor({ timeout: 10_000 });
      await row.and(page.locator('[data-status="SENT"]')).waitFor({ timeout: 20_000 });
      const mail = await sink.waitFor((m) => m.to.includes(GUEST_EMAIL));
      expect(mail.subject).toBe(SUBJECT);

      // Settings → Mail sink (the tab exists because email goes to the sink).
      await page.goto(`${stack.gateway.origin}/admin/settings`);
      const tab = page.getByTestId('settings-tab-mail-sink');
      await tab.waitFor({ timeout: 10_000 });
      expect(await tab.getAttribute('href')).toBe('/admin/settings/mail-sink');
      await tab.click();
      await page.waitForURL(/\/settings\/mail-sink$/, { timeout: 10_000 });
      const mailRow = page.getByTestId('mail-row').filter({ hasText: SUBJECT });
      await mailRow.waitFor({ timeout: 15_000 });
      expect(await mailRow.textContent()).toContain(GUEST_EMAIL);

      // Search narrows the list; a search with no match shows the empty state.
      await page.getByTestId('mail-search').fill('nobody-at-all');
      await page.getByTestId('mail-list-empty').waitFor({ timeout: 10_000 });
      await page.getByTestId('mail-search').fill('grace.hopper');
      await mailRow.waitFor({ timeout: 10_000 });
      await screenshot(page, 'admin-mail-sink-list');

      await mailRow.getByTestId('mail-open').click();
      await page.getByTestId('mail-subject').getByText(SUBJECT).waitFor({ timeout: 10_000 });
      const frame = page.getByTestId('mail-html');
      expect(await frame.getAttribute('sandbox')).toBe('');
      const html = page.frameLocator('[data-testid="mail-html"]');
      await html.getByText('your suite 701 is ready. <Welcome>!').waitFor({ timeout: 10_000 });
      await screenshot(page, 'admin-mail-sink-viewer');
      await page.getByRole('tab', { name: 'Text' }).click();
      expect(await page.getByTestId('mail-text').textContent()).toBe(BODY);
      await page.getByTestId('mail-close').click();
      await mailRow.waitFor({ timeout: 10_000 });
    } finally {
      await page.close();
    }
  });
});
