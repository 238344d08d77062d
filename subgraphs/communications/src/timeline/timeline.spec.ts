import { createLogger, Jobs, type DomainEvent, type RunningSubgraph } from '@attendant/kit';
import {
  callSubgraph,
  createTestDatabase,
  staffActor,
  startTestSubgraph,
  testConsumer,
  type TestDatabase,
} from '@attendant/testing';
import { randomUUID } from 'node:crypto';
import { communicationsSubgraph } from '../index';
import { projectTimelineEvent } from './timeline.projection';

/*
 * The guest timeline on the real subgraph and PostgreSQL: one feed over messages, notes, other
 * domains' events and alerts, ordered by (time, id) and paged by cursor without gaps or repeats
 * even when entries share a timestamp; filters; call and internal notes with their permissions
 * and idempotent add; and the projection of events, once however often they are delivered.
 */

const TIMELINE = /* GraphQL */ `
  query ($reps: [_Any!]!, $first: Int, $after: String, $filter: TimelineFilter) {
    _entities(representations: $reps) {
      ... on Guest {
        id
        timeline(first: $first, after: $after, filter: $filter) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            at
            kind
            channel
            title
            detail
            body
            author {
              id
            }
            message {
              id
              status
            }
            note {
              id
              kind
              callDirection
              callDurationSeconds
              callOutcome
              editedAt
            }
          }
        }
      }
    }
  }
`;
const NOTE_FIELDS =
  'id guestId kind body callDirection callDurationSeconds callOutcome editedAt deletedAt author { id }';
const ADD = `mutation ($input: AddGuestNoteInput!) { addGuestNote(input: $input) { ${NOTE_FIELDS} } }`;
const EDIT = `mutation ($input: EditGuestNoteInput!) { editGuestNote(input: $input) { ${NOTE_FIELDS} } }`;
const DELETE = `mutation ($id: ID!) { deleteGuestNote(id: $id) { ${NOTE_FIELDS} } }`;
const RESTORE = `mutation ($id: ID!) { restoreGuestNote(id: $id) { ${NOTE_FIELDS} } }`;

interface Entry {
  id: string;
  at: string;
  kind: string;
  channel: string;
  title: string;
  detail: string | null;
  body: string | null;
  author: { id: string } | null;
  message: { id: string; status: string } | null;
  note: { id: string; kind: string; callDirection: string | null } | null;
}
interface Timeline {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Entry[];
}

describe('guest timeline', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  let jobs: Jobs;
  const org = randomUUID();
  const otherOrg = randomUUID();
  const managerId = randomUUID();
  const dispatcherId = randomUUID();
  const otherDispatcherId = randomUUID();
  const manager = staffActor(org, ['MANAGER'], managerId);
  const dispatcher = staffActor(org, ['DISPATCHER'], dispatcherId);
  const otherDispatcher = staffActor(org, ['DISPATCHER'], otherDispatcherId);
  const analyst = staffActor(org, ['ANALYST'], randomUUID());
  const otherTenant = staffActor(otherOrg, ['ADMIN'], randomUUID());

  beforeAll(async () => {
    database = await createTestDatabase();
    sub = await startTestSubgraph(communicationsSubgraph, database);
    jobs = new Jobs(database.url, 'communications', sub.db, createLogger('test', 'silent'));
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  const timeline = async (
    guestId: string,
    args: { first?: number; after?: string | null; filter?: Record<string, unknown> } = {},
    actor = manager,
  ) => {
    const res = await callSubgraph(sub.url, actor, TIMELINE, {
      reps: [{ __typename: 'Guest', id: guestId }],
      ...args,
    });
    return {
      errors: res.body.errors,
      page: (res.body.data as any)?._entities?.[0]?.timeline as Timeline,
    };
  };
  /** Every entry, page by page. */
  const allPages = async (guestId: string, first: number, filter?: Record<string, unknown>) => {
    const seen: Entry[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const { errors, page } = await timeline(guestId, { first, after, filter });
      expect(errors).toBeUndefined();
      seen.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) return seen;
      after = page.pageInfo.endCursor;
    }
    throw new Error('paging did not end');
  };
  const addNote = (input: Record<string, unknown>, actor = manager) =>
    callSubgraph(sub.url, actor, ADD, {
      input: { kind: 'INTERNAL', body: 'VIP, likes a quiet room', ...input },
    });
  const codeOf = (res: { body: { errors?: { extensions?: { code?: string } }[] } }) =>
    res.body.errors?.[0]?.extensions?.code;
  const event = (
    type: string,
    entityType: string,
    entityId: string,
    payload: Record<string, unknown>,
    occurredAt = new Date(),
  ): DomainEvent => ({
    id: randomUUID(),
    type,
    entityType,
    entityId,
    organizationId: org,
    payload,
    occurredAt: occurredAt.toISOString(),
  });
  const consumer = () => testConsumer(communicationsSubgraph, sub, database, 'guest-timeline');
  const deliver = (e: DomainEvent) => jobs.runOnce(consumer(), e);

  /** A guest with one entry of every source, several of them at the same instant. */
  const busyGuest = async () => {
    const guestId = randomUUID();
    const tie = new Date('2026-05-01T09:00:00.000Z');
    const later = new Date('2026-05-01T10:00:00.000Z');
    const earlier = new Date('2026-05-01T08:00:00.000Z');
    await sub.db.message.createMany({
      data: [
        {
          organizationId: org,
          guestId,
          channel: 'SMS',
          direction: 'OUTBOUND',
          status: 'DELIVERED',
          toAddress: '+15550500',
          body: 'Your room is ready',
          createdById: dispatcherId,
          createdAt: tie,
        },
        {
          organizationId: org,
          guestId,
          channel: 'SMS',
          direction: 'INBOUND',
          status: 'RECEIVED',
          toAddress: '+15550001',
          fromAddress: '+15550500',
          body: 'Thanks!',
          createdAt: tie,
        },
        {
          organizationId: org,
          guestId,
          channel: 'EMAIL',
          direction: 'OUTBOUND',
          status: 'SENT',
          toAddress: 'g@example.com',
          subject: 'Your invoice',
          body: 'x'.repeat(400),
          createdById: managerId,
          createdAt: later,
        },
        {
          organizationId: org,
          guestId,
          channel: 'WHATSAPP',
          direction: 'OUTBOUND',
          status: 'SENT',
          toAddress: 'whatsapp:+15550500',
          body: 'Welcome',
          createdById: managerId,
          createdAt: earlier,
        },
        {
          organizationId: otherOrg,
          guestId,
          channel: 'SMS',
          direction: 'OUTBOUND',
          status: 'SENT',
          toAddress: '+15550500',
          body: 'Other tenant',
          createdAt: tie,
        },
      ],
    });
    await sub.db.guestNote.createMany({
      data: [
        {
          organizationId: org,
          guestId,
          kind: 'CALL',
          body: 'Asked for late checkout',
          callDirection: 'INBOUND',
          callDurationSeconds: 245,
          callOutcome: 'ANSWERED',
          authorId: dispatcherId,
          createdAt: tie,
        },
        {
          organizationId: org,
          guestId,
          kind: 'INTERNAL',
          body: 'Allergic to feathers',
          authorId: managerId,
          createdAt: tie,
        },
        {
          organizationId: org,
          guestId,
          kind: 'INTERNAL',
          body: 'Deleted one',
          authorId: managerId,
          createdAt: tie,
          deletedAt: later,
        },
      ],
    });
    await sub.db.timelineEvent.create({
      data: {
        id: randomUUID(),
        organizationId: org,
        guestId,
        type: 'WorkOrderStatusChanged',
        entityType: 'WorkOrder',
        entityId: randomUUID(),
        title: 'Work order WO-7 started',
        detail: 'Leaking tap',
        actorId: dispatcherId,
        occurredAt: tie,
      },
    });
    await sub.db.alert.create({
      data: {
        organizationId: org,
        severity: 'WARNING',
        title: 'Guest complained',
        body: 'Noise',
        entityType: 'Guest',
        entityId: guestId,
        createdAt: tie,
      },
    });
    return guestId;
  };

  it('should merge every source newest first, ordered by (at, id), and page through ties without gaps or repeats', async () => {
    const guestId = await busyGuest();
    const full = await allPages(guestId, 100);
    expect(full).toHaveLength(8);
    const order = [...full].sort((a, b) =>
      a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1,
    );
    expect(full.map((e) => e.id)).toEqual(order.map((e) => e.id));
    expect(full[0]).toMatchObject({
      kind: 'MESSAGE_OUT',
      channel: 'EMAIL',
      title: 'Your invoice',
      body: 'x'.repeat(400),
      author: { id: managerId },
    });
    expect(full[0]!.detail).toHaveLength(280);
    expect(full.at(-1)).toMatchObject({
      channel: 'WHATSAPP',
      title: 'WhatsApp to whatsapp:+15550500',
    });
    expect(full.map((e) => e.channel).sort()).toEqual([
      'ALERT',
      'CALL',
      'EMAIL',
      'NOTE',
      'SMS',
      'SMS',
      'SYSTEM',
      'WHATSAPP',
    ]);
    const call = full.find((e) => e.channel === 'CALL')!;
    expect(call).toMatchObject({
      kind: 'CALL',
      title: 'Call from the guest · 4 min 5 s · answered',
      author: { id: dispatcherId },
      note: { kind: 'CALL', callDirection: 'INBOUND' },
    });
    const inbound = full.find((e) => e.kind === 'MESSAGE_IN')!;
    expect(inbound).toMatchObject({
      title: 'SMS from +15550500',
      author: null,
      message: { status: 'RECEIVED' },
    });
    expect(inbound.message!.id).toBe(inbound.id);
    expect(full.find((e) => e.channel === 'SYSTEM')).toMatchObject({
      title: 'Work order WO-7 started',
      detail: 'Leaking tap',
      author: { id: dispatcherId },
    });

    for (const size of [1, 2, 3, 4]) {
      const paged = await allPages(guestId, size);
      expect(paged.map((e) => e.id)).toEqual(full.map((e) => e.id));
    }
    const first = await timeline(guestId, { first: 2 });
    expect(first.page.totalCount).toBe(8);
    expect(first.page.pageInfo.hasNextPage).toBe(true);
  });

  it('should filter by channel, date range and author when a filter is given', async () => {
    const guestId = await busyGuest();
    const channels = async (filter: Record<string, unknown>) =>
      (await allPages(guestId, 100, filter)).map((e) => e.channel).sort();
    expect(await channels({ channels: ['CALL'] })).toEqual(['CALL']);
    expect(await channels({ channels: ['SMS', 'NOTE'] })).toEqual(['NOTE', 'SMS', 'SMS']);
    expect(await channels({ channels: ['SYSTEM', 'ALERT'] })).toEqual(['ALERT', 'SYSTEM']);
    expect(
      await channels({ from: '2026-05-01T09:00:00.000Z', to: '2026-05-01T10:00:00.000Z' }),
    ).toEqual(['ALERT', 'CALL', 'NOTE', 'SMS', 'SMS', 'SYSTEM']);
    expect(await channels({ from: '2026-05-01T09:30:00.000Z' })).toEqual(['EMAIL']);
    expect(await channels({ userId: dispatcherId })).toEqual(['CALL', 'SMS', 'SYSTEM']);
    expect(await channels({ userId: managerId, channels: ['NOTE', 'EMAIL'] })).toEqual([
      'EMAIL',
      'NOTE',
    ]);
    const counted = await timeline(guestId, { first: 1, filter: { userId: managerId } });
    expect(counted.page.totalCount).toBe(3);

    const backwards = await timeline(guestId, {
      filter: { from: '2026-05-02T00:00:00Z', to: '2026-05-01T00:00:00Z' },
    });
    expect(backwards.errors?.[0]).toMatchObject({
      message: 'The start of the date range must be before its end',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const badCursor = await timeline(guestId, { after: 'not-a-cursor' });
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const tooMany = await timeline(guestId, { first: 101 });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('should show another tenant nothing and refuse technicians', async () => {
    const guestId = await busyGuest();
    const other = await timeline(guestId, {}, otherTenant);
    expect(other.errors).toBeUndefined();
    expect(other.page.nodes.map((e) => e.detail)).toEqual(['Other tenant']);
    const technician = await timeline(guestId, {}, staffActor(org, ['TECHNICIAN'], randomUUID()));
    expect(technician.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('should add, edit, delete and restore notes with their permissions', async () => {
    const guestId = randomUUID();
    const call = await addNote(
      {
        guestId,
        kind: 'CALL',
        body: '  Wants a taxi at 7  ',
        callDirection: 'OUTBOUND',
        callDurationSeconds: 60,
        callOutcome: 'ANSWERED',
      },
      dispatcher,
    );
    expect(call.body.errors).toBeUndefined();
    const note = call.body.data!.addGuestNote;
    expect(note).toMatchObject({
      guestId,
      kind: 'CALL',
      body: 'Wants a taxi at 7',
      callDirection: 'OUTBOUND',
      callDurationSeconds: 60,
      author: { id: dispatcherId },
      editedAt: null,
      deletedAt: null,
    });
    expect((await timeline(guestId)).page.nodes.map((e) => e.title)).toEqual([
      'Call to the guest · 1 min · answered',
    ]);

    // Someone else's note: another dispatcher may not touch it, a manager may.
    const foreign = await callSubgraph(sub.url, otherDispatcher, EDIT, {
      input: { id: note.id, body: 'Mine now' },
    });
    expect(codeOf(foreign)).toBe('FORBIDDEN');
    expect(codeOf(await callSubgraph(sub.url, otherDispatcher, DELETE, { id: note.id }))).toBe(
      'FORBIDDEN',
    );
    const own = await callSubgraph(sub.url, dispatcher, EDIT, {
      input: { id: note.id, body: 'Wants a taxi at 7:30', callOutcome: 'VOICEMAIL' },
    });
    expect(own.body.data!.editGuestNote).toMatchObject({
      body: 'Wants a taxi at 7:30',
      callOutcome: 'VOICEMAIL',
      callDirection: 'OUTBOUND',
    });
    expect(own.body.data!.editGuestNote.editedAt).not.toBeNull();
    const managed = await callSubgraph(sub.url, manager, EDIT, {
      input: { id: note.id, body: 'Taxi booked for 7:30' },
    });
    expect(managed.body.data!.editGuestNote.body).toBe('Taxi booked for 7:30');

    const deleted = await callSubgraph(sub.url, dispatcher, DELETE, { id: note.id });
    expect(deleted.body.data!.deleteGuestNote.deletedAt).not.toBeNull();
    expect((await timeline(guestId)).page.nodes).toEqual([]);
    expect(
      codeOf(await callSubgraph(sub.url, dispatcher, EDIT, { input: { id: note.id, body: 'x' } })),
    ).toBe('CONFLICT');
    expect(
      (await callSubgraph(sub.url, dispatcher, DELETE, { id: note.id })).body.errors,
    ).toBeUndefined();
    const restored = await callSubgraph(sub.url, dispatcher, RESTORE, { id: note.id });
    expect(restored.body.data!.restoreGuestNote.deletedAt).toBeNull();
    expect((await timeline(guestId)).page.nodes.map((e) => e.detail)).toEqual([
      'Taxi booked for 7:30',
    ]);

    expect(
      codeOf(await callSubgraph(sub.url, otherTenant, EDIT, { input: { id: note.id, body: 'x' } })),
    ).toBe('NOT_FOUND');
    expect(codeOf(await callSubgraph(sub.url, otherTenant, DELETE, { id: note.id }))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await addNote({ guestId }, analyst))).toBe('FORBIDDEN');
    const apiKey = {
      ...staffActor(org, ['MANAGER']),
      kind: 'apiKey' as const,
      scopes: ['read', 'write'],
      apiKeyId: randomUUID(),
    };
    const byKey = await addNote({ guestId }, apiKey);
    expect(byKey.body.errors?.[0]).toMatchObject({
      message: 'Notes are written by a signed-in staff member',
      extensions: { code: 'FORBIDDEN' },
    });
    const events = await sub.db.communicationsOutboxEvent.findMany({
      where: { organizationId: org, entityId: note.id },
      orderBy: { occurredAt: 'asc' },
    });
    // One event per change (their order within a millisecond is not kept, so compared sorted).
    expect(events.map((e) => e.type).sort()).toEqual([
      'GuestNoteAdded',
      'GuestNoteDeleted',
      'GuestNoteEdited',
      'GuestNoteEdited',
      'GuestNoteRestored',
    ]);
  });

  it('should refuse invalid notes with a clear message', async () => {
    const guestId = randomUUID();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ body: '   ' }, 'body', 'Write something in the note'],
      [
        { body: 'x'.repeat(5001) },
        'body',
        'A note can be at most 5000 characters (this one has 5001)',
      ],
      [
        { kind: 'CALL', body: 'Called' },
        'callDirection',
        'Say whether the guest called or you called them',
      ],
      [
        { kind: 'CALL', callDirection: 'INBOUND', callDurationSeconds: -5 },
        'callDurationSeconds',
        'The call duration must be between 0 and 12 hours, in whole seconds',
      ],
      [
        { callOutcome: 'BUSY' },
        'callOutcome',
        'Only call notes have a direction, duration or outcome',
      ],
      [{ guestId: 'nope' }, 'guestId', 'guestId is not a guest id'],
    ];
    for (const [input, field, message] of cases) {
      const res = await addNote({ guestId, ...input });
      expect(res.body.errors?.[0]).toMatchObject({
        message,
        extensions: { code: 'BAD_USER_INPUT', field },
      });
    }
    expect(await sub.db.guestNote.count({ where: { organizationId: org, guestId } })).toBe(0);
  });

  it('should add a note once when the same idempotency key comes again', async () => {
    const guestId = randomUUID();
    const key = randomUUID();
    const [a, b] = await Promise.all([
      addNote({ guestId, idempotencyKey: key }),
      addNote({ guestId, idempotencyKey: key }),
    ]);
    const again = await addNote({ guestId, idempotencyKey: key });
    const ids = [a, b, again].map((r) => r.body.data?.addGuestNote.id);
    expect(new Set(ids).size).toBe(1);
    expect(await sub.db.guestNote.count({ where: { organizationId: org, guestId } })).toBe(1);
    // Another author's key is theirs alone.
    const theirs = await addNote({ guestId, idempotencyKey: key }, dispatcher);
    expect(theirs.body.data!.addGuestNote.id).not.toBe(ids[0]);
    const reused = await addNote({ guestId: randomUUID(), idempotencyKey: key });
    expect(codeOf(reused)).toBe('CONFLICT');
  });

  it('should project work order events about a guest once, however often they are delivered', async () => {
    const guestId = randomUUID();
    const workOrderId = randomUUID();
    const technicianId = randomUUID();
    await sub.db.contactProjection.create({
      data: {
        entityType: 'Technician',
        entityId: technicianId,
        organizationId: org,
        name: 'Marco Rossi',
      },
    });
    const job = {
      number: 12,
      title: 'Leaking tap',
      guestId,
      technicianId,
      status: 'SCHEDULED',
      scheduledStart: '2026-05-02T13:30:00.000Z',
    };
    const at = (m: number) => new Date(Date.UTC(2026, 4, 1, 12, m));
    const created = event(
      'WorkOrderCreated',
      'WorkOrder',
      workOrderId,
      { ...job, status: 'NEW', changedById: managerId },
      at(0),
    );
    expect(await deliver(created)).toBe(true);
    expect(await deliver(created)).toBe(false);
    await projectTimelineEvent(sub.db as never, created);
    // An open timeline hears of the new entry once, whatever the redeliveries.
    const announced = await sub.db.communicationsOutboxEvent.findMany({
      where: { organizationId: org, type: 'GuestTimelineChanged', entityId: guestId },
    });
    expect(announced.map((e) => [e.entityType, e.payload])).toEqual([
      ['GuestTimeline', { guestId, entryId: created.id, change: 'ADDED' }],
    ]);
    await deliver(
      event(
        'WorkOrderUpdated',
        'WorkOrder',
        workOrderId,
        { ...job, change: 'schedule', reason: null },
        at(1),
      ),
    );
    await deliver(
      event('WorkOrderUpdated', 'WorkOrder', workOrderId, { ...job, priceMinor: 500 }, at(2)),
    );
    await deliver(
      event(
        'WorkOrderStatusChanged',
        'WorkOrder',
        workOrderId,
        { ...job, status: 'IN_PROGRESS', previousStatus: 'SCHEDULED', changedById: dispatcherId },
        at(3),
      ),
    );
    await deliver(
      event(
        'WorkOrderStatusChanged',
        'WorkOrder',
        workOrderId,
        { ...job, status: 'COMPLETED' },
        at(4),
      ),
    );
    await deliver(
      event('WorkOrderCompleted', 'WorkOrder', workOrderId, { ...job, status: 'COMPLETED' }, at(4)),
    );
    await deliver(
      event('WorkOrderCreated', 'WorkOrder', randomUUID(), { ...job, guestId: null }, at(5)),
    );
    const { page } = await timeline(guestId);
    expect(page.nodes.map((e) => [e.title, e.detail, e.author?.id ?? null])).toEqual([
      ['Work order WO-12 completed', 'Leaking tap', null],
      ['Work order WO-12 started', 'Leaking tap', dispatcherId],
      ['Work order WO-12 scheduled with Marco Rossi for 2 May, 13:30', 'Leaking tap', null],
      ['Work order WO-12 created', 'Leaking tap', managerId],
    ]);
    expect(page.nodes.every((e) => e.kind === 'SYSTEM' && e.channel === 'SYSTEM')).toBe(true);
  });

  it('should tell reservation and profile changes as what changed, ignoring late and unchanged snapshots', async () => {
    const guestId = randomUUID();
    const reservationId = randomUUID();
    const stay = {
      guestId,
      status: 'CONFIRMED',
      roomNumber: '101',
      arrivalAt: '2026-06-01T14:00:00.000Z',
      departureAt: '2026-06-04T10:00:00.000Z',
    };
    const at = (m: number) => new Date(Date.UTC(2026, 4, 1, 12, m));
    const snapshot = (over: Record<string, unknown>, m: number) =>
      event('ReservationUpdated', 'Reservation', reservationId, { ...stay, ...over }, at(m));
    await deliver(snapshot({}, 0));
    await deliver(snapshot({}, 1)); // a room's cleaning state changed: nothing new for the guest
    await deliver(snapshot({ roomNumber: '204' }, 2));
    await deliver(snapshot({ roomNumber: '204', status: 'CHECKED_IN' }, 4));
    await deliver(snapshot({ roomNumber: '305' }, 3)); // older than what is known: ignored
    await deliver(
      snapshot(
        { roomNumber: '204', status: 'CHECKED_IN', departureAt: '2026-06-05T10:00:00.000Z' },
        5,
      ),
    );
    await deliver(
      event(
        'GuestUpdated',
        'Guest',
        guestId,
        { changedFields: ['email', 'phone'], origin: 'MEWS' },
        at(6),
      ),
    );
    await deliver(
      event(
        'GuestUpdated',
        'Guest',
        guestId,
        { changedFields: ['vip'], vip: true, origin: 'PLATFORM' },
        at(7),
      ),
    );
    await deliver(
      event('GuestUpdated', 'Guest', guestId, { changedFields: [], origin: 'PLATFORM' }, at(8)),
    );
    const { page } = await timeline(guestId);
    expect(page.nodes.map((e) => [e.title, e.detail])).toEqual([
      ['Marked as VIP', null],
      ['Profile updated (from the PMS): email, phone', null],
      ['Stay changed to 1 Jun – 5 Jun', '1 Jun – 5 Jun, room 204'],
      ['Checked in', '1 Jun – 4 Jun, room 204'],
      ['Room changed 101 → 204', '1 Jun – 4 Jun, room 204'],
      ['Reservation confirmed', '1 Jun – 4 Jun, room 101'],
    ]);
  });
});
