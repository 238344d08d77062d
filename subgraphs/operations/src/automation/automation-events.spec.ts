import type { Prisma } from '@attendant/db';
import type { EventConsumer, RunningSubgraph } from '@attendant/kit';
import {
  createTestDatabase,
  startTestSubgraph,
  testConsumer,
  type TestDatabase,
} from '@attendant/testing';
import { randomUUID } from 'node:crypto';
import {
  createOrganization,
  createServiceType,
  createTeam,
  DAY,
  guestsEvent,
  HOUR,
} from '../generated-orders/generated-orders.fixtures';
import { operationsSubgraph } from '../index';
import { runAutomationSweep } from './automation.evaluator';

describe('automation rules on reservation events', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  let consumer: EventConsumer;

  beforeAll(async () => {
    process.env['AUTOMATION_SWEEP_INTERVAL_MS'] = '0';
    process.env['MAINTENANCE_INTERVAL_MS'] = '0';
    database = await createTestDatabase();
    sub = await startTestSubgraph(operationsSubgraph, database);
    consumer = testConsumer(operationsSubgraph, sub, database, 'reservation-projection');
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  /** An organization with one active rule (VIP unless conditions say otherwise). */
  async function hotelWithRule(
    conditions: Prisma.InputJsonObject = { vip: true },
    rule: { hoursBeforeArrival?: number; title?: string } = {},
  ) {
    const org = await createOrganization(sub);
    const serviceType = await createServiceType(sub, org);
    const team = await createTeam(sub, org);
    const created = await sub.db.automationRule.create({
      data: {
        organizationId: org,
        name: 'VIP welcome',
        conditions,
        serviceTypeId: serviceType.id,
        title: rule.title ?? 'Champagne for {guest} ({arrival})',
        priority: 'HIGH',
        hoursBeforeArrival: rule.hoursBeforeArrival ?? 2,
        teamId: team.id,
      },
    });
    return { org, serviceType, team, rule: created };
  }

  const reservation = (overrides: Record<string, unknown> = {}) => ({
    arrivalAt: new Date(Date.now() + 2 * DAY).toISOString(),
    departureAt: new Date(Date.now() + 4 * DAY).toISOString(),
    status: 'CONFIRMED',
    guestId: randomUUID(),
    guestName: 'Ada Lovelace',
    roomId: null,
    vip: true,
    products: [],
    etaAt: null,
    notes: null,
    ...overrides,
  });

  const deliver = (
    org: string,
    reservationId: string,
    payload: Record<string, unknown>,
    occurredAt = new Date(),
    type = 'ReservationUpdated',
  ) => sub.jobs.runOnce(consumer, guestsEvent(type, org, reservationId, payload, occurredAt));

  const ordersOf = (org: string, reservationId: string) =>
    sub.db.workOrder.findMany({
      where: { organizationId: org, reservationId },
      orderBy: { number: 'asc' },
    });

  it('should name the room in the order title when the reservation event carries its number', async () => {
    const { org } = await hotelWithRule(
      { vip: true },
      { title: 'Amenity for {guest} in room {room}' },
    );
    const id = randomUUID();
    await deliver(org, id, reservation({ roomId: randomUUID(), roomNumber: '204' }));
    const [order] = await ordersOf(org, id);
    expect(order?.title).toBe('Amenity for Ada Lovelace in room 204');
  });

  it('should create one pre-arrival order when a VIP reservation arrives', async () => {
    const { org, serviceType, team, rule } = await hotelWithRule();
    const id = randomUUID();
    const payload = reservation();
    await deliver(org, id, payload, new Date(), 'ReservationCreated');

    const [order, ...rest] = await ordersOf(org, id);
    expect(rest).toHaveLength(0);
    const arrival = new Date(payload.arrivalAt);
    expect(order).toMatchObject({
      kind: 'HOTEL_SERVICE',
      status: 'NEW',
      priority: 'HIGH',
      serviceTypeId: serviceType.id,
      teamId: team.id,
      guestId: payload.guestId,
      automationRuleId: rule.id,
      dedupeKey: `auto:${rule.id}:${id}`,
      estimatedMinutes: 30,
      priceMinor: 4500,
      currency: 'EUR',
      scheduledStart: new Date(arrival.getTime() - 2 * HOUR),
      scheduledEnd: new Date(arrival.getTime() - 2 * HOUR + 30 * 60_000),
    });
    expect(order!.title).toMatch(/^Champagne for Ada Lovelace \(\d{1,2} \w{3} \d{2}:\d{2}\)$/);
    const checklist = await sub.db.workOrderChecklistItem.findMany({
      where: { organizationId: org, workOrderId: order!.id },
      orderBy: { position: 'asc' },
    });
    expect(checklist.map((c) => c.label)).toEqual(['Chill the bottle', 'Deliver to the room']);
    const events = await sub.db.operationsOutboxEvent.findMany({
      where: { organizationId: org, entityId: order!.id },
    });
    expect(events.map((e) => e.type)).toEqual(['WorkOrderCreated']);
    expect(events[0]!.payload).toMatchObject({
      number: order!.number,
      reservationId: id,
      serviceTypeId: serviceType.id,
      automationRuleId: rule.id,
    });
    const fired = await sub.db.automationRule.findFirstOrThrow({
      where: { id: rule.id, organizationId: org },
    });
    expect(fired.firedCount).toBe(1);
    expect(fired.lastFiredAt).not.toBeNull();
  });

  it('should count the SLA from the order’s start when a policy applies', async () => {
    const { org } = await hotelWithRule();
    await sub.db.slaPolicy.create({
      data: {
        organizationId: org,
        name: 'Everything',
        responseMinutes: 30,
        resolutionMinutes: 120,
      },
    });
    const id = randomUUID();
    await deliver(org, id, reservation());
    const [order] = await ordersOf(org, id);
    const start = order!.scheduledStart!.getTime();
    expect(order!.slaPolicyId).not.toBeNull();
    expect(order!.responseDueAt!.getTime()).toBe(start + 30 * 60_000);
    expect(order!.slaDueAt!.getTime()).toBe(start + 120 * 60_000);
  });

  it('should create one order when the same event is delivered twice', async () => {
    const { org } = await hotelWithRule();
    const id = randomUUID();
    const event = guestsEvent('ReservationUpdated', org, id, reservation());
    expect(await sub.jobs.runOnce(consumer, event)).toBe(true);
    expect(await sub.jobs.runOnce(consumer, event)).toBe(false);
    expect(await ordersOf(org, id)).toHaveLength(1);
  });

  it('should keep one order when a second event for the reservation arrives', async () => {
    const { org, rule } = await hotelWithRule();
    const id = randomUUID();
    const roomId = randomUUID();
    const payload = reservation();
    await deliver(org, id, payload, new Date(Date.now() - 1000));
    await deliver(org, id, { ...payload, roomId });

    const orders = await ordersOf(org, id);
    expect(orders).toHaveLength(1);
    // Nobody planned it yet, so it follows the reservation's new room…
    expect(orders[0]).toMatchObject({ roomId, version: 2 });
    // …and its new arrival time.
    const arrivalAt = new Date(Date.now() + 3 * DAY);
    await deliver(org, id, { ...payload, roomId, arrivalAt: arrivalAt.toISOString() });
    expect(await ordersOf(org, id)).toEqual([
      expect.objectContaining({
        version: 3,
        scheduledStart: new Date(arrivalAt.getTime() - 2 * HOUR),
      }),
    ]);
    // Once assigned, it is dispatch's: later changes leave it alone.
    const technician = await sub.db.technician.create({
      data: { organizationId: org, name: 'Tom' },
    });
    await sub.db.workOrder.updateMany({
      where: { id: orders[0]!.id, organizationId: org },
      data: { technicianId: technician.id, version: { increment: 1 } },
    });
    await deliver(org, id, { ...payload, roomId: null, arrivalAt: arrivalAt.toISOString() });
    expect((await ordersOf(org, id))[0]).toMatchObject({ roomId, version: 4 });
    const fired = await sub.db.automationRule.findFirstOrThrow({
      where: { id: rule.id, organizationId: org },
    });
    expect(fired.firedCount).toBe(1);
  });

  it('should apply only the organization’s own rules when another one has a matching rule', async () => {
    await hotelWithRule();
    const other = await createOrganization(sub);
    const id = randomUUID();
    await deliver(other, id, reservation());
    expect(await sub.db.workOrder.count({ where: { organizationId: other } })).toBe(0);
    expect(
      await sub.db.reservationProjection.count({
        where: { organizationId: other, reservationId: id },
      }),
    ).toBe(1);
  });

  it('should create no order when the reservation does not match', async () => {
    const { org } = await hotelWithRule();
    const id = randomUUID();
    await deliver(org, id, reservation({ vip: false }));
    expect(await ordersOf(org, id)).toHaveLength(0);
  });

  it('should cancel the new order when the reservation is cancelled', async () => {
    const { org, rule } = await hotelWithRule();
    const id = randomUUID();
    const payload = reservation();
    await deliver(org, id, payload, new Date(Date.now() - 1000));
    await deliver(org, id, { ...payload, status: 'CANCELLED' });

    const [order] = await ordersOf(org, id);
    expect(order).toMatchObject({ status: 'CANCELLED', dedupeKey: null });
    expect(order!.statusReason).toBe(
      'Reservation no longer matches rule "VIP welcome" (reservation cancelled)',
    );
    expect(order!.cancelledAt).not.toBeNull();
    const events = await sub.db.operationsOutboxEvent.findMany({
      where: { organizationId: org, entityId: order!.id },
      orderBy: { occurredAt: 'asc' },
    });
    expect(events.map((e) => e.type)).toEqual(['WorkOrderCreated', 'WorkOrderStatusChanged']);
    expect(events[1]!.payload).toMatchObject({ status: 'CANCELLED', previousStatus: 'NEW' });
    const fired = await sub.db.automationRule.findFirstOrThrow({
      where: { id: rule.id, organizationId: org },
    });
    expect(fired.firedCount).toBe(1);
  });

  it('should cancel the new order when the reservation no longer matches the rule', async () => {
    const { org } = await hotelWithRule();
    const id = randomUUID();
    const payload = reservation();
    await deliver(org, id, payload, new Date(Date.now() - 1000));
    await deliver(org, id, { ...payload, vip: false });
    const [order] = await ordersOf(org, id);
    expect(order).toMatchObject({
      status: 'CANCELLED',
      statusReason: 'Reservation no longer matches rule "VIP welcome"',
    });
  });

  it('should leave a planned order alone when the reservation no longer matches', async () => {
    const { org } = await hotelWithRule();
    const id = randomUUID();
    const payload = reservation();
    await deliver(org, id, payload, new Date(Date.now() - 1000));
    const [order] = await ordersOf(org, id);
    await sub.db.workOrder.updateMany({
      where: { id: order!.id, organizationId: org },
      data: { status: 'SCHEDULED', version: { increment: 1 } },
    });
    await deliver(org, id, { ...payload, status: 'CANCELLED' });
    expect((await ordersOf(org, id))[0]!.status).toBe('SCHEDULED');
  });

  it('should ignore an older event that arrives after a newer one', async () => {
    const { org } = await hotelWithRule();
    const id = randomUUID();
    const payload = reservation();
    await deliver(org, id, { ...payload, status: 'CANCELLED' }, new Date());
    await deliver(org, id, payload, new Date(Date.now() - 60_000));
    expect(await ordersOf(org, id)).toHaveLength(0);
  });

  it('should match booked products case-insensitively', async () => {
    const { org } = await hotelWithRule({ products: ['Champagne'] });
    const withProduct = randomUUID();
    const without = randomUUID();
    await deliver(
      org,
      withProduct,
      reservation({ vip: false, products: ['Breakfast', 'champagne '] }),
    );
    await deliver(org, without, reservation({ vip: false, products: ['Breakfast'] }));
    expect(await ordersOf(org, withProduct)).toHaveLength(1);
    expect(await ordersOf(org, without)).toHaveLength(0);
  });

  it('should match an early check-in by the ETA in the hotel’s local time', async () => {
    const { org } = await hotelWithRule({ earlyCheckIn: true, earlyCheckInBefore: 720 });
    // Vienna is UTC+1 or UTC+2: 08:00 UTC is 09:00 or 10:00 there, 13:00 UTC is 14:00 or 15:00.
    const day = new Date(Date.now() + 2 * DAY).toISOString().slice(0, 10);
    const early = randomUUID();
    const late = randomUUID();
    const noEta = randomUUID();
    await deliver(org, early, reservation({ vip: false, etaAt: `${day}T08:00:00.000Z` }));
    await deliver(org, late, reservation({ vip: false, etaAt: `${day}T13:00:00.000Z` }));
    await deliver(org, noEta, reservation({ vip: false }));
    expect(await ordersOf(org, early)).toHaveLength(1);
    expect(await ordersOf(org, late)).toHaveLength(0);
    expect(await ordersOf(org, noEta)).toHaveLength(0);
  });

  it('should match a special request when the reservation has notes', async () => {
    const { org } = await hotelWithRule({ specialRequest: true, vip: true });
    const vipWithNotes = randomUUID();
    const vipBlankNotes = randomUUID();
    await deliver(org, vipWithNotes, reservation({ notes: 'Feather-free pillows' }));
    await deliver(org, vipBlankNotes, reservation({ notes: '   ' }));
    expect(await ordersOf(org, vipWithNotes)).toHaveLength(1);
    expect(await ordersOf(org, vipBlankNotes)).toHaveLength(0);
  });

  it('should schedule the order now when the lead time has already started', async () => {
    const { org } = await hotelWithRule({ vip: true }, { hoursBeforeArrival: 24 });
    const id = randomUUID();
    const before = Date.now();
    await deliver(
      org,
      id,
      reservation({ arrivalAt: new Date(Date.now() + 3 * HOUR).toISOString() }),
    );
    const [order] = await ordersOf(org, id);
    expect(order!.scheduledStart!.getTime()).toBeGreaterThanOrEqual(before);
    expect(order!.scheduledStart!.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('should create no order for a reservation that arrived more than 12 hours ago', async () => {
    const { org } = await hotelWithRule();
    const id = randomUUID();
    await deliver(
      org,
      id,
      reservation({ arrivalAt: new Date(Date.now() - 13 * HOUR).toISOString() }),
    );
    expect(await ordersOf(org, id)).toHaveLength(0);
  });

  it('should keep flags an older-style event leaves out', async () => {
    const { org } = await hotelWithRule();
    const id = randomUUID();
    const payload = reservation();
    await deliver(org, id, payload, new Date(Date.now() - 1000));
    // guests' arrival-board event carries only arrival, status, guest and room.
    const { arrivalAt, status, guestId, roomId } = payload;
    await deliver(org, id, { arrivalAt, status, guestId, roomId });
    const projection = await sub.db.reservationProjection.findFirstOrThrow({
      where: { organizationId: org, reservationId: id },
    });
    expect(projection.vip).toBe(true);
    expect((await ordersOf(org, id))[0]!.status).toBe('NEW');
  });

  it('should create the order in the sweep when the rule is created after the event', async () => {
    const org = await createOrganization(sub);
    const serviceType = await createServiceType(sub, org);
    const soon = randomUUID();
    const later = randomUUID();
    await deliver(org, soon, reservation({ arrivalAt: new Date(Date.now() + DAY).toISOString() }));
    await deliver(
      org,
      later,
      reservation({ arrivalAt: new Date(Date.now() + 5 * DAY).toISOString() }),
    );
    expect(await ordersOf(org, soon)).toHaveLength(0);

    await sub.db.automationRule.create({
      data: {
        organizationId: org,
        name: 'Late VIP rule',
        conditions: { vip: true },
        serviceTypeId: serviceType.id,
        title: 'Welcome {guest}',
      },
    });
    const now = new Date();
    const first = await runAutomationSweep(sub.db, now);
    expect(first.created).toBeGreaterThanOrEqual(1);
    expect(await ordersOf(org, soon)).toHaveLength(1);
    // Beyond the 72-hour horizon: its own next event (or a later sweep) creates it.
    expect(await ordersOf(org, later)).toHaveLength(0);

    const again = await runAutomationSweep(sub.db, now, org);
    expect(again).toEqual({ created: 0, skipped: 1 });
  });

  it('should create one order when sweeps and the consumer run concurrently', async () => {
    const org = await createOrganization(sub);
    const serviceType = await createServiceType(sub, org);
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of ids)
      await sub.db.reservationProjection.create({
        data: {
          reservationId: id,
          organizationId: org,
          status: 'CONFIRMED',
          arrivalAt: new Date(Date.now() + DAY),
          vip: true,
          updatedAt: new Date(Date.now() - 60_000),
        },
      });
    await sub.db.automationRule.create({
      data: {
        organizationId: org,
        name: 'Concurrent',
        conditions: { vip: true },
        serviceTypeId: serviceType.id,
        title: 'Welcome {guest}',
      },
    });
    const now = new Date();
    const results = await Promise.all([
      runAutomationSweep(sub.db, now, org),
      runAutomationSweep(sub.db, now, org),
      deliver(org, ids[0]!, reservation({ arrivalAt: new Date(Date.now() + DAY).toISOString() })),
      runAutomationSweep(sub.db, now, org),
    ]);
    const orders = await sub.db.workOrder.findMany({ where: { organizationId: org } });
    expect(orders).toHaveLength(3);
    // Numbered without gaps: no run took a number for an order it then did not create.
    expect(orders.map((o) => o.number).sort()).toEqual([1, 2, 3]);
    const sweeps = [results[0], results[1], results[3]] as { created: number }[];
    expect(sweeps.reduce((n, r) => n + r.created, 0)).toBeLessThanOrEqual(3);
  });
});
