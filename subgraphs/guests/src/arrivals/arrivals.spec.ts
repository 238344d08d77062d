import type { RunningSubgraph } from '@attendant/kit';
import {
  callSubgraph,
  createTestDatabase,
  staffActor,
  startTestSubgraph,
  testConsumer,
  type TestDatabase,
} from '@attendant/testing';
import { randomUUID } from 'node:crypto';
import { guestsSubgraph } from '../index';

const BOARD = /* GraphQL */ `
  query ($from: DateTimeISO!, $to: DateTimeISO!, $filter: ArrivalsFilter) {
    arrivalBoard(from: $from, to: $to, filter: $filter) {
      id
      confirmationCode
      readiness {
        status
        reasons
      }
      openServiceOrders {
        number
        title
        status
      }
      room {
        number
        state
      }
    }
  }
`;

describe('guests subgraph: arrival board', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  const org = randomUUID();
  const manager = staffActor(org, ['MANAGER'], randomUUID());
  const today = new Date();
  today.setUTCHours(0, 0, 0, 0);
  const window = {
    from: today.toISOString(),
    to: new Date(today.getTime() + 2 * 86_400_000).toISOString(),
  };
  let dirtyRoom: string;
  let reservation: string;

  const board = async (filter: Record<string, unknown> = {}, actor = manager) =>
    callSubgraph(sub.url, actor, BOARD, { ...window, filter });

  beforeAll(async () => {
    database = await createTestDatabase();
    sub = await startTestSubgraph(guestsSubgraph, database);
    const db = sub.db;
    const guest = await db.guest.create({
      data: {
        organizationId: org,
        kind: 'HOTEL_GUEST',
        firstName: 'Ada',
        lastName: 'Arrival',
        email: 'ada@example.com',
        phone: '+420 111 222 333',
      },
    });
    const room = await db.room.create({
      data: { organizationId: org, number: '301', floor: 3, roomType: 'Deluxe', state: 'DIRTY' },
    });
    dirtyRoom = room.id;
    const clean = await db.room.create({
      data: {
        organizationId: org,
        number: '302',
        floor: 3,
        roomType: 'Deluxe',
        state: 'INSPECTED',
      },
    });
    const at = (hours: number) => new Date(today.getTime() + hours * 3_600_000);
    reservation = (
      await db.reservation.create({
        data: {
          organizationId: org,
          confirmationCode: 'ARR-1',
          status: 'CONFIRMED',
          guestId: guest.id,
          roomId: room.id,
          arrivalAt: at(15),
          departureAt: at(60),
          currency: 'EUR',
        },
      })
    ).id;
    await db.reservation.create({
      data: {
        organizationId: org,
        confirmationCode: 'ARR-2',
        status: 'CONFIRMED',
        guestId: guest.id,
        roomId: clean.id,
        arrivalAt: at(16),
        departureAt: at(40),
        currency: 'EUR',
      },
    });
    await db.reservation.create({
      data: {
        organizationId: org,
        confirmationCode: 'ARR-CANCELLED',
        status: 'CANCELLED',
        guestId: guest.id,
        arrivalAt: at(17),
        departureAt: at(40),
        currency: 'EUR',
      },
    });
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  it('should show each arrival with its readiness and leave cancelled stays out', async () => {
    const res = await board();
    expect(res.body.errors).toBeUndefined();
    const rows = res.body.data!.arrivalBoard as any[];
    expect(rows.map((r) => r.confirmationCode)).toEqual(['ARR-1', 'ARR-2']);
    expect(rows[0].readiness.status).toBe('NOT_READY');
    expect(rows[0].readiness.reasons).toContain('Room 301 is dirty');
    expect(rows[1].readiness.status).not.toBe('NOT_READY');
  });

  it('should filter by readiness and by room number when asked', async () => {
    const notReady = await board({ readiness: ['NOT_READY'] });
    expect((notReady.body.data!.arrivalBoard as any[]).map((r) => r.confirmationCode)).toEqual([
      'ARR-1',
    ]);
    const byRoom = await board({ search: '302' });
    expect((byRoom.body.data!.arrivalBoard as any[]).map((r) => r.confirmationCode)).toEqual([
      'ARR-2',
    ]);
  });

  it('should count an open pre-arrival service order until it is completed', async () => {
    const projector = testConsumer(guestsSubgraph, sub, database, 'service-order-projection');
    const workOrderId = randomUUID();
    const event = (status: string, type = 'WorkOrderStatusChanged') => ({
      id: randomUUID(),
      type,
      entityType: 'WorkOrder',
      entityId: workOrderId,
      organizationId: org,
      occurredAt: new Date().toISOString(),
      payload: {
        number: 77,
        title: 'Extra bed',
        status,
        kind: 'HOTEL_SERVICE',
        reservationId: reservation,
        roomId: null,
      },
    });
    await sub.jobs.runOnce(projector, event('NEW', 'WorkOrderCreated'));
    let rows = (await board({ search: 'ARR-1' })).body.data!.arrivalBoard as any[];
    expect(rows[0].openServiceOrders).toEqual([{ number: 77, title: 'Extra bed', status: 'NEW' }]);
    expect(rows[0].readiness.reasons).toContain('1 open service order');
    await sub.jobs.runOnce(projector, event('COMPLETED'));
    rows = (await board({ search: 'ARR-1' })).body.data!.arrivalBoard as any[];
    expect(rows[0].openServiceOrders).toEqual([]);
  });

  it('should turn a dirty room clean when its cleaning order is completed', async () => {
    const turnaround = testConsumer(guestsSubgraph, sub, database, 'room-turnaround');
    await sub.jobs.runOnce(turnaround, {
      id: randomUUID(),
      type: 'WorkOrderCompleted',
      entityType: 'WorkOrder',
      entityId: randomUUID(),
      organizationId: org,
      occurredAt: new Date().toISOString(),
      payload: {
        number: 78,
        title: 'Housekeeping: full clean',
        status: 'COMPLETED',
        roomId: dirtyRoom,
      },
    });
    const rows = (await board({ search: 'ARR-1' })).body.data!.arrivalBoard as any[];
    expect(rows[0].room.state).toBe('CLEAN');
    expect(rows[0].readiness.status).not.toBe('NOT_READY');
    const audit = await sub.db.syncAudit.findFirst({
      where: { organizationId: org, entityId: dirtyRoom, source: 'WORK_ORDER' },
    });
    expect(audit?.side).toBe('PLATFORM');
  });

  it('should re-announce the upcoming arrivals of a guest when staff change the profile', async () => {
    const announcer = testConsumer(guestsSubgraph, sub, database, 'arrival-announcer');
    const since = new Date();
    const guest = await sub.db.guest.findFirstOrThrow({ where: { organizationId: org } });
    const updated = (origin: string) => ({
      id: randomUUID(),
      type: 'GuestUpdated',
      entityType: 'Guest',
      entityId: guest.id,
      organizationId: org,
      occurredAt: new Date().toISOString(),
      payload: { origin },
    });
    await sub.jobs.runOnce(announcer, updated('MEWS')); // already announced when applied
    const announced = () =>
      sub.db.guestsOutboxEvent.findMany({
        where: { organizationId: org, type: 'ReservationUpdated', occurredAt: { gte: since } },
      });
    expect(await announced()).toHaveLength(0);
    await sub.jobs.runOnce(announcer, updated('PLATFORM'));
    const codes = await sub.db.reservation.findMany({
      where: { organizationId: org, id: { in: (await announced()).map((e) => e.entityId) } },
      select: { confirmationCode: true },
    });
    expect(codes.map((c) => c.confirmationCode).sort()).toEqual([
      'ARR-1',
      'ARR-2',
      'ARR-CANCELLED',
    ]);
  });

  it('should refuse a window longer than 8 days and an inverted one', async () => {
    const long = await callSubgraph(sub.url, manager, BOARD, {
      from: window.from,
      to: new Date(today.getTime() + 10 * 86_400_000).toISOString(),
    });
    expect(long.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const inverted = await callSubgraph(sub.url, manager, BOARD, {
      from: window.to,
      to: window.from,
    });
    expect(inverted.body.errors?.[0]?.message).toMatch(/end after it starts/);
  });

  it('should show another tenant nothing', async () => {
    const res = await board({}, staffActor(randomUUID(), ['ADMIN']));
    expect(res.body.data!.arrivalBoard).toEqual([]);
  });

  it('should record an ETA and let a housekeeper set a room state but not an analyst', async () => {
    const eta = new Date(today.getTime() + 14 * 3_600_000).toISOString();
    const set = await callSubgraph(
      sub.url,
      manager,
      `mutation ($id: ID!, $eta: DateTimeISO) { setReservationEta(id: $id, etaAt: $eta) { etaAt } }`,
      { id: reservation, eta },
    );
    expect(set.body.data!.setReservationEta.etaAt).toBe(eta);
    const SET_ROOM = `mutation ($input: SetRoomStateInput!) { setRoomState(input: $input) { state } }`;
    const input = { roomId: dirtyRoom, state: 'INSPECTED' };
    const tech = await callSubgraph(sub.url, staffActor(org, ['TECHNICIAN']), SET_ROOM, { input });
    expect(tech.body.data!.setRoomState.state).toBe('INSPECTED');
    const analyst = await callSubgraph(sub.url, staffActor(org, ['ANALYST']), SET_ROOM, { input });
    expect(analyst.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
