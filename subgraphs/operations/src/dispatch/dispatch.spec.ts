import type { Role, RunningSubgraph } from '@attendant/kit';
import {
  callSubgraph,
  createTestDatabase,
  staffActor,
  startTestSubgraph,
  type TestDatabase,
} from '@attendant/testing';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { operationsSubgraph } from '../index';
import { at, createWorld, futureDay, PRAGUE, type World } from './dispatch.fixtures';

const BOARD = /* GraphQL */ `
  query ($day: String!, $teamId: ID) {
    dispatchBoard(day: $day, teamId: $teamId) {
      day
      timezone
      start
      end
      technicians {
        technician {
          id
          name
        }
        shiftStart
        shiftEnd
        working
        timeOff {
          startsAt
          endsAt
          reason
        }
        jobs {
          id
        }
        utilization
      }
      unassigned {
        id
        title
      }
      conflicts {
        kind
        workOrderId
        otherWorkOrderId
      }
      locations {
        workOrderId
        lat
        lng
      }
    }
  }
`;
const SCHEDULE = /* GraphQL */ `
  mutation ($input: ScheduleWorkOrderInput!) {
    scheduleWorkOrder(input: $input) {
      id
      status
      scheduledStart
      scheduledEnd
      version
      technician {
        id
      }
    }
  }
`;

describe('operations subgraph: dispatch board and scheduling', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  const wednesday = futureDay(3);

  beforeAll(async () => {
    database = await createTestDatabase();
    sub = await startTestSubgraph(operationsSubgraph, database);
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  const dispatcher = (w: World) => staffActor(w.organizationId, ['DISPATCHER']);
  const board = (w: World, day: string, teamId?: string) =>
    callSubgraph(sub.url, dispatcher(w), BOARD, { day, teamId });
  const schedule = (w: World, input: Record<string, unknown>, roles: Role[] = ['DISPATCHER']) =>
    callSubgraph(sub.url, staffActor(w.organizationId, roles), SCHEDULE, { input });
  const events = (workOrderId: string) =>
    sub.db.$queryRawUnsafe<{ type: string; payload: Record<string, unknown> }[]>(
      `SELECT type, payload FROM operations.outbox WHERE "entityId" = $1::uuid ORDER BY "occurredAt", type DESC`,
      workOrderId,
    );

  describe('dispatchBoard', () => {
    it('should answer a 25-hour day with the shift in local time when the day ends daylight saving time', async () => {
      const w = await createWorld(sub.db);
      await w.technician('Ana Novak', { workDays: [7], shiftStartMin: 480, shiftEndMin: 1020 });

      const res = await board(w, '2026-10-25');

      expect(res.body.errors).toBeUndefined();
      const b = res.body.data!.dispatchBoard;
      expect(b).toMatchObject({
        day: '2026-10-25',
        timezone: 'Europe/Prague',
        start: '2026-10-24T22:00:00.000Z',
        end: '2026-10-25T23:00:00.000Z',
      });
      expect(new Date(b.end).getTime() - new Date(b.start).getTime()).toBe(25 * 3600_000);
      // 08:00 and 17:00 are CET (UTC+1) after the clocks went back at 03:00.
      expect(b.technicians[0]).toMatchObject({
        shiftStart: '2026-10-25T07:00:00.000Z',
        shiftEnd: '2026-10-25T16:00:00.000Z',
        working: true,
      });
    });

    it('should answer BAD_USER_INPUT when the day is not YYYY-MM-DD', async () => {
      const w = await createWorld(sub.db);

      const res = await board(w, '2026-13-01');

      expect(res.body.errors?.[0]).toMatchObject({
        message: 'Give the day as YYYY-MM-DD',
        extensions: { code: 'BAD_USER_INPUT', field: 'day' },
      });
    });

    it('should lay out lanes with jobs, time off, utilization, conflicts and job locations', async () => {
      const w = await createWorld(sub.db);
      const ana = await w.technician('Ana Novak');
      const ben = await w.technician('Ben Horak', { workDays: [1] });
      const siteId = randomUUID();
      await sub.db.siteProjection.create({
        data: { siteId, organizationId: w.organizationId, name: 'Depot', lat: 50.08, lng: 14.43 },
      });
      const first = await w.workOrder({
        technicianId: ana.id,
        status: 'SCHEDULED',
        scheduledStart: at(wednesday, '09:00'),
        siteId,
      });
      const second = await w.booking(ana.id, at(wednesday, '09:30'), 90);
      await w.workOrder({
        technicianId: ana.id,
        status: 'CANCELLED',
        scheduledStart: at(wednesday, '15:00'),
      });
      await w.booking(ana.id, at(futureDay(4), '09:00'));
      await w.timeOff(ana.id, at(wednesday, '12:00'), at(wednesday, '13:00'), 'Training');

      const res = await board(w, wednesday);

      expect(res.body.errors).toBeUndefined();
      const b = res.body.data!.dispatchBoard;
      expect(b.technicians.map((l: { technician: { name: string } }) => l.technician.name)).toEqual(
        ['Ana Novak', 'Ben Horak'],
      );
      const [anaLane, benLane] = b.technicians;
      expect(anaLane).toMatchObject({
        technician: { id: ana.id },
        shiftStart: at(wednesday, '08:00').toISOString(),
        shiftEnd: at(wednesday, '17:00').toISOString(),
        working: true,
        timeOff: [
          {
            startsAt: at(wednesday, '12:00').toISOString(),
            endsAt: at(wednesday, '13:00').toISOString(),
            reason: 'Training',
          },
        ],
        jobs: [{ id: first.id }, { id: second.id }],
        // 150 booked minutes of 480 working ones (9 hours less an hour of training).
        utilization: 0.313,
      });
      expect(benLane).toMatchObject({
        technician: { id: ben.id },
        shiftStart: null,
        shiftEnd: null,
        working: false,
        jobs: [],
        utilization: null,
      });
      expect(b.conflicts).toEqual(
        expect.arrayContaining([
          { kind: 'DOUBLE_BOOKED', workOrderId: first.id, otherWorkOrderId: second.id },
          { kind: 'DOUBLE_BOOKED', workOrderId: second.id, otherWorkOrderId: first.id },
        ]),
      );
      expect(b.locations).toEqual([{ workOrderId: first.id, lat: 50.08, lng: 14.43 }]);
    });

    it('should sort the unassigned queue by priority, then SLA risk, then deadline, leaving out assigned, closed and later orders', async () => {
      const w = await createWorld(sub.db);
      const ana = await w.technician('Ana Novak');
      const vendor = await sub.db.vendor.create({
        data: { organizationId: w.organizationId, name: 'Boilers Ltd' },
      });
      const now = Date.now();
      const hours = (h: number) => new Date(now + h * 3600_000);
      await w.workOrder({ title: 'low', priority: 'LOW', createdAt: hours(-48) });
      await w.workOrder({ title: 'normal', priority: 'NORMAL' });
      // Later deadline but most of its time used up: riskier than the one due sooner.
      await w.workOrder({
        title: 'high, 83% used',
        priority: 'HIGH',
        createdAt: hours(-10),
        slaDueAt: hours(2),
      });
      await w.workOrder({
        title: 'high, 14% used',
        priority: 'HIGH',
        createdAt: new Date(now - 10 * 60_000),
        slaDueAt: hours(1),
      });
      await w.workOrder({ title: 'high, no SLA', priority: 'HIGH', createdAt: hours(-72) });
      await w.workOrder({ title: 'emergency', priority: 'EMERGENCY' });
      await w.workOrder({ title: 'assigned', priority: 'EMERGENCY', technicianId: ana.id });
      await w.workOrder({ title: 'vendor', priority: 'EMERGENCY', vendorId: vendor.id });
      await w.workOrder({ title: 'done', priority: 'EMERGENCY', status: 'COMPLETED' });
      await w.workOrder({
        title: 'next month',
        priority: 'EMERGENCY',
        windowStart: at(futureDay(3), '09:00'),
      });

      // Tomorrow's queue holds everything due by then, whatever the time of day now.
      const tomorrow = DateTime.now().setZone(PRAGUE).plus({ days: 1 }).toISODate()!;
      const res = await board(w, tomorrow);

      expect(res.body.errors).toBeUndefined();
      expect(
        res.body.data!.dispatchBoard.unassigned.map((o: { title: string }) => o.title),
      ).toEqual(['emergency', 'high, 83% used', 'high, 14% used', 'high, no SLA', 'normal', 'low']);
    });

    it('should answer FORBIDDEN when a technician asks for the board', async () => {
      const w = await createWorld(sub.db);

      const res = await callSubgraph(sub.url, staffActor(w.organizationId, ['TECHNICIAN']), BOARD, {
        day: wednesday,
      });

      expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('should show only the organization’s own technicians and orders', async () => {
      const a = await createWorld(sub.db);
      const b = await createWorld(sub.db);
      const anaOfA = await a.technician('Ana Novak');
      await a.booking(anaOfA.id, at(wednesday, '09:00'));
      await a.workOrder({ title: 'queue of A' });
      await b.technician('Ben Horak');

      const res = await board(b, wednesday);

      expect(res.body.data!.dispatchBoard.technicians).toEqual([
        expect.objectContaining({ technician: expect.objectContaining({ name: 'Ben Horak' }) }),
      ]);
      expect(res.body.data!.dispatchBoard.unassigned).toEqual([]);
    });
  });

  describe('scheduleWorkOrder', () => {
    it('should refuse a blocking conflict with a clear message and change nothing', async () => {
      const w = await createWorld(sub.db);
      const ana = await w.technician('Ana Novak');
      const other = await w.booking(ana.id, at(wednesday, '09:00'), 90);
      const wo = await w.workOrder();

      const res = await schedule(w, {
        workOrderId: wo.id,
        technicianId: ana.id,
        start: at(wednesday, '10:00'),
      });

      expect(res.body.errors?.[0]).toMatchObject({
        message: `Cannot schedule WO-${wo.number}: Ana Novak already has WO-${other.number} 09:00–10:30`,
        extensions: {
          code: 'CONFLICT',
          reason: 'SCHEDULE_CONFLICT',
          conflicts: [
            expect.objectContaining({ kind: 'DOUBLE_BOOKED', otherWorkOrderId: other.id }),
          ],
        },
      });
      const after = await sub.db.workOrder.findFirst({
        where: { organizationId: w.organizationId, id: wo.id },
      });
      expect(after).toMatchObject({ technicianId: null, status: 'NEW', version: 1 });
      expect(await events(wo.id)).toEqual([]);
    });

    it('should schedule despite the conflict and record it in the event when forced', async () => {
      const w = await createWorld(sub.db);
      const ana = await w.technician('Ana Novak');
      await w.booking(ana.id, at(wednesday, '09:00'), 90);
      const wo = await w.workOrder({ estimatedMinutes: 45 });

      const res = await schedule(
        w,
        {
          workOrderId: wo.id,
          technicianId: ana.id,
          start: at(wednesday, '10:00'),
          expectedVersion: 1,
          force: true,
          reason: 'Customer insists',
        },
        ['MANAGER'],
      );

      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.scheduleWorkOrder).toEqual({
        id: wo.id,
        status: 'SCHEDULED',
        scheduledStart: at(wednesday, '10:00').toISOString(),
        scheduledEnd: at(wednesday, '10:45').toISOString(),
        version: 2,
        technician: { id: ana.id },
      });
      const written = await events(wo.id);
      expect(written.map((e) => e.type)).toEqual(['WorkOrderUpdated', 'WorkOrderStatusChanged']);
      expect(written[0]!.payload).toMatchObject({
        change: 'schedule',
        status: 'SCHEDULED',
        technicianId: ana.id,
        previousStatus: 'NEW',
        reason: 'Customer insists',
        forcedConflicts: [
          { kind: 'DOUBLE_BOOKED', message: expect.stringContaining('Ana Novak already has') },
        ],
        version: 2,
      });
    });

    it('should move a job to another technician and clear its vendor when there is no blocking conflict', async () => {
      const w = await createWorld(sub.db);
      const ana = await w.technician('Ana Novak');
      const ben = await w.technician('Ben Horak');
      const vendor = await sub.db.vendor.create({
        data: { organizationId: w.organizationId, name: 'Fixers' },
      });
      const wo = await w.workOrder({
        technicianId: ana.id,
        status: 'DISPATCHED',
        scheduledStart: at(wednesday, '09:00'),
      });
      const vendorOrder = await w.workOrder({ vendorId: vendor.id });

      const moved = await schedule(w, {
        workOrderId: wo.id,
        technicianId: ben.id,
        start: at(wednesday, '14:00'),
      });
      const fromVendor = await schedule(w, {
        workOrderId: vendorOrder.id,
        technicianId: ben.id,
        start: at(wednesday, '10:00'),
      });

      expect(moved.body.data?.scheduleWorkOrder).toMatchObject({
        status: 'DISPATCHED',
        technician: { id: ben.id },
        scheduledStart: at(wednesday, '14:00').toISOString(),
      });
      expect(fromVendor.body.data?.scheduleWorkOrder.status).toBe('SCHEDULED');
      const row = await sub.db.workOrder.findFirst({
        where: { organizationId: w.organizationId, id: vendorOrder.id },
      });
      expect(row).toMatchObject({ vendorId: null, technicianId: ben.id });
      expect((await events(wo.id))[0]!.payload).toMatchObject({
        previousTechnicianId: ana.id,
        technicianId: ben.id,
        forcedConflicts: [],
      });
    });

    it('should put a scheduled job back into the queue when unassigned', async () => {
      const w = await createWorld(sub.db);
      const ana = await w.technician('Ana Novak');
      const wo = await w.booking(ana.id, at(wednesday, '09:00'));

      const res = await schedule(w, { workOrderId: wo.id, technicianId: null });
      const day = await board(w, wednesday);

      expect(res.body.data?.scheduleWorkOrder).toMatchObject({
        status: 'NEW',
        technician: null,
        scheduledStart: null,
        scheduledEnd: null,
      });
      expect(day.body.data!.dispatchBoard.technicians[0].jobs).toEqual([]);
      expect(day.body.data!.dispatchBoard.unassigned).toEqual([{ id: wo.id, title: wo.title }]);
    });

    it('should answer CONFLICT when the expected version is stale', async () => {
      const w = await createWorld(sub.db);
      const ana = await w.technician('Ana Novak');
      const wo = await w.workOrder({ version: 3 });

      const res = await schedule(w, {
        workOrderId: wo.id,
        technicianId: ana.id,
        start: at(wednesday, '09:00'),
        expectedVersion: 2,
      });

      expect(res.body.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'VERSION_CONFLICT',
      });
    });

    it('should answer BAD_USER_INPUT when a technician is given without a start or the start is in the past', async () => {
      const w = await createWorld(sub.db);
      const ana = await w.technician('Ana Novak');
      const wo = await w.workOrder();

      const noStart = await schedule(w, { workOrderId: wo.id, technicianId: ana.id });
      const past = await schedule(w, {
        workOrderId: wo.id,
        technicianId: ana.id,
        start: new Date(Date.now() - 3 * 86400_000),
      });

      expect(noStart.body.errors?.[0]).toMatchObject({
        message: `Give a start time to schedule WO-${wo.number}`,
        extensions: { code: 'BAD_USER_INPUT', field: 'start' },
      });
      expect(past.body.errors?.[0]).toMatchObject({
        message: 'Pick a start time from today on',
        extensions: { code: 'BAD_USER_INPUT' },
      });
    });

    it('should answer FORBIDDEN when a technician schedules or an integrator forces', async () => {
      const w = await createWorld(sub.db);
      const ana = await w.technician('Ana Novak');
      const wo = await w.workOrder();
      const input = { workOrderId: wo.id, technicianId: ana.id, start: at(wednesday, '09:00') };

      const byTechnician = await schedule(w, input, ['TECHNICIAN']);
      const forcedByIntegrator = await schedule(w, { ...input, force: true }, ['INTEGRATOR']);

      expect(byTechnician.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(forcedByIntegrator.body.errors?.[0]?.extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'FORCE_NOT_ALLOWED',
      });
    });

    it('should answer NOT_FOUND for another organization’s work order or technician', async () => {
      const a = await createWorld(sub.db);
      const b = await createWorld(sub.db);
      const anaOfA = await a.technician('Ana Novak');
      const benOfB = await b.technician('Ben Horak');
      const woOfA = await a.workOrder();
      const woOfB = await b.workOrder();

      const foreignOrder = await schedule(b, {
        workOrderId: woOfA.id,
        technicianId: benOfB.id,
        start: at(wednesday, '09:00'),
      });
      const foreignTechnician = await schedule(b, {
        workOrderId: woOfB.id,
        technicianId: anaOfA.id,
        start: at(wednesday, '09:00'),
      });

      expect(foreignOrder.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(foreignTechnician.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const untouched = await sub.db.workOrder.findFirst({
        where: { organizationId: a.organizationId, id: woOfA.id },
      });
      expect(untouched).toMatchObject({ technicianId: null, version: 1 });
    });
  });
});
