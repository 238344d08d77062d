import type { RunningSubgraph } from '@attendant/kit';
import {
  callSubgraph,
  createTestDatabase,
  staffActor,
  startTestSubgraph,
  type TestDatabase,
} from '@attendant/testing';
import { randomUUID } from 'node:crypto';
import { operationsSubgraph } from '../index';
import { at, createWorld, futureDay, type World } from './dispatch.fixtures';

const CHECK = /* GraphQL */ `
  query ($input: CheckScheduleInput!) {
    checkSchedule(input: $input) {
      kind
      message
      blocking
      workOrderId
      otherWorkOrderId
    }
  }
`;

interface Conflict {
  kind: string;
  message: string;
  blocking: boolean;
  workOrderId: string;
  otherWorkOrderId: string | null;
}

describe('operations subgraph: schedule conflicts', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  const sqlLog: string[] = [];
  const wednesday = futureDay(3);
  const monday = futureDay(1);
  const saturday = futureDay(6);

  beforeAll(async () => {
    database = await createTestDatabase();
    sub = await startTestSubgraph(operationsSubgraph, database, {
      onQuery: (sql) => sqlLog.push(sql),
    });
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  const check = async (
    w: World,
    workOrderId: string,
    technicianId: string | null,
    start: Date,
  ): Promise<Conflict[]> => {
    const res = await callSubgraph(sub.url, staffActor(w.organizationId, ['DISPATCHER']), CHECK, {
      input: { workOrderId, technicianId, start: start.toISOString() },
    });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.checkSchedule as Conflict[];
  };
  const kinds = (conflicts: Conflict[]) => conflicts.map((c) => c.kind);

  it('should report DOUBLE_BOOKED naming the other order and its local times when the technician already has an overlapping job', async () => {
    const w = await createWorld(sub.db);
    const ana = await w.technician('Ana Novak');
    const other = await w.booking(ana.id, at(wednesday, '09:00'), 90);
    const wo = await w.workOrder();

    const conflicts = await check(w, wo.id, ana.id, at(wednesday, '10:00'));

    expect(conflicts).toEqual([
      {
        kind: 'DOUBLE_BOOKED',
        message: `Ana Novak already has WO-${other.number} 09:00–10:30`,
        blocking: true,
        workOrderId: wo.id,
        otherWorkOrderId: other.id,
      },
    ]);
  });

  it('should not report DOUBLE_BOOKED when the jobs only touch or the other one is cancelled', async () => {
    const w = await createWorld(sub.db);
    const ana = await w.technician('Ana Novak');
    await w.booking(ana.id, at(wednesday, '09:00'), 90);
    await w.workOrder({
      technicianId: ana.id,
      status: 'CANCELLED',
      scheduledStart: at(wednesday, '11:00'),
    });
    const wo = await w.workOrder();

    expect(await check(w, wo.id, ana.id, at(wednesday, '10:30'))).toEqual([]);
  });

  it('should report OUTSIDE_SHIFT with the working hours when a job runs past the shift end', async () => {
    const w = await createWorld(sub.db);
    const ana = await w.technician('Ana Novak', { shiftStartMin: 480, shiftEndMin: 1020 });
    const wo = await w.workOrder();

    const late = await check(w, wo.id, ana.id, at(wednesday, '16:30'));
    const lastSlot = await check(w, wo.id, ana.id, at(wednesday, '16:00'));
    const early = await check(w, wo.id, ana.id, at(wednesday, '07:59'));

    expect(late).toEqual([
      expect.objectContaining({
        kind: 'OUTSIDE_SHIFT',
        blocking: true,
        message: `WO-${wo.number} 16:30–17:30 is outside Ana Novak's working hours 08:00–17:00`,
      }),
    ]);
    expect(lastSlot).toEqual([]);
    expect(kinds(early)).toEqual(['OUTSIDE_SHIFT']);
  });

  it('should report OUTSIDE_SHIFT when the technician does not work that weekday', async () => {
    const w = await createWorld(sub.db);
    const ana = await w.technician('Ana Novak', { workDays: [1, 2, 3, 4, 5] });
    const wo = await w.workOrder();

    const conflicts = await check(w, wo.id, ana.id, at(saturday, '10:00'));

    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'OUTSIDE_SHIFT', blocking: true });
    expect(conflicts[0]!.message).toMatch(/^Ana Novak does not work on Sat \d+ \w+$/);
  });

  it('should report TIME_OFF with its reason, and not also OUTSIDE_SHIFT, when a job overlaps time off', async () => {
    const w = await createWorld(sub.db);
    const ana = await w.technician('Ana Novak');
    await w.timeOff(ana.id, at(wednesday, '13:00'), at(wednesday, '14:00'), 'Dentist');
    const wo = await w.workOrder();

    const overlapping = await check(w, wo.id, ana.id, at(wednesday, '12:30'));
    const before = await check(w, wo.id, ana.id, at(wednesday, '12:00'));

    expect(overlapping).toEqual([
      expect.objectContaining({
        kind: 'TIME_OFF',
        blocking: true,
        message: 'Ana Novak is off 13:00–14:00 (Dentist)',
      }),
    ]);
    expect(before).toEqual([]);
  });

  it('should warn OVER_DAILY_LIMIT when a job would exceed the technician’s jobs per day', async () => {
    const w = await createWorld(sub.db);
    const ana = await w.technician('Ana Novak', { maxJobsPerDay: 2 });
    const ben = await w.technician('Ben Horak', { maxJobsPerDay: 2 });
    await w.booking(ana.id, at(wednesday, '08:00'));
    await w.booking(ana.id, at(wednesday, '09:00'));
    await w.booking(ben.id, at(wednesday, '08:00'));
    const wo = await w.workOrder();

    const over = await check(w, wo.id, ana.id, at(wednesday, '11:00'));
    const atLimit = await check(w, wo.id, ben.id, at(wednesday, '11:00'));

    expect(over).toEqual([
      expect.objectContaining({
        kind: 'OVER_DAILY_LIMIT',
        blocking: false,
        message: expect.stringMatching(/^Ana Novak would have 3 jobs on Wed \d+ \w+ \(limit 2\)$/),
      }),
    ]);
    expect(atLimit).toEqual([]);
  });

  it('should report MISSING_SKILL when the technician’s level is below the service type’s', async () => {
    const w = await createWorld(sub.db);
    const gas = await w.skill('Gas');
    const type = await w.serviceType('Boiler repair', [{ skillId: gas.id, minLevel: 2 }]);
    const ana = await w.technician('Ana Novak', {}, [{ skillId: gas.id, level: 1 }]);
    const ben = await w.technician('Ben Horak', {}, [{ skillId: gas.id, level: 2 }]);
    const cara = await w.technician('Cara Dvorak');
    const wo = await w.workOrder({ serviceTypeId: type.id });

    const low = await check(w, wo.id, ana.id, at(wednesday, '10:00'));
    const none = await check(w, wo.id, cara.id, at(wednesday, '10:00'));
    const qualified = await check(w, wo.id, ben.id, at(wednesday, '10:00'));

    expect(low).toEqual([
      expect.objectContaining({
        kind: 'MISSING_SKILL',
        blocking: true,
        message: `Ana Novak has Gas at level 1; WO-${wo.number} needs level 2`,
      }),
    ]);
    expect(none[0]?.message).toBe(`Cara Dvorak lacks Gas, which WO-${wo.number} needs`);
    expect(qualified).toEqual([]);
  });

  it('should warn NO_QUALIFIED_TECHNICIAN for an unassigned order when nobody with the skill works that day', async () => {
    const w = await createWorld(sub.db);
    const welding = await w.skill('Welding');
    const type = await w.serviceType('Railing repair', [{ skillId: welding.id, minLevel: 1 }]);
    await w.technician('Dora Mala', { workDays: [1] }, [{ skillId: welding.id, level: 2 }]);
    await w.technician('Emil Fiala', { active: false }, [{ skillId: welding.id, level: 3 }]);
    const wo = await w.workOrder({ serviceTypeId: type.id });

    const onWednesday = await check(w, wo.id, null, at(wednesday, '10:00'));
    const onMonday = await check(w, wo.id, null, at(monday, '10:00'));

    expect(onWednesday).toEqual([
      expect.objectContaining({
        kind: 'NO_QUALIFIED_TECHNICIAN',
        blocking: false,
        message: expect.stringMatching(
          /^No active technician with Welding \(level 1\) works on Wed \d+ \w+$/,
        ),
      }),
    ]);
    expect(onMonday).toEqual([]);
  });

  it('should report ROOM_OUT_OF_ORDER when the room is out of order or out of service, and not when it is dirty', async () => {
    const w = await createWorld(sub.db);
    const ana = await w.technician('Ana Novak');
    const [broken, closed, dirty] = [randomUUID(), randomUUID(), randomUUID()];
    await sub.db.roomProjection.createMany({
      data: [
        { roomId: broken, organizationId: w.organizationId, state: 'OUT_OF_ORDER' },
        { roomId: closed, organizationId: w.organizationId, state: 'OUT_OF_SERVICE' },
        { roomId: dirty, organizationId: w.organizationId, state: 'DIRTY' },
      ],
    });
    const inBroken = await w.workOrder({ kind: 'HOTEL_SERVICE', roomId: broken });
    const inClosed = await w.workOrder({ kind: 'HOTEL_SERVICE', roomId: closed });
    const inDirty = await w.workOrder({ kind: 'HOTEL_SERVICE', roomId: dirty });

    expect(await check(w, inBroken.id, ana.id, at(wednesday, '10:00'))).toEqual([
      expect.objectContaining({
        kind: 'ROOM_OUT_OF_ORDER',
        blocking: true,
        message: `The room of WO-${inBroken.number} is out of order`,
      }),
    ]);
    expect(kinds(await check(w, inClosed.id, null, at(wednesday, '10:00')))).toEqual([
      'ROOM_OUT_OF_ORDER',
    ]);
    expect(await check(w, inDirty.id, ana.id, at(wednesday, '10:00'))).toEqual([]);
  });

  it('should warn OUTSIDE_TIME_WINDOW when a job ends after the customer’s window', async () => {
    const w = await createWorld(sub.db);
    const ana = await w.technician('Ana Novak');
    const wo = await w.workOrder({
      windowStart: at(wednesday, '10:00'),
      windowEnd: at(wednesday, '12:00'),
    });

    const late = await check(w, wo.id, ana.id, at(wednesday, '11:30'));
    const inside = await check(w, wo.id, ana.id, at(wednesday, '11:00'));
    const early = await check(w, wo.id, null, at(wednesday, '09:59'));

    expect(late).toEqual([
      expect.objectContaining({
        kind: 'OUTSIDE_TIME_WINDOW',
        blocking: false,
        message: `WO-${wo.number} 11:30–12:30 is outside the customer's window 10:00–12:00`,
      }),
    ]);
    expect(inside).toEqual([]);
    expect(kinds(early)).toEqual(['OUTSIDE_TIME_WINDOW']);
  });

  it('should warn CERTIFICATION_EXPIRED when the certification for a required skill expired before the day', async () => {
    const w = await createWorld(sub.db);
    const gas = await w.skill('Gas');
    const type = await w.serviceType('Boiler service', [{ skillId: gas.id, minLevel: 1 }]);
    const ana = await w.technician('Ana Novak', {}, [{ skillId: gas.id, level: 2 }]);
    const ben = await w.technician('Ben Horak', {}, [{ skillId: gas.id, level: 2 }]);
    const dayBefore = new Date(`${wednesday}T00:00:00Z`);
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
    await sub.db.technicianCertification.createMany({
      data: [
        {
          organizationId: w.organizationId,
          technicianId: ana.id,
          name: 'gas',
          expiresOn: dayBefore,
        },
        {
          organizationId: w.organizationId,
          technicianId: ben.id,
          name: 'Gas',
          expiresOn: new Date(`${wednesday}T00:00:00Z`),
        },
      ],
    });
    const wo = await w.workOrder({ serviceTypeId: type.id });

    const expired = await check(w, wo.id, ana.id, at(wednesday, '10:00'));
    const lastValidDay = await check(w, wo.id, ben.id, at(wednesday, '10:00'));

    expect(expired).toEqual([
      expect.objectContaining({
        kind: 'CERTIFICATION_EXPIRED',
        blocking: false,
        message: `Ana Novak's gas certification expired on ${dayBefore.toISOString().slice(0, 10)}`,
      }),
    ]);
    expect(lastValidDay).toEqual([]);
  });

  it('should answer NOT_FOUND when the work order or technician belongs to another organization', async () => {
    const a = await createWorld(sub.db);
    const b = await createWorld(sub.db);
    const anaOfA = await a.technician('Ana Novak');
    const woOfA = await a.workOrder();
    const woOfB = await b.workOrder();
    const asB = staffActor(b.organizationId, ['ADMIN']);

    const foreignOrder = await callSubgraph(sub.url, asB, CHECK, {
      input: { workOrderId: woOfA.id, technicianId: null, start: at(wednesday, '10:00') },
    });
    const foreignTechnician = await callSubgraph(sub.url, asB, CHECK, {
      input: { workOrderId: woOfB.id, technicianId: anaOfA.id, start: at(wednesday, '10:00') },
    });

    expect(foreignOrder.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(foreignTechnician.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('should resolve WorkOrder.conflicts for a whole list in the same number of queries', async () => {
    const w = await createWorld(sub.db);
    const ana = await w.technician('Ana Novak');
    const ben = await w.technician('Ben Horak');
    const first = await w.booking(ana.id, at(wednesday, '09:00'), 90);
    const second = await w.booking(ana.id, at(wednesday, '10:00'));
    await w.booking(ben.id, at(wednesday, '09:00'));
    await w.workOrder({ title: 'Not scheduled' });
    const query = /* GraphQL */ `
      query ($technicianId: ID) {
        workOrders(first: 50, filter: { technicianId: $technicianId }) {
          nodes {
            id
            conflicts {
              kind
              otherWorkOrderId
            }
          }
        }
      }
    `;
    const actor = staffActor(w.organizationId, ['DISPATCHER']);

    sqlLog.length = 0;
    const one = await callSubgraph(sub.url, actor, query, { technicianId: ben.id });
    const oneQueries = sqlLog.length;
    sqlLog.length = 0;
    const all = await callSubgraph(sub.url, actor, query, {});
    const allQueries = sqlLog.length;

    expect(one.body.data?.workOrders.nodes).toEqual([{ id: expect.any(String), conflicts: [] }]);
    const byId = new Map(
      (all.body.data!.workOrders.nodes as { id: string; conflicts: unknown[] }[]).map((n) => [
        n.id,
        n.conflicts,
      ]),
    );
    expect(byId.size).toBe(4);
    expect(byId.get(first.id)).toEqual([{ kind: 'DOUBLE_BOOKED', otherWorkOrderId: second.id }]);
    expect(byId.get(second.id)).toEqual([{ kind: 'DOUBLE_BOOKED', otherWorkOrderId: first.id }]);
    expect(oneQueries).toBeGreaterThan(0);
    expect(allQueries).toBe(oneQueries);
  });
});
