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
import type { Browser, Locator, Page } from 'playwright-core';

/*
 * A manager works a guest's timeline in a real browser on the real stack: loads older entries,
 * replies from a message entry with the composer, expands a long note, logs a call (after the
 * form explains what is missing) and writes an internal note, filters the feed by channel, and
 * deletes their note and takes it back with Undo.
 */

const LONG_NOTE = `Handover from the night shift. ${'The guest asked twice about the spa opening hours and wants a table for two at eight. '.repeat(4)}End of handover.`;

describe('browser journey: the guest timeline', () => {
  let database: TestDatabase;
  let stack: Stack;
  let browser: Browser;
  let tenant: TenantFixture;
  let managerEmail: string;
  let guestId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    stack = await startStack(database);
    browser = await launchBrowser();
    const ops = stack.subgraphs['operations']!;
    tenant = await createTenant(ops, 'Timeline Journey Hotel');
    managerEmail = (await addStaff(ops, tenant, { name: 'Mia Manager', role: 'MANAGER' })).email;
    const token = await login(stack.gateway, tenant.adminEmail, tenant.password);
    const created = await gql(
      stack.gateway,
      `mutation ($input: CreateGuestInput!) { createGuest(input: $input) { id } }`,
      {
        input: {
          kind: 'HOTEL_GUEST',
          firstName: 'Grace',
          lastName: 'Hopper',
          phone: '+15557770188',
        },
      },
      token,
    );
    expect(created.body.errors).toBeUndefined();
    guestId = created.body.data!.createGuest.id;
    // A history longer than one page: notes by the admin over the past weeks, one of them long.
    const admin = await ops.db.user.findFirstOrThrow({
      where: { organizationId: tenant.organizationId, email: tenant.adminEmail },
    });
    const day = 86_400_000;
    await stack.subgraphs['communications']!.db.guestNote.createMany({
      data: Array.from({ length: 24 }, (_, i) => ({
        organizationId: tenant.organizationId,
        guestId,
        kind: 'INTERNAL' as const,
        body: i === 0 ? LONG_NOTE : `Earlier note ${i}`,
        authorId: admin.id,
        createdAt: new Date(Date.now() - (i + 1) * day),
      })),
    });
    const sms = await gql(
      stack.gateway,
      `mutation ($input: RecordMessageInput!) { recordMessage(input: $input) { id } }`,
      { input: { guestId, channel: 'SMS', to: '+15557770188', body: 'Welcome to the hotel' } },
      token,
    );
    expect(sms.body.errors).toBeUndefined();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await database?.drop();
  });

  async function openGuest(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    await page.goto(`${stack.gateway.origin}/admin/guests/${guestId}`);
    await page.locator('input[data-testid="login-email"]').fill(managerEmail);
    await page.locator('input[data-testid="login-password"]').fill(tenant.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('guest-name').getByText('Grace Hopper').waitFor({ timeout: 15_000 });
    await page.getByTestId('guest-timeline').waitFor({ timeout: 15_000 });
    return page;
  }

  const entries = (page: Page): Locator =>
    page.locator('[data-testid="guest-timeline"] [data-entry-id]');
  const entryWith = (page: Page, text: string): Locator =>
    entries(page).filter({ has: page.getByTestId('entry-body').getByText(text, { exact: true }) });

  it('should load more, reply inline, log a call and a note, filter, and undo a deleted note', async () => {
    const page = await openGuest();
    try {
      // One page first, then the rest on demand.
      await entries(page).first().waitFor({ timeout: 15_000 });
      expect(await entries(page).count()).toBe(20);
      await page.getByTestId('timeline-load-more').click();
      await page.getByTestId('timeline-end').waitFor({ timeout: 10_000 });
      expect(await entries(page).count()).toBe(25);

      // Reply inline from a message entry: the composer below takes its channel and the cursor.
      await page.getByTestId('composer-channel-WHATSAPP').click();
      const sms = entries(page).filter({
        has: page.getByTestId('message-body').getByText('Welcome to the hotel', { exact: true }),
      });
      expect(await sms.getAttribute('data-channel')).toBe('SMS');
      await sms.getByTestId('entry-reply').click();
      await page
        .locator('[data-testid="composer-channel-SMS"].mat-button-toggle-checked')
        .waitFor({ timeout: 5_000 });
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'composer-body',
      );

      // The long note shows its start, and all of it when expanded.
      const long = entries(page).filter({ hasText: 'Handover from the night shift.' });
      expect((await long.getByTestId('entry-body').textContent())?.trim()).toMatch(/…$/);
      await long.getByTestId('entry-expand').click();
      expect((await long.getByTestId('entry-body').textContent())?.trim()).toBe(LONG_NOTE);

      // Log a call: the form says what is missing first.
      await page.getByTestId('timeline-log-call').click();
      const form = page.getByTestId('note-form');
      await form.getByTestId('note-save').click();
      expect(await form.getByTestId('note-invalid').allTextContents()).toEqual([
        'Write something in the note.',
        'Say whether the guest called or you called them.',
      ]);
      await form.getByTestId('note-direction-INBOUND').click();
      await form.getByTestId('note-duration').fill('3:20');
      await form.getByTestId('note-outcome').click();
      await page.getByRole('option', { name: 'Answered' }).click();
      await form.getByTestId('note-body').fill('Asked for a late checkout at 2 pm');
      await form.getByTestId('note-save').click();
      const call = entryWith(page, 'Asked for a late checkout at 2 pm');
      await call.waitFor({ timeout: 10_000 });
      expect(await call.getAttribute('data-channel')).toBe('CALL');
      expect(await call.getByTestId('entry-title').textContent()).toBe(
        'Call from the guest · 3 min 20 s · answered',
      );
      expect(await call.getByTestId('entry-author').textContent()).toContain('Mia Manager');
      expect(await page.getByTestId('note-form').count()).toBe(0);

      // An internal note.
      await page.getByTestId('timeline-add-note').click();
      await page.getByTestId('note-body').fill('Their dog is called Rex');
      await page.getByTestId('note-save').click();
      const note = entryWith(page, 'Their dog is called Rex');
      await note.waitFor({ timeout: 10_000 });
      expect(await entries(page).first().getAttribute('data-entry-id')).toBe(
        await note.getAttribute('data-entry-id'),
      );
      await screenshot(page, 'admin-guest-timeline');

      // Filter by channel: calls only, then everything again.
      await page.getByTestId('filter-channel-CALL').click();
      await page
        .getByTestId('timeline-count')
        .getByText('1 entry match')
        .waitFor({ timeout: 10_000 });
      await page.waitForFunction(
        () =>
          document.querySelectorAll('[data-testid="guest-timeline"] [data-entry-id]').length === 1,
      );
      expect(await entries(page).first().getAttribute('data-channel')).toBe('CALL');
      await screenshot(page, 'admin-guest-timeline-calls');
      await page.getByTestId('filter-clear').click();
      await note.waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('timeline-load-more').isVisible()).toBe(true);

      // Delete the note, then Undo from the snackbar.
      const noteId = (await note.getAttribute('data-entry-id'))!;
      await note.getByTestId('entry-delete').click();
      await note.waitFor({ state: 'detached', timeout: 10_000 });
      const comms = stack.subgraphs['communications']!.db;
      const stored = () =>
        comms.guestNote.findFirstOrThrow({
          where: { organizationId: tenant.organizationId, id: noteId },
        });
      // Hidden at once; the snackbar comes when the server has deleted it.
      await page.locator('mat-snack-bar-container').getByText('Note deleted').waitFor();
      expect((await stored()).deletedAt).not.toBeNull();
      await page.locator('mat-snack-bar-container').getByRole('button', { name: 'Undo' }).click();
      await entryWith(page, 'Their dog is called Rex').waitFor({ timeout: 10_000 });
      expect((await stored()).deletedAt).toBeNull();
      // The admin's older notes can be changed by a manager too; the call stays the manager's.
      expect(await call.getByTestId('entry-delete').count()).toBe(1);
    } finally {
      await page.close();
    }
  }, 180_000);

  it('should show a colleague’s note live and take it away when they delete it, without a reload', async () => {
    const page = await openGuest();
    try {
      await entries(page).first().waitFor({ timeout: 15_000 });
      const colleague = await login(stack.gateway, tenant.adminEmail, tenant.password);
      const added = await gql(
        stack.gateway,
        `mutation ($input: AddGuestNoteInput!) { addGuestNote(input: $input) { id } }`,
        { input: { guestId, kind: 'INTERNAL', body: 'Front desk: the guest is on the phone now' } },
        colleague,
      );
      expect(added.body.errors).toBeUndefined();
      const note = entryWith(page, 'Front desk: the guest is on the phone now');
      await note.waitFor({ timeout: 15_000 });
      const removed = await gql(
        stack.gateway,
        `mutation ($id: ID!) { deleteGuestNote(id: $id) { id } }`,
        { id: added.body.data!.addGuestNote.id },
        colleague,
      );
      expect(removed.body.errors).toBeUndefined();
      await note.waitFor({ state: 'detached', timeout: 15_000 });
      await screenshot(page, 'timeline-live-colleague');
    } finally {
      await page.close();
    }
  }, 120_000);
});
