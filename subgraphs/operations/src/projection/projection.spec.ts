import type { RunningSubgraph } from '@attendant/kit';
import {
  createTestDatabase,
  startTestSubgraph,
  testConsumer,
  type TestDatabase,
} from '@attendant/testing';
import { randomUUID } from 'node:crypto';
import {
  createOrganization,
  DAY,
  guestsEvent,
} from '../generated-orders/generated-orders.fixtures';
import { operationsSubgraph } from '../index';

describe('operations projections of guests events', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  let org: string;

  beforeAll(async () => {
    process.env['AUTOMATION_SWEEP_INTERVAL_MS'] = '0';
    process.env['MAINTENANCE_INTERVAL_MS'] = '0';
    database = await createTestDatabase();
    sub = await startTestSubgraph(operationsSubgraph, database);
    org = await createOrganization(sub);
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  const deliver = (
    consumerName: string,
    type: string,
    id: string,
    payload: Record<string, unknown>,
    occurredAt: Date,
  ) =>
    sub.jobs.runOnce(
      testConsumer(operationsSubgraph, sub, database, consumerName),
      guestsEvent(type, org, id, payload, occurredAt),
    );
  const t0 = new Date('2030-01-01T10:00:00.000Z');
  const later = (ms: number) => new Date(t0.getTime() + ms);

  describe('reservations', () => {
    const arrivalAt = new Date(Date.now() + 3 * DAY);
    const full = {
      arrivalAt: arrivalAt.toISOString(),
      departureAt: new Date(arrivalAt.getTime() + 2 * DAY).toISOString(),
      status: 'CONFIRMED',
      guestId: randomUUID(),
      guestName: ' Grace Hopper ',
      roomId: randomUUID(),
      vip: true,
      products: ['Champagne', ' ', 'Late checkout '],
      etaAt: new Date(arrivalAt.getTime() - 3_600_000).toISOString(),
      notes: 'Allergic to feathers',
    };
    const read = (id: string) =>
      sub.db.reservationProjection.findFirst({ where: { organizationId: org, reservationId: id } });

    it('should create the projection with every field when a reservation is created', async () => {
      const id = randomUUID();
      await deliver('reservation-projection', 'ReservationCreated', id, full, t0);
      expect(await read(id)).toMatchObject({
        organizationId: org,
        status: 'CONFIRMED',
        arrivalAt,
        departureAt: new Date(full.departureAt),
        guestId: full.guestId,
        guestName: 'Grace Hopper',
        roomId: full.roomId,
        vip: true,
        products: ['Champagne', 'Late checkout'],
        etaAt: new Date(full.etaAt),
        notes: 'Allergic to feathers',
        updatedAt: t0,
      });
    });

    it('should apply a newer event and ignore an older one delivered after it', async () => {
      const id = randomUUID();
      await deliver('reservation-projection', 'ReservationCreated', id, full, t0);
      await deliver(
        'reservation-projection',
        'ReservationUpdated',
        id,
        { ...full, status: 'CHECKED_IN' },
        later(2000),
      );
      await deliver(
        'reservation-projection',
        'ReservationUpdated',
        id,
        { ...full, status: 'CANCELLED' },
        later(1000),
      );
      expect(await read(id)).toMatchObject({ status: 'CHECKED_IN', updatedAt: later(2000) });
    });

    it('should keep fields an event leaves out and clear fields it sets to null', async () => {
      const id = randomUUID();
      await deliver('reservation-projection', 'ReservationCreated', id, full, t0);
      await deliver(
        'reservation-projection',
        'ReservationUpdated',
        id,
        { arrivalAt: full.arrivalAt, status: 'CONFIRMED', roomId: null, notes: null, vip: null },
        later(1000),
      );
      expect(await read(id)).toMatchObject({
        guestName: 'Grace Hopper',
        products: ['Champagne', 'Late checkout'],
        roomId: null,
        notes: null,
        vip: false,
      });
    });

    it('should create the projection from an update when the create event was missed', async () => {
      const id = randomUUID();
      const { arrivalAt: at, status } = full;
      await deliver(
        'reservation-projection',
        'ReservationUpdated',
        id,
        { arrivalAt: at, status },
        t0,
      );
      expect(await read(id)).toMatchObject({ vip: false, products: [], guestName: null, status });
    });

    it('should refuse a payload without an arrival time and change nothing', async () => {
      const id = randomUUID();
      await expect(
        deliver('reservation-projection', 'ReservationUpdated', id, { status: 'CONFIRMED' }, t0),
      ).rejects.toThrow();
      expect(await read(id)).toBeNull();
    });
  });

  describe('rooms', () => {
    it('should keep the latest room state whatever order the events come in', async () => {
      const roomId = randomUUID();
      await deliver('room-projection', 'RoomStateChanged', roomId, { state: 'DIRTY' }, later(1000));
      await deliver(
        'room-projection',
        'RoomStateChanged',
        roomId,
        { state: 'OUT_OF_ORDER' },
        later(3000),
      );
      await deliver('room-projection', 'RoomStateChanged', roomId, { state: 'CLEAN' }, later(2000));
      const row = await sub.db.roomProjection.findFirst({ where: { organizationId: org, roomId } });
      expect(row).toMatchObject({ state: 'OUT_OF_ORDER', updatedAt: later(3000) });
    });
  });

  describe('sites', () => {
    const read = (siteId: string) =>
      sub.db.siteProjection.findFirst({ where: { organizationId: org, siteId } });

    it('should create a site and apply a partial update', async () => {
      const siteId = randomUUID();
      const created = { name: 'Plant 4', city: 'Linz', country: 'AT', lat: 48.3, lng: 14.29 };
      await deliver('site-projection', 'SiteCreated', siteId, created, t0);
      await deliver(
        'site-projection',
        'SiteUpdated',
        siteId,
        { name: 'Plant 4 (north)' },
        later(1000),
      );
      expect(await read(siteId)).toMatchObject({
        name: 'Plant 4 (north)',
        city: 'Linz',
        lat: 48.3,
        lng: 14.29,
      });
      await deliver('site-projection', 'SiteUpdated', siteId, { ...created, lat: 1, lng: 1 }, t0);
      expect((await read(siteId))?.lat).toBe(48.3);
    });

    it('should not invent a site from a partial update of an unknown one', async () => {
      const siteId = randomUUID();
      await deliver('site-projection', 'SiteUpdated', siteId, { name: 'Depot' }, t0);
      expect(await read(siteId)).toBeNull();
    });
  });

  it('should handle an event once per consumer when it is redelivered', async () => {
    const consumer = testConsumer(operationsSubgraph, sub, database, 'room-projection');
    const event = guestsEvent('RoomStateChanged', org, randomUUID(), { state: 'CLEAN' }, t0);
    expect(await sub.jobs.runOnce(consumer, event)).toBe(true);
    expect(await sub.jobs.runOnce(consumer, event)).toBe(false);
  });
});
