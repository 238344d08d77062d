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

const VENDOR_FIELDS = `id name email phone baseLat baseLng serviceRadiusKm active
  offers { serviceTypeId leadTimeHours price { amountMinor currency } serviceType { id name } }
  availability { weekday startMin endMin }`;
const CREATE = `mutation ($input: CreateVendorInput!) { createVendor(input: $input) { ${VENDOR_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateVendorInput!) { updateVendor(id: $id, input: $input) { ${VENDOR_FIELDS} } }`;
const OFFERS = `mutation ($id: ID!, $offers: [VendorOfferInput!]!) { setVendorOffers(id: $id, offers: $offers) { ${VENDOR_FIELDS} } }`;
const WINDOWS = `mutation ($id: ID!, $windows: [VendorWindowInput!]!) { setVendorAvailability(id: $id, windows: $windows) { ${VENDOR_FIELDS} } }`;
const QUALITY = `query ($id: ID!) { vendor(id: $id) { quality {
  score jobs onTimeRate averageRating reworkRate explanation
  factors { name value weight contribution explanation } } } }`;

describe('operations subgraph: vendors', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  let sqlLog: string[] = [];
  const orgA = randomUUID();
  const orgB = randomUUID();
  const admin = staffActor(orgA, ['ADMIN']);
  const dispatcher = staffActor(orgA, ['DISPATCHER']);
  const otherTenant = staffActor(orgB, ['ADMIN']);
  let plumbingId: string;
  let paintingId: string;
  let foreignTypeId: string;
  let woNumber = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    sub = await startTestSubgraph(operationsSubgraph, database, {
      onQuery: (sql) => sqlLog.push(sql),
    });
    await sub.db.organization.createMany({
      data: [
        { id: orgA, name: 'A', slug: `a-${orgA}`, kind: 'FIELD_SERVICE' },
        { id: orgB, name: 'B', slug: `b-${orgB}`, kind: 'FIELD_SERVICE' },
      ],
    });
    const type = (organizationId: string, name: string) =>
      sub.db.serviceType.create({ data: { organizationId, name } }).then((t) => t.id);
    plumbingId = await type(orgA, 'Plumbing');
    paintingId = await type(orgA, 'Painting');
    foreignTypeId = await type(orgB, 'Plumbing');
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  const createVendor = async (name: string, extra: Record<string, unknown> = {}) => {
    const res = await callSubgraph(sub.url, admin, CREATE, { input: { name, ...extra } });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.createVendor as { id: string; name: string };
  };

  /** A work order row written directly, as the work order area would have left it. */
  const workOrder = (organizationId: string, data: Record<string, unknown>) =>
    sub.db.workOrder.create({
      data: {
        organizationId,
        number: ++woNumber,
        kind: 'FIELD_JOB',
        title: `Job ${woNumber}`,
        status: 'COMPLETED',
        ...data,
      },
    });

  it('should create a vendor with its service area and write a VendorCreated event when the input is valid', async () => {
    const vendor = await createVendor('  Quick Plumbers  ', {
      email: 'jobs@quick.test',
      phone: '+49 30 1234567',
      baseLat: 52.52,
      baseLng: 13.405,
      serviceRadiusKm: 25,
    });
    expect(vendor).toMatchObject({
      name: 'Quick Plumbers',
      email: 'jobs@quick.test',
      serviceRadiusKm: 25,
      active: true,
      offers: [],
      availability: [],
    });
    const events = await sub.db.$queryRawUnsafe<{ type: string }[]>(
      `SELECT type FROM operations.outbox WHERE "entityId" = $1::uuid`,
      vendor.id,
    );
    expect(events.map((e) => e.type)).toEqual(['VendorCreated']);
  });

  it('should answer NOT_FOUND, not a server error, when an id is not a UUID', async () => {
    const vendor = await callSubgraph(sub.url, admin, `{ vendor(id: "not-a-uuid") { id } }`);
    expect(vendor.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const item = await callSubgraph(
      sub.url,
      admin,
      `mutation { setChecklistItemDone(id: "42", done: true) { id } }`,
    );
    expect(item.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('should answer BAD_USER_INPUT with a readable message when the name or email is invalid', async () => {
    const short = await callSubgraph(sub.url, admin, CREATE, { input: { name: 'x' } });
    expect(short.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(short.body.errors?.[0]?.message).toBe('Give a name of 2 to 80 characters');
    const email = await callSubgraph(sub.url, admin, CREATE, {
      input: { name: 'Mail Co', email: 'not-an-email' },
    });
    expect(email.body.errors?.[0]?.message).toBe('Give a valid email address');
    expect(await sub.db.vendor.count({ where: { organizationId: orgA, name: 'Mail Co' } })).toBe(0);
  });

  it('should refuse a service radius without a base and a latitude without a longitude', async () => {
    const radius = await callSubgraph(sub.url, admin, CREATE, {
      input: { name: 'Radius Only', serviceRadiusKm: 10 },
    });
    expect(radius.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_SERVICE_AREA',
      field: 'serviceRadiusKm',
    });
    const half = await callSubgraph(sub.url, admin, CREATE, {
      input: { name: 'Half Base', baseLat: 50 },
    });
    expect(half.body.errors?.[0]?.message).toBe('Give the base latitude and longitude together');
    const far = await callSubgraph(sub.url, admin, CREATE, {
      input: { name: 'Far Out', baseLat: 95, baseLng: 0 },
    });
    expect(far.body.errors?.[0]?.message).toBe('Latitude must be between -90 and 90');
  });

  it('should answer CONFLICT when another vendor already has the name in any letter case', async () => {
    await createVendor('Sparkle Cleaning');
    const dup = await callSubgraph(sub.url, admin, CREATE, { input: { name: 'sparkle cleaning' } });
    expect(dup.body.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'VENDOR_NAME_TAKEN',
    });
    // The same name in another organization is fine.
    const other = await callSubgraph(sub.url, otherTenant, CREATE, {
      input: { name: 'Sparkle Cleaning' },
    });
    expect(other.body.errors).toBeUndefined();
  });

  it('should update given fields, clear fields set to null and keep the others', async () => {
    const vendor = await createVendor('Update Me', { phone: '030 555 0101', email: 'a@b.test' });
    const res = await callSubgraph(sub.url, admin, UPDATE, {
      id: vendor.id,
      input: { name: 'Updated Co', phone: null },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.updateVendor).toMatchObject({
      name: 'Updated Co',
      phone: null,
      email: 'a@b.test',
    });
  });

  it('should answer NOT_FOUND when another tenant reads or changes the vendor', async () => {
    const vendor = await createVendor('Private Vendor');
    const read = await callSubgraph(
      sub.url,
      otherTenant,
      'query ($id: ID!) { vendor(id: $id) { id } }',
      {
        id: vendor.id,
      },
    );
    expect(read.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const write = await callSubgraph(sub.url, otherTenant, UPDATE, {
      id: vendor.id,
      input: { name: 'Hijacked' },
    });
    expect(write.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const ref = await callSubgraph(
      sub.url,
      otherTenant,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Vendor { id name } } }`,
      { reps: [{ __typename: 'Vendor', id: vendor.id }] },
    );
    expect((ref.body.data as { _entities: unknown[] })._entities).toEqual([null]);
    expect(
      (await sub.db.vendor.findFirst({ where: { id: vendor.id, organizationId: orgA } }))?.name,
    ).toBe('Private Vendor');
  });

  it('should refuse vendor changes when the actor is a dispatcher', async () => {
    const res = await callSubgraph(sub.url, dispatcher, CREATE, { input: { name: 'Nope Co' } });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('should replace the offers with priced service types when they are valid', async () => {
    const vendor = await createVendor('Offer Co');
    const first = await callSubgraph(sub.url, admin, OFFERS, {
      id: vendor.id,
      offers: [
        { serviceTypeId: plumbingId, priceMinor: 9000, currency: 'EUR', leadTimeHours: 4 },
        { serviceTypeId: paintingId, priceMinor: 0, currency: 'EUR' },
      ],
    });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.setVendorOffers.offers).toEqual([
      {
        serviceTypeId: paintingId,
        leadTimeHours: 24,
        price: { amountMinor: 0, currency: 'EUR' },
        serviceType: { id: paintingId, name: 'Painting' },
      },
      {
        serviceTypeId: plumbingId,
        leadTimeHours: 4,
        price: { amountMinor: 9000, currency: 'EUR' },
        serviceType: { id: plumbingId, name: 'Plumbing' },
      },
    ]);
    const replaced = await callSubgraph(sub.url, admin, OFFERS, {
      id: vendor.id,
      offers: [{ serviceTypeId: plumbingId, priceMinor: 9500, currency: 'USD' }],
    });
    expect(replaced.body.data!.setVendorOffers.offers).toHaveLength(1);
    expect(replaced.body.data!.setVendorOffers.offers[0].price).toEqual({
      amountMinor: 9500,
      currency: 'USD',
    });
  });

  it('should refuse offers with a negative price, a bad currency, a repeated or unknown service type', async () => {
    const vendor = await createVendor('Bad Offer Co');
    const call = (offers: Record<string, unknown>[]) =>
      callSubgraph(sub.url, admin, OFFERS, { id: vendor.id, offers });
    const negative = await call([{ serviceTypeId: plumbingId, priceMinor: -1, currency: 'EUR' }]);
    expect(negative.body.errors?.[0]?.message).toBe('Prices cannot be negative');
    const currency = await call([{ serviceTypeId: plumbingId, priceMinor: 1, currency: 'euro' }]);
    expect(currency.body.errors?.[0]?.message).toBe('Currency must be a 3-letter ISO code');
    const twice = await call([
      { serviceTypeId: plumbingId, priceMinor: 1, currency: 'EUR' },
      { serviceTypeId: plumbingId, priceMinor: 2, currency: 'EUR' },
    ]);
    expect(twice.body.errors?.[0]?.extensions?.reason).toBe('DUPLICATE_OFFER');
    // Another organization's service type does not exist here.
    const foreign = await call([{ serviceTypeId: foreignTypeId, priceMinor: 1, currency: 'EUR' }]);
    expect(foreign.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'SERVICE_TYPE_NOT_FOUND',
    });
    expect(
      await sub.db.vendorOffer.count({ where: { organizationId: orgA, vendorId: vendor.id } }),
    ).toBe(0);
  });

  it('should store availability windows sorted and refuse invalid or overlapping ones', async () => {
    const vendor = await createVendor('Window Co');
    const call = (windows: Record<string, unknown>[]) =>
      callSubgraph(sub.url, admin, WINDOWS, { id: vendor.id, windows });
    const ok = await call([
      { weekday: 2, startMin: 780, endMin: 1020 },
      { weekday: 1, startMin: 480, endMin: 720 },
      { weekday: 2, startMin: 480, endMin: 720 },
      { weekday: 7, startMin: 0, endMin: 1440 },
    ]);
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data!.setVendorAvailability.availability).toEqual([
      { weekday: 1, startMin: 480, endMin: 720 },
      { weekday: 2, startMin: 480, endMin: 720 },
      { weekday: 2, startMin: 780, endMin: 1020 },
      { weekday: 7, startMin: 0, endMin: 1440 },
    ]);
    const weekday = await call([{ weekday: 8, startMin: 0, endMin: 60 }]);
    expect(weekday.body.errors?.[0]?.message).toBe('Weekday must be 1 (Monday) to 7 (Sunday)');
    const backwards = await call([{ weekday: 1, startMin: 600, endMin: 600 }]);
    expect(backwards.body.errors?.[0]?.extensions?.reason).toBe('INVALID_AVAILABILITY_WINDOW');
    const overlap = await call([
      { weekday: 3, startMin: 480, endMin: 720 },
      { weekday: 3, startMin: 700, endMin: 900 },
    ]);
    expect(overlap.body.errors?.[0]?.message).toBe(
      'Windows overlap on Wednesday: 08:00–12:00 and 11:40–15:00',
    );
    // Refused changes keep the previous windows.
    expect(
      await sub.db.vendorAvailability.count({
        where: { organizationId: orgA, vendorId: vendor.id },
      }),
    ).toBe(4);
  });

  it('should list active vendors by name, filtered by search and service type, and hide inactive ones unless asked', async () => {
    const a = await createVendor('List Alpha', { email: 'alpha@list.test' });
    const b = await createVendor('List Beta');
    await createVendor('List Gamma');
    await callSubgraph(sub.url, admin, OFFERS, {
      id: b.id,
      offers: [{ serviceTypeId: paintingId, priceMinor: 100, currency: 'EUR' }],
    });
    const off = await callSubgraph(
      sub.url,
      admin,
      'mutation ($id: ID!) { setVendorActive(id: $id, active: false) { active } }',
      { id: a.id },
    );
    expect(off.body.data!.setVendorActive.active).toBe(false);
    const q = `query ($search: String, $type: ID, $all: Boolean, $after: String) {
      vendors(first: 2, search: $search, serviceTypeId: $type, includeInactive: $all, after: $after) {
        nodes { name } pageInfo { hasNextPage endCursor } totalCount } }`;
    const names = async (vars: Record<string, unknown>) =>
      (
        (await callSubgraph(sub.url, dispatcher, q, vars)).body.data!.vendors.nodes as {
          name: string;
        }[]
      ).map((n) => n.name);
    expect(await names({ search: 'list' })).toEqual(['List Beta', 'List Gamma']);
    expect(await names({ search: 'list', all: true })).toEqual(['List Alpha', 'List Beta']);
    expect(await names({ search: 'alpha@', all: true })).toEqual(['List Alpha']);
    expect(await names({ search: 'list', type: paintingId })).toEqual(['List Beta']);
    const page1 = (await callSubgraph(sub.url, dispatcher, q, { search: 'list', all: true })).body
      .data!.vendors;
    expect(page1.totalCount).toBe(3);
    expect(await names({ search: 'list', all: true, after: page1.pageInfo.endCursor })).toEqual([
      'List Gamma',
    ]);
  });

  it('should score quality from on-time, rated and reworked completed orders, with the factors shown', async () => {
    const vendor = await createVendor('Quality Co');
    const t = Date.parse('2026-03-02T10:00:00Z');
    const at = (hours: number) => new Date(t + hours * 3_600_000);
    const v = { vendorId: vendor.id };
    await workOrder(orgA, { ...v, slaDueAt: at(2), completedAt: at(1), customerRating: 5 });
    const late = await workOrder(orgA, {
      ...v,
      slaDueAt: at(1),
      completedAt: at(3),
      customerRating: 3,
    });
    await workOrder(orgA, { ...v, windowEnd: at(5), completedAt: at(4), customerRating: 4 });
    await workOrder(orgA, { ...v, completedAt: at(6) });
    // Not counted: not completed, or another organization's rows.
    await workOrder(orgA, { ...v, status: 'CANCELLED', slaDueAt: at(1), customerRating: 1 });
    await workOrder(orgA, { ...v, status: 'IN_PROGRESS' });
    await workOrder(orgB, { ...v, slaDueAt: at(1), completedAt: at(9), customerRating: 1 });
    // The late job had to be redone.
    await workOrder(orgA, { status: 'NEW', reworkOfId: late.id });

    const res = await callSubgraph(sub.url, admin, QUALITY, { id: vendor.id });
    expect(res.body.errors).toBeUndefined();
    const quality = res.body.data!.vendor.quality;
    expect(quality).toMatchObject({
      score: 72,
      jobs: 4,
      onTimeRate: 0.6667,
      averageRating: 4,
      reworkRate: 0.25,
    });
    expect(quality.factors).toEqual([
      {
        name: 'On time',
        value: 0.6667,
        weight: 0.4,
        contribution: 26.7,
        explanation: '2 of 3 jobs on time',
      },
      {
        name: 'Customer rating',
        value: 0.75,
        weight: 0.4,
        contribution: 30,
        explanation: 'Average rating 4.0 of 5 from 3 ratings',
      },
      {
        name: 'No rework',
        value: 0.75,
        weight: 0.2,
        contribution: 15,
        explanation: '1 of 4 jobs needed rework',
      },
    ]);
    expect(quality.explanation).toBe(
      'Score 72 from 4 jobs completed: 2 of 3 jobs on time, average rating 4.0 of 5 from 3 ratings, 1 of 4 jobs needed rework',
    );
  });

  it('should renormalise the weights when factors have no data and give no score without completed jobs', async () => {
    const unrated = await createVendor('Unrated Co');
    await workOrder(orgA, { vendorId: unrated.id, completedAt: new Date() });
    const fresh = await createVendor('Fresh Co');
    const q = async (id: string) =>
      (await callSubgraph(sub.url, admin, QUALITY, { id })).body.data!.vendor.quality;
    expect(await q(unrated.id)).toMatchObject({
      score: 100,
      jobs: 1,
      onTimeRate: null,
      averageRating: null,
      factors: [{ name: 'No rework', weight: 1, contribution: 100 }],
    });
    expect(await q(fresh.id)).toEqual({
      score: null,
      jobs: 0,
      onTimeRate: null,
      averageRating: null,
      reworkRate: null,
      factors: [],
      explanation: 'No completed jobs yet, so there is no score',
    });
  });

  it('should compute the quality of a whole vendor list with one aggregate query', async () => {
    sqlLog = [];
    const res = await callSubgraph(
      sub.url,
      admin,
      '{ vendors(first: 50, includeInactive: true) { nodes { name quality { score } } } }',
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.vendors.nodes.length).toBeGreaterThan(5);
    expect(sqlLog.filter((s) => s.includes('"withDeadline"'))).toHaveLength(1);
  });

  it('should resolve WorkOrder.vendor for work orders done by a vendor in one query', async () => {
    const vendor = await createVendor('Assigned Co');
    const orders = [
      await workOrder(orgA, { vendorId: vendor.id, status: 'NEW' }),
      await workOrder(orgA, { vendorId: vendor.id, status: 'NEW' }),
      await workOrder(orgA, { status: 'NEW' }),
    ];
    sqlLog = [];
    const res = await callSubgraph(
      sub.url,
      admin,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on WorkOrder { id vendor { name } } } }`,
      { reps: orders.map((o) => ({ __typename: 'WorkOrder', id: o.id })) },
    );
    expect(res.body.errors).toBeUndefined();
    expect((res.body.data as { _entities: unknown[] })._entities).toEqual([
      { id: orders[0]!.id, vendor: { name: 'Assigned Co' } },
      { id: orders[1]!.id, vendor: { name: 'Assigned Co' } },
      { id: orders[2]!.id, vendor: null },
    ]);
    expect(sqlLog.filter((s) => /FROM "operations"\."vendor"/.test(s))).toHaveLength(1);
  });
});
