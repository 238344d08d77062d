import {
  createTestDatabase,
  callSubgraph,
  staffActor,
  startTestSubgraph,
  type TestDatabase,
} from '@attendant/testing';
import type { RunningSubgraph } from '@attendant/kit';
import { randomUUID } from 'node:crypto';
import { guestsSubgraph } from '../index';

const CREATE = /* GraphQL */ `
  mutation ($input: CreateGuestInput!) {
    createGuest(input: $input) {
      id
      kind
      firstName
      lastName
      fullName
      email
      nationality
      birthDate
      vip
      company {
        name
      }
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation ($id: ID!, $input: UpdateGuestInput!) {
    updateGuest(id: $id, input: $input) {
      id
      firstName
      lastName
      email
      phone
      vip
    }
  }
`;

describe('guests subgraph: guests', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  const orgA = randomUUID();
  const orgB = randomUUID();
  const admin = staffActor(orgA, ['ADMIN']);
  const technician = staffActor(orgA, ['TECHNICIAN']);
  const otherTenant = staffActor(orgB, ['ADMIN']);

  beforeAll(async () => {
    database = await createTestDatabase();
    sub = await startTestSubgraph(guestsSubgraph, database);
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  const create = (input: Record<string, unknown> = {}, actor = admin) =>
    callSubgraph(sub.url, actor, CREATE, {
      input: { kind: 'HOTEL_GUEST', firstName: 'Ada', lastName: 'Lovelace', ...input },
    });
  const outbox = (entityId: string) =>
    sub.db.$queryRawUnsafe<{ type: string; payload: Record<string, unknown> }[]>(
      `SELECT type, payload FROM guests.outbox WHERE "entityId" = $1::uuid ORDER BY "occurredAt"`,
      entityId,
    );

  it('should create a guest and write a GuestCreated outbox event when the input is valid', async () => {
    const company = await sub.db.company.create({
      data: { organizationId: orgA, name: 'Analytical Engines Ltd' },
    });
    const ok = await create({
      email: 'Ada@Example.com',
      nationality: 'gb',
      birthDate: '1985-12-10',
      vip: true,
      companyId: company.id,
    });
    expect(ok.body.errors).toBeUndefined();
    const guest = ok.body.data!.createGuest;
    expect(guest).toMatchObject({
      kind: 'HOTEL_GUEST',
      fullName: 'Ada Lovelace',
      email: 'ada@example.com',
      nationality: 'GB',
      birthDate: '1985-12-10',
      vip: true,
      company: { name: 'Analytical Engines Ltd' },
    });
    expect(await outbox(guest.id)).toEqual([
      {
        type: 'GuestCreated',
        payload: {
          firstName: 'Ada',
          lastName: 'Lovelace',
          vip: true,
          email: 'ada@example.com',
          completeness: expect.any(Number),
        },
      },
    ]);
  });

  it('should update only the given fields and write a GuestUpdated outbox event when a guest changes', async () => {
    const guest = (await create({ firstName: 'Grace', lastName: 'Hopper', phone: '+1 555 0100' }))
      .body.data!.createGuest;
    const res = await callSubgraph(sub.url, admin, UPDATE, {
      id: guest.id,
      input: { vip: true, email: 'grace@navy.example' },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.updateGuest).toEqual({
      id: guest.id,
      firstName: 'Grace',
      lastName: 'Hopper',
      email: 'grace@navy.example',
      phone: '+1 555 0100',
      vip: true,
    });
    const events = await outbox(guest.id);
    expect(events.map((e) => e.type)).toEqual(['GuestCreated', 'GuestUpdated']);
    expect(events[1]!.payload).toEqual({
      firstName: 'Grace',
      lastName: 'Hopper',
      vip: true,
      email: 'grace@navy.example',
      completeness: expect.any(Number),
      origin: 'PLATFORM',
      changedFields: ['email', 'vipManual'],
    });
  });

  it('should answer BAD_USER_INPUT with a readable message and write nothing when the email is invalid', async () => {
    const guests = await sub.db.guest.count({ where: { organizationId: orgA } });
    const events = await sub.db.guestsOutboxEvent.count({ where: { organizationId: orgA } });
    const res = await create({ email: 'not-an-email', phone: 'call me' });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.message).toMatch(/Enter a valid email address/);
    expect(res.body.errors?.[0]?.message).toMatch(/Enter a phone number/);
    expect(await sub.db.guest.count({ where: { organizationId: orgA } })).toBe(guests);
    expect(await sub.db.guestsOutboxEvent.count({ where: { organizationId: orgA } })).toBe(events);
  });

  it('should answer BAD_USER_INPUT when the birth date is in the future', async () => {
    const res = await create({ birthDate: '2999-01-01' });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'birthDate',
    });
    expect(res.body.errors?.[0]?.message).toMatch(
      /Birth date must be between 1900-01-01 and today/,
    );
  });

  it('should answer CONFLICT when another guest of the organization already has the email', async () => {
    expect((await create({ email: 'twin@example.com' })).body.errors).toBeUndefined();
    const dup = await create({ firstName: 'Other', email: 'TWIN@example.com' });
    expect(dup.body.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'GUEST_EMAIL_TAKEN',
      field: 'email',
    });
    expect(dup.body.errors?.[0]?.message).toMatch(/already uses twin@example.com/);
    const other = (await create({ firstName: 'Other' })).body.data!.createGuest;
    const update = await callSubgraph(sub.url, admin, UPDATE, {
      id: other.id,
      input: { email: 'twin@example.com' },
    });
    expect(update.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    // Another organization may use the same address.
    expect((await create({ email: 'twin@example.com' }, otherTenant)).body.errors).toBeUndefined();
  });

  it('should answer NOT_FOUND when another tenant asks for the guest', async () => {
    const guest = (await create()).body.data!.createGuest;
    const q = 'query ($id: ID!) { guest(id: $id) { id fullName } }';
    expect((await callSubgraph(sub.url, technician, q, { id: guest.id })).body.data?.guest).toEqual(
      { id: guest.id, fullName: 'Ada Lovelace' },
    );
    const theirs = await callSubgraph(sub.url, otherTenant, q, { id: guest.id });
    expect(theirs.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const update = await callSubgraph(sub.url, otherTenant, UPDATE, {
      id: guest.id,
      input: { vip: true },
    });
    expect(update.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('should refuse to change a guest when the caller is a technician', async () => {
    const res = await create({}, technician);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('should return each matching guest once when paging through a search with a cursor', async () => {
    for (let i = 0; i < 7; i++)
      await create({
        firstName: `Pager${i}`,
        lastName: i % 2 ? 'Smith' : 'Smithson',
        email: `pager${i}@example.com`,
      });
    await create({ firstName: 'Unrelated', lastName: 'Person' });
    const q = `query ($after: String, $dir: SortDirection!) {
      guests(first: 3, after: $after, filter: { search: "pager smith" }, orderBy: { field: LAST_NAME, direction: $dir }) {
        nodes { firstName lastName } pageInfo { hasNextPage endCursor } totalCount } }`;
    for (const dir of ['ASC', 'DESC']) {
      const seen: { firstName: string; lastName: string }[] = [];
      let after: string | null = null;
      for (;;) {
        const res: any = await callSubgraph(sub.url, admin, q, { after, dir });
        expect(res.body.errors).toBeUndefined();
        expect(res.body.data.guests.totalCount).toBe(7);
        seen.push(...res.body.data.guests.nodes);
        if (!res.body.data.guests.pageInfo.hasNextPage) break;
        after = res.body.data.guests.pageInfo.endCursor;
      }
      expect(new Set(seen.map((s) => s.firstName)).size).toBe(7);
      expect(seen).toHaveLength(7);
      const names = seen.map((s) => s.lastName);
      expect(names).toEqual(
        [...names].sort((a, b) => (dir === 'ASC' ? a.localeCompare(b) : b.localeCompare(a))),
      );
    }
  });

  it('should filter guests by VIP flag and find them by phone when searched', async () => {
    await create({
      firstName: 'Vera',
      lastName: 'Important',
      phone: '+420 777 123 456',
      vip: true,
    });
    const res = await callSubgraph(
      sub.url,
      admin,
      `{ guests(filter: { search: "777", vip: true }) { nodes { firstName vip } totalCount } }`,
    );
    expect(res.body.data?.guests).toEqual({
      nodes: [{ firstName: 'Vera', vip: true }],
      totalCount: 1,
    });
  });

  it('should create a site for a guest and list it on the guest when the coordinates are valid', async () => {
    const guest = (await create({ kind: 'CUSTOMER', firstName: 'Sid', lastName: 'Site' })).body
      .data!.createGuest;
    const CREATE_SITE = `mutation ($input: CreateSiteInput!) { createSite(input: $input) { id country guest { id } } }`;
    const input = {
      name: 'Home',
      addressLine1: '1 Main St',
      city: 'Prague',
      country: 'cz',
      lat: 50.08,
      lng: 14.43,
      guestId: guest.id,
    };
    const bad = await callSubgraph(sub.url, admin, CREATE_SITE, {
      input: { ...input, lat: 91, country: 'CZE' },
    });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.body.errors?.[0]?.message).toMatch(/Latitude must be between -90 and 90/);
    expect(bad.body.errors?.[0]?.message).toMatch(/Country must be a 2-letter country code/);
    const ok = await callSubgraph(sub.url, admin, CREATE_SITE, { input });
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data?.createSite).toMatchObject({ country: 'CZ', guest: { id: guest.id } });
    expect((await outbox(ok.body.data!.createSite.id)).map((e) => e.type)).toEqual(['SiteCreated']);
    const sites = await callSubgraph(
      sub.url,
      admin,
      'query ($id: ID!) { guest(id: $id) { sites { name city } } }',
      { id: guest.id },
    );
    expect(sites.body.data?.guest.sites).toEqual([{ name: 'Home', city: 'Prague' }]);
  });
});
