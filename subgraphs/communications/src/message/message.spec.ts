import {
  createTestDatabase,
  callSubgraph,
  staffActor,
  startTestSubgraph,
  type TestDatabase,
} from '@attendant/testing';
import type { RunningSubgraph } from '@attendant/kit';
import { randomUUID } from 'node:crypto';
import { communicationsSubgraph } from '../index';

const RECORD = /* GraphQL */ `
  mutation ($input: RecordMessageInput!) {
    recordMessage(input: $input) {
      id
      channel
      direction
      status
      to
      from
      subject
      body
      sentAt
      guest {
        id
      }
      workOrder {
        id
      }
    }
  }
`;
const ENTITIES = (fragment: string) =>
  `query ($reps: [_Any!]!) { _entities(representations: $reps) { ${fragment} } }`;

describe('communications subgraph: messages', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  const orgA = randomUUID();
  const orgB = randomUUID();
  const admin = staffActor(orgA, ['ADMIN']);
  const otherTenant = staffActor(orgB, ['ADMIN']);

  beforeAll(async () => {
    database = await createTestDatabase();
    sub = await startTestSubgraph(communicationsSubgraph, database);
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  const record = (input: Record<string, unknown>, actor = admin) =>
    callSubgraph(sub.url, actor, RECORD, {
      input: { channel: 'SMS', to: '+15550100', body: 'Your room is ready', ...input },
    });
  const messageCount = () => sub.db.message.count({ where: { organizationId: orgA } });
  const consent = (
    address: string,
    status: 'OPTED_IN' | 'OPTED_OUT',
    recordedAt: Date,
    channel: 'SMS' | 'EMAIL' = 'SMS',
  ) =>
    sub.db.consentRecord.create({
      data: { organizationId: orgA, channel, address, status, source: 'test', recordedAt },
    });

  it('should record a DRAFT message and write a MessageRecorded outbox event when the input is valid', async () => {
    const guestId = randomUUID();
    const workOrderId = randomUUID();
    const res = await record({ guestId, workOrderId, to: '+1 (555) 010-0999' });
    expect(res.body.errors).toBeUndefined();
    const message = res.body.data!.recordMessage;
    expect(message).toMatchObject({
      channel: 'SMS',
      direction: 'OUTBOUND',
      status: 'DRAFT',
      to: '+15550100999',
      from: null,
      sentAt: null,
      body: 'Your room is ready',
      guest: { id: guestId },
      workOrder: { id: workOrderId },
    });
    const events = await sub.db.communicationsOutboxEvent.findMany({
      where: { organizationId: orgA, entityId: message.id },
    });
    expect(events.map((e) => [e.type, e.entityType])).toEqual([['MessageRecorded', 'Message']]);
    expect(events[0]!.payload).toEqual({
      channel: 'SMS',
      direction: 'OUTBOUND',
      status: 'DRAFT',
      guestId,
      workOrderId,
    });
  });

  it('should refuse with BAD_USER_INPUT and write nothing when the recipient has opted out', async () => {
    await consent('+15550200', 'OPTED_IN', new Date('2026-01-01T00:00:00Z'));
    await consent('+15550200', 'OPTED_OUT', new Date('2026-02-01T00:00:00Z'));
    const before = await messageCount();
    const outboxBefore = await sub.db.communicationsOutboxEvent.count({
      where: { organizationId: orgA },
    });
    const res = await record({ to: '+1 555 0200' });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'RECIPIENT_OPTED_OUT',
      field: 'to',
    });
    expect(res.body.errors?.[0]?.message).toBe('+15550200 has opted out of SMS');
    expect(await messageCount()).toBe(before);
    expect(await sub.db.communicationsOutboxEvent.count({ where: { organizationId: orgA } })).toBe(
      outboxBefore,
    );
  });

  it('should record the message when the recipient opted in again after opting out', async () => {
    await consent('+15550300', 'OPTED_OUT', new Date('2026-01-01T00:00:00Z'));
    await consent('+15550300', 'OPTED_IN', new Date('2026-03-01T00:00:00Z'));
    const res = await record({ to: '+15550300' });
    expect(res.body.errors).toBeUndefined();
  });

  it('should ignore an opt-out when it belongs to another channel or tenant', async () => {
    await consent('+15550400', 'OPTED_OUT', new Date(), 'EMAIL');
    await sub.db.consentRecord.create({
      data: {
        organizationId: orgB,
        channel: 'SMS',
        address: '+15550400',
        status: 'OPTED_OUT',
        source: 'test',
      },
    });
    expect((await record({ to: '+15550400' })).body.errors).toBeUndefined();
  });

  it('should answer BAD_USER_INPUT and write nothing when the body or the recipient is invalid', async () => {
    const before = await messageCount();
    const longBody = await record({ body: 'x'.repeat(1601) });
    expect(longBody.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(longBody.body.errors?.[0]?.message).toMatch(/Body must be 1 to 1600 characters/);
    const badPhone = await record({ to: '0555 123' });
    expect(badPhone.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_ADDRESS',
      field: 'to',
    });
    const badEmail = await record({ channel: 'EMAIL', to: 'not-an-email' });
    expect(badEmail.body.errors?.[0]?.extensions?.reason).toBe('INVALID_ADDRESS');
    expect(await messageCount()).toBe(before);
  });

  it('should list messages newest first filtered by guest and channel when asked', async () => {
    const guestId = randomUUID();
    await record({ guestId, body: 'first' });
    await record({
      guestId,
      channel: 'EMAIL',
      to: 'Guest@Example.com',
      subject: 'Welcome',
      body: 'second',
    });
    await record({ guestId, body: 'third' });
    const q = `query ($guestId: ID) { messages(filter: { guestId: $guestId, channel: SMS, status: [DRAFT] }) { nodes { body } totalCount } }`;
    const res = await callSubgraph(sub.url, admin, q, { guestId });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.messages).toEqual({
      nodes: [{ body: 'third' }, { body: 'first' }],
      totalCount: 2,
    });
    const consentQ = `{ consentHistory(address: "+1 555 0200", channel: SMS) { status source } }`;
    const history = await callSubgraph(sub.url, admin, consentQ);
    expect(history.body.data!.consentHistory.map((c: { status: string }) => c.status)).toEqual([
      'OPTED_OUT',
      'OPTED_IN',
    ]);
  });

  it('should build Guest.timeline from messages and alerts, newest first (contract: _entities)', async () => {
    const guestId = randomUUID();
    const quietGuestId = randomUUID();
    const at = (minute: number) => new Date(Date.UTC(2026, 4, 1, 9, minute));
    await sub.db.message.createMany({
      data: [
        {
          organizationId: orgA,
          guestId,
          channel: 'SMS',
          direction: 'OUTBOUND',
          status: 'SENT',
          toAddress: '+15550500',
          body: 'On our way',
          createdAt: at(1),
        },
        {
          organizationId: orgA,
          guestId,
          channel: 'SMS',
          direction: 'INBOUND',
          status: 'RECEIVED',
          toAddress: '+15550001',
          fromAddress: '+15550500',
          body: 'Thanks!',
          createdAt: at(3),
        },
        {
          organizationId: orgA,
          guestId,
          channel: 'EMAIL',
          direction: 'OUTBOUND',
          status: 'DELIVERED',
          toAddress: 'g@example.com',
          subject: 'Your invoice',
          body: 'Attached',
          createdAt: at(0),
        },
        {
          organizationId: orgB,
          guestId,
          channel: 'SMS',
          direction: 'OUTBOUND',
          status: 'SENT',
          toAddress: '+15550500',
          body: 'Other tenant',
          createdAt: at(4),
        },
      ],
    });
    await sub.db.alert.create({
      data: {
        organizationId: orgA,
        severity: 'WARNING',
        title: 'Guest complained',
        body: 'Noise',
        entityType: 'Guest',
        entityId: guestId,
        createdAt: at(2),
      },
    });
    const q = ENTITIES(
      '... on Guest { id timeline(first: 3) { nodes { at kind title detail channel } } }',
    );
    const res = await callSubgraph(sub.url, admin, q, {
      reps: [
        { __typename: 'Guest', id: guestId },
        { __typename: 'Guest', id: quietGuestId },
      ],
    });
    expect(res.body.errors).toBeUndefined();
    const [guest, quiet] = (res.body.data as any)._entities;
    expect(guest.timeline.nodes).toEqual([
      {
        at: at(3).toISOString(),
        kind: 'MESSAGE_IN',
        title: 'SMS from +15550500',
        detail: 'Thanks!',
        channel: 'SMS',
      },
      {
        at: at(2).toISOString(),
        kind: 'ALERT',
        title: 'Guest complained',
        detail: 'Noise',
        channel: 'ALERT',
      },
      {
        at: at(1).toISOString(),
        kind: 'MESSAGE_OUT',
        title: 'SMS to +15550500',
        detail: 'On our way',
        channel: 'SMS',
      },
    ]);
    expect(quiet.timeline.nodes).toEqual([]);
    const all = await callSubgraph(
      sub.url,
      admin,
      ENTITIES('... on Guest { timeline { nodes { title } } }'),
      { reps: [{ __typename: 'Guest', id: guestId }] },
    );
    expect((all.body.data as any)._entities[0].timeline.nodes.at(-1)).toEqual({
      title: 'Your invoice',
    });
  });

  it('should resolve Message references for the owning tenant only (contract: _entities)', async () => {
    const message = (await record({ body: 'Contract' })).body.data!.recordMessage;
    const q = ENTITIES('... on Message { id body to status }');
    const reps = [{ __typename: 'Message', id: message.id }];
    const mine = await callSubgraph(sub.url, admin, q, { reps });
    expect((mine.body.data as any)._entities).toEqual([
      { id: message.id, body: 'Contract', to: '+15550100', status: 'DRAFT' },
    ]);
    const theirs = await callSubgraph(sub.url, otherTenant, q, { reps });
    expect((theirs.body.data as any)._entities).toEqual([null]);
  });
});
