import type { RunningSubgraph, Tx } from '@attendant/kit';
import {
  callSubgraph,
  createTestDatabase,
  staffActor,
  startTestSubgraph,
  type TestDatabase,
} from '@attendant/testing';
import { randomUUID } from 'node:crypto';
import { guestsModule, guestsSubgraph } from '../index';
import type { Customer, Resource } from '../mews/mews.types';
import { MewsInbound, type ApplyContext } from './mews-inbound';

let database: TestDatabase;
let sub: RunningSubgraph;
let inbound: MewsInbound;
const org = randomUUID();
const manager = staffActor(org, ['MANAGER'], randomUUID());
const ctx: ApplyContext = { organizationId: org, source: 'POLL', requestId: 'req-1' };
const T = (minutes: number) => new Date(Date.UTC(2026, 10, 1, 12, minutes)).toISOString();

function customer(id: string, fields: Partial<Customer> = {}): Customer {
  return {
    Id: id,
    Number: '1',
    Title: null,
    Sex: null,
    FirstName: 'Jana',
    LastName: 'Novak',
    Email: 'jana@example.com',
    Phone: '+420 100 200 300',
    LanguageCode: 'cs-CZ',
    NationalityCode: 'CZ',
    BirthDate: null,
    Notes: null,
    Classifications: [],
    Options: [],
    AddressId: null,
    CompanyId: null,
    IsActive: true,
    CreatedUtc: T(0),
    UpdatedUtc: T(0),
    ...fields,
  };
}

const apply = (c: Customer) =>
  sub.db.$transaction((tx: Tx) => inbound.applyCustomer(tx, ctx, c, null));

async function seedGuest(fields: Partial<Customer> = {}) {
  const id = randomUUID();
  const { guestId } = await apply(customer(id, fields));
  return { externalId: id, guestId };
}

/** A staff edit of `field` stamped at `at`, as GuestService stamps it. */
async function staffEdit(guestId: string, data: Record<string, unknown>, at: string) {
  const row = await sub.db.guest.findFirstOrThrow({ where: { id: guestId, organizationId: org } });
  const stamps = { ...(row.fieldChangedAt as Record<string, string>) };
  for (const field of Object.keys(data)) stamps[field] = at;
  await sub.db.guest.update({
    where: { id: guestId, organizationId: org },
    data: { ...data, fieldChangedAt: stamps },
  });
}

const guest = (id: string) => sub.db.guest.findFirstOrThrow({ where: { id, organizationId: org } });

beforeAll(async () => {
  database = await createTestDatabase();
  sub = await startTestSubgraph(guestsSubgraph, database);
  inbound = new MewsInbound(guestsModule(sub).intelligence);
});
afterAll(async () => {
  await sub.stop();
  await database.drop();
});

describe('Mews inbound conflict rules', () => {
  it('should take the Mews value and keep the staff value in the audit when Mews changed later', async () => {
    const { externalId, guestId } = await seedGuest();
    await staffEdit(guestId, { phone: '+420 999 000 111' }, T(5));
    const outcome = await apply(
      customer(externalId, { Phone: '+420 555 555 555', UpdatedUtc: T(10) }),
    );
    expect(outcome.pushFields).toEqual([]);
    expect((await guest(guestId)).phone).toBe('+420 555 555 555');
    const audit = await sub.db.syncAudit.findFirstOrThrow({
      where: { organizationId: org, entityId: guestId, action: 'UPDATED' },
    });
    expect(audit.losing).toEqual([{ field: 'phone', value: '+420 999 000 111', side: 'PLATFORM' }]);
    expect(audit.requestId).toBe('req-1');
  });

  it('should keep the staff value and push it when the staff changed later', async () => {
    const { externalId, guestId } = await seedGuest();
    await staffEdit(guestId, { notes: 'Late checkout' }, T(20));
    const outcome = await apply(customer(externalId, { Notes: 'From Mews', UpdatedUtc: T(15) }));
    expect(outcome.pushFields).toEqual(['notes']);
    const row = await guest(guestId);
    expect(row.notes).toBe('Late checkout');
    expect(row.syncStatus).toBe('PENDING');
    const audit = await sub.db.syncAudit.findFirstOrThrow({
      where: { organizationId: org, entityId: guestId, action: 'UPDATED' },
    });
    expect(audit.losing).toEqual([{ field: 'notes', value: 'From Mews', side: 'MEWS' }]);
  });

  it('should flag a conflict for a manager when both changed at the same instant', async () => {
    const { externalId, guestId } = await seedGuest();
    await staffEdit(guestId, { lastName: 'Novakova' }, T(30));
    await apply(customer(externalId, { LastName: 'Nováková', UpdatedUtc: T(30) }));
    const row = await guest(guestId);
    expect(row.lastName).toBe('Novakova');
    expect(row.syncStatus).toBe('CONFLICT');
    const conflicts = await callSubgraph(
      sub.url,
      manager,
      `{ syncConflicts(status: OPEN) { nodes { id entityId field platformValue mewsValue } } }`,
    );
    const conflict = (conflicts.body.data!.syncConflicts.nodes as any[]).find(
      (c) => c.entityId === guestId,
    );
    expect(conflict).toMatchObject({
      field: 'lastName',
      platformValue: 'Novakova',
      mewsValue: 'Nováková',
    });
    const resolved = await callSubgraph(
      sub.url,
      manager,
      `mutation ($id: ID!) { resolveSyncConflict(id: $id, keep: MEWS) { status resolution } }`,
      { id: conflict.id },
    );
    expect(resolved.body.data!.resolveSyncConflict).toEqual({
      status: 'RESOLVED',
      resolution: 'MEWS',
    });
    expect((await guest(guestId)).lastName).toBe('Nováková');
    const again = await callSubgraph(
      sub.url,
      manager,
      `mutation ($id: ID!) { resolveSyncConflict(id: $id, keep: PLATFORM) { status } }`,
      { id: conflict.id },
    );
    expect(again.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('should settle every open conflict about a field with one manager decision', async () => {
    const { guestId } = await seedGuest();
    await staffEdit(guestId, { email: 'taken@example.org' }, T(40));
    // Mews refused the push of the email twice (the address belongs to another profile).
    const [first, second] = await Promise.all(
      [0, 1].map(() =>
        sub.db.syncConflict.create({
          data: {
            organizationId: org,
            entityType: 'Guest',
            entityId: guestId,
            field: 'email',
            platformValue: 'taken@example.org',
            mewsValue: 'jana@example.com',
            platformChangedAt: new Date(T(40)),
          },
        }),
      ),
    );
    await sub.db.guest.update({
      where: { id: guestId, organizationId: org },
      data: { syncStatus: 'CONFLICT' },
    });
    const keep = (id: string, choice: 'MEWS' | 'PLATFORM') =>
      callSubgraph(
        sub.url,
        manager,
        `mutation ($id: ID!, $keep: ConflictChoice!) { resolveSyncConflict(id: $id, keep: $keep) { status } }`,
        { id, keep: choice },
      );
    expect((await keep(first!.id, 'PLATFORM')).body.errors).toBeUndefined();
    expect(
      await sub.db.syncConflict.findFirstOrThrow({
        where: { id: second!.id, organizationId: org },
      }),
    ).toMatchObject({ status: 'RESOLVED', resolution: 'PLATFORM' });
    expect(await guest(guestId)).toMatchObject({
      email: 'taken@example.org',
      syncStatus: 'PENDING',
    });
    // Keeping Mews on the other one afterwards cannot bring its stale Mews value back.
    expect((await keep(second!.id, 'MEWS')).body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await guest(guestId)).email).toBe('taken@example.org');
  });

  it('should keep the newest Mews value offered when a manager keeps Mews on an older conflict', async () => {
    const { guestId } = await seedGuest();
    await staffEdit(guestId, { email: 'mine@example.org' }, T(40));
    const conflict = (mewsValue: string, at: string) =>
      sub.db.syncConflict.create({
        data: {
          organizationId: org,
          entityType: 'Guest',
          entityId: guestId,
          field: 'email',
          platformValue: 'mine@example.org',
          mewsValue,
          platformChangedAt: new Date(T(40)),
          mewsChangedAt: new Date(at),
          createdAt: new Date(at),
        },
      });
    const older = await conflict('old@example.org', T(41));
    await conflict('newer@example.org', T(42));
    const res = await callSubgraph(
      sub.url,
      manager,
      `mutation ($id: ID!) { resolveSyncConflict(id: $id, keep: MEWS) { status } }`,
      { id: older.id },
    );
    expect(res.body.errors).toBeUndefined();
    expect(await guest(guestId)).toMatchObject({
      email: 'newer@example.org',
      syncStatus: 'SYNCED',
    });
    expect(
      await sub.db.syncConflict.count({
        where: { organizationId: org, entityId: guestId, status: 'OPEN' },
      }),
    ).toBe(0);
  });

  it('should settle an open conflict when a staff member edits the field again', async () => {
    const { externalId, guestId } = await seedGuest();
    await staffEdit(guestId, { lastName: 'Svoboda' }, T(60));
    await apply(customer(externalId, { LastName: 'Svobodová', UpdatedUtc: T(60) }));
    expect((await guest(guestId)).syncStatus).toBe('CONFLICT');
    const edit = await callSubgraph(
      sub.url,
      manager,
      `mutation ($id: ID!) { updateGuest(id: $id, input: { lastName: "Svobodova" }) { lastName } }`,
      { id: guestId },
    );
    expect(edit.body.errors).toBeUndefined();
    const conflict = await sub.db.syncConflict.findFirstOrThrow({
      where: { organizationId: org, entityId: guestId, field: 'lastName' },
    });
    // Keeping either stale side now would undo the newer edit: the conflict is settled by it.
    expect(conflict).toMatchObject({ status: 'RESOLVED', resolution: 'PLATFORM' });
    expect((await guest(guestId)).syncStatus).toBe('PENDING');
    const late = await callSubgraph(
      sub.url,
      manager,
      `mutation ($id: ID!) { resolveSyncConflict(id: $id, keep: MEWS) { status } }`,
      { id: conflict.id },
    );
    expect(late.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await guest(guestId)).lastName).toBe('Svobodova');
  });

  it('should settle an open conflict when a newer Mews value of the field arrives', async () => {
    const { externalId, guestId } = await seedGuest();
    await staffEdit(guestId, { firstName: 'Janka' }, T(70));
    await apply(customer(externalId, { FirstName: 'Jani', UpdatedUtc: T(70) }));
    await apply(customer(externalId, { FirstName: 'Johana', UpdatedUtc: T(75) }));
    const row = await guest(guestId);
    expect(row.firstName).toBe('Johana');
    expect(row.syncStatus).toBe('SYNCED');
    expect(
      await sub.db.syncConflict.findFirstOrThrow({
        where: { organizationId: org, entityId: guestId, field: 'firstName' },
      }),
    ).toMatchObject({ status: 'RESOLVED', resolution: 'MEWS' });
  });

  it('should flag a conflict instead of taking an email another local profile owns', async () => {
    await seedGuest({ Email: 'owner@example.com' });
    const { externalId, guestId } = await seedGuest({ Email: 'second@example.com' });
    await apply(customer(externalId, { Email: 'owner@example.com', UpdatedUtc: T(40) }));
    const row = await guest(guestId);
    expect(row.email).toBe('second@example.com');
    expect(row.syncStatus).toBe('CONFLICT');
    expect(
      await sub.db.syncConflict.count({
        where: { organizationId: org, entityId: guestId, field: 'email' },
      }),
    ).toBe(1);
  });

  it('should treat our own update coming back as no Mews edit', async () => {
    const { externalId, guestId } = await seedGuest();
    await staffEdit(guestId, { phone: '+420 777 000 000' }, T(50));
    // Mews stamped our push at T(51); a second staff edit at T(50.5) is still on its way.
    await staffEdit(guestId, { notes: 'Allergic to nuts' }, T(50));
    await sub.db.guest.update({
      where: { id: guestId, organizationId: org },
      data: { mewsEchoAt: new Date(T(51)) },
    });
    const outcome = await apply(
      customer(externalId, { Phone: '+420 777 000 000', Notes: null, UpdatedUtc: T(51) }),
    );
    expect(outcome.pushFields).toEqual(['notes']);
    expect((await guest(guestId)).notes).toBe('Allergic to nuts');
  });

  it('should ignore a version of the customer it has already applied', async () => {
    const { externalId, guestId } = await seedGuest();
    await apply(customer(externalId, { Phone: '+420 1', UpdatedUtc: T(60) }));
    const before = await sub.db.syncAudit.count({
      where: { organizationId: org, entityId: guestId },
    });
    const stale = await apply(customer(externalId, { Phone: '+420 2', UpdatedUtc: T(59) }));
    const duplicate = await apply(customer(externalId, { Phone: '+420 1', UpdatedUtc: T(60) }));
    expect([stale.changed, duplicate.changed]).toEqual([false, false]);
    expect((await guest(guestId)).phone).toBe('+420 1');
    expect(
      await sub.db.syncAudit.count({ where: { organizationId: org, entityId: guestId } }),
    ).toBe(before);
  });
});

describe('Mews inbound room states', () => {
  function resource(id: string, state: Resource['State'], at: string): Resource {
    return {
      Id: id,
      EnterpriseId: randomUUID(),
      IsActive: true,
      Name: `R-${id.slice(0, 6)}`,
      ParentResourceId: null,
      State: state,
      StateReason: null,
      Data: { Discriminator: 'Room', Value: { FloorNumber: 3 } },
      CreatedUtc: T(0),
      UpdatedUtc: at,
    };
  }

  it('should not overwrite a staff room state saved while an older Mews version is being applied', async () => {
    const id = randomUUID();
    const { roomId } = await sub.db.$transaction((tx: Tx) =>
      inbound.applyResource(tx, ctx, resource(id, 'Inspected', T(0))),
    );
    let staff: Promise<unknown> | undefined;
    await sub.db.$transaction(async (tx: Tx) => {
      // Housekeeping saves DIRTY (at 12:10) right after the apply of Mews' CLEAN (12:05) read
      // the room: the apply must decide on the room as it is when it writes.
      const rooms = new Proxy(tx.room, {
        get(target, prop) {
          const value = Reflect.get(target, prop, target) as unknown;
          if (prop !== 'findUnique' || typeof value !== 'function') return value;
          return async (...args: unknown[]) => {
            const row = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
            staff ??= sub.db.room.update({
              where: { id: roomId, organizationId: org },
              data: { state: 'DIRTY', stateChangedAt: new Date(T(10)), syncStatus: 'PENDING' },
            });
            await Promise.race([staff, new Promise((r) => setTimeout(r, 300))]);
            return row;
          };
        },
      });
      const hooked = new Proxy(tx, {
        get: (target, prop) =>
          prop === 'room' ? rooms : (Reflect.get(target, prop, target) as unknown),
      });
      await inbound.applyResource(hooked, ctx, resource(id, 'Clean', T(5)));
    });
    await staff;
    expect(
      await sub.db.room.findFirstOrThrow({ where: { id: roomId, organizationId: org } }),
    ).toMatchObject({ state: 'DIRTY', syncStatus: 'PENDING' });
  });
});
