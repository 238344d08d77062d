import type { RunningSubgraph } from '@attendant/kit';
import {
  callSubgraph,
  createTestDatabase,
  staffActor,
  type TestDatabase,
  startTestSubgraph,
} from '@attendant/testing';
import { randomUUID } from 'node:crypto';
import { communicationsSubgraph } from '../index';

/*
 * The notification centre through the communications subgraph: a user's own notifications only,
 * paged newest first, read once, preferences validated, and the Notification entity contract.
 */

const LIST = `query ($after: String, $unreadOnly: Boolean) {
  myNotifications(first: 2, after: $after, unreadOnly: $unreadOnly) {
    nodes { title readAt } totalCount pageInfo { hasNextPage endCursor }
  }
  unreadNotificationCount
}`;
const READ = 'mutation ($id: ID!) { markNotificationRead(id: $id) { id readAt } }';
const PREFS = `mutation ($input: NotificationPreferencesInput!) {
  updateNotificationPreferences(input: $input) { warningChannels criticalChannels phone quietHoursStart timeZone }
}`;

describe('communications subgraph: notifications', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  const org = randomUUID();
  const ana = staffActor(org, ['DISPATCHER'], randomUUID());
  const ben = staffActor(org, ['MANAGER'], randomUUID());
  const outsider = staffActor(randomUUID(), ['ADMIN'], ana.userId);

  beforeAll(async () => {
    database = await createTestDatabase();
    sub = await startTestSubgraph(communicationsSubgraph, database);
    const base = Date.UTC(2026, 10, 20, 12);
    for (let i = 0; i < 3; i++)
      await sub.db.notification.create({
        data: {
          organizationId: org,
          userId: ana.userId!,
          dedupeKey: `test:${i}`,
          severity: 'WARNING',
          title: `N${i}`,
          createdAt: new Date(base + i * 60_000),
        },
      });
    await sub.db.notification.create({
      data: {
        organizationId: org,
        userId: ben.userId!,
        dedupeKey: 'test:ben',
        severity: 'CRITICAL',
        title: 'For Ben',
      },
    });
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  it('should page a user’s own notifications newest first and count the unread', async () => {
    const first = await callSubgraph(sub.url, ana, LIST);
    expect(first.body.errors).toBeUndefined();
    const page = first.body.data!.myNotifications;
    expect(page.nodes.map((n: { title: string }) => n.title)).toEqual(['N2', 'N1']);
    expect(page.totalCount).toBe(3);
    expect(first.body.data!.unreadNotificationCount).toBe(3);
    const next = await callSubgraph(sub.url, ana, LIST, { after: page.pageInfo.endCursor });
    expect(next.body.data!.myNotifications.nodes).toEqual([{ title: 'N0', readAt: null }]);
    expect(next.body.data!.myNotifications.pageInfo.hasNextPage).toBe(false);
  });

  it('should mark read once, and answer NOT_FOUND for another user’s or tenant’s notification', async () => {
    const [mine] = await sub.db.notification.findMany({
      where: { organizationId: org, userId: ana.userId!, title: 'N2' },
    });
    const [bens] = await sub.db.notification.findMany({
      where: { organizationId: org, userId: ben.userId! },
    });
    const once = await callSubgraph(sub.url, ana, READ, { id: mine!.id });
    const twice = await callSubgraph(sub.url, ana, READ, { id: mine!.id });
    expect(twice.body.data!.markNotificationRead.readAt).toBe(
      once.body.data!.markNotificationRead.readAt,
    );
    const unread = await callSubgraph(sub.url, ana, LIST, { unreadOnly: true });
    expect(unread.body.data!.unreadNotificationCount).toBe(2);
    expect(unread.body.data!.myNotifications.totalCount).toBe(2);
    for (const [actor, id] of [
      [ana, bens!.id],
      [outsider, mine!.id],
    ] as const) {
      const res = await callSubgraph(sub.url, actor, READ, { id });
      expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    expect(
      (await sub.db.notification.findFirst({ where: { organizationId: org, id: bens!.id } }))
        ?.readAt,
    ).toBeNull();
    const all = await callSubgraph(sub.url, ben, 'mutation { markAllNotificationsRead }');
    expect(all.body.data!.markAllNotificationsRead).toBe(1);
  });

  it('should refuse notifications to an integration, and validate preferences with clear messages', async () => {
    const integration = { ...staffActor(org, ['INTEGRATOR']), kind: 'apiKey' as const };
    const asKey = await callSubgraph(sub.url, integration, '{ unreadNotificationCount }');
    expect(asKey.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const input = {
      infoChannels: [],
      warningChannels: ['SMS'],
      criticalChannels: ['SMS', 'EMAIL'],
      phone: null,
      quietHoursStart: 1320,
      quietHoursEnd: 420,
      timeZone: 'America/Chicago',
    };
    const noPhone = await callSubgraph(sub.url, ana, PREFS, { input });
    expect(noPhone.body.errors?.[0]).toMatchObject({
      message: 'Add a phone number to get notifications by SMS',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const inApp = await callSubgraph(sub.url, ana, PREFS, {
      input: { ...input, warningChannels: ['IN_APP'] },
    });
    expect(inApp.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badZone = await callSubgraph(sub.url, ana, PREFS, {
      input: { ...input, phone: '+1 555 000 1111', timeZone: 'Mars/Olympus' },
    });
    expect(badZone.body.errors?.[0]?.message).toMatch(/not a time zone/);
    const saved = await callSubgraph(sub.url, ana, PREFS, {
      input: { ...input, phone: '+1 555 000 1111' },
    });
    expect(saved.body.data!.updateNotificationPreferences).toEqual({
      warningChannels: ['SMS'],
      criticalChannels: ['SMS', 'EMAIL'],
      phone: '+15550001111',
      quietHoursStart: 1320,
      timeZone: 'America/Chicago',
    });
    const others = await callSubgraph(sub.url, ben, '{ notificationPreferences { phone } }');
    expect(others.body.data!.notificationPreferences.phone).toBeNull();
  });

  it('should resolve Notification references for their own user only (contract: _entities)', async () => {
    const [mine] = await sub.db.notification.findMany({
      where: { organizationId: org, userId: ana.userId!, title: 'N0' },
    });
    const q =
      'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Notification { id title severity } } }';
    const reps = [{ __typename: 'Notification', id: mine!.id }];
    const own = await callSubgraph(sub.url, ana, q, { reps });
    expect((own.body.data as { _entities: unknown[] })._entities).toEqual([
      { id: mine!.id, title: 'N0', severity: 'WARNING' },
    ]);
    const colleague = await callSubgraph(sub.url, ben, q, { reps });
    expect((colleague.body.data as { _entities: unknown[] })._entities).toEqual([null]);
  });
});
