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
 * The dispatcher's board in a real browser on the real stack: an unassigned job dragged onto a
 * qualified technician's timeline is scheduled there; a job dropped on a technician without the
 * required skill is refused with the reason and stays in the queue.
 */
describe('browser journey: dispatch board drag and drop', () => {
  let database: TestDatabase;
  let stack: Stack;
  let browser: Browser;
  let tenant: TenantFixture;
  let token: string;
  let ana: string;
  let bob: string;
  const day = new Date(Date.now() + DAY).toISOString().slice(0, 10); // tomorrow, UTC organization
  const jobs: Record<string, { id: string; number: number }> = {};

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
    tenant = await createTenant(ops, 'Dispatch Journey Plumbing');
    token = await login(stack.gateway, tenant.adminEmail, tenant.password);
    const { createSkill } = await api(`mutation { createSkill(name: "Plumbing") { id } }`);
    const { createServiceType } = await api(
      `mutation ($input: CreateServiceTypeInput!) { createServiceType(input: $input) { id } }`,
      {
        input: {
          name: 'Leak repair',
          defaultMinutes: 60,
          requiredSkills: [{ skillId: createSkill.id, minLevel: 2 }],
        },
      },
    );
    const everyDay = { workDays: [1, 2, 3, 4, 5, 6, 7], shiftStartMin: 480, shiftEndMin: 1080 };
    ana = tenant.technicianId;
    await api(
      `mutation ($id: ID!, $input: UpdateTechnicianInput!) { updateTechnician(id: $id, input: $input) { id } }`,
      { id: ana, input: { name: 'Ana Novak', ...everyDay } },
    );
    await api(
      `mutation ($id: ID!, $skills: [TechnicianSkillInput!]!) { setTechnicianSkills(id: $id, skills: $skills) { id } }`,
      { id: ana, skills: [{ skillId: createSkill.id, level: 3 }] },
    );
    const { createTechnician } = await api(
      `mutation ($input: CreateTechnicianInput!) { createTechnician(input: $input) { id } }`,
      { input: { name: 'Bob Brown', ...everyDay } },
    );
    bob = createTechnician.id;
    for (const [key, title, priority] of [
      ['tap', 'Leaking tap', 'NORMAL'],
      ['pipe', 'Burst pipe under the sink', 'HIGH'],
    ] as const) {
      const { createWorkOrder } = await api(
        `mutation ($input: CreateWorkOrderInput!) { createWorkOrder(input: $input) { id number } }`,
        { input: { kind: 'FIELD_JOB', title, priority, serviceTypeId: createServiceType.id } },
      );
      jobs[key] = createWorkOrder;
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await database?.drop();
  });

  async function openBoard(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${stack.gateway.origin}/admin/dispatch?day=${day}`);
    await page.locator('input[data-testid="login-email"]').fill(tenant.adminEmail);
    await page.locator('input[data-testid="login-password"]').fill(tenant.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId(`lane-track-${bob}`).waitFor({ timeout: 15_000 });
    return page;
  }

  /** Drags with real mouse events onto a lane at an hour of the day (CDK needs several moves). */
  async function dragOntoLane(page: Page, source: string, technicianId: string, hour: number) {
    const from = (await page.getByTestId(source).boundingBox())!;
    const track = page.getByTestId(`lane-track-${technicianId}`);
    const box = (await track.boundingBox())!;
    const start = Date.parse((await track.getAttribute('data-from'))!);
    const end = Date.parse((await track.getAttribute('data-to'))!);
    const at = Date.parse(`${day}T00:00:00.000Z`) + hour * HOUR;
    const x = box.x + (box.width * (at - start)) / (end - start) + 2;
    await page.mouse.move(from.x + 20, from.y + 10);
    await page.mouse.down();
    await page.mouse.move(from.x + 40, from.y + 20, { steps: 5 });
    await page.mouse.move(x, box.y + box.height / 2, { steps: 20 });
    await page.waitForTimeout(300);
    await page.mouse.up();
  }

  const workOrder = (id: string) =>
    api(`query ($id: ID!) { workOrder(id: $id) { status scheduledStart technician { id } } }`, {
      id,
    }).then((d) => d['workOrder']);

  it('should schedule an unassigned job dragged onto a qualified technician’s timeline', async () => {
    const page = await openBoard();
    try {
      const tap = jobs['tap']!;
      await dragOntoLane(page, `queue-card-${tap.number}`, ana, 10);
      await page
        .getByTestId(`lane-${ana}`)
        .getByTestId(`job-${tap.number}`)
        .waitFor({ timeout: 15_000 });
      await screenshot(page, 'admin-dispatch-dropped');
      expect(
        await page.getByTestId('dispatch-queue').getByTestId(`queue-card-${tap.number}`).count(),
      ).toBe(0);
      const saved = await workOrder(tap.id);
      expect(saved).toMatchObject({ status: 'SCHEDULED', technician: { id: ana } });
      // Dropped at 10:00 and snapped to the quarter hour.
      const offset = Date.parse(saved.scheduledStart) - Date.parse(`${day}T10:00:00.000Z`);
      expect(Math.abs(offset)).toBeLessThanOrEqual(15 * 60_000);
    } finally {
      await page.close();
    }
  });

  it('should refuse a drop on a technician without the required skill, with the reason', async () => {
    const page = await openBoard();
    try {
      const pipe = jobs['pipe']!;
      await page.getByTestId(`queue-card-${pipe.number}`).waitFor();
      await dragOntoLane(page, `queue-card-${pipe.number}`, bob, 13);
      const refusal = page.getByTestId('dispatch-refusal');
      await refusal.waitFor({ timeout: 15_000 });
      await screenshot(page, 'admin-dispatch-refused');
      expect(await refusal.textContent()).toMatch(/Bob Brown.*Plumbing|Plumbing.*Bob Brown/s);
      // The job went back to the queue and nothing was saved.
      await page
        .getByTestId('dispatch-queue')
        .getByTestId(`queue-card-${pipe.number}`)
        .waitFor({ timeout: 5_000 });
      expect(await page.getByTestId(`lane-${bob}`).getByTestId(`job-${pipe.number}`).count()).toBe(
        0,
      );
      expect(await workOrder(pipe.id)).toEqual({
        status: 'NEW',
        scheduledStart: null,
        technician: null,
      });
    } finally {
      await page.close();
    }
  });
});
