import {
  createTestDatabase,
  callSubgraph,
  staffActor,
  startTestSubgraph,
  type TestDatabase,
} from '@attendant/testing';
import type { RunningSubgraph } from '@attendant/kit';
import { randomUUID } from 'node:crypto';
import { operationsSubgraph } from '../index';

const FIELDS = /* GraphQL */ `
  id
  name
  email
  phone
  homeLat
  homeLng
  vehicleCapacity
  shiftStartMin
  shiftEndMin
  workDays
  maxJobsPerDay
  active
  team {
    id
    name
  }
  skills {
    level
    skill {
      name
    }
  }
`;
const CREATE = `mutation ($input: CreateTechnicianInput!) { createTechnician(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateTechnicianInput!) {
  updateTechnician(id: $id, input: $input) { ${FIELDS} } }`;
const SET_ACTIVE = `mutation ($id: ID!, $active: Boolean!) {
  setTechnicianActive(id: $id, active: $active) { id active } }`;
const SET_SKILLS = `mutation ($id: ID!, $skills: [TechnicianSkillInput!]!) {
  setTechnicianSkills(id: $id, skills: $skills) { ${FIELDS} } }`;
const LIST = `query ($teamId: ID, $includeInactive: Boolean, $search: String) {
  technicians(teamId: $teamId, includeInactive: $includeInactive, search: $search, first: 100) {
    nodes { id name active }
  } }`;

describe('operations subgraph: technicians', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  const orgA = randomUUID();
  const orgB = randomUUID();
  const admin = staffActor(orgA, ['ADMIN']);
  const manager = staffActor(orgA, ['MANAGER']);
  const otherTenant = staffActor(orgB, ['ADMIN']);

  beforeAll(async () => {
    database = await createTestDatabase();
    sub = await startTestSubgraph(operationsSubgraph, database);
    await sub.db.organization.createMany({
      data: [
        { id: orgA, name: 'A', slug: `a-${orgA}`, kind: 'FIELD_SERVICE' },
        { id: orgB, name: 'B', slug: `b-${orgB}`, kind: 'FIELD_SERVICE' },
      ],
    });
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  const technicianInput = (extra: Record<string, unknown> = {}) => ({
    name: `Tech ${randomUUID().slice(0, 8)}`,
    ...extra,
  });
  const create = (extra: Record<string, unknown> = {}, actor = admin) =>
    callSubgraph(sub.url, actor, CREATE, { input: technicianInput(extra) });
  const createOk = async (extra: Record<string, unknown> = {}) => {
    const res = await create(extra);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.createTechnician;
  };
  const skill = (organizationId: string, name: string) =>
    sub.db.skill.create({ data: { organizationId, name } });

  it('should create a technician with defaults and normalized contacts, and write TechnicianCreated', async () => {
    const tech = await createOk({
      email: ' Ann@Example.COM ',
      phone: '+420 601-234 567',
      homeLat: 50.08,
      homeLng: 14.42,
      vehicleCapacity: 40,
      workDays: [5, 1, 3],
    });
    expect(tech).toMatchObject({
      email: 'ann@example.com',
      phone: '+420601234567',
      homeLat: 50.08,
      homeLng: 14.42,
      vehicleCapacity: 40,
      shiftStartMin: 480,
      shiftEndMin: 1020,
      workDays: [1, 3, 5],
      maxJobsPerDay: 8,
      active: true,
      team: null,
      skills: [],
    });
    const events = await sub.db.$queryRawUnsafe<{ type: string; entityType: string }[]>(
      `SELECT type, "entityType" FROM operations.outbox WHERE "entityId" = $1::uuid`,
      tech.id,
    );
    expect(events).toEqual([{ type: 'TechnicianCreated', entityType: 'Technician' }]);
  });

  it.each([
    [{ name: 'x' }, 'name', 'Give a name of 2 to 80 characters'],
    [{ name: '   y   ' }, 'name', 'Give a name of 2 to 80 characters'],
    [{ email: 'not-an-email' }, 'email', 'Give a valid email address'],
    [{ phone: '601 234 567' }, 'phone', 'Give the phone in international format'],
    [{ homeLat: 50 }, 'homeLng', 'Give the home base latitude and longitude together'],
    [{ homeLat: 91, homeLng: 0 }, 'homeLat', 'Latitude must be between -90 and 90'],
    [{ homeLat: 0, homeLng: -181 }, 'homeLng', 'Longitude must be between -180 and 180'],
    [{ shiftStartMin: 600, shiftEndMin: 600 }, 'shiftEndMin', 'The shift must end after it starts'],
    [{ shiftEndMin: 1500 }, 'shiftEndMin', 'Shift times must be between 0 and 1440'],
    [{ workDays: [] }, 'workDays', 'Choose at least one work day'],
    [{ workDays: [1, 1] }, 'workDays', 'Each work day may be given once'],
    [{ workDays: [0, 8] }, 'workDays', 'Work days must be ISO weekdays'],
    [{ maxJobsPerDay: 31 }, 'maxJobsPerDay', 'Max jobs per day must be 1 to 30'],
    [{ maxJobsPerDay: 0 }, 'maxJobsPerDay', 'Max jobs per day must be 1 to 30'],
    [{ vehicleCapacity: -1 }, 'vehicleCapacity', 'Vehicle capacity cannot be negative'],
  ])(
    'should answer BAD_USER_INPUT and create nothing when the input is %j',
    async (input, field, message) => {
      const before = await sub.db.technician.count({ where: { organizationId: orgA } });
      const res = await create(input);
      const error = res.body.errors?.[0];
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error?.message).toContain(message);
      const fields = [
        error?.extensions?.['field'],
        ...((error?.extensions?.['fields'] as { field: string }[] | undefined)?.map(
          (f) => f.field,
        ) ?? []),
      ];
      expect(fields.some((f) => typeof f === 'string' && f.startsWith(field))).toBe(true);
      expect(await sub.db.technician.count({ where: { organizationId: orgA } })).toBe(before);
    },
  );

  it('should answer NOT_FOUND when the team belongs to another organization', async () => {
    const theirTeam = await sub.db.team.create({ data: { organizationId: orgB, name: 'Theirs' } });
    const res = await create({ teamId: theirTeam.id });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'TEAM_NOT_FOUND',
      field: 'teamId',
    });
  });

  it('should update only the given fields, clear fields set to null and write TechnicianUpdated', async () => {
    const team = await sub.db.team.create({ data: { organizationId: orgA, name: 'North' } });
    const tech = await createOk({ phone: '+14155550123', homeLat: 1, homeLng: 2 });
    const res = await callSubgraph(sub.url, manager, UPDATE, {
      id: tech.id,
      input: { shiftStartMin: 420, homeLat: null, homeLng: null, phone: null, teamId: team.id },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.updateTechnician).toMatchObject({
      name: tech.name,
      shiftStartMin: 420,
      shiftEndMin: 1020,
      homeLat: null,
      homeLng: null,
      phone: null,
      team: { id: team.id, name: 'North' },
    });
    const events = await sub.db.$queryRawUnsafe<{ type: string; payload: { changed: string[] } }[]>(
      `SELECT type, payload FROM operations.outbox WHERE "entityId" = $1::uuid ORDER BY "occurredAt"`,
      tech.id,
    );
    expect(events.map((e) => e.type)).toEqual(['TechnicianCreated', 'TechnicianUpdated']);
    expect(events[1]!.payload.changed).toEqual(
      expect.arrayContaining(['shiftStartMin', 'homeLat', 'teamId']),
    );
  });

  it('should check the shift against stored values when only one end is updated', async () => {
    const tech = await createOk({ shiftStartMin: 480, shiftEndMin: 600 });
    const res = await callSubgraph(sub.url, admin, UPDATE, {
      id: tech.id,
      input: { shiftStartMin: 700 },
    });
    expect(res.body.errors?.[0]).toMatchObject({
      message: 'The shift must end after it starts',
      extensions: { code: 'BAD_USER_INPUT', field: 'shiftEndMin' },
    });
  });

  it('should hide deactivated technicians from the list unless includeInactive is set', async () => {
    const tech = await createOk({ name: 'Inactive Ivan' });
    const off = await callSubgraph(sub.url, admin, SET_ACTIVE, { id: tech.id, active: false });
    expect(off.body.data?.setTechnicianActive).toEqual({ id: tech.id, active: false });
    const active = await callSubgraph(sub.url, admin, LIST, { search: 'Inactive Ivan' });
    expect(active.body.data?.technicians.nodes).toEqual([]);
    const all = await callSubgraph(sub.url, admin, LIST, {
      search: 'Inactive Ivan',
      includeInactive: true,
    });
    expect(all.body.data?.technicians.nodes).toEqual([
      { id: tech.id, name: 'Inactive Ivan', active: false },
    ]);
  });

  it('should list only the members of a team when filtered by teamId', async () => {
    const team = await sub.db.team.create({ data: { organizationId: orgA, name: 'Filter team' } });
    const member = await createOk({ name: 'Member Mia', teamId: team.id });
    await createOk({ name: 'Outsider Otto' });
    const res = await callSubgraph(sub.url, admin, LIST, { teamId: team.id });
    expect(res.body.data?.technicians.nodes).toEqual([
      { id: member.id, name: 'Member Mia', active: true },
    ]);
  });

  it('should replace the skill set when skills are set, and refuse unknown or foreign skills', async () => {
    const [gas, water, foreign] = await Promise.all([
      skill(orgA, 'Gas'),
      skill(orgA, 'Water'),
      skill(orgB, 'Foreign'),
    ]);
    const tech = await createOk();
    const first = await callSubgraph(sub.url, admin, SET_SKILLS, {
      id: tech.id,
      skills: [
        { skillId: gas.id, level: 3 },
        { skillId: water.id, level: 1 },
      ],
    });
    expect(first.body.data?.setTechnicianSkills.skills).toEqual([
      { level: 3, skill: { name: 'Gas' } },
      { level: 1, skill: { name: 'Water' } },
    ]);
    const second = await callSubgraph(sub.url, admin, SET_SKILLS, {
      id: tech.id,
      skills: [{ skillId: water.id, level: 2 }],
    });
    expect(second.body.data?.setTechnicianSkills.skills).toEqual([
      { level: 2, skill: { name: 'Water' } },
    ]);
    const theirs = await callSubgraph(sub.url, admin, SET_SKILLS, {
      id: tech.id,
      skills: [{ skillId: foreign.id, level: 2 }],
    });
    expect(theirs.body.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'SKILL_NOT_FOUND',
    });
    const badLevel = await callSubgraph(sub.url, admin, SET_SKILLS, {
      id: tech.id,
      skills: [{ skillId: gas.id, level: 4 }],
    });
    expect(badLevel.body.errors?.[0]).toMatchObject({
      message: 'Skill level must be 1 (basic) to 3 (expert)',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const twice = await callSubgraph(sub.url, admin, SET_SKILLS, {
      id: tech.id,
      skills: [
        { skillId: gas.id, level: 1 },
        { skillId: gas.id, level: 2 },
      ],
    });
    expect(twice.body.errors?.[0]?.extensions?.reason).toBe('DUPLICATE_SKILL');
    const stored = await sub.db.technicianSkill.findMany({ where: { technicianId: tech.id } });
    expect(stored.map((s) => [s.skillId, s.level])).toEqual([[water.id, 2]]);
  });

  it('should refuse to link a user that is already linked to another technician', async () => {
    const user = await sub.db.user.create({
      data: {
        organizationId: orgA,
        email: `u-${randomUUID()}@example.com`,
        name: 'Linked',
        passwordHash: 'x',
        roles: ['TECHNICIAN'],
      },
    });
    await createOk({ userId: user.id });
    const res = await create({ userId: user.id });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'USER_ALREADY_LINKED',
    });
  });

  it('should answer FORBIDDEN when a technician or dispatcher tries to create or change technicians', async () => {
    const tech = await createOk();
    for (const role of ['TECHNICIAN', 'DISPATCHER', 'ANALYST'] as const) {
      const actor = staffActor(orgA, [role]);
      const created = await create({}, actor);
      expect(created.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const deactivated = await callSubgraph(sub.url, actor, SET_ACTIVE, {
        id: tech.id,
        active: false,
      });
      expect(deactivated.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(
      (await sub.db.technician.findFirst({ where: { id: tech.id, organizationId: orgA } }))?.active,
    ).toBe(true);
  });

  it('should let an analyst and a technician read technicians', async () => {
    const tech = await createOk();
    for (const role of ['ANALYST', 'TECHNICIAN'] as const) {
      const res = await callSubgraph(
        sub.url,
        staffActor(orgA, [role]),
        'query ($id: ID!) { technician(id: $id) { id workDays } }',
        { id: tech.id },
      );
      expect(res.body.data?.technician).toEqual({ id: tech.id, workDays: [1, 2, 3, 4, 5] });
    }
  });

  it('should answer NOT_FOUND when another tenant reads or updates the technician', async () => {
    const tech = await createOk();
    const read = await callSubgraph(
      sub.url,
      otherTenant,
      'query ($id: ID!) { technician(id: $id) { id } }',
      { id: tech.id },
    );
    expect(read.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const write = await callSubgraph(sub.url, otherTenant, UPDATE, {
      id: tech.id,
      input: { name: 'Hijacked' },
    });
    expect(write.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const list = await callSubgraph(sub.url, otherTenant, LIST, { search: tech.name });
    expect(list.body.data?.technicians.nodes).toEqual([]);
    expect(
      (await sub.db.technician.findFirst({ where: { id: tech.id, organizationId: orgA } }))?.name,
    ).toBe(tech.name);
  });

  it('should answer NOT_FOUND, not a server error, when the id is not a UUID', async () => {
    const res = await callSubgraph(sub.url, admin, 'query { technician(id: "nope") { id } }');
    expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
