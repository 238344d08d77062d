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
import { randomBytes } from 'node:crypto';
import type { Browser, Locator, Page, WebSocketRoute } from 'playwright-core';

/*
 * Texting a guest from the timeline in a real browser on the real stack, with the Twilio
 * simulator in this process: a manager replies inline and sees the SMS go to Delivered live; the
 * guest's phone answers STOP, which shows in the timeline and flips the consent; the next send is
 * refused visibly and nothing reaches the simulator; after START sending works again.
 */

const SENDER = '+15550100000';
const GUEST_PHONE = '+15557770123';
const TWILIO_ENV = [
  'TWILIO_ACCOUNT_SID',
  'TWILIO_AUTH_TOKEN',
  'TWILIO_API_BASE_URL',
  'TWILIO_WEBHOOK_BASE_URL',
] as const;

interface SimMessage {
  sid: string;
  direction: string;
  to: string;
  from: string;
  body: string;
  status: string;
}

describe('browser journey: texting a guest from the timeline', () => {
  let database: TestDatabase;
  let stack: Stack;
  let sim: TwilioSim;
  let browser: Browser;
  let tenant: TenantFixture;
  let managerEmail: string;
  let guestId: string;

  /** What the simulator received from us for the guest's phone (its own REST listing). */
  const sentToGuest = async (to = GUEST_PHONE): Promise<SimMessage[]> => {
    const res = await fetch(
      `${sim.url}/_sim/messages?to=${encodeURIComponent(to)}&direction=outbound-api`,
    );
    expect(res.status).toBe(200);
    return ((await res.json()) as { messages: SimMessage[] }).messages;
  };
  /** The guest's phone texts our number. */
  const phoneReplies = async (body: string) => {
    const res = await fetch(`${sim.url}/_sim/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: GUEST_PHONE, to: SENDER, body }),
    });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { webhook?: { status: number } };
    expect(answer.webhook?.status).toBe(200);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    // Short but real callback delays, so queued → sent → delivered can be watched live.
    sim = await startTwilioSim({
      delays: { queuedMs: 150, sendingMs: 150, sentMs: 250, finalMs: 400 },
    });
    process.env['TWILIO_ACCOUNT_SID'] = sim.accountSid;
    process.env['TWILIO_AUTH_TOKEN'] = sim.authToken;
    process.env['TWILIO_API_BASE_URL'] = sim.url;
    stack = await startStack(database);
    // Learnt only now; the communications subgraph reads it on first use.
    process.env['TWILIO_WEBHOOK_BASE_URL'] = stack.gateway.origin;
    browser = await launchBrowser();

    const ops = stack.subgraphs['operations']!;
    tenant = await createTenant(ops, 'Texting Journey Hotel');
    managerEmail = (await addStaff(ops, tenant, { name: 'Mia Manager', role: 'MANAGER' })).email;
    const webhookToken = randomBytes(24).toString('base64url');
    await stack.subgraphs['communications']!.db.smsSettings.create({
      data: {
        organizationId: tenant.organizationId,
        fromNumber: SENDER,
        whatsappFrom: SENDER,
        helpText: 'Texting Journey Hotel: call +1 555 0100 000.',
        webhookToken,
      },
    });
    sim.admin.addNumber({
      phoneNumber: SENDER,
      smsUrl: `${stack.gateway.origin}/webhooks/twilio/${webhookToken}/inbound`,
    });

    const token = await login(stack.gateway, tenant.adminEmail, tenant.password);
    const created = await gql(
      stack.gateway,
      `mutation ($input: CreateGuestInput!) { createGuest(input: $input) { id } }`,
      {
        input: { kind: 'HOTEL_GUEST', firstName: 'Grace', lastName: 'Hopper', phone: GUEST_PHONE },
      },
      token,
    );
    expect(created.body.errors).toBeUndefined();
    guestId = created.body.data!.createGuest.id;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await sim?.stop();
    await database?.drop();
    for (const name of TWILIO_ENV) delete process.env[name];
  });

  async function openGuest(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    await page.goto(`${stack.gateway.origin}/admin/guests/${guestId}`);
    await page.locator('input[data-testid="login-email"]').fill(managerEmail);
    await page.locator('input[data-testid="login-password"]').fill(tenant.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('guest-name').getByText('Grace Hopper').waitFor({ timeout: 15_000 });
    return page;
  }

  const messageRow = (page: Page, direction: string, body: string): Locator =>
    page
      .getByTestId('timeline-message')
      .and(page.locator(`[data-direction="${direction}"]`))
      .filter({ has: page.getByTestId('message-body').getByText(body, { exact: true }) });

  const typeMessage = async (page: Page, body: string) => {
    const box = page.getByTestId('composer-body');
    await box.fill(body);
    return box;
  };

  it('should text a guest inline, honour their STOP visibly and send again after START', async () => {
    const page = await openGuest();
    try {
      const consentSms = page.getByTestId('consent-SMS');
      await page.getByTestId('timeline-empty').waitFor({ timeout: 15_000 });
      expect(await consentSms.getAttribute('data-status')).toBe('NONE');
      expect(await page.getByTestId('composer-channel-SMS').count()).toBe(1);
      expect(await page.getByTestId('composer-channel-WHATSAPP').count()).toBe(1);
      // The live subscription is registered before anything happens.
      await page.waitForTimeout(1_000);

      // 1. Reply inline (Ctrl+Enter) and watch the delivery live.
      const box = await typeMessage(page, 'Your room is ready, welcome!');
      await page
        .getByTestId('composer-segments')
        .getByText(/GSM-7 · 1 segment · \d+ characters left/)
        .waitFor({ timeout: 10_000 });
      // Every status the row shows, recorded in the page.
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { seenStatuses: string[] }).seenStatuses = seen;
        setInterval(() => {
          for (const li of document.querySelectorAll('[data-testid="timeline-message"]')) {
            const status = li.getAttribute('data-status');
            if (status && seen.at(-1) !== status) seen.push(status);
          }
        }, 25);
      });
      await box.press('Control+Enter');
      const first = messageRow(page, 'OUTBOUND', 'Your room is ready, welcome!');
      await first.waitFor({ timeout: 10_000 });
      expect(await box.inputValue()).toBe('');
      await first.and(page.locator('[data-status="DELIVERED"]')).waitFor({ timeout: 20_000 });
      expect(await first.getByTestId('message-status').textContent()).toBe('DELIVERED');
      const seen = await page.evaluate(
        () => (window as unknown as { seenStatuses: string[] }).seenStatuses,
      );
      // Shown before delivery, then moved on by the subscription (no reload).
      expect(['QUEUED', 'SENDING', 'SENT']).toContain(seen[0]);
      expect(seen.at(-1)).toBe('DELIVERED');
      const atSim = await sentToGuest();
      expect(atSim.map((m) => [m.from, m.body])).toEqual([
        [SENDER, 'Your room is ready, welcome!'],
      ]);
      await screenshot(page, 'admin-guest-texting-delivered');

      // 2. The phone answers STOP: the reply and the opt-out show up live.
      await phoneReplies('STOP');
      await messageRow(page, 'INBOUND', 'STOP').waitFor({ timeout: 15_000 });
      await consentSms.and(page.locator('[data-status="OPTED_OUT"]')).waitFor({ timeout: 15_000 });
      expect(await consentSms.textContent()).toMatch(/opted out since .+ via STOP/);
      await page
        .getByTestId('composer-warning')
        .getByText(/opted out of SMS by replying STOP/)
        .waitFor();

      // 3. The manager may still try; the server refuses before calling Twilio, visibly.
      await typeMessage(page, 'Checkout is at 11');
      const send = page.getByTestId('composer-send');
      expect(await send.isEnabled()).toBe(true);
      await send.click();
      const refused = messageRow(page, 'OUTBOUND', 'Checkout is at 11').and(
        page.locator('[data-status="REFUSED"]'),
      );
      await refused.waitFor({ timeout: 10_000 });
      const reason = refused.getByTestId('message-refused');
      expect(await reason.textContent()).toContain(
        `${GUEST_PHONE} opted out of SMS (replied STOP)`,
      );
      expect(await page.getByTestId('composer-refused').textContent()).toContain('opted out');
      await screenshot(page, 'admin-guest-texting-refused');
      await page.waitForTimeout(1_000); // a wrongly queued job would reach the simulator by now
      expect(await sentToGuest()).toHaveLength(1);

      // 4. START opts back in; the kept draft goes out and is delivered.
      await phoneReplies('START');
      await messageRow(page, 'INBOUND', 'START').waitFor({ timeout: 15_000 });
      await consentSms.and(page.locator('[data-status="OPTED_IN"]')).waitFor({ timeout: 15_000 });
      expect(await consentSms.textContent()).toMatch(/opted in since .+ via START/);
      await page.getByTestId('composer-warning').waitFor({ state: 'detached' });
      expect(await page.getByTestId('composer-body').inputValue()).toBe('Checkout is at 11');
      await send.click();
      await messageRow(page, 'OUTBOUND', 'Checkout is at 11')
        .and(page.locator('[data-status="DELIVERED"]'))
        .waitFor({ timeout: 20_000 });
      // The refused attempt stays in the timeline beside the delivered one.
      await refused.waitFor();
      const after = await sentToGuest();
      expect(after.map((m) => m.body)).toEqual([
        'Your room is ready, welcome!',
        'Checkout is at 11',
      ]);
      await screenshot(page, 'admin-guest-texting-resumed');
    } finally {
      await page.close();
    }
  }, 180_000);
  it('should show a carrier failure live and a WhatsApp refusal outside the 24-hour window', async () => {
    const page = await openGuest();
    try {
      await page.getByTestId('guest-timeline').waitFor({ timeout: 15_000 });
      await page.waitForTimeout(1_000); // the live subscription is registered
      sim.admin.faults({ deliveryFailure: { count: 1, errorCode: 30003, status: 'undelivered' } });
      await typeMessage(page, 'Your taxi is waiting');
      await page.getByTestId('composer-send').click();
      const failed = messageRow(page, 'OUTBOUND', 'Your taxi is waiting').and(
        page.locator('[data-status="UNDELIVERED"]'),
      );
      await failed.waitFor({ timeout: 20_000 });
      expect(await failed.getByTestId('message-error').textContent()).toContain('(error 30003)');

      // WhatsApp: the guest never wrote there, so a free-form message is refused, visibly.
      await page.getByTestId('composer-channel-WHATSAPP').click();
      await page
        .getByTestId('composer-warning')
        .getByText(/last 24 hours/)
        .waitFor();
      await typeMessage(page, 'Breakfast is served until 10');
      await page.getByTestId('composer-send').click();
      const refused = messageRow(page, 'OUTBOUND', 'Breakfast is served until 10').and(
        page.locator('[data-status="REFUSED"]'),
      );
      await refused.waitFor({ timeout: 10_000 });
      expect(await refused.getByTestId('message-refused').textContent()).toMatch(/24 hours/);
      await screenshot(page, 'admin-guest-texting-failures');
      expect(await sentToGuest(`whatsapp:${GUEST_PHONE}`)).toEqual([]);
    } finally {
      sim.admin.faults({ deliveryFailure: null });
      await page.close();
    }
  }, 120_000);
  it('should refetch the timeline after the live connection drops and comes back', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    // Every graphql-ws connection of the page goes through here, so the test can drop one.
    const sockets: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/graphql$/, (ws) => {
      sockets.push(ws);
      ws.connectToServer();
    });
    try {
      await page.goto(`${stack.gateway.origin}/admin/guests/${guestId}`);
      await page.locator('input[data-testid="login-email"]').fill(managerEmail);
      await page.locator('input[data-testid="login-password"]').fill(tenant.password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('guest-timeline').waitFor({ timeout: 15_000 });
      await page.waitForTimeout(1_000); // the live subscription is registered
      expect(sockets).toHaveLength(1);

      // The connection drops; graphql-ws waits at least 1.3 s before it tries again, so the
      // reply's event is published while nobody listens and only the refetch can show it.
      await sockets[0]!.close({ code: 1001, reason: 'test drop' });
      await phoneReplies('Is late checkout possible?');
      await messageRow(page, 'INBOUND', 'Is late checkout possible?').waitFor({ timeout: 20_000 });
      expect(sockets.length).toBeGreaterThanOrEqual(2);
    } finally {
      await page.close();
    }
  }, 120_000);
});
