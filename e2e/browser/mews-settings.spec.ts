import { startMewsSim, type MewsSim } from '@attendant/mews-sim';
import {
  createTenant,
  createTestDatabase,
  launchBrowser,
  screenshot,
  startStack,
  type Stack,
  type TenantFixture,
  type TestDatabase,
} from '@attendant/testing';
import type { Browser, Page } from 'playwright-core';

declare global {
  interface Window {
    /** Every `data-percent` the import progress bar showed, in order. */
    __percents?: number[];
  }
}

describe('browser journey: an admin connects Mews and watches the import', () => {
  let database: TestDatabase;
  let stack: Stack;
  let sim: MewsSim;
  let browser: Browser;
  let tenant: TenantFixture;
  const pageSizeBefore = process.env['MEWS_PAGE_SIZE'];

  beforeAll(async () => {
    // Small Mews pages make the import advance in many steps the progress bar can show.
    process.env['MEWS_PAGE_SIZE'] = '50';
    database = await createTestDatabase();
    sim = await startMewsSim({ seed: 3 });
    stack = await startStack(database);
    browser = await launchBrowser();
    const ops = stack.subgraphs['operations']!;
    tenant = await createTenant(ops, 'Mews Journey Hotel');
    await ops.db.organization.update({
      where: { id: tenant.organizationId },
      data: { kind: 'HOTEL', currency: 'EUR', timezone: 'Europe/Prague' },
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await sim?.stop();
    await database?.drop();
    if (pageSizeBefore === undefined) delete process.env['MEWS_PAGE_SIZE'];
    else process.env['MEWS_PAGE_SIZE'] = pageSizeBefore;
  });

  const field = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"]`);

  async function signIn(page: Page, path: string): Promise<void> {
    await page.goto(`${stack.gateway.origin}${path}`);
    await field(page, 'login-email').fill(tenant.adminEmail);
    await field(page, 'login-password').fill(tenant.password);
    await page.getByTestId('login-submit').click();
  }

  async function fillConnection(page: Page, tokens: MewsSim['tokens']): Promise<void> {
    await field(page, 'mews-base-url').fill(sim.url);
    // The server appends /ws/connector itself.
    await field(page, 'mews-ws-url').fill(sim.wsUrl.replace(/\/ws\/connector$/, ''));
    await field(page, 'mews-client-token').fill(tokens.ClientToken);
    await field(page, 'mews-access-token').fill(tokens.AccessToken);
    await field(page, 'mews-poll-interval').fill('10');
  }

  it('should refuse wrong tokens clearly, then import live to 100 % and show the sync health', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await signIn(page, '/admin/settings/mews');
      await page.waitForURL(/\/admin\/settings\/mews$/);
      await page.getByTestId('mews-connect-form').waitFor();

      await fillConnection(page, { ClientToken: 'wrong-client', AccessToken: 'wrong-access' });
      await page.getByTestId('mews-connect').click();
      await page
        .getByTestId('mews-connect-error')
        .getByText(/Mews rejected the tokens/)
        .waitFor({ timeout: 15_000 });
      await screenshot(page, 'admin-mews-wrong-tokens');

      // Record every percentage the bar shows, from its first render on.
      await page.evaluate(() => {
        window.__percents = [];
        const record = (el: Element) => {
          const value = Number(el.getAttribute('data-percent'));
          if (!Number.isNaN(value) && window.__percents!.at(-1) !== value)
            window.__percents!.push(value);
        };
        new MutationObserver((mutations) => {
          for (const m of mutations) {
            if (m.type === 'attributes') record(m.target as Element);
            m.addedNodes.forEach((n) => {
              if (!(n instanceof Element)) return;
              if (n.matches('[data-percent]')) record(n);
              n.querySelectorAll('[data-percent]').forEach(record);
            });
          }
        }).observe(document.body, {
          subtree: true,
          childList: true,
          attributes: true,
          attributeFilter: ['data-percent'],
        });
      });

      await fillConnection(page, sim.tokens);
      await page.getByTestId('mews-connect').click();
      await page.getByTestId('mews-import-progress').waitFor({ timeout: 15_000 });
      await page
        .getByTestId('mews-import-status')
        .getByText('Completed')
        .waitFor({ timeout: 90_000 });

      const progress = page.getByTestId('mews-import-progress');
      expect(await progress.getAttribute('data-percent')).toBe('100');
      const seen = await page.evaluate(() => window.__percents ?? []);
      expect(seen.at(-1)).toBe(100);
      // The import was followed live: the bar showed it before it was done.
      expect(seen.some((p) => p < 100)).toBe(true);
      const counts = await page.getByTestId('mews-import-count').allTextContents();
      expect(counts.join(' | ')).toMatch(/customers 300/);
      expect(counts.join(' | ')).toMatch(/reservations 400/);
      await expect(page.getByTestId('mews-connection-status').textContent()).resolves.toBe(
        'CONNECTED',
      );
      await page.getByTestId('mews-webhook-url').waitFor();
      await screenshot(page, 'admin-mews-import-completed');

      // The first window poll follows the import; the health card picks it up (15 s refresh).
      const health = page.getByTestId('mews-health');
      await health.waitFor();
      await page.waitForFunction(
        () => {
          const at = ['mews-health-last-poll', 'mews-health-last-event']
            .map((id) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-at'))
            .filter((v): v is string => !!v)
            .map((v) => Date.parse(v));
          return at.some((t) => Date.now() - t < 120_000);
        },
        undefined,
        { timeout: 45_000, polling: 250 },
      );
      const lastPoll = await page.getByTestId('mews-health-last-poll').textContent();
      const lastEvent = await page.getByTestId('mews-health-last-event').textContent();
      expect(`${lastPoll} ${lastEvent}`).toMatch(/just now|seconds? ago|minute ago/);
      await screenshot(page, 'admin-mews-health');
    } finally {
      await page.close();
    }
  }, 180_000);

  it('should show a reservation changed in Mews on the arrival board live', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    try {
      await signIn(page, '/admin/arrivals');
      await page
        .getByTestId('arrival-table')
        .or(page.getByText(/No arrivals/i))
        .first()
        .waitFor();
      // In Mews (the simulator): a confirmed stay is moved to arrive later today, in a dirty room.
      const target = sim.state.reservations.find(
        (r) =>
          r.State === 'Confirmed' && Date.parse(r.ScheduledStartUtc) > Date.now() + 3 * 86_400_000,
      )!;
      const room = sim.state.resources.find((r) => r.State === 'Dirty')!;
      const endOfDay = new Date();
      endOfDay.setHours(23, 0, 0, 0);
      const start = new Date(Math.min(Date.now() + 30 * 60_000, endOfDay.getTime()));
      const row = page.getByTestId(`arrival-row-${target.Number}`);
      expect(await row.count()).toBe(0);
      sim.state.updateReservation(target.Id, {
        ScheduledStartUtc: start.toISOString(),
        ScheduledEndUtc: new Date(start.getTime() + 2 * 86_400_000).toISOString(),
        AssignedResourceId: room.Id,
      });
      // No reload: the row arrives through the subscription.
      await row.waitFor({ timeout: 20_000 });
      const readiness = page.getByTestId(`arrival-readiness-${target.Number}`);
      await readiness.getByText('NOT_READY').waitFor();
      await readiness.getByText(`Room ${room.Name} is dirty`).waitFor();
      // Housekeeping finishes in Mews: the room state follows, still without a reload.
      sim.state.setResourceState(room.Id, 'Inspected');
      await page
        .getByTestId(`arrival-room-${target.Number}`)
        .getByText('INSPECTED')
        .waitFor({ timeout: 20_000 });
      expect(await readiness.getByText('NOT_READY').count()).toBe(0);
      await screenshot(page, 'admin-arrivals-from-mews');
    } finally {
      await page.close();
    }
  }, 90_000);

  it('should save edited guest rules and reset them to the defaults after confirming', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await signIn(page, '/admin/settings/guest-rules');
      await page.waitForURL(/\/admin\/settings\/guest-rules$/);
      await page.getByTestId('guest-rules-meta').getByText('Using the default rules').waitFor();
      const total = page.getByTestId('guest-rules-total');
      await total.getByText('100').waitFor();

      // A weight over 100 is refused next to the field before anything is sent.
      await field(page, 'weight-EMAIL').fill('150');
      await page.getByTestId('guest-rules-save').click();
      await page.getByTestId('field-error-weight-EMAIL').getByText('At most 100').waitFor();

      await field(page, 'weight-EMAIL').fill('40');
      await total.getByText('120').waitFor();
      await page.getByTestId('guest-rules-save').click();
      await page
        .getByTestId('guest-rules-saved')
        .getByText(/Recomputed \d+ guests?/)
        .waitFor({ timeout: 30_000 });
      await page
        .getByTestId('guest-rules-meta')
        .getByText(/Last saved/)
        .waitFor();
      await screenshot(page, 'admin-guest-rules-saved');

      await page.getByTestId('guest-rules-reset').click();
      await page.getByTestId('confirm-ok').click();
      // The form shows what the server saved: the default weights again.
      await page.waitForFunction(
        () =>
          (document.querySelector('input[data-testid="weight-EMAIL"]') as HTMLInputElement | null)
            ?.value === '20',
        undefined,
        { timeout: 30_000 },
      );
      await page
        .getByTestId('guest-rules-saved')
        .getByText(/Recomputed \d+ guests?/)
        .waitFor();
      await total.getByText('100').waitFor();
    } finally {
      await page.close();
    }
  }, 90_000);
});
