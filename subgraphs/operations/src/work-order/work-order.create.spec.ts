import { staffActor } from '@attendant/testing';
import {
  CREATE_WORK_ORDER,
  UPDATE_WORK_ORDER,
  createOrganization,
  createServiceType,
  createTeam,
  createTechnician,
  createVendor,
  eventsOf,
  gql,
  insertWorkOrder,
  startHarness,
  type Harness,
} from './work-order.fixtures';

const MINUTE = 60_000;

describe('createWorkOrder and updateWorkOrder with the catalog, SLAs and assignees', () => {
  let h: Harness;
  let org: string;
  let otherOrg: string;
  let admin: ReturnType<typeof staffActor>;

  beforeAll(async () => {
    h = await startHarness();
    org = await createOrganization(h.db, { currency: 'EUR' });
    otherOrg = await createOrganization(h.db);
    admin = staffActor(org, ['ADMIN']);
  });
  afterAll(() => h.stop());

  const create = (input: Record<string, unknown>) =>
    gql(h, admin, CREATE_WORK_ORDER, { input: { kind: 'FIELD_JOB', title: 'Fix it', ...input } });
  const countOrders = () => h.db.workOrder.count({ where: { organizationId: org } });

  it('should take duration, price and checklist from the service type when the input leaves them out', async () => {
    const type = await createServiceType(h.db, org, {
      defaultMinutes: 90,
      priceMinor: 15000,
      currency: 'EUR',
      checklist: ['Shut off water', 'Replace valve', 'Test pressure'],
    });
    const { data, error } = await create({ serviceTypeId: type.id });
    expect(error).toBeNull();
    expect(data.createWorkOrder).toMatchObject({
      estimatedMinutes: 90,
      price: { amountMinor: 15000, currency: 'EUR' },
    });
    const items = await h.db.workOrderChecklistItem.findMany({
      where: { organizationId: org, workOrderId: data.createWorkOrder.id },
      orderBy: { position: 'asc' },
    });
    expect(items.map((i) => [i.position, i.label, i.done])).toEqual([
      [0, 'Shut off water', false],
      [1, 'Replace valve', false],
      [2, 'Test pressure', false],
    ]);
    const row = await h.db.workOrder.findFirstOrThrow({
      where: { organizationId: org, id: data.createWorkOrder.id },
    });
    expect(row.serviceTypeId).toBe(type.id);
  });

  it('should keep the given duration and price when the service type has its own', async () => {
    const type = await createServiceType(h.db, org, {
      defaultMinutes: 90,
      priceMinor: 15000,
      currency: 'EUR',
    });
    const { data } = await create({
      serviceTypeId: type.id,
      estimatedMinutes: 30,
      priceMinor: 999,
      currency: 'USD',
    });
    expect(data.createWorkOrder).toMatchObject({
      estimatedMinutes: 30,
      price: { amountMinor: 999, currency: 'USD' },
    });
  });

  it('should default the duration to 60 minutes and leave the price empty when there is no type', async () => {
    const { data } = await create({});
    expect(data.createWorkOrder).toMatchObject({ estimatedMinutes: 60, price: null });
    expect(
      await h.db.workOrderChecklistItem.count({
        where: { organizationId: org, workOrderId: data.createWorkOrder.id },
      }),
    ).toBe(0);
  });

  it('should set response and resolution targets from the most specific SLA policy when no deadline is given', async () => {
    const type = await createServiceType(h.db, org);
    await h.db.slaPolicy.createMany({
      data: [
        { organizationId: org, name: 'Catch-all', responseMinutes: 600, resolutionMinutes: 6000 },
        {
          organizationId: org,
          name: 'Urgent boilers',
          serviceTypeId: type.id,
          priority: 'HIGH',
          responseMinutes: 30,
          resolutionMinutes: 240,
        },
      ],
    });
    const policy = await h.db.slaPolicy.findFirstOrThrow({
      where: { organizationId: org, name: 'Urgent boilers' },
    });
    const { data } = await create({ serviceTypeId: type.id, priority: 'HIGH' });
    const row = await h.db.workOrder.findFirstOrThrow({
      where: { organizationId: org, id: data.createWorkOrder.id },
    });
    expect(row.slaPolicyId).toBe(policy.id);
    expect(row.responseDueAt!.getTime() - row.createdAt.getTime()).toBe(30 * MINUTE);
    expect(row.slaDueAt!.getTime() - row.createdAt.getTime()).toBe(240 * MINUTE);
    expect(data.createWorkOrder.slaDueAt).toBe(row.slaDueAt!.toISOString());
  });

  it('should keep a given deadline and set no response target when slaDueAt is in the input', async () => {
    const slaDueAt = new Date(Date.now() + 3 * 3600_000);
    const { data } = await create({ slaDueAt: slaDueAt.toISOString() });
    const row = await h.db.workOrder.findFirstOrThrow({
      where: { organizationId: org, id: data.createWorkOrder.id },
    });
    expect(row.slaDueAt).toEqual(slaDueAt);
    expect(row.responseDueAt).toBeNull();
    expect(row.slaPolicyId).toBeNull();
  });

  it('should store vendor, team and the reworked order when they exist in the organization', async () => {
    const vendor = await createVendor(h.db, org);
    const team = await createTeam(h.db, org);
    const earlier = await insertWorkOrder(h.db, org, { status: 'COMPLETED' });
    const { data, error } = await create({
      vendorId: vendor.id,
      teamId: team.id,
      reworkOfId: earlier.id,
    });
    expect(error).toBeNull();
    const row = await h.db.workOrder.findFirstOrThrow({
      where: { organizationId: org, id: data.createWorkOrder.id },
    });
    expect(row).toMatchObject({ vendorId: vendor.id, teamId: team.id, reworkOfId: earlier.id });
  });

  it('should answer BAD_USER_INPUT and write nothing when both a technician and a vendor are given', async () => {
    const technician = await createTechnician(h.db, org);
    const vendor = await createVendor(h.db, org);
    const before = await countOrders();
    const { error } = await create({ technicianId: technician.id, vendorId: vendor.id });
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TECHNICIAN_OR_VENDOR' });
    expect(error!.message).toMatch(/technician or to a vendor, not both/);
    expect(await countOrders()).toBe(before);
  });

  it.each([
    ['serviceTypeId', 'SERVICE_TYPE_NOT_FOUND'],
    ['vendorId', 'VENDOR_NOT_FOUND'],
    ['teamId', 'TEAM_NOT_FOUND'],
    ['technicianId', 'TECHNICIAN_NOT_FOUND'],
    ['reworkOfId', 'REWORK_OF_NOT_FOUND'],
  ])(
    'should answer NOT_FOUND and write nothing when %s belongs to another organization',
    async (field, reason) => {
      const theirs = {
        serviceTypeId: async () => (await createServiceType(h.db, otherOrg)).id,
        vendorId: async () => (await createVendor(h.db, otherOrg)).id,
        teamId: async () => (await createTeam(h.db, otherOrg)).id,
        technicianId: async () => (await createTechnician(h.db, otherOrg)).id,
        reworkOfId: async () => (await insertWorkOrder(h.db, otherOrg)).id,
      }[field]!;
      const before = await countOrders();
      const { error } = await create({ [field]: await theirs() });
      expect(error).toMatchObject({ code: 'NOT_FOUND', reason });
      expect(await countOrders()).toBe(before);
    },
  );

  it('should refuse a service type that is no longer offered', async () => {
    const type = await createServiceType(h.db, org, { active: false, name: 'Retired service' });
    const { error } = await create({ serviceTypeId: type.id });
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SERVICE_TYPE_INACTIVE' });
    expect(error!.message).toMatch(/Retired service/);
  });

  it('should write the new fields into the WorkOrderCreated payload and keep the existing ones', async () => {
    const type = await createServiceType(h.db, org);
    const team = await createTeam(h.db, org);
    const siteId = '6f1f7c1e-2a41-4c5e-9d2b-1b7e8f0a9c3d';
    const windowStart = new Date('2031-05-01T08:00:00Z');
    const windowEnd = new Date('2031-05-01T12:00:00Z');
    const scheduledStart = new Date('2031-05-01T09:00:00Z');
    const { data } = await create({
      serviceTypeId: type.id,
      teamId: team.id,
      siteId,
      windowStart,
      windowEnd,
      scheduledStart,
      estimatedMinutes: 45,
      slaDueAt: new Date('2031-05-02T00:00:00Z'),
      priceMinor: 100,
      currency: 'EUR',
    });
    const [event] = await eventsOf(h.db, data.createWorkOrder.id);
    expect(event).toMatchObject({
      type: 'WorkOrderCreated',
      payload: {
        number: data.createWorkOrder.number,
        title: 'Fix it',
        status: 'NEW',
        kind: 'FIELD_JOB',
        priority: 'NORMAL',
        technicianId: null,
        guestId: null,
        roomId: null,
        reservationId: null,
        priceMinor: 100,
        currency: 'EUR',
        estimatedMinutes: 45,
        version: 1,
        serviceTypeId: type.id,
        vendorId: null,
        teamId: team.id,
        siteId,
        windowStart: windowStart.toISOString(),
        windowEnd: windowEnd.toISOString(),
        scheduledStart: scheduledStart.toISOString(),
        scheduledEnd: '2031-05-01T09:45:00.000Z',
        slaDueAt: '2031-05-02T00:00:00.000Z',
        completedAt: null,
      },
    });
  });

  it('should hand a job from a technician to a vendor only when the technician is unassigned in the same update', async () => {
    const technician = await createTechnician(h.db, org);
    const vendor = await createVendor(h.db, org);
    const wo = await insertWorkOrder(h.db, org, { technicianId: technician.id });
    const both = await gql(h, admin, UPDATE_WORK_ORDER, {
      id: wo.id,
      input: { vendorId: vendor.id },
    });
    expect(both.error).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TECHNICIAN_OR_VENDOR' });
    const handed = await gql(h, admin, UPDATE_WORK_ORDER, {
      id: wo.id,
      input: { vendorId: vendor.id, technicianId: null },
    });
    expect(handed.error).toBeNull();
    const row = await h.db.workOrder.findFirstOrThrow({
      where: { organizationId: org, id: wo.id },
    });
    expect(row).toMatchObject({ vendorId: vendor.id, technicianId: null, version: 2 });
    const events = await eventsOf(h.db, wo.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ vendorId: vendor.id, technicianId: null });
  });

  it('should set and clear team and service type when updateWorkOrder gives them', async () => {
    const team = await createTeam(h.db, org);
    const type = await createServiceType(h.db, org);
    const wo = await insertWorkOrder(h.db, org);
    const set = await gql(h, admin, UPDATE_WORK_ORDER, {
      id: wo.id,
      input: { teamId: team.id, serviceTypeId: type.id },
    });
    expect(set.error).toBeNull();
    expect(
      await h.db.workOrder.findFirstOrThrow({ where: { organizationId: org, id: wo.id } }),
    ).toMatchObject({ teamId: team.id, serviceTypeId: type.id });
    await gql(h, admin, UPDATE_WORK_ORDER, {
      id: wo.id,
      input: { teamId: null, serviceTypeId: null },
    });
    expect(
      await h.db.workOrder.findFirstOrThrow({ where: { organizationId: org, id: wo.id } }),
    ).toMatchObject({ teamId: null, serviceTypeId: null });
  });

  it("should answer NOT_FOUND when updateWorkOrder names another organization's vendor, team or type", async () => {
    const wo = await insertWorkOrder(h.db, org);
    for (const input of [
      { vendorId: (await createVendor(h.db, otherOrg)).id },
      { teamId: (await createTeam(h.db, otherOrg)).id },
      { serviceTypeId: (await createServiceType(h.db, otherOrg)).id },
    ]) {
      const { error } = await gql(h, admin, UPDATE_WORK_ORDER, { id: wo.id, input });
      expect(error?.code).toBe('NOT_FOUND');
    }
    expect(await eventsOf(h.db, wo.id)).toHaveLength(0);
  });
});

describe('workOrders filters', () => {
  let h: Harness;
  let org: string;
  let admin: ReturnType<typeof staffActor>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness();
    org = await createOrganization(h.db);
    admin = staffActor(org, ['DISPATCHER']);
    const type = await createServiceType(h.db, org);
    const vendor = await createVendor(h.db, org);
    const team = await createTeam(h.db, org);
    const technician = await createTechnician(h.db, org);
    ids['type'] = type.id;
    ids['vendor'] = vendor.id;
    ids['team'] = team.id;
    ids['typed'] = (
      await insertWorkOrder(h.db, org, { title: 'typed', serviceTypeId: type.id })
    ).id;
    ids['vendored'] = (
      await insertWorkOrder(h.db, org, { title: 'vendored', vendorId: vendor.id })
    ).id;
    ids['teamed'] = (await insertWorkOrder(h.db, org, { title: 'teamed', teamId: team.id })).id;
    ids['assigned'] = (
      await insertWorkOrder(h.db, org, { title: 'assigned', technicianId: technician.id })
    ).id;
  });
  afterAll(() => h.stop());

  const titles = async (filter: Record<string, unknown>) => {
    const { data, error } = await gql(
      h,
      admin,
      'query ($filter: WorkOrderFilter) { workOrders(first: 50, filter: $filter) { nodes { title } } }',
      { filter },
    );
    expect(error).toBeNull();
    return data.workOrders.nodes.map((n: { title: string }) => n.title).sort();
  };

  it('should filter by service type, vendor and team', async () => {
    expect(await titles({ serviceTypeId: ids['type'] })).toEqual(['typed']);
    expect(await titles({ vendorId: ids['vendor'] })).toEqual(['vendored']);
    expect(await titles({ teamId: ids['team'] })).toEqual(['teamed']);
  });

  it('should list jobs with neither technician nor vendor when unassigned is true, and the others when false', async () => {
    expect(await titles({ unassigned: true })).toEqual(['teamed', 'typed']);
    expect(await titles({ unassigned: false })).toEqual(['assigned', 'vendored']);
  });

  it('should combine unassigned with a search', async () => {
    expect(await titles({ unassigned: true, search: 'team' })).toEqual(['teamed']);
  });
});

describe('createWorkOrder and updateWorkOrder booking a technician', () => {
  let h: Harness;
  let org: string;
  let admin: ReturnType<typeof staffActor>;
  // A Monday in the future, inside the default 08:00–17:00 shift (UTC organization).
  const monday = (time: string) => new Date(`2031-05-05T${time}:00.000Z`);

  beforeAll(async () => {
    h = await startHarness();
    org = await createOrganization(h.db);
    admin = staffActor(org, ['ADMIN']);
  });
  afterAll(() => h.stop());

  it('should refuse a double booking made through the work order form, and save nothing', async () => {
    const technician = await createTechnician(h.db, org, 'Olga Ortiz');
    const first = await gql(h, admin, CREATE_WORK_ORDER, {
      input: {
        kind: 'FIELD_JOB',
        title: 'Service the boiler',
        technicianId: technician.id,
        scheduledStart: monday('09:00'),
        estimatedMinutes: 90,
      },
    });
    expect(first.error).toBeNull();
    const before = await h.db.workOrder.count({ where: { organizationId: org } });
    const clash = await gql(h, admin, CREATE_WORK_ORDER, {
      input: {
        kind: 'FIELD_JOB',
        title: 'Bleed the radiators',
        technicianId: technician.id,
        scheduledStart: monday('10:00'),
        estimatedMinutes: 60,
      },
    });
    expect(clash.error?.code).toBe('CONFLICT');
    expect(clash.error?.message).toContain(`WO-${first.data.createWorkOrder.number}`);
    expect(await h.db.workOrder.count({ where: { organizationId: org } })).toBe(before);

    const free = await gql(h, admin, CREATE_WORK_ORDER, {
      input: { kind: 'FIELD_JOB', title: 'Bleed the radiators', estimatedMinutes: 60 },
    });
    const moved = await gql(h, admin, UPDATE_WORK_ORDER, {
      id: free.data.createWorkOrder.id,
      input: { technicianId: technician.id, scheduledStart: monday('09:30') },
    });
    expect(moved.error?.code).toBe('CONFLICT');
    const row = await h.db.workOrder.findFirstOrThrow({
      where: { id: free.data.createWorkOrder.id, organizationId: org },
    });
    expect(row).toMatchObject({ technicianId: null, scheduledStart: null, version: 1 });
    // A free slot is accepted.
    const ok = await gql(h, admin, UPDATE_WORK_ORDER, {
      id: free.data.createWorkOrder.id,
      input: { technicianId: technician.id, scheduledStart: monday('13:00') },
    });
    expect(ok.error).toBeNull();
  });

  it('should refuse to hand a job that is under way to someone else', async () => {
    const technician = await createTechnician(h.db, org);
    const other = await createTechnician(h.db, org, 'Pia Park');
    const job = await insertWorkOrder(h.db, org, {
      status: 'IN_PROGRESS',
      technicianId: technician.id,
    });
    const res = await gql(h, admin, UPDATE_WORK_ORDER, {
      id: job.id,
      input: { technicianId: other.id },
    });
    expect(res.error?.code).toBe('BAD_USER_INPUT');
    expect(res.error?.message).toMatch(/in progress: put it on hold/);
  });
});
