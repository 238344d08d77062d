import type { RunningSubgraph } from '@attendant/kit';
import {
  callSubgraph,
  createTestDatabase,
  staffActor,
  startTestSubgraph,
  type TestDatabase,
} from '@attendant/testing';
import { randomUUID } from 'node:crypto';
import { guestsSubgraph } from '../index';
import { ARRIVAL_DAY_MS, isCheckInReady } from './reservation-events';

const SET_ROOM = `mutation ($input: SetRoomStateInput!) { setRoomState(input: $input) { state } }`;

describe('guests subgraph: CheckInReady', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  const org = randomUUID();
  const housekeeper = staffActor(org, ['TECHNICIAN']);
  let guestId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    sub = await startTestSubgraph(guestsSubgraph, database);
    guestId = (
      await sub.db.guest.create({
        data: { organizationId: org, kind: 'HOTEL_GUEST', firstName: 'Ana', lastName: 'Novak' },
      })
    ).id;
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  let seq = 0;
  /** A dirty room and a stay in it arriving `hours` from now. */
  async function stay(hours: number, status: 'CONFIRMED' | 'CANCELLED' = 'CONFIRMED') {
    seq += 1;
    const room = await sub.db.room.create({
      data: {
        organizationId: org,
        number: `5${seq}`,
        floor: 5,
        roomType: 'Double',
        state: 'DIRTY',
      },
    });
    const arrivalAt = new Date(Date.now() + hours * 3_600_000);
    const reservation = await sub.db.reservation.create({
      data: {
        organizationId: org,
        confirmationCode: `CIR-${seq}`,
        status,
        guestId,
        roomId: room.id,
        arrivalAt,
        departureAt: new Date(arrivalAt.getTime() + 2 * 86_400_000),
        currency: 'EUR',
      },
    });
    return { roomId: room.id, reservationId: reservation.id, roomNumber: room.number };
  }
  const setRoom = async (roomId: string, state: string) => {
    const res = await callSubgraph(sub.url, housekeeper, SET_ROOM, { input: { roomId, state } });
    expect(res.body.errors).toBeUndefined();
  };
  const readyEvents = (reservationId: string) =>
    sub.db.$queryRawUnsafe<{ payload: Record<string, unknown> }[]>(
      `SELECT payload FROM guests.outbox WHERE type = 'CheckInReady' AND "entityId" = $1::uuid`,
      reservationId,
    );

  it('should emit CheckInReady once per stay when its room becomes clean, then inspected, on arrival day', async () => {
    const s = await stay(3);
    await setRoom(s.roomId, 'CLEAN');
    await setRoom(s.roomId, 'INSPECTED');
    await setRoom(s.roomId, 'DIRTY');
    await setRoom(s.roomId, 'CLEAN');
    const events = await readyEvents(s.reservationId);
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({
      guestId,
      guestName: 'Ana Novak',
      roomNumber: s.roomNumber,
      roomState: 'CLEAN',
      status: 'CONFIRMED',
    });
    const row = await sub.db.reservation.findFirst({
      where: { id: s.reservationId, organizationId: org },
    });
    expect(row?.checkInReadyAt).toBeInstanceOf(Date);
  });

  it('should not emit CheckInReady when the stay is not today, not confirmed or the room not ready', async () => {
    const later = await stay(48);
    await setRoom(later.roomId, 'INSPECTED');
    const cancelled = await stay(2, 'CANCELLED');
    await setRoom(cancelled.roomId, 'CLEAN');
    const outOfOrder = await stay(2);
    await setRoom(outOfOrder.roomId, 'OUT_OF_ORDER');
    for (const s of [later, cancelled, outOfOrder])
      expect(await readyEvents(s.reservationId)).toEqual([]);
  });

  it('should count only stays within the arrival window as arrival day when asked directly', () => {
    const now = new Date('2026-11-22T08:00:00Z');
    const row = (ms: number, state = 'CLEAN', status = 'CONFIRMED') => ({
      status,
      arrivalAt: new Date(now.getTime() + ms),
      room: { number: '1', state },
    });
    expect(isCheckInReady(row(ARRIVAL_DAY_MS), now)).toBe(true);
    expect(isCheckInReady(row(-ARRIVAL_DAY_MS), now)).toBe(true);
    expect(isCheckInReady(row(ARRIVAL_DAY_MS + 1), now)).toBe(false);
    expect(isCheckInReady(row(0, 'DIRTY'), now)).toBe(false);
    expect(isCheckInReady(row(0, 'INSPECTED', 'CHECKED_IN'), now)).toBe(false);
  });
});
