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

const day = (n: number) => new Date(Date.UTC(2026, 5, 1 + n, 14)).toISOString();

describe('guests subgraph: reservations and rooms', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  let sqlLog: string[] = [];
  const org = randomUUID();
  const otherOrg = randomUUID();
  const staff = staffActor(org, ['TECHNICIAN']);
  const otherTenant = staffActor(otherOrg, ['ADMIN']);
  let guestId: string;
  let frequentId: string;
  let roomId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    sub = await startTestSubgraph(guestsSubgraph, database, { onQuery: (sql) => sqlLog.push(sql) });
    const guest = await sub.db.guest.create({
      data: { organizationId: org, kind: 'HOTEL_GUEST', firstName: 'Rita', lastName: 'Range' },
    });
    const frequent = await sub.db.guest.create({
      data: { organizationId: org, kind: 'HOTEL_GUEST', firstName: 'Fred', lastName: 'Frequent' },
    });
    const room = await sub.db.room.create({
      data: { organizationId: org, number: '101', floor: 1, roomType: 'Double', state: 'DIRTY' },
    });
    await sub.db.room.create({
      data: { organizationId: org, number: '201', floor: 2, roomType: 'Suite' },
    });
    [guestId, frequentId, roomId] = [guest.id, frequent.id, room.id];
    await sub.db.reservation.createMany({
      data: [0, 2, 4, 6, 8].map((n) => ({
        organizationId: org,
        confirmationCode: `R-${n}`,
        status: n === 4 ? ('CHECKED_IN' as const) : ('CONFIRMED' as const),
        guestId,
        roomId: n === 4 ? roomId : null,
        arrivalAt: day(n),
        departureAt: day(n + 2),
        totalMinor: 10000 + n,
        currency: 'EUR',
      })),
    });
    await sub.db.reservation.createMany({
      data: Array.from({ length: 22 }, (_, i) => ({
        organizationId: org,
        confirmationCode: `F-${i}`,
        status: 'CHECKED_OUT' as const,
        guestId: frequentId,
        arrivalAt: day(-100 + i),
        departureAt: day(-99 + i),
        currency: 'EUR',
      })),
    });
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  it('should return only reservations arriving in the range, earliest first, each once when paged', async () => {
    const q = `query ($after: String) {
      reservations(first: 2, after: $after, filter: { arrivalFrom: "${day(2)}", arrivalTo: "${day(8)}" }) {
        nodes { confirmationCode arrivalAt } pageInfo { hasNextPage endCursor } totalCount } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await callSubgraph(sub.url, staff, q, { after });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.reservations.totalCount).toBe(3);
      seen.push(
        ...res.body.data.reservations.nodes.map(
          (n: { confirmationCode: string }) => n.confirmationCode,
        ),
      );
      if (!res.body.data.reservations.pageInfo.hasNextPage) break;
      after = res.body.data.reservations.pageInfo.endCursor;
    }
    expect(seen).toEqual(['R-2', 'R-4', 'R-6']);
  });

  it('should filter reservations by status and guest when asked', async () => {
    const res = await callSubgraph(
      sub.url,
      staff,
      `query ($guestId: ID!) { reservations(filter: { status: [CHECKED_IN], guestId: $guestId }) {
        nodes { confirmationCode total { amountMinor currency } guest { fullName } room { number state currentReservation { confirmationCode } } } } }`,
      { guestId },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.reservations.nodes).toEqual([
      {
        confirmationCode: 'R-4',
        total: { amountMinor: 10004, currency: 'EUR' },
        guest: { fullName: 'Rita Range' },
        room: { number: '101', state: 'DIRTY', currentReservation: { confirmationCode: 'R-4' } },
      },
    ]);
  });

  it('should answer BAD_USER_INPUT when the arrival range ends before it starts or the guest id is malformed', async () => {
    const res = await callSubgraph(
      sub.url,
      staff,
      `{ reservations(filter: { arrivalFrom: "${day(5)}", arrivalTo: "${day(1)}" }) { totalCount } }`,
    );
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'arrivalTo',
    });
    const badGuest = await callSubgraph(
      sub.url,
      staff,
      `{ reservations(filter: { guestId: "nope" }) { totalCount } }`,
    );
    expect(badGuest.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badGuest.body.errors?.[0]?.message).toBe('guestId must be a UUID');
  });

  it("should list each guest's latest 20 reservations, newest first, with one query for all guests", async () => {
    sqlLog = [];
    const res = await callSubgraph(
      sub.url,
      staff,
      `{ guests(first: 10) { nodes { firstName reservations { confirmationCode status arrivalAt total { amountMinor } } } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const byName = Object.fromEntries(
      (res.body.data as any).guests.nodes.map((g: any) => [
        g.firstName,
        g.reservations.map((r: any) => r.confirmationCode),
      ]),
    );
    expect(byName['Rita']).toEqual(['R-8', 'R-6', 'R-4', 'R-2', 'R-0']);
    const rita = (res.body.data as any).guests.nodes.find((g: any) => g.firstName === 'Rita');
    expect(rita.reservations[0]).toEqual({
      confirmationCode: 'R-8',
      status: 'CONFIRMED',
      arrivalAt: day(8),
      total: { amountMinor: 10008 },
    });
    expect(byName['Fred']).toHaveLength(20);
    expect(byName['Fred'][0]).toBe('F-21');
    expect(byName['Fred'][19]).toBe('F-2');
    expect(sqlLog.filter((s) => s.includes('"reservation"'))).toHaveLength(1);
  });

  it('should list rooms by floor and filter them by state', async () => {
    const all = await callSubgraph(
      sub.url,
      staff,
      '{ rooms { number floor currentReservation { confirmationCode } } }',
    );
    expect(all.body.data?.rooms).toEqual([
      { number: '101', floor: 1, currentReservation: { confirmationCode: 'R-4' } },
      { number: '201', floor: 2, currentReservation: null },
    ]);
    const clean = await callSubgraph(sub.url, staff, '{ rooms(state: CLEAN) { number } }');
    expect(clean.body.data?.rooms).toEqual([{ number: '201' }]);
  });

  it('should answer NOT_FOUND when another tenant asks for a room or reservation', async () => {
    const room = await callSubgraph(
      sub.url,
      otherTenant,
      'query ($id: ID!) { room(id: $id) { id } }',
      { id: roomId },
    );
    expect(room.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const list = await callSubgraph(
      sub.url,
      otherTenant,
      '{ reservations { totalCount } rooms { id } }',
    );
    expect(list.body.data).toEqual({ reservations: { totalCount: 0 }, rooms: [] });
  });
});
