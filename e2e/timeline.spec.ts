import {
  addStaff,
  createTenant,
  createTestDatabase,
  gql,
  login,
  nextEvent,
  startStack,
  wsClient,
  type Stack,
  type TenantFixture,
  type TestDatabase,
} from '@attendant/testing';
import type { Client } from 'graphql-ws';

/*
 * The guest timeline on the real stack: a work order's status changes (operations, through the
 * gateway) and a reservation's changes (guests' ReservationUpdated events) reach the guest's
 * timeline through the outbox, pg-boss and communications' consumer; notes are added, edited,
 * filtered and deleted through the gateway, with the author resolved by operations; another
 * tenant sees none of it.
 */

const TIMELINE = /* GraphQL */ `
  query ($id: ID!, $first: Int, $after: String, $filter: TimelineFilter) {
    guest(id: $id) {
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
            name
          }
          message {
            id
            status
            channel
          }
          note {
            id
            kind
          }
        }
      }
    }
  }
`;

interface Entry {
  id: string;
  kind: string;
  channel: string;
  title: string;
  detail: string | null;
  body: string | null;
  author: { id: string; name: string } | null;
  message: { id: string; status: string; channel: string } | null;
  note: { id: string; kind: string } | null;
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('guest timeline end to end', () => {
  let database: TestDatabase;
  let stack: Stack;
  let tenant: TenantFixture;
  let other: TenantFixture;
  let token: string;
  let managerToken: string;
  let otherToken: string;
  let guestId: string;

  const call = async (q: string, v: Record<string, unknown> = {}, as = token) =>
    (await gql(stack.gateway, q, v, as)).body;
  const ok = async (q: string, v: Record<string, unknown> = {}, as = token) => {
    const body = await call(q, v, as);
    expect(body.errors).toBeUndefined();
    return body.data!;
  };
  const entries = async (filter?: Record<string, unknown>, as = token): Promise<Entry[]> =>
    (await ok(TIMELINE, { id: guestId, first: 100, filter }, as)).guest.timeline.nodes;
  const titles = async (filter?: Record<string, unknown>) =>
    (await entries(filter)).map((e) => e.title);

  beforeAll(async () => {
    database = await createTestDatabase();
    stack = await startStack(database);
    const ops = stack.subgraphs['operations']!;
    tenant = await createTenant(ops, 'Timeline Hotel');
    other = await createTenant(ops, 'Other Hotel');
    token = await login(stack.gateway, tenant.adminEmail, tenant.password);
    otherToken = await login(stack.gateway, other.adminEmail, other.password);
    const managerEmail = (await addStaff(ops, tenant, { name: 'Jana Manager', role: 'MANAGER' }))
      .email;
    managerToken = await login(stack.gateway, managerEmail, tenant.password);
    const { createGuest } = await ok(
      `mutation ($input: CreateGuestInput!) { createGuest(input: $input) { id } }`,
      {
        input: {
          kind: 'HOTEL_GUEST',
          firstName: 'Ada',
          lastName: 'Lovelace',
          email: 'ada@example.com',
        },
      },
    );
    guestId = createGuest.id;
  }, 180_000);

  const clients: Client[] = [];

  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await stack?.stop();
    await database?.drop();
  });

  it('should show a work order’s changes on its guest’s timeline through real events', async () => {
    const { createWorkOrder: wo } = await ok(
      `mutation ($input: CreateWorkOrderInput!) { createWorkOrder(input: $input) { id number } }`,
      { input: { kind: 'FIELD_JOB', title: 'Fix the minibar', guestId } },
    );
    const change = (status: string, reason?: string) =>
      ok(
        `mutation ($input: ChangeWorkOrderStatusInput!) { changeWorkOrderStatus(input: $input) { status } }`,
        { input: { id: wo.id, status, reason } },
        managerToken,
      );
    await change('ON_HOLD', 'Waiting for parts');
    await change('IN_PROGRESS');
    const name = `Work order WO-${wo.number}`;
    const system = await until('the work order entries', async () => {
      const found = await entries({ channels: ['SYSTEM'] });
      return found.length >= 3 && found;
    });
    expect(system.map((e) => [e.title, e.detail, e.author?.name ?? null])).toEqual([
      [`${name} started`, 'Fix the minibar', 'Jana Manager'],
      [`${name} put on hold`, 'Fix the minibar', 'Jana Manager'],
      [`${name} created`, 'Fix the minibar', 'Timeline Hotel Admin'],
    ]);
    expect(system.every((e) => e.kind === 'SYSTEM' && e.message === null)).toBe(true);
  }, 60_000);

  it('should tell a reservation’s changes on the timeline when guests announces them', async () => {
    const guests = stack.subgraphs['guests']!;
    const org = tenant.organizationId;
    const [r101, r204] = await Promise.all(
      ['101', '204'].map((number) =>
        guests.db.room.create({
          data: { organizationId: org, number, floor: 1, roomType: 'Double' },
        }),
      ),
    );
    const reservation = await guests.db.reservation.create({
      data: {
        organizationId: org,
        guestId,
        roomId: r101!.id,
        status: 'CONFIRMED',
        confirmationCode: 'TL-1',
        arrivalAt: new Date('2030-06-01T14:00:00Z'),
        departureAt: new Date('2030-06-04T10:00:00Z'),
        currency: 'EUR',
      },
    });
    const announce = () =>
      ok(
        `mutation ($id: ID!, $etaAt: DateTimeISO) { setReservationEta(id: $id, etaAt: $etaAt) { id } }`,
        { id: reservation.id, etaAt: '2030-06-01T15:00:00Z' },
      );
    await announce();
    await until('the reservation entry', async () =>
      (await titles({ channels: ['SYSTEM'] })).includes('Reservation confirmed'),
    );
    // The PMS moves the guest and checks them in; the next event carries both changes.
    await guests.db.reservation.update({
      where: { id: reservation.id, organizationId: org },
      data: { roomId: r204!.id, status: 'CHECKED_IN' },
    });
    await announce();
    const changed = await until('the check-in entry', async () =>
      (await entries({ channels: ['SYSTEM'] })).find((e) => e.title.startsWith('Checked in')),
    );
    expect(changed).toMatchObject({
      title: 'Checked in · Room changed 101 → 204',
      detail: '1 Jun – 4 Jun, room 204',
      author: null,
    });
    // The same snapshot again (an ETA update) changes nothing on the timeline.
    await announce();
    await new Promise((r) => setTimeout(r, 1500));
    const reservationTitles = (await titles({ channels: ['SYSTEM'] })).filter(
      (t) => !t.startsWith('Work order'),
    );
    expect(reservationTitles).toEqual([
      'Checked in · Room changed 101 → 204',
      'Reservation confirmed',
    ]);
  }, 60_000);

  it('should log calls and notes, filter them, page through the feed and let another tenant see nothing', async () => {
    const NOTE = `mutation ($input: AddGuestNoteInput!) { addGuestNote(input: $input) { id author { name } } }`;
    const { addGuestNote: callNote } = await ok(
      NOTE,
      {
        input: {
          guestId,
          kind: 'CALL',
          body: 'Asked for a late checkout',
          callDirection: 'INBOUND',
          callDurationSeconds: 95,
          callOutcome: 'ANSWERED',
          idempotencyKey: 'call-1',
        },
      },
      managerToken,
    );
    expect(callNote.author).toEqual({ name: 'Jana Manager' });
    const again = await ok(
      NOTE,
      {
        input: {
          guestId,
          kind: 'CALL',
          body: 'Asked for a late checkout',
          callDirection: 'INBOUND',
          idempotencyKey: 'call-1',
        },
      },
      managerToken,
    );
    expect(again.addGuestNote.id).toBe(callNote.id);
    const { addGuestNote: internal } = await ok(NOTE, {
      input: { guestId, kind: 'INTERNAL', body: 'Prefers a high floor' },
    });
    await ok(`mutation ($input: RecordMessageInput!) { recordMessage(input: $input) { id } }`, {
      input: {
        guestId,
        channel: 'EMAIL',
        to: 'ada@example.com',
        subject: 'Your stay',
        body: 'See you soon',
      },
    });

    expect(await titles({ channels: ['CALL'] })).toEqual([
      'Call from the guest · 1 min 35 s · answered',
    ]);
    expect(await titles({ channels: ['NOTE', 'EMAIL'] })).toEqual(['Your stay', 'Internal note']);
    const janas = await entries({ userId: (await ok('{ me { id } }', {}, managerToken)).me.id });
    expect(janas.map((e) => e.channel).sort()).toEqual(['CALL', 'SYSTEM', 'SYSTEM']);
    const email = (await entries({ channels: ['EMAIL'] }))[0]!;
    expect(email).toMatchObject({
      kind: 'MESSAGE_OUT',
      body: 'See you soon',
      message: { channel: 'EMAIL', status: 'DRAFT' },
    });
    const future = await entries({ from: '2100-01-01T00:00:00Z' });
    expect(future).toEqual([]);

    // Paging by two gives the same feed as one page, without repeats.
    const all = await entries();
    const paged: Entry[] = [];
    let after: string | null = null;
    do {
      const page: {
        pageInfo: { hasNextPage: boolean; endCursor: string };
        nodes: Entry[];
        totalCount: number;
      } = (await ok(TIMELINE, { id: guestId, first: 2, after })).guest.timeline;
      expect(page.totalCount).toBe(all.length);
      paged.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));

    // Delete and undo.
    await ok(`mutation ($id: ID!) { deleteGuestNote(id: $id) { deletedAt } }`, { id: internal.id });
    expect((await entries()).some((e) => e.id === internal.id)).toBe(false);
    await ok(`mutation ($id: ID!) { restoreGuestNote(id: $id) { deletedAt } }`, {
      id: internal.id,
    });
    expect((await entries()).some((e) => e.id === internal.id)).toBe(true);

    // Another tenant: cannot read the guest's timeline, nor touch its notes; their own note on
    // the same id stays theirs.
    const foreign = await call(TIMELINE, { id: guestId }, otherToken);
    expect(foreign.data?.guest ?? null).toBeNull();
    expect(foreign.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const edit = await call(
      `mutation ($input: EditGuestNoteInput!) { editGuestNote(input: $input) { id } }`,
      { input: { id: internal.id, body: 'Mine now' } },
      otherToken,
    );
    expect(edit.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    await ok(NOTE, { input: { guestId, kind: 'INTERNAL', body: 'Written elsewhere' } }, otherToken);
    expect((await entries()).some((e) => e.detail === 'Written elsewhere')).toBe(false);
  }, 60_000);

  it('should tell an open timeline live when someone else writes or deletes a note, within the tenant and to readers only', async () => {
    const CHANGED = /* GraphQL */ `
      subscription ($guestId: ID) {
        guestTimelineChanged(filter: { guestId: $guestId }) {
          id
          timeline(first: 1) {
            nodes {
              id
              title
              note {
                id
              }
            }
          }
        }
      }
    `;
    type Changed = {
      guestTimelineChanged: { id: string; timeline: { nodes: { note: { id: string } | null }[] } };
    };
    const base = stack.gateway.hub.size;
    const adminWs = wsClient(stack.gateway, token);
    const rivalWs = wsClient(stack.gateway, otherToken);
    const techWs = wsClient(
      stack.gateway,
      await login(stack.gateway, tenant.techEmail, tenant.password),
    );
    clients.push(adminWs, rivalWs, techWs);

    // Technicians do not read guests' timelines: the subscription itself is refused.
    const tech = nextEvent(stack.gateway, techWs, CHANGED, { guestId }, 5_000);
    await expect(tech.result).rejects.toThrow(/FORBIDDEN/);

    const rival = nextEvent(stack.gateway, rivalWs, CHANGED, {}, 4_000);
    await rival.ready;
    const added = nextEvent<Changed>(stack.gateway, adminWs, CHANGED, { guestId }, 15_000, (d) =>
      d.guestTimelineChanged.timeline.nodes.some((n) => n.note !== null),
    );
    await added.ready;
    const { addGuestNote: note } = await ok(
      `mutation ($input: AddGuestNoteInput!) { addGuestNote(input: $input) { id } }`,
      { input: { guestId, kind: 'INTERNAL', body: 'Wants the quiet room' } },
      managerToken,
    );
    // The event names the guest; the selection resolves the fresh timeline through the gateway.
    const live = (await added.result).guestTimelineChanged;
    expect(live.id).toBe(guestId);
    expect(live.timeline.nodes[0]?.note?.id).toBe(note.id);
    await expect(rival.result).rejects.toThrow(/no subscription event/);

    // Both are gone from the gateway before the next one is counted in.
    await until('the finished subscriptions to end', async () => stack.gateway.hub.size === base);
    const removed = nextEvent<Changed>(stack.gateway, adminWs, CHANGED, { guestId }, 15_000, (d) =>
      d.guestTimelineChanged.timeline.nodes.every((n) => n.note?.id !== note.id),
    );
    await removed.ready;
    await ok(
      `mutation ($id: ID!) { deleteGuestNote(id: $id) { id } }`,
      { id: note.id },
      managerToken,
    );
    expect((await removed.result).guestTimelineChanged.id).toBe(guestId);
  }, 60_000);
});
