import {
  createTestDatabase,
  callSubgraph,
  staffActor,
  startTestSubgraph,
  type TestDatabase,
} from '@attendant/testing';
import type { RunningSubgraph } from '@attendant/kit';
import { randomUUID } from 'node:crypto';
import { guestsSubgraph } from './index';

// Contract: every entity this subgraph owns resolves by its key for the owning tenant only.
const ENTITIES = /* GraphQL */ `
  query ($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Guest {
        id
        fullName
        birthDate
        company {
          name
        }
      }
      ... on Company {
        id
        name
        guestCount
        guests {
          firstName
          birthDate
        }
      }
      ... on Site {
        id
        name
        guest {
          id
        }
        company {
          id
        }
      }
      ... on Room {
        id
        number
        state
      }
      ... on SyncRun {
        id
        kind
        status
        percent
      }
      ... on Reservation {
        id
        confirmationCode
        booker: guest {
          id
        }
        room {
          id
        }
      }
    }
  }
`;

describe('guests subgraph: _entities contract', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  let sqlLog: string[] = [];
  const org = randomUUID();
  const otherOrg = randomUUID();
  const owner = staffActor(org, ['DISPATCHER']);
  const otherTenant = staffActor(otherOrg, ['ADMIN']);
  const ids = { guest: '', company: '', site: '', room: '', reservation: '', run: '' };

  beforeAll(async () => {
    database = await createTestDatabase();
    sub = await startTestSubgraph(guestsSubgraph, database, { onQuery: (sql) => sqlLog.push(sql) });
    const company = await sub.db.company.create({ data: { organizationId: org, name: 'Acme' } });
    const guest = await sub.db.guest.create({
      data: {
        organizationId: org,
        kind: 'CUSTOMER',
        firstName: 'Wile',
        lastName: 'Coyote',
        birthDate: new Date('1949-09-17'),
        companyId: company.id,
      },
    });
    const site = await sub.db.site.create({
      data: {
        organizationId: org,
        name: 'Desert',
        addressLine1: 'Mesa 1',
        city: 'Tucson',
        country: 'US',
        lat: 32.2,
        lng: -110.9,
        guestId: guest.id,
        companyId: company.id,
      },
    });
    const room = await sub.db.room.create({
      data: { organizationId: org, number: '7', floor: 0, roomType: 'Single' },
    });
    const reservation = await sub.db.reservation.create({
      data: {
        organizationId: org,
        confirmationCode: 'ACME-1',
        status: 'CONFIRMED',
        guestId: guest.id,
        roomId: room.id,
        arrivalAt: new Date('2026-07-01T14:00:00Z'),
        departureAt: new Date('2026-07-03T10:00:00Z'),
        currency: 'USD',
      },
    });
    const run = await sub.db.syncRun.create({
      data: { organizationId: org, kind: 'IMPORT', status: 'COMPLETED', percent: 100 },
    });
    Object.assign(ids, {
      run: run.id,
      guest: guest.id,
      company: company.id,
      site: site.id,
      room: room.id,
      reservation: reservation.id,
    });
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  const resolve = (actor: typeof owner, __typename: string, id: string) =>
    callSubgraph(sub.url, actor, ENTITIES, { reps: [{ __typename, id }] });

  it.each([
    [
      'Guest',
      () => ids.guest,
      () => ({
        id: ids.guest,
        fullName: 'Wile Coyote',
        birthDate: '1949-09-17',
        company: { name: 'Acme' },
      }),
    ],
    [
      'Company',
      () => ids.company,
      () => ({
        id: ids.company,
        name: 'Acme',
        guestCount: 1,
        guests: [{ firstName: 'Wile', birthDate: '1949-09-17' }],
      }),
    ],
    [
      'Site',
      () => ids.site,
      () => ({
        id: ids.site,
        name: 'Desert',
        guest: { id: ids.guest },
        company: { id: ids.company },
      }),
    ],
    ['Room', () => ids.room, () => ({ id: ids.room, number: '7', state: 'CLEAN' })],
    [
      'SyncRun',
      () => ids.run,
      () => ({ id: ids.run, kind: 'IMPORT', status: 'COMPLETED', percent: 100 }),
    ],
    [
      'Reservation',
      () => ids.reservation,
      () => ({
        id: ids.reservation,
        confirmationCode: 'ACME-1',
        booker: { id: ids.guest },
        room: { id: ids.room },
      }),
    ],
  ])(
    'should resolve a %s reference for the owning tenant and null for another tenant',
    async (typename, id, expected) => {
      const mine = await resolve(owner, typename, id());
      expect(mine.body.errors).toBeUndefined();
      expect((mine.body.data as any)._entities).toEqual([expected()]);
      const theirs = await resolve(otherTenant, typename, id());
      expect(theirs.body.errors).toBeUndefined();
      expect((theirs.body.data as any)._entities).toEqual([null]);
    },
  );

  it('should resolve null when a reference id is not a UUID', async () => {
    const res = await resolve(owner, 'Guest', 'not-a-uuid');
    expect(res.body.errors).toBeUndefined();
    expect((res.body.data as any)._entities).toEqual([null]);
  });

  it('should resolve 50 Guest references with one SQL query (contract: _entities)', async () => {
    const created = await sub.db.guest.createManyAndReturn({
      data: Array.from({ length: 50 }, (_, i) => ({
        organizationId: org,
        kind: 'HOTEL_GUEST' as const,
        firstName: `Ref${i}`,
        lastName: 'Batch',
      })),
      select: { id: true },
    });
    const refIds = created.map((g) => g.id);
    sqlLog = [];
    const res = await callSubgraph(
      sub.url,
      owner,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Guest { id firstName } } }`,
      { reps: refIds.map((id) => ({ __typename: 'Guest', id })) },
    );
    expect(res.body.errors).toBeUndefined();
    expect((res.body.data as any)._entities.map((e: { id: string }) => e.id)).toEqual(refIds);
    expect(sqlLog.filter((s) => s.includes('"guest"'))).toHaveLength(1);
  });
});
