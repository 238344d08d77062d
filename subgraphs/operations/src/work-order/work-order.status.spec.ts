import { WorkOrderStatus } from '@attendant/db';
import type { Db } from '@attendant/kit';
import { staffActor } from '@attendant/testing';
import {
  CHANGE_STATUS,
  UPDATE_WORK_ORDER,
  createOrganization,
  createTechnician,
  createTechnicianUser,
  createVendor,
  eventsOf,
  gql,
  insertWorkOrder,
  startHarness,
  type Harness,
} from './work-order.fixtures';
import { WorkOrderService } from './work-order.service';
import {
  STATUSES_NEEDING_REASON,
  TECHNICIAN_STATUSES,
  TRANSITIONS,
} from './work-order.transitions';

const STATUSES = Object.values(WorkOrderStatus);
const PAIRS = STATUSES.flatMap((from) =>
  STATUSES.filter((to) => to !== from).map((to) => ({
    from,
    to,
    allowed: TRANSITIONS[from].includes(to),
  })),
);

describe('work order status machine', () => {
  let h: Harness;
  let org: string;
  let otherOrg: string;
  let admin: ReturnType<typeof staffActor>;
  let technicianId: string;

  beforeAll(async () => {
    h = await startHarness();
    org = await createOrganization(h.db);
    otherOrg = await createOrganization(h.db);
    admin = staffActor(org, ['DISPATCHER']);
    technicianId = (await createTechnician(h.db, org)).id;
  });
  afterAll(() => h.stop());

  /** A job in `status` that meets every precondition of the next step (assignee, start). */
  const jobIn = (status: WorkOrderStatus, extra = {}) =>
    insertWorkOrder(h.db, org, {
      status,
      technicianId,
      scheduledStart: new Date('2031-01-01T09:00:00Z'),
      ...extra,
    });
  const change = (actor: typeof admin, input: Record<string, unknown>) =>
    gql(h, actor, CHANGE_STATUS, { input });
  const reload = (id: string) =>
    h.db.workOrder.findFirstOrThrow({ where: { organizationId: org, id } });

  it.each(PAIRS.filter((p) => p.allowed))(
    'should move $from → $to and write its events in the same change when the table allows it',
    async ({ from, to }) => {
      const wo = await jobIn(from);
      const { data, error } = await change(admin, { id: wo.id, status: to, reason: 'Because' });
      expect(error).toBeNull();
      expect(data.changeWorkOrderStatus).toMatchObject({ status: to, version: 2 });
      const events = await eventsOf(h.db, wo.id);
      const types = events.map((e) => e.type).sort();
      expect(types).toEqual(
        to === 'COMPLETED'
          ? ['WorkOrderCompleted', 'WorkOrderStatusChanged']
          : ['WorkOrderStatusChanged'],
      );
      const changed = events.find((e) => e.type === 'WorkOrderStatusChanged')!;
      expect(changed.payload).toMatchObject({ status: to, previousStatus: from, version: 2 });
    },
  );

  it.each(PAIRS.filter((p) => !p.allowed))(
    'should refuse $from → $to with INVALID_STATUS_TRANSITION and write nothing',
    async ({ from, to }) => {
      const wo = await jobIn(from);
      const { error } = await change(admin, { id: wo.id, status: to, reason: 'Because' });
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_STATUS_TRANSITION' });
      expect(error!.message).toContain(`cannot go from ${from} to ${to}`);
      expect(await reload(wo.id)).toMatchObject({ status: from, version: 1 });
      expect(await eventsOf(h.db, wo.id)).toHaveLength(0);
    },
  );

  const needingReason = PAIRS.filter((p) => p.allowed && STATUSES_NEEDING_REASON.has(p.to));

  it.each(needingReason)(
    'should require a reason for $from → $to and write nothing without one',
    async ({ from, to }) => {
      const wo = await jobIn(from);
      for (const reason of [undefined, '   ']) {
        const { error } = await change(admin, { id: wo.id, status: to, reason });
        expect(error).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'STATUS_REASON_REQUIRED' });
      }
      expect(await reload(wo.id)).toMatchObject({ status: from, version: 1 });
      expect(await eventsOf(h.db, wo.id)).toHaveLength(0);
    },
  );

  it('should keep the reason on the work order and in the event when one is given', async () => {
    const wo = await jobIn('SCHEDULED');
    const { data } = await change(admin, { id: wo.id, status: 'ON_HOLD', reason: '  No parts ' });
    expect(data.changeWorkOrderStatus.statusReason).toBe('No parts');
  });

  it('should refuse to schedule a job without an assignee or a start time', async () => {
    const unassigned = await jobIn('NEW', { technicianId: null });
    const unstarted = await jobIn('NEW', { scheduledStart: null });
    for (const wo of [unassigned, unstarted]) {
      const { error } = await change(admin, { id: wo.id, status: 'SCHEDULED' });
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_SCHEDULABLE' });
      expect(await eventsOf(h.db, wo.id)).toHaveLength(0);
    }
  });

  it('should schedule a job given to a vendor', async () => {
    const vendor = await createVendor(h.db, org);
    const wo = await jobIn('NEW', { technicianId: null, vendorId: vendor.id });
    const { error } = await change(admin, { id: wo.id, status: 'SCHEDULED' });
    expect(error).toBeNull();
  });

  it('should set respondedAt the first time the job is dispatched and keep it afterwards', async () => {
    const wo = await jobIn('SCHEDULED');
    expect((await reload(wo.id)).respondedAt).toBeNull();
    await change(admin, { id: wo.id, status: 'DISPATCHED' });
    const first = (await reload(wo.id)).respondedAt;
    expect(first).toBeInstanceOf(Date);
    await change(admin, { id: wo.id, status: 'SCHEDULED' });
    await change(admin, { id: wo.id, status: 'DISPATCHED' });
    await change(admin, { id: wo.id, status: 'EN_ROUTE' });
    expect((await reload(wo.id)).respondedAt).toEqual(first);
  });

  it.each(['DISPATCHED', 'EN_ROUTE', 'ARRIVED', 'IN_PROGRESS'] as const)(
    'should count moving to %s as the response',
    async (to) => {
      const from = STATUSES.find((s) => TRANSITIONS[s].includes(to) && s !== 'ON_HOLD')!;
      const wo = await jobIn(to === 'IN_PROGRESS' ? 'ON_HOLD' : from);
      await change(admin, { id: wo.id, status: to });
      expect((await reload(wo.id)).respondedAt).toBeInstanceOf(Date);
    },
  );

  it('should not count scheduling or holding as a response', async () => {
    const wo = await jobIn('NEW');
    await change(admin, { id: wo.id, status: 'SCHEDULED' });
    await change(admin, { id: wo.id, status: 'ON_HOLD', reason: 'Customer away' });
    expect((await reload(wo.id)).respondedAt).toBeNull();
  });

  it('should record start and completion times', async () => {
    const wo = await jobIn('ARRIVED');
    await change(admin, { id: wo.id, status: 'IN_PROGRESS' });
    await change(admin, { id: wo.id, status: 'COMPLETED' });
    const row = await reload(wo.id);
    expect(row.startedAt).toBeInstanceOf(Date);
    expect(row.completedAt!.getTime()).toBeGreaterThanOrEqual(row.startedAt!.getTime());
  });

  it('should stop running timers when the job is completed', async () => {
    const wo = await jobIn('IN_PROGRESS');
    const entry = await h.db.workOrderTimeEntry.create({
      data: { organizationId: org, workOrderId: wo.id, startedAt: new Date(Date.now() - 60_000) },
    });
    await change(admin, { id: wo.id, status: 'COMPLETED' });
    const stopped = await h.db.workOrderTimeEntry.findFirstOrThrow({
      where: { organizationId: org, id: entry.id },
    });
    expect(stopped.endedAt).toEqual((await reload(wo.id)).completedAt);
  });

  describe('technicians', () => {
    let tech: Awaited<ReturnType<typeof createTechnicianUser>>;
    beforeAll(async () => {
      tech = await createTechnicianUser(h.db, org);
    });
    const ownJob = (status: WorkOrderStatus) => jobIn(status, { technicianId: tech.technician.id });

    it.each(PAIRS.filter((p) => p.allowed && TECHNICIAN_STATUSES.has(p.to)))(
      'should let a technician move their own job $from → $to',
      async ({ from, to }) => {
        const wo = await ownJob(from);
        const { error } = await change(tech.actor, { id: wo.id, status: to, reason: 'r' });
        expect(error).toBeNull();
      },
    );

    it.each(PAIRS.filter((p) => p.allowed && !TECHNICIAN_STATUSES.has(p.to)))(
      'should keep $from → $to for dispatch when a technician tries it on their own job',
      async ({ from, to }) => {
        const wo = await ownJob(from);
        const { error } = await change(tech.actor, { id: wo.id, status: to, reason: 'r' });
        expect(error).toMatchObject({ code: 'FORBIDDEN', reason: 'STATUS_RESERVED_FOR_DISPATCH' });
        expect(await eventsOf(h.db, wo.id)).toHaveLength(0);
      },
    );

    it("should answer NOT_FOUND when a technician moves someone else's job or an unassigned one", async () => {
      for (const wo of [
        await jobIn('DISPATCHED'),
        await jobIn('DISPATCHED', { technicianId: null }),
      ]) {
        const { error } = await change(tech.actor, { id: wo.id, status: 'EN_ROUTE' });
        expect(error?.code).toBe('NOT_FOUND');
        expect(await reload(wo.id)).toMatchObject({ status: 'DISPATCHED', version: 1 });
      }
    });

    it('should not let a technician edit a work order', async () => {
      const wo = await ownJob('DISPATCHED');
      const { error } = await gql(h, tech.actor, UPDATE_WORK_ORDER, {
        id: wo.id,
        input: { title: 'Mine now' },
      });
      expect(error?.code).toBe('FORBIDDEN');
    });
  });

  it('should answer CONFLICT and write nothing when the expected version is stale', async () => {
    const wo = await jobIn('SCHEDULED', { version: 3 });
    const { error } = await change(admin, { id: wo.id, status: 'DISPATCHED', expectedVersion: 2 });
    expect(error).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_CONFLICT' });
    expect(await eventsOf(h.db, wo.id)).toHaveLength(0);
    const ok = await change(admin, { id: wo.id, status: 'DISPATCHED', expectedVersion: 3 });
    expect(ok.data.changeWorkOrderStatus.version).toBe(4);
  });

  it('should let exactly one of two simultaneous changes win', async () => {
    const wo = await jobIn('SCHEDULED');
    const results = await Promise.all([
      change(admin, { id: wo.id, status: 'DISPATCHED', expectedVersion: 1 }),
      change(admin, { id: wo.id, status: 'ON_HOLD', reason: 'Wait', expectedVersion: 1 }),
    ]);
    expect(results.filter((r) => r.error === null)).toHaveLength(1);
    expect(results.filter((r) => r.error?.code === 'CONFLICT')).toHaveLength(1);
    expect(await eventsOf(h.db, wo.id)).toHaveLength(1);
    expect((await reload(wo.id)).version).toBe(2);
  });

  it.each(['COMPLETED', 'CANCELLED'] as const)(
    'should answer CONFLICT and write nothing when a %s work order is edited',
    async (status) => {
      const wo = await jobIn(status);
      const { error } = await gql(h, admin, UPDATE_WORK_ORDER, {
        id: wo.id,
        input: { title: 'Too late' },
      });
      expect(error).toMatchObject({ code: 'CONFLICT', reason: 'WORK_ORDER_CLOSED' });
      expect(await reload(wo.id)).toMatchObject({ title: 'Replace the valve', version: 1 });
      expect(await eventsOf(h.db, wo.id)).toHaveLength(0);
    },
  );

  it("should answer NOT_FOUND when another organization's user moves the job", async () => {
    const wo = await jobIn('SCHEDULED');
    const { error } = await change(staffActor(otherOrg, ['ADMIN']), {
      id: wo.id,
      status: 'DISPATCHED',
    });
    expect(error?.code).toBe('NOT_FOUND');
    expect(await eventsOf(h.db, wo.id)).toHaveLength(0);
  });

  it('should leave the work order unchanged when its event cannot be written', async () => {
    const wo = await jobIn('SCHEDULED');
    const service = new WorkOrderService(outboxDown(h.db));
    await expect(service.changeStatus(admin, { id: wo.id, status: 'DISPATCHED' })).rejects.toThrow(
      'outbox down',
    );
    expect(await reload(wo.id)).toMatchObject({
      status: 'SCHEDULED',
      version: 1,
      respondedAt: null,
    });
  });
});

/** The client with an outbox that fails inside every transaction. */
function outboxDown(db: Db): Db {
  const failing = (tx: object) =>
    new Proxy(tx, {
      get: (target, prop) =>
        prop === '$executeRawUnsafe'
          ? () => Promise.reject(new Error('outbox down'))
          : Reflect.get(target, prop),
    });
  return new Proxy(db, {
    get: (target, prop) =>
      prop === '$transaction'
        ? (fn: (tx: object) => Promise<unknown>) => target.$transaction((tx) => fn(failing(tx)))
        : Reflect.get(target, prop),
  }) as Db;
}
