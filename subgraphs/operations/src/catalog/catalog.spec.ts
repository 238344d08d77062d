import {
  callSubgraph,
  createTestDatabase,
  staffActor,
  startTestSubgraph,
  type TestDatabase,
} from '@attendant/testing';
import type { RunningSubgraph } from '@attendant/kit';
import { randomUUID } from 'node:crypto';
import { operationsSubgraph } from '../index';
import { CatalogService } from './catalog.service';

const FIELDS = /* GraphQL */ `
  id
  name
  description
  kind
  defaultMinutes
  price {
    amountMinor
    currency
  }
  checklist
  requiredSkills {
    skill {
      id
      name
    }
    minLevel
  }
  active
`;
const CREATE = `mutation ($input: CreateServiceTypeInput!) { createServiceType(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateServiceTypeInput!) { updateServiceType(id: $id, input: $input) { ${FIELDS} } }`;
const SET_ACTIVE = `mutation ($id: ID!, $active: Boolean!) { setServiceTypeActive(id: $id, active: $active) { id active } }`;
const CREATE_SKILL = `mutation ($name: String!) { createSkill(name: $name) { id name } }`;
const GET = `query ($id: ID!) { serviceType(id: $id) { id name } }`;
const LIST = `query ($includeInactive: Boolean, $search: String) { serviceTypes(includeInactive: $includeInactive, search: $search) { name active } }`;
const ENTITIES = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on ServiceType { id name defaultMinutes } } }`;

describe('operations subgraph: service catalog', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  let sqlLog: string[] = [];
  const orgA = randomUUID();
  const orgB = randomUUID();
  const admin = staffActor(orgA, ['ADMIN']);
  const manager = staffActor(orgA, ['MANAGER']);
  const dispatcher = staffActor(orgA, ['DISPATCHER']);
  const technician = staffActor(orgA, ['TECHNICIAN']);
  const otherTenant = staffActor(orgB, ['ADMIN']);
  let plumbing: { id: string; name: string };
  let electrics: { id: string; name: string };
  let number = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    sub = await startTestSubgraph(operationsSubgraph, database, {
      onQuery: (sql) => sqlLog.push(sql),
    });
    await sub.db.organization.createMany({
      data: [
        { id: orgA, name: 'A', slug: `a-${orgA}`, kind: 'FIELD_SERVICE' },
        { id: orgB, name: 'B', slug: `b-${orgB}`, kind: 'HOTEL' },
      ],
    });
    plumbing = (await callSubgraph(sub.url, admin, CREATE_SKILL, { name: 'Plumbing' })).body.data!
      .createSkill;
    electrics = (await callSubgraph(sub.url, manager, CREATE_SKILL, { name: ' Electrics ' })).body
      .data!.createSkill;
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  const unique = (name: string) => `${name} ${randomUUID().slice(0, 6)}`;
  const create = (input: Record<string, unknown>, actor = admin) =>
    callSubgraph(sub.url, actor, CREATE, { input: { name: unique('Boiler service'), ...input } });
  const errorOf = (res: {
    body: { errors?: { message: string; extensions?: Record<string, unknown> }[] };
  }) => res.body.errors?.[0];

  describe('skills', () => {
    it('should list skills by name and trim new names when a manager creates one', async () => {
      expect(electrics.name).toBe('Electrics');
      const res = await callSubgraph(sub.url, technician, '{ skills { name } }');
      expect(res.body.data!.skills).toEqual([{ name: 'Electrics' }, { name: 'Plumbing' }]);
    });

    it('should answer CONFLICT when a skill name is taken in any letter case', async () => {
      const res = await callSubgraph(sub.url, admin, CREATE_SKILL, { name: 'plumbing' });
      expect(errorOf(res)?.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'SKILL_NAME_TAKEN',
      });
      const other = await callSubgraph(sub.url, otherTenant, CREATE_SKILL, { name: 'Plumbing' });
      expect(other.body.errors).toBeUndefined();
    });
  });

  describe('service types', () => {
    it('should create a service type with skills, checklist and price and write an event', async () => {
      const res = await create({
        name: '  Boiler   repair ',
        description: 'Annual check',
        kind: 'FIELD_JOB',
        defaultMinutes: 90,
        priceMinor: 12000,
        currency: 'EUR',
        checklist: [' Shut off gas ', 'Check pressure'],
        requiredSkills: [
          { skillId: plumbing.id, minLevel: 2 },
          { skillId: electrics.id, minLevel: 1 },
        ],
      });
      expect(res.body.errors).toBeUndefined();
      const type = res.body.data!.createServiceType;
      expect(type).toMatchObject({
        name: 'Boiler repair',
        description: 'Annual check',
        kind: 'FIELD_JOB',
        defaultMinutes: 90,
        price: { amountMinor: 12000, currency: 'EUR' },
        checklist: ['Shut off gas', 'Check pressure'],
        requiredSkills: [
          { skill: electrics, minLevel: 1 },
          { skill: plumbing, minLevel: 2 },
        ],
        active: true,
      });
      const events = await sub.db.$queryRawUnsafe<{ type: string }[]>(
        `SELECT type FROM operations.outbox WHERE "entityId" = $1::uuid`,
        type.id,
      );
      expect(events.map((e) => e.type)).toEqual(['ServiceTypeCreated']);
    });

    it('should default to 60 minutes, no price and no kind when only a name is given', async () => {
      const res = await create({ name: 'Towel delivery' });
      expect(res.body.data!.createServiceType).toMatchObject({
        defaultMinutes: 60,
        price: null,
        kind: null,
        checklist: [],
        requiredSkills: [],
      });
    });

    it.each([
      [{ name: 'x' }, /Give a name of 2 to 80 characters/],
      [{ name: 'y'.repeat(81) }, /Give a name of 2 to 80 characters/],
      [{ name: '   a   ' }, /name of 2 to 80 characters/],
      [{ defaultMinutes: 4 }, /5 to 1440 minutes/],
      [{ defaultMinutes: 1441 }, /5 to 1440 minutes/],
      [{ priceMinor: 500 }, /Give a price and its currency together/],
      [{ currency: 'EUR' }, /Give a price and its currency together/],
      [{ priceMinor: -1, currency: 'EUR' }, /Price cannot be negative/],
      [{ checklist: Array.from({ length: 31 }, (_, i) => `Step ${i}`) }, /at most 30 items/],
      [{ checklist: ['z'.repeat(201)] }, /at most 200 characters/],
      [{ checklist: ['ok', '  '] }, /Checklist item 2 must have 1 to 200 characters/],
      [{ requiredSkills: [{ skillId: randomUUID(), minLevel: 4 }] }, /level is 1 to 3/],
      [{ requiredSkills: [{ skillId: randomUUID(), minLevel: 0 }] }, /level is 1 to 3/],
    ])('should answer BAD_USER_INPUT when the input is invalid (%j)', async (input, message) => {
      const before = await sub.db.serviceType.count({ where: { organizationId: orgA } });
      const res = await create(input);
      expect(errorOf(res)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(errorOf(res)?.message).toMatch(message);
      expect(await sub.db.serviceType.count({ where: { organizationId: orgA } })).toBe(before);
    });

    it('should answer BAD_USER_INPUT when a skill is required twice', async () => {
      const res = await create({
        requiredSkills: [{ skillId: plumbing.id }, { skillId: plumbing.id, minLevel: 3 }],
      });
      expect(errorOf(res)?.message).toMatch(/only once/);
    });

    it('should answer NOT_FOUND when a required skill is unknown or belongs to another organization', async () => {
      const theirs = await sub.db.skill.create({ data: { organizationId: orgB, name: 'Theirs' } });
      for (const skillId of [randomUUID(), theirs.id]) {
        const res = await create({ requiredSkills: [{ skillId, minLevel: 1 }] });
        expect(errorOf(res)?.extensions).toMatchObject({
          code: 'NOT_FOUND',
          reason: 'SKILL_NOT_FOUND',
        });
      }
    });

    it('should answer CONFLICT with a clear message when the name is taken in any letter case', async () => {
      await create({ name: 'Window cleaning' });
      const res = await create({ name: 'WINDOW  cleaning' });
      expect(errorOf(res)?.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'SERVICE_TYPE_NAME_TAKEN',
      });
      expect(errorOf(res)?.message).toBe(
        'A service type named "Window cleaning" already exists; choose another name',
      );
      const otherOrg = await create({ name: 'Window cleaning' }, otherTenant);
      expect(otherOrg.body.errors).toBeUndefined();
    });

    it('should update only the given fields, replace skills and clear the price when asked', async () => {
      const type = (
        await create({
          priceMinor: 5000,
          currency: 'EUR',
          checklist: ['a'],
          requiredSkills: [{ skillId: plumbing.id, minLevel: 1 }],
        })
      ).body.data!.createServiceType;
      const res = await callSubgraph(sub.url, manager, UPDATE, {
        id: type.id,
        input: {
          defaultMinutes: 45,
          priceMinor: null,
          requiredSkills: [{ skillId: electrics.id, minLevel: 3 }],
        },
      });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.updateServiceType).toMatchObject({
        name: type.name,
        defaultMinutes: 45,
        price: null,
        checklist: ['a'],
        requiredSkills: [{ skill: electrics, minLevel: 3 }],
      });
      const clash = await create({ name: 'Clash target' });
      const rename = await callSubgraph(sub.url, admin, UPDATE, {
        id: type.id,
        input: { name: clash.body.data!.createServiceType.name },
      });
      expect(errorOf(rename)?.extensions?.code).toBe('CONFLICT');
      const sameName = await callSubgraph(sub.url, admin, UPDATE, {
        id: type.id,
        input: { name: type.name, currency: 'USD' },
      });
      expect(errorOf(sameName)?.message).toMatch(/price and its currency together/);
    });

    it('should hide inactive types unless asked and find types by name or description', async () => {
      const type = (await create({ name: unique('Pool cleaning'), description: 'Chlorine' })).body
        .data!.createServiceType;
      const off = await callSubgraph(sub.url, admin, SET_ACTIVE, { id: type.id, active: false });
      expect(off.body.data!.setServiceTypeActive).toEqual({ id: type.id, active: false });
      const active = await callSubgraph(sub.url, dispatcher, LIST, { search: 'pool' });
      expect(active.body.data!.serviceTypes).toEqual([]);
      const all = await callSubgraph(sub.url, dispatcher, LIST, {
        includeInactive: true,
        search: 'chlor',
      });
      expect(all.body.data!.serviceTypes).toEqual([{ name: type.name, active: false }]);
    });

    it('should answer NOT_FOUND when another organization reads or changes the service type', async () => {
      const type = (await create({})).body.data!.createServiceType;
      const read = await callSubgraph(sub.url, otherTenant, GET, { id: type.id });
      expect(errorOf(read)?.extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'SERVICE_TYPE_NOT_FOUND',
      });
      const update = await callSubgraph(sub.url, otherTenant, UPDATE, {
        id: type.id,
        input: { defaultMinutes: 30 },
      });
      expect(errorOf(update)?.extensions?.code).toBe('NOT_FOUND');
      const toggle = await callSubgraph(sub.url, otherTenant, SET_ACTIVE, {
        id: type.id,
        active: false,
      });
      expect(errorOf(toggle)?.extensions?.code).toBe('NOT_FOUND');
      const junk = await callSubgraph(sub.url, admin, GET, { id: 'not-a-uuid' });
      expect(errorOf(junk)?.extensions?.code).toBe('NOT_FOUND');
    });

    it('should answer FORBIDDEN when a technician or dispatcher creates a service type', async () => {
      for (const actor of [technician, dispatcher]) {
        const before = await sub.db.serviceType.count({ where: { organizationId: orgA } });
        const res = await create({}, actor);
        expect(errorOf(res)?.extensions?.code).toBe('FORBIDDEN');
        expect(await sub.db.serviceType.count({ where: { organizationId: orgA } })).toBe(before);
      }
      const skill = await callSubgraph(sub.url, technician, CREATE_SKILL, { name: 'Welding' });
      expect(errorOf(skill)?.extensions?.code).toBe('FORBIDDEN');
      const read = await callSubgraph(sub.url, technician, LIST, {});
      expect(read.body.errors).toBeUndefined();
    });
  });

  describe('for other areas', () => {
    it('should load a service type with its skills for its organization only', async () => {
      const type = (await create({ requiredSkills: [{ skillId: plumbing.id, minLevel: 2 }] })).body
        .data!.createServiceType;
      const catalog = new CatalogService(sub.db);
      const row = await catalog.loadServiceType(sub.db, orgA, type.id);
      expect(row?.requiredSkills).toEqual([
        expect.objectContaining({ skillId: plumbing.id, minLevel: 2, skill: plumbing }),
      ]);
      expect(await catalog.loadServiceType(sub.db, orgB, type.id)).toBeNull();
      expect(await catalog.loadServiceType(sub.db, orgA, 'nope')).toBeNull();
    });

    it('should resolve WorkOrder.serviceType for a page of orders with one service type query', async () => {
      const types = await Promise.all(
        [1, 2, 3].map(async (i) => (await create({ name: unique(`Batch ${i}`) })).body.data!),
      );
      const orders = [];
      for (const t of [...types, ...types]) {
        orders.push(
          await sub.db.workOrder.create({
            data: {
              organizationId: orgA,
              number: ++number,
              kind: 'FIELD_JOB',
              title: `Job ${number}`,
              serviceTypeId: t.createServiceType.id,
            },
          }),
        );
      }
      sqlLog = [];
      const res = await callSubgraph(
        sub.url,
        admin,
        '{ workOrders(first: 6) { nodes { id serviceType { name } } } }',
      );
      expect(res.body.errors).toBeUndefined();
      const names = res.body.data!.workOrders.nodes.map(
        (n: { serviceType: { name: string } }) => n.serviceType.name,
      );
      expect(new Set(names)).toEqual(new Set(types.map((t) => t.createServiceType.name)));
      expect(sqlLog.filter((q) => q.includes('"service_type"'))).toHaveLength(1);
    });

    it('should resolve ServiceType references for the owning tenant only (contract: _entities)', async () => {
      const a = (await create({ defaultMinutes: 30 })).body.data!.createServiceType;
      const b = (await create({ defaultMinutes: 40 })).body.data!.createServiceType;
      const reps = [a, b].map((t) => ({ __typename: 'ServiceType', id: t.id }));
      sqlLog = [];
      const mine = await callSubgraph(sub.url, admin, ENTITIES, { reps });
      expect(mine.body.errors).toBeUndefined();
      expect((mine.body.data as { _entities: unknown[] })._entities).toEqual([
        { id: a.id, name: a.name, defaultMinutes: 30 },
        { id: b.id, name: b.name, defaultMinutes: 40 },
      ]);
      expect(sqlLog.filter((q) => q.includes('FROM "operations"."service_type"'))).toHaveLength(1);
      const theirs = await callSubgraph(sub.url, otherTenant, ENTITIES, { reps });
      expect((theirs.body.data as { _entities: unknown[] })._entities).toEqual([null, null]);
    });
  });
});
