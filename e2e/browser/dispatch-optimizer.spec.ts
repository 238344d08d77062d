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

const DAY = 86_400_000;
const HOUR = 3_600_000;

/*
 * The dispatch optimizer in a real browser on the real stack: a dispatcher asks for the optimal
 * schedule of a day with a full queue, sees it as a ghost layer with a KPI panel and the routes
 * on the map, applies it in one click and finds the jobs on the technicians' lanes; then tries a
 * what-if without one technician, side by side; and a drop from the queue still works while a
 * suggestion is shown.
 */
describe('browser journey: dispatch optimizer', () => {
  let database: TestDatabase;
  let stack: Stack;
  let browser: Browser;
  let tenant: TenantFixture;
  let token: string;
  let dispatcherEmail: string;
  let ana: string;
  let bob: string;
  let serviceTypeId: string;
  const day = new Date(Date.now() + DAY).toISOString().slice(0, 10); // tomorrow, UTC organization
  const jobs: { id: string; number: number }[] = [];
  const siteIds: string[] = [];

  const api = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await gql(stack.gateway, query, variables, token);
    expect(res.body.errors).toBeUndefined();
    return res.body.data as Record<string, any>;
  };

  const createJob = async (title: string, siteId: string, priority = 'NORMAL') => {
    // Jobs without a window or SLA wait in the queue of every day.
    const { createWorkOrder } = await api(
      `mutation ($input: CreateWorkOrderInput!) { createWorkOrder(input: $input) { id number } }`,
      { input: { kind: 'FIELD_JOB', title, priority, serviceTypeId, siteId } },
    );
    return createWorkOrder as { id: string; number: number };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    stack = await startStack(database);
    browser = await launchBrowser();
    const ops = stack.subgraphs['operations']!;
    tenant = await createTenant(ops, 'Optimizer Journey Heating');
    token = await login(stack.gateway, tenant.adminEmail, tenant.password);
    // A dispatcher (not an admin) plans the day.
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

    const { createSkill } = await api(`mutation { createSkill(name: "Heating") { id } }`);
    const { createServiceType } = await api(
      `mutation ($input: CreateServiceTypeInput!) { createServiceType(input: $input) { id } }`,
      {
        input: {
          name: 'Boiler service',
          defaultMinutes: 45,
          requiredSkills: [{ skillId: createSkill.id, minLevel: 1 }],
        },
      },
    );
    serviceTypeId = createServiceType.id;
    const everyDay = { workDays: [1, 2, 3, 4, 5, 6, 7], shiftStartMin: 480, shiftEndMin: 1080 };
    ana = tenant.technicianId;
    await api(
      `mutation ($id: ID!, $input: UpdateTechnicianInput!) { updateTechnician(id: $id, input: $input) { id } }`,
      { id: ana, input: { name: 'Ana Novak', homeLat: 52.52, homeLng: 13.405, ...everyDay } },
    );
    const { createTechnician } = await api(
      `mutation ($input: CreateTechnicianInput!) { createTechnician(input: $input) { id } }`,
      { input: { name: 'Bob Brown', homeLat: 52.45, homeLng: 13.3, ...everyDay } },
    );
    bob = createTechnician.id;
    for (const id of [ana, bob]) {
      await api(
        `mutation ($id: ID!, $skills: [TechnicianSkillInput!]!) { setTechnicianSkills(id: $id, skills: $skills) { id } }`,
        { id, skills: [{ skillId: createSkill.id, level: 2 }] },
      );
    }
    // Six sites around Berlin, one job each, all in the queue.
    const places = [
      ['Mitte', 52.53, 13.39],
      ['Kreuzberg', 52.497, 13.41],
      ['Steglitz', 52.456, 13.32],
      ['Spandau', 52.535, 13.2],
      ['Pankow', 52.57, 13.41],
      ['Neukölln', 52.48, 13.435],
    ] as const;
    for (const [name, lat, lng] of places) {
      const { createSite } = await api(
        `mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }`,
        {
          input: {
            name: `${name} flat`,
            addressLine1: `${name}straße 1`,
            city: 'Berlin',
            country: 'DE',
            lat,
            lng,
          },
        },
      );
      siteIds.push(createSite.id);
      jobs.push(await createJob(`Boiler check ${name}`, createSite.id));
    }
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await database?.drop();
  });

  async function openBoard(on: string | null = day): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1800 } });
    await page.goto(`${stack.gateway.origin}/admin/dispatch${on ? `?day=${on}` : ''}`);
    await page.locator('input[data-testid="login-email"]').fill(dispatcherEmail);
    await page.locator('input[data-testid="login-password"]').fill(tenant.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId(`lane-track-${bob}`).waitFor({ timeout: 15_000 });
    return page;
  }

  async function suggest(page: Page, seconds: number): Promise<void> {
    await page.getByTestId('suggest-budget').click();
    await page.getByTestId(`suggest-budget-${seconds}`).click();
    const button = page.getByTestId('suggest-schedule');
    await button.click();
    await page.getByTestId('suggest-progress').waitFor({ timeout: 5_000 });
    expect(await button.isDisabled()).toBe(true);
    await page.getByTestId('suggestion-panel').waitFor({ timeout: 30_000 });
  }

  const workOrder = (id: string) =>
    api(`query ($id: ID!) { workOrder(id: $id) { status scheduledStart technician { id } } }`, {
      id,
    }).then((d) => d['workOrder']);

  it('should suggest a better schedule as a ghost layer and apply it in one click', async () => {
    // Two jobs are already booked, badly: Spandau (far west) late for Ana, Pankow (north) for Bob.
    const booked = [jobs[3]!, jobs[4]!];
    for (const [job, technicianId, hour] of [
      [jobs[3]!, ana, 16],
      [jobs[4]!, bob, 9],
    ] as const) {
      await api(
        `mutation ($input: ScheduleWorkOrderInput!) { scheduleWorkOrder(input: $input) { id } }`,
        {
          input: {
            workOrderId: job.id,
            technicianId,
            start: new Date(Date.parse(`${day}T00:00:00.000Z`) + hour * HOUR).toISOString(),
          },
        },
      );
    }
    const queued = jobs.filter((j) => !booked.includes(j));
    const page = await openBoard();
    try {
      for (const j of queued) await page.getByTestId(`queue-card-${j.number}`).waitFor();
      await suggest(page, 2);

      const panel = page.getByTestId('suggestion-panel');
      // Every queued job gets a proposed place: a ghost on a lane and a hint on its card.
      for (const j of queued) {
        await page.getByTestId(`ghost-job-${j.number}`).waitFor({ timeout: 5_000 });
        expect(await panel.getByTestId(`suggestion-change-${j.number}`).count()).toBe(1);
      }
      expect(await page.getByTestId('queue-card-hint').count()).toBe(queued.length);
      expect(await page.getByTestId('queue-card-hint').first().textContent()).toMatch(
        /→ (Ana Novak|Bob Brown) \d\d:\d\d/,
      );
      const headline = page.getByTestId('suggestion-headline');
      expect(await headline.getAttribute('data-improves')).toBe('true');
      expect(await headline.textContent()).toMatch(/Places 4 more jobs on routes/);
      const jobsRow = await page.getByTestId('suggestion-kpi-jobs').locator('td').allTextContents();
      expect(jobsRow.map((t) => t.trim())).toEqual(['2', '6', '+4']);
      const apply = page.getByTestId('apply-suggestion');
      const changes = Number(/Apply (\d+) changes/.exec((await apply.textContent()) ?? '')?.[1]);
      expect(changes).toBeGreaterThanOrEqual(queued.length);

      // The map draws the proposed routes dashed over the current ones.
      await page.getByTestId('dispatch-map-toggle').click();
      await page.getByTestId('map-legend-proposed').waitFor({ timeout: 15_000 });
      await page.getByTestId('map-legend-current').waitFor();
      await page.locator('path.att-route-proposed').first().waitFor({ timeout: 5_000 });
      expect(await page.locator('path.att-route-proposed').count()).toBeGreaterThanOrEqual(1);
      expect(await page.locator('path.att-route-current').count()).toBe(2);
      await page.screenshot({ path: '/tmp/optimizer-board.png', fullPage: true });
      await screenshot(page, 'admin-dispatch-suggestion');

      await apply.click();
      const summary = page.getByTestId('apply-summary');
      await summary.waitFor({ timeout: 15_000 });
      expect(await summary.textContent()).toContain(`Applied ${changes} changes`);
      await panel.waitFor({ state: 'detached', timeout: 10_000 });
      await page.getByTestId('queue-empty').waitFor({ timeout: 15_000 });
      for (const j of jobs) {
        await page
          .locator(`[data-testid="lane-${ana}"], [data-testid="lane-${bob}"]`)
          .getByTestId(`job-${j.number}`)
          .waitFor({ timeout: 10_000 });
        expect(await page.getByTestId(`ghost-job-${j.number}`).count()).toBe(0);
      }
      await screenshot(page, 'admin-dispatch-suggestion-applied');
      for (const j of jobs) {
        const saved = await workOrder(j.id);
        expect([ana, bob]).toContain(saved.technician?.id);
        expect(saved.scheduledStart?.slice(0, 10)).toBe(day);
      }
      // The suggestion is closed on the server too.
      const { scheduleSuggestions } = await api(
        `query ($day: String!) { scheduleSuggestions(day: $day, status: [OPEN, PARTLY_APPLIED]) { id } }`,
        { day },
      );
      expect(scheduleSuggestions).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);

  it('should compare a what-if without one technician side by side, saving nothing', async () => {
    const page = await openBoard();
    try {
      await page.getByTestId('what-if').click();
      const panel = page.getByTestId('what-if-panel');
      await panel.waitFor();
      // An empty scenario is explained, not sent.
      await page.getByTestId('what-if-compare').click();
      expect(await page.getByTestId('what-if-errors').textContent()).toContain(
        'Add at least one change',
      );
      await page.getByTestId('what-if-remove').click();
      await page.getByTestId(`what-if-remove-${bob}`).click();
      await page.keyboard.press('Escape');
      await page.getByTestId('what-if-errors').waitFor({ state: 'detached' });
      await page.getByTestId('what-if-compare').click();
      const result = page.getByTestId('what-if-result');
      await result.waitFor({ timeout: 40_000 });
      expect(
        (await result.locator('thead th').allTextContents()).map((t) => t.trim()).slice(1, 4),
      ).toEqual(['Current', 'Optimised', 'Optimised with scenario']);
      expect(await page.getByTestId('what-if-kpi-travelMinutes').locator('td').count()).toBe(4);
      expect(await page.getByTestId('what-if-notes').textContent()).toContain('Without Bob Brown');
      await screenshot(page, 'admin-dispatch-what-if');
      // Nothing changed: every job keeps its technician.
      const { scheduleSuggestions } = await api(
        `query ($day: String!) { scheduleSuggestions(day: $day, status: [OPEN]) { id } }`,
        { day },
      );
      expect(scheduleSuggestions).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);

  it('should still schedule a job dropped from the queue while a suggestion is shown', async () => {
    const extra = await createJob('Radiator bleeding Mitte', siteIds[0]!, 'HIGH');
    const page = await openBoard();
    try {
      await page.getByTestId(`queue-card-${extra.number}`).waitFor();
      await suggest(page, 2);
      await page.getByTestId(`ghost-job-${extra.number}`).waitFor({ timeout: 5_000 });
      const card = (await page.getByTestId(`queue-card-${extra.number}`).boundingBox())!;
      const track = page.getByTestId(`lane-track-${ana}`);
      await track.scrollIntoViewIfNeeded();
      const box = (await track.boundingBox())!;
      const start = Date.parse((await track.getAttribute('data-from'))!);
      const end = Date.parse((await track.getAttribute('data-to'))!);
      const at = Date.parse(`${day}T00:00:00.000Z`) + 17 * HOUR;
      const x = box.x + (box.width * (at - start)) / (end - start) + 2;
      await page.mouse.move(card.x + 20, card.y + 10);
      await page.mouse.down();
      await page.mouse.move(card.x + 40, card.y + 20, { steps: 5 });
      await page.mouse.move(x, box.y + 10, { steps: 20 });
      await page.waitForTimeout(300);
      await page.mouse.up();
      await page
        .getByTestId(`lane-${ana}`)
        .getByTestId(`job-${extra.number}`)
        .waitFor({ timeout: 15_000 });
      // The block shows at once; the server answers a moment later.
      const deadline = Date.now() + 10_000;
      let saved = await workOrder(extra.id);
      while (!saved.technician && Date.now() < deadline) {
        expect(await page.getByTestId('dispatch-refusal').count()).toBe(0);
        await page.waitForTimeout(250);
        saved = await workOrder(extra.id);
      }
      expect(saved).toMatchObject({ status: 'SCHEDULED', technician: { id: ana } });
    } finally {
      await page.close();
    }
  }, 120_000);

  it('should offer an emergency fitted into today’s plan live, and apply it', async () => {
    // Emergencies are fitted into today's plan: Ana works around the clock today.
    await api(
      `mutation ($id: ID!, $input: UpdateTechnicianInput!) { updateTechnician(id: $id, input: $input) { id } }`,
      { id: ana, input: { shiftStartMin: 0, shiftEndMin: 1440 } },
    );
    const page = await openBoard(null);
    try {
      await page.waitForTimeout(1_000); // the live subscription is registered
      const emergency = await createJob('Gas smell in the boiler room', siteIds[1]!, 'EMERGENCY');
      const banner = page.getByTestId('urgent-suggestion');
      await banner.waitFor({ timeout: 30_000 });
      expect(await banner.textContent()).toMatch(
        new RegExp(
          `Emergency WO-${emergency.number} can go to (Ana Novak|Bob Brown) at \\d\\d:\\d\\d`,
        ),
      );
      await page.getByTestId(`ghost-job-${emergency.number}`).waitFor({ timeout: 5_000 });
      await screenshot(page, 'admin-dispatch-emergency');
      await page.getByTestId('urgent-apply').click();
      await banner.waitFor({ state: 'detached', timeout: 15_000 });
      await page
        .locator(`[data-testid="lane-${ana}"], [data-testid="lane-${bob}"]`)
        .getByTestId(`job-${emergency.number}`)
        .waitFor({ timeout: 15_000 });
      const saved = await workOrder(emergency.id);
      expect([ana, bob]).toContain(saved.technician?.id);
    } finally {
      await page.close();
    }
  }, 120_000);
});
