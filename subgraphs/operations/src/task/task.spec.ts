import {
  callSubgraph,
  createTestDatabase,
  staffActor,
  startTestSubgraph,
  type TestDatabase,
} from '@attendant/testing';
import type { Actor, RunningSubgraph } from '@attendant/kit';
import type { Role } from '@attendant/db';
import { randomUUID } from 'node:crypto';
import { operationsSubgraph } from '../index';

const TASK_FIELDS = `id title priority status dueAt overdue escalationLevel completedAt version
  assignee { id name } workOrder { id title } guest { id } reservation { id }`;
const CREATE = `mutation ($input: CreateStaffTaskInput!) { createStaffTask(input: $input) { ${TASK_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateStaffTaskInput!, $v: Int) {
  updateStaffTask(id: $id, input: $input, expectedVersion: $v) { ${TASK_FIELDS} } }`;
const SET_STATUS = `mutation ($id: ID!, $status: TaskStatus!, $v: Int) {
  setStaffTaskStatus(id: $id, status: $status, expectedVersion: $v) { ${TASK_FIELDS} } }`;
const BULK = `mutation ($ids: [ID!]!, $action: StaffTaskBulkAction!, $assigneeId: ID, $priority: WorkOrderPriority) {
  bulkUpdateStaffTasks(ids: $ids, action: $action, assigneeId: $assigneeId, priority: $priority) {
    updated skipped { id reason } tasks { id status priority assignee { id } } } }`;
const LIST = `query ($first: Int, $after: String, $filter: StaffTaskFilter) {
  staffTasks(first: $first, after: $after, filter: $filter) {
    nodes { id title priority dueAt overdue } pageInfo { hasNextPage endCursor } totalCount } }`;
const GET = `query ($id: ID!) { staffTask(id: $id) { ${TASK_FIELDS} } }`;

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

interface Org {
  id: string;
  admin: Actor;
  users: Record<string, { id: string; actor: Actor }>;
}

describe('operations subgraph: staff tasks', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  const saved = process.env['TASK_ESCALATION_INTERVAL_MS'];

  // Each test group gets its own organization, so queues never mix.
  async function newOrg(): Promise<Org> {
    const id = randomUUID();
    await sub.db.organization.create({
      data: { id, name: `Org ${id.slice(0, 6)}`, slug: `o-${id}`, kind: 'HOTEL' },
    });
    const people: [string, Role[], boolean][] = [
      ['Ada Admin', ['ADMIN'], true],
      ['Dora Dispatcher', ['DISPATCHER'], true],
      ['Tom Technician', ['TECHNICIAN'], true],
      ['Tina Technician', ['TECHNICIAN'], true],
      ['Ann Analyst', ['ANALYST'], true],
      ['Ian Integrator', ['INTEGRATOR'], true],
      ['Olaf Former', ['DISPATCHER'], false],
    ];
    const users: Org['users'] = {};
    for (const [name, roles, active] of people) {
      const user = await sub.db.user.create({
        data: {
          organizationId: id,
          email: `${name.split(' ')[0]!.toLowerCase()}-${id}@example.com`,
          name,
          passwordHash: 'x',
          roles,
          active,
        },
      });
      users[name.split(' ')[0]!.toLowerCase()] = {
        id: user.id,
        actor: staffActor(id, roles, user.id),
      };
    }
    return { id, admin: users['ada']!.actor, users };
  }

  const create = async (actor: Actor, input: Record<string, unknown>) => {
    const res = await callSubgraph(sub.url, actor, CREATE, { input });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.createStaffTask as { id: string; version: number; title: string };
  };

  const eventsOf = (id: string) =>
    sub.db.$queryRawUnsafe<{ type: string; payload: Record<string, unknown> }[]>(
      `SELECT type, payload FROM operations.outbox WHERE "entityId" = $1::uuid ORDER BY "occurredAt", (payload->>'version')::int`,
      id,
    );

  beforeAll(async () => {
    // The escalation timer stays out of these tests; task.escalation.spec.ts covers it.
    process.env['TASK_ESCALATION_INTERVAL_MS'] = '3600000';
    database = await createTestDatabase();
    sub = await startTestSubgraph(operationsSubgraph, database);
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
    if (saved === undefined) delete process.env['TASK_ESCALATION_INTERVAL_MS'];
    else process.env['TASK_ESCALATION_INTERVAL_MS'] = saved;
  });

  describe('the queue', () => {
    let org: Org;
    const expected: string[] = [];

    beforeAll(async () => {
      org = await newOrg();
      // Listed in the order the queue must return them.
      const specs: [string, string, string | null][] = [
        ['Overdue emergency', 'EMERGENCY', minutes(-30)],
        ['Overdue low, due earlier', 'LOW', minutes(-50)],
        ['Overdue low, due later', 'LOW', minutes(-20)],
        ['Emergency due soon', 'EMERGENCY', minutes(30)],
        ['Emergency without due', 'EMERGENCY', null],
        ['High due soon', 'HIGH', minutes(10)],
        ['High due later', 'HIGH', minutes(300)],
        ['Normal due soon', 'NORMAL', minutes(60)],
        ['Normal no due A', 'NORMAL', null],
        ['Normal no due B', 'NORMAL', null],
        ['Low due soon', 'LOW', minutes(5)],
      ];
      const byTitle = new Map<string, string>();
      // Created in a shuffled order, so creation order alone cannot explain the result; only the
      // two tasks that tie on priority and due time ("A" before "B") rely on it.
      for (const i of [7, 2, 10, 0, 5, 8, 3, 1, 9, 6, 4]) {
        const [title, priority, dueAt] = specs[i]!;
        const task = await create(org.admin, { title, priority, dueAt });
        byTitle.set(title, task.id);
      }
      expected.push(...specs.map(([title]) => byTitle.get(title)!));
    });

    it('should order overdue first, then priority, due time (none last) and age when listing', async () => {
      const res = await callSubgraph(sub.url, org.admin, LIST, { first: 100 });
      expect(res.body.errors).toBeUndefined();
      const page = res.body.data!.staffTasks;
      expect(page.nodes.map((n: { id: string }) => n.id)).toEqual(expected);
      expect(page.nodes.slice(0, 3).every((n: { overdue: boolean }) => n.overdue)).toBe(true);
      expect(page.nodes.slice(3).some((n: { overdue: boolean }) => n.overdue)).toBe(false);
      expect(page.totalCount).toBe(expected.length);
    });

    it('should return every task exactly once in queue order when paging two at a time', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const res: any = await callSubgraph(sub.url, org.admin, LIST, { first: 2, after });
        expect(res.body.errors).toBeUndefined();
        seen.push(...res.body.data.staffTasks.nodes.map((n: { id: string }) => n.id));
        pages++;
        if (!res.body.data.staffTasks.pageInfo.hasNextPage) break;
        after = res.body.data.staffTasks.pageInfo.endCursor;
      }
      expect(pages).toBe(6);
      expect(seen).toEqual(expected);
    });

    it('should keep paging stable when a task falls due between two pages', async () => {
      const other = await newOrg();
      const high = [];
      for (let i = 0; i < 3; i++)
        high.push(
          await create(other.admin, {
            title: `High ${i}`,
            priority: 'HIGH',
            dueAt: minutes(100 + i),
          }),
        );
      const soon = await create(other.admin, {
        title: 'Low, falls due soon',
        priority: 'LOW',
        dueAt: minutes(0.05),
      });
      const first: any = await callSubgraph(sub.url, other.admin, LIST, { first: 2 });
      expect(first.body.data.staffTasks.nodes.map((n: { id: string }) => n.id)).toEqual([
        high[0]!.id,
        high[1]!.id,
      ]);
      await new Promise((r) => setTimeout(r, 3500));
      // The low task is overdue now and would sort first, but the cursor keeps its moment, so it
      // is neither skipped nor moved in front of the page already read.
      const second: any = await callSubgraph(sub.url, other.admin, LIST, {
        first: 2,
        after: first.body.data.staffTasks.pageInfo.endCursor,
      });
      expect(second.body.data.staffTasks.nodes.map((n: { id: string }) => n.id)).toEqual([
        high[2]!.id,
        soon.id,
      ]);
      const fresh: any = await callSubgraph(sub.url, other.admin, LIST, { first: 1 });
      expect(fresh.body.data.staffTasks.nodes[0]).toMatchObject({ id: soon.id, overdue: true });
    });

    it('should answer BAD_USER_INPUT when the cursor is forged', async () => {
      const res = await callSubgraph(sub.url, org.admin, LIST, {
        after: Buffer.from('{"v":1,"id":"x"}').toString('base64url'),
      });
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('filters and counts', () => {
    let org: Org;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      org = await newOrg();
      const { tom, tina, dora } = org.users;
      ids['mineOverdue'] = (
        await create(org.admin, {
          title: 'Call guest about late arrival',
          priority: 'HIGH',
          dueAt: minutes(-15),
          assigneeId: dora!.id,
        })
      ).id;
      ids['tom'] = (
        await create(org.admin, {
          title: 'Check minibar 204',
          dueAt: minutes(120),
          assigneeId: tom!.id,
        })
      ).id;
      ids['tina'] = (
        await create(org.admin, {
          title: 'Replace bulb in lobby',
          priority: 'LOW',
          description: 'Left of the MINIBAR sign',
          assigneeId: tina!.id,
        })
      ).id;
      ids['unassigned'] = (
        await create(org.admin, {
          title: 'Order flowers',
          priority: 'EMERGENCY',
          dueAt: minutes(600),
        })
      ).id;
      ids['done'] = (await create(org.admin, { title: 'Done already', assigneeId: dora!.id })).id;
      await callSubgraph(sub.url, org.admin, SET_STATUS, { id: ids['done'], status: 'DONE' });
      await sub.db.staffTask.updateMany({
        where: { organizationId: org.id, id: ids['mineOverdue'] },
        data: { escalationLevel: 1 },
      });
    });

    const list = async (filter: Record<string, unknown>, actor = org.admin) => {
      const res = await callSubgraph(sub.url, actor, LIST, { filter });
      expect(res.body.errors).toBeUndefined();
      return res.body.data!.staffTasks.nodes.map((n: { id: string }) => n.id).sort();
    };
    const sorted = (...keys: string[]) => keys.map((k) => ids[k]!).sort();

    it('should list only open tasks when no status is given and closed ones when asked', async () => {
      expect(await list({})).toEqual(sorted('mineOverdue', 'tom', 'tina', 'unassigned'));
      expect(await list({ status: ['DONE'] })).toEqual(sorted('done'));
    });

    it('should filter by assignee, mine, unassigned, overdue, escalation, priority, search and due time', async () => {
      const dora = org.users['dora']!;
      expect(await list({ assigneeId: org.users['tom']!.id })).toEqual(sorted('tom'));
      expect(await list({ mine: true }, dora.actor)).toEqual(sorted('mineOverdue'));
      expect(await list({ unassigned: true })).toEqual(sorted('unassigned'));
      expect(await list({ overdue: true })).toEqual(sorted('mineOverdue'));
      expect(await list({ overdue: false })).toEqual(sorted('tom', 'tina', 'unassigned'));
      expect(await list({ escalated: true })).toEqual(sorted('mineOverdue'));
      expect(await list({ priority: ['LOW', 'EMERGENCY'] })).toEqual(sorted('tina', 'unassigned'));
      expect(await list({ search: 'minibar' })).toEqual(sorted('tom', 'tina'));
      expect(await list({ search: '100%' })).toEqual([]);
      expect(await list({ dueBefore: minutes(180) })).toEqual(sorted('mineOverdue', 'tom'));
    });

    it('should count open, overdue, mine and escalated tasks for the caller', async () => {
      const q = '{ staffTaskCounts { open overdue mine escalated } }';
      const res = await callSubgraph(sub.url, org.users['dora']!.actor, q);
      expect(res.body.data!.staffTaskCounts).toEqual({
        open: 4,
        overdue: 1,
        mine: 1,
        escalated: 1,
      });
      const tech = await callSubgraph(sub.url, org.users['tom']!.actor, q);
      expect(tech.body.data!.staffTaskCounts).toEqual({
        open: 1,
        overdue: 0,
        mine: 1,
        escalated: 0,
      });
    });

    it('should list active staff who do the work as assignable users', async () => {
      const res = await callSubgraph(sub.url, org.admin, '{ assignableUsers { name roles } }');
      expect(res.body.data!.assignableUsers.map((u: { name: string }) => u.name)).toEqual([
        'Ada Admin',
        'Dora Dispatcher',
        'Tina Technician',
        'Tom Technician',
      ]);
    });
  });

  describe('creating and changing a task', () => {
    let org: Org;
    beforeAll(async () => {
      org = await newOrg();
    });

    it('should create a task with its links and write StaffTaskCreated', async () => {
      const wo = await sub.db.workOrder.create({
        data: { organizationId: org.id, number: 1, kind: 'HOTEL_SERVICE', title: 'Extra bed' },
      });
      const guestId = randomUUID();
      const reservationId = randomUUID();
      const res = await callSubgraph(sub.url, org.admin, CREATE, {
        input: {
          title: '  Bring the extra bed  ',
          priority: 'HIGH',
          dueAt: minutes(30),
          assigneeId: org.users['dora']!.id,
          workOrderId: wo.id,
          guestId,
          reservationId,
        },
      });
      expect(res.body.errors).toBeUndefined();
      const task = res.body.data!.createStaffTask;
      expect(task).toMatchObject({
        title: 'Bring the extra bed',
        status: 'OPEN',
        overdue: false,
        escalationLevel: 0,
        version: 1,
        assignee: { id: org.users['dora']!.id, name: 'Dora Dispatcher' },
        workOrder: { id: wo.id, title: 'Extra bed' },
        guest: { id: guestId },
        reservation: { id: reservationId },
      });
      const events = await eventsOf(task.id);
      expect(events.map((e) => e.type)).toEqual(['StaffTaskCreated']);
      expect(events[0]!.payload).toMatchObject({
        title: 'Bring the extra bed',
        priority: 'HIGH',
        assigneeId: org.users['dora']!.id,
        guestId,
        reservationId,
        escalationLevel: 0,
      });
    });

    it.each([
      [{ title: 'ab' }, 'BAD_USER_INPUT', /Title must be 3 to 200 characters/],
      [{ title: '   ab   ' }, 'BAD_USER_INPUT', /Title must be 3 to 200 characters/],
      [{ dueAt: minutes(60 * 24 * 400) }, 'BAD_USER_INPUT', /no more than a year from now/],
      [{ guestId: 'guest-1' }, 'BAD_USER_INPUT', /guestId must be a UUID/],
      [{ workOrderId: randomUUID() }, 'NOT_FOUND', /Work order .* was not found/],
    ])(
      'should refuse with a clear message and write nothing when the input is %j',
      async (extra, code, message) => {
        const before = await sub.db.staffTask.count({ where: { organizationId: org.id } });
        const res = await callSubgraph(sub.url, org.admin, CREATE, {
          input: { title: 'A valid title', ...extra },
        });
        expect(res.body.errors?.[0]?.extensions?.code).toBe(code);
        expect(res.body.errors?.[0]?.message).toMatch(message);
        expect(await sub.db.staffTask.count({ where: { organizationId: org.id } })).toBe(before);
      },
    );

    it('should refuse an assignee who is inactive, only an analyst, or of another organization', async () => {
      const stranger = await newOrg();
      for (const assigneeId of [
        org.users['olaf']!.id,
        org.users['ann']!.id,
        org.users['ian']!.id,
        stranger.users['dora']!.id,
      ]) {
        const res = await callSubgraph(sub.url, org.admin, CREATE, {
          input: { title: 'Assigned task', assigneeId },
        });
        expect(res.body.errors?.[0]).toMatchObject({
          message: 'Choose an active staff member of your organization as the assignee',
          extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_ASSIGNEE' },
        });
      }
    });

    it('should move a task through its statuses and write StaffTaskCompleted when done', async () => {
      const task = await create(org.admin, { title: 'Status walk' });
      const step = (status: string, v?: number) =>
        callSubgraph(sub.url, org.admin, SET_STATUS, { id: task.id, status, v });
      expect((await step('IN_PROGRESS', 1)).body.data!.setStaffTaskStatus.status).toBe(
        'IN_PROGRESS',
      );
      const done = (await step('DONE')).body.data!.setStaffTaskStatus;
      expect(done).toMatchObject({ status: 'DONE', version: 3 });
      expect(done.completedAt).not.toBeNull();
      const refused = await step('IN_PROGRESS');
      expect(refused.body.errors?.[0]).toMatchObject({
        message: 'A task cannot go from DONE to IN_PROGRESS; allowed: OPEN',
        extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_STATUS_TRANSITION' },
      });
      const reopened = (await step('OPEN')).body.data!.setStaffTaskStatus;
      expect(reopened).toMatchObject({ status: 'OPEN', completedAt: null });
      expect((await step('CANCELLED')).body.data!.setStaffTaskStatus.status).toBe('CANCELLED');
      expect((await eventsOf(task.id)).map((e) => e.type)).toEqual([
        'StaffTaskCreated',
        'StaffTaskUpdated',
        'StaffTaskCompleted',
        'StaffTaskUpdated',
        'StaffTaskUpdated',
      ]);
    });

    it('should answer CONFLICT when the expected version is stale', async () => {
      const task = await create(org.admin, { title: 'Contended' });
      await callSubgraph(sub.url, org.admin, UPDATE, { id: task.id, input: { priority: 'HIGH' } });
      const stale = await callSubgraph(sub.url, org.admin, UPDATE, {
        id: task.id,
        input: { title: 'Mine now' },
        v: 1,
      });
      expect(stale.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    });

    it('should restart escalation when the due time moves and refuse edits once closed', async () => {
      const task = await create(org.admin, { title: 'Postponed', dueAt: minutes(-5) });
      await sub.db.staffTask.updateMany({
        where: { organizationId: org.id, id: task.id },
        data: { escalationLevel: 2, escalatedAt: new Date() },
      });
      const moved = await callSubgraph(sub.url, org.admin, UPDATE, {
        id: task.id,
        input: { dueAt: minutes(90), assigneeId: org.users['tom']!.id, description: 'Later' },
      });
      expect(moved.body.data!.updateStaffTask).toMatchObject({
        escalationLevel: 0,
        overdue: false,
        assignee: { id: org.users['tom']!.id },
      });
      const events = await eventsOf(task.id);
      expect(events.at(-1)).toMatchObject({
        type: 'StaffTaskUpdated',
        payload: { changes: ['description', 'dueAt', 'assigneeId'], previousAssigneeId: null },
      });
      await callSubgraph(sub.url, org.admin, SET_STATUS, { id: task.id, status: 'CANCELLED' });
      const closed = await callSubgraph(sub.url, org.admin, UPDATE, {
        id: task.id,
        input: { title: 'Too late' },
      });
      expect(closed.body.errors?.[0]).toMatchObject({
        message: 'This task is cancelled; reopen it to edit it',
        extensions: { code: 'CONFLICT' },
      });
    });
  });

  describe('bulk actions', () => {
    let org: Org;
    beforeAll(async () => {
      org = await newOrg();
    });

    it('should complete open tasks in one go and skip the others with a reason', async () => {
      const open = await create(org.admin, { title: 'Bulk open' });
      const started = await create(org.admin, { title: 'Bulk started' });
      await callSubgraph(sub.url, org.admin, SET_STATUS, { id: started.id, status: 'IN_PROGRESS' });
      const cancelled = await create(org.admin, { title: 'Bulk cancelled' });
      await callSubgraph(sub.url, org.admin, SET_STATUS, { id: cancelled.id, status: 'CANCELLED' });
      const done = await create(org.admin, { title: 'Bulk done' });
      await callSubgraph(sub.url, org.admin, SET_STATUS, { id: done.id, status: 'DONE' });
      const stranger = await newOrg();
      const foreign = await create(stranger.admin, { title: 'Other tenant' });
      const missing = randomUUID();

      const res = await callSubgraph(sub.url, org.admin, BULK, {
        ids: [open.id, cancelled.id, started.id, done.id, foreign.id, missing],
        action: 'COMPLETE',
      });
      expect(res.body.errors).toBeUndefined();
      const result = res.body.data!.bulkUpdateStaffTasks;
      expect(result.updated).toBe(2);
      expect(result.tasks.map((t: { id: string; status: string }) => [t.id, t.status])).toEqual([
        [open.id, 'DONE'],
        [started.id, 'DONE'],
      ]);
      expect(result.skipped).toEqual([
        { id: cancelled.id, reason: 'Cancelled tasks cannot be completed; reopen it first' },
        { id: done.id, reason: 'The task is already done' },
        { id: foreign.id, reason: 'Task not found' },
        { id: missing, reason: 'Task not found' },
      ]);
      for (const id of [open.id, started.id])
        expect((await eventsOf(id)).filter((e) => e.type === 'StaffTaskCompleted')).toHaveLength(1);
      expect((await eventsOf(cancelled.id)).map((e) => e.type)).toEqual([
        'StaffTaskCreated',
        'StaffTaskUpdated',
      ]);
      const untouched = await sub.db.staffTask.findFirst({
        where: { organizationId: stranger.id, id: foreign.id },
      });
      expect(untouched?.status).toBe('OPEN');
    });

    it('should reopen, assign and reprioritise in bulk, skipping tasks already so', async () => {
      const a = await create(org.admin, { title: 'Bulk A', priority: 'LOW' });
      const b = await create(org.admin, {
        title: 'Bulk B',
        priority: 'HIGH',
        assigneeId: org.users['tina']!.id,
      });
      const c = await create(org.admin, { title: 'Bulk C' });
      await callSubgraph(sub.url, org.admin, SET_STATUS, { id: c.id, status: 'DONE' });

      const reopen = await callSubgraph(sub.url, org.admin, BULK, {
        ids: [a.id, c.id],
        action: 'REOPEN',
      });
      expect(reopen.body.data!.bulkUpdateStaffTasks).toMatchObject({
        updated: 1,
        skipped: [{ id: a.id, reason: 'The task is already open' }],
      });

      const assign = await callSubgraph(sub.url, org.admin, BULK, {
        ids: [a.id, b.id, c.id],
        action: 'ASSIGN',
        assigneeId: org.users['tina']!.id,
      });
      const assigned = assign.body.data!.bulkUpdateStaffTasks;
      expect(assigned.updated).toBe(2);
      expect(assigned.skipped).toEqual([
        { id: b.id, reason: 'The task is already assigned to this person' },
      ]);
      expect(
        assigned.tasks.every(
          (t: { assignee: { id: string } }) => t.assignee.id === org.users['tina']!.id,
        ),
      ).toBe(true);

      const prio = await callSubgraph(sub.url, org.admin, BULK, {
        ids: [a.id, b.id, c.id],
        action: 'SET_PRIORITY',
        priority: 'HIGH',
      });
      expect(prio.body.data!.bulkUpdateStaffTasks).toMatchObject({
        updated: 2,
        skipped: [{ id: b.id, reason: 'The task is already HIGH' }],
      });
      const payload = (await eventsOf(a.id)).at(-1)!.payload;
      expect(payload).toMatchObject({
        priority: 'HIGH',
        previousPriority: 'LOW',
        changes: ['priority'],
        bulk: true,
      });
    });

    it('should refuse an empty list, more than 200 ids, a bad id or a missing priority', async () => {
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ ids: [], action: 'CANCEL' }, /Choose 1 to 200 tasks/],
        [
          { ids: Array.from({ length: 201 }, () => randomUUID()), action: 'CANCEL' },
          /Choose 1 to 200 tasks/,
        ],
        [{ ids: ['nope'], action: 'CANCEL' }, /not valid: nope/],
        [{ ids: [randomUUID()], action: 'SET_PRIORITY' }, /Choose the priority to set/],
        [
          { ids: [randomUUID()], action: 'ASSIGN', assigneeId: org.users['ann']!.id },
          /active staff member/,
        ],
      ];
      for (const [vars, message] of cases) {
        const res = await callSubgraph(sub.url, org.admin, BULK, vars);
        expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(res.body.errors?.[0]?.message).toMatch(message);
      }
    });

    it('should change 200 tasks in one call', async () => {
      const data = Array.from({ length: 200 }, (_, i) => ({
        organizationId: org.id,
        title: `Mass task ${i}`,
      }));
      const rows = await sub.db.staffTask.createManyAndReturn({ data });
      const res = await callSubgraph(sub.url, org.admin, BULK, {
        ids: rows.map((r) => r.id),
        action: 'CANCEL',
      });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.bulkUpdateStaffTasks.updated).toBe(200);
      const [{ n }] = await sub.db.$queryRawUnsafe<{ n: number }[]>(
        `SELECT COUNT(*)::int AS n FROM operations.outbox WHERE "entityId" = ANY($1::uuid[])`,
        rows.map((r) => r.id),
      );
      expect(n).toBe(200);
    });
  });

  describe('roles and tenancy', () => {
    let org: Org;
    let tomTask: { id: string };
    let tinaTask: { id: string };
    beforeAll(async () => {
      org = await newOrg();
      tomTask = await create(org.admin, { title: 'For Tom', assigneeId: org.users['tom']!.id });
      tinaTask = await create(org.admin, { title: 'For Tina', assigneeId: org.users['tina']!.id });
      await create(org.admin, { title: 'For nobody' });
    });

    it('should show a technician only the tasks assigned to them', async () => {
      const tom = org.users['tom']!.actor;
      const res = await callSubgraph(sub.url, tom, LIST, {});
      expect(res.body.data!.staffTasks.nodes.map((n: { id: string }) => n.id)).toEqual([
        tomTask.id,
      ]);
      const theirs = await callSubgraph(sub.url, tom, GET, { id: tinaTask.id });
      expect(theirs.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const unassigned = await callSubgraph(sub.url, tom, LIST, { filter: { unassigned: true } });
      expect(unassigned.body.data!.staffTasks.nodes).toEqual([]);
    });

    it('should let a technician change their own tasks only', async () => {
      const tom = org.users['tom']!.actor;
      const own = await callSubgraph(sub.url, tom, SET_STATUS, {
        id: tomTask.id,
        status: 'IN_PROGRESS',
      });
      expect(own.body.data!.setStaffTaskStatus.status).toBe('IN_PROGRESS');
      const other = await callSubgraph(sub.url, tom, SET_STATUS, {
        id: tinaTask.id,
        status: 'DONE',
      });
      expect(other.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const handOff = await callSubgraph(sub.url, tom, UPDATE, {
        id: tomTask.id,
        input: { assigneeId: org.users['tina']!.id },
      });
      expect(handOff.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const bulk = await callSubgraph(sub.url, tom, BULK, {
        ids: [tomTask.id, tinaTask.id],
        action: 'SET_PRIORITY',
        priority: 'EMERGENCY',
      });
      expect(bulk.body.data!.bulkUpdateStaffTasks).toMatchObject({
        updated: 1,
        skipped: [{ id: tinaTask.id, reason: 'Task not found' }],
      });
      const created = await callSubgraph(sub.url, tom, CREATE, {
        input: { title: 'Note to self' },
      });
      expect(created.body.data!.createStaffTask.assignee.id).toBe(org.users['tom']!.id);
      const forOther = await callSubgraph(sub.url, tom, CREATE, {
        input: { title: 'For Tina', assigneeId: org.users['tina']!.id },
      });
      expect(forOther.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('should let an analyst read but not change tasks', async () => {
      const ann = org.users['ann']!.actor;
      const read = await callSubgraph(sub.url, ann, LIST, {});
      expect(read.body.data!.staffTasks.nodes).toHaveLength(4);
      for (const [query, vars] of [
        [CREATE, { input: { title: 'Analyst task' } }],
        [SET_STATUS, { id: tomTask.id, status: 'DONE' }],
        [BULK, { ids: [tomTask.id], action: 'CANCEL' }],
      ] as const) {
        const res = await callSubgraph(sub.url, ann, query, vars);
        expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    });

    it('should answer NOT_FOUND and an empty queue to another tenant', async () => {
      const stranger = await newOrg();
      const res = await callSubgraph(sub.url, stranger.admin, GET, { id: tomTask.id });
      expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const upd = await callSubgraph(sub.url, stranger.admin, UPDATE, {
        id: tomTask.id,
        input: { title: 'Hijacked' },
      });
      expect(upd.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const list = await callSubgraph(sub.url, stranger.admin, LIST, {});
      expect(list.body.data!.staffTasks.nodes).toEqual([]);
    });

    it('should resolve StaffTask references in one query for the owning tenant only (contract: _entities)', async () => {
      const q = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on StaffTask { id title } } }`;
      const reps = [tomTask, tinaTask].map((t) => ({ __typename: 'StaffTask', id: t.id }));
      const mine = await callSubgraph(sub.url, org.admin, q, { reps });
      expect((mine.body.data as any)._entities).toEqual([
        { id: tomTask.id, title: 'For Tom' },
        { id: tinaTask.id, title: 'For Tina' },
      ]);
      const stranger = await newOrg();
      const theirs = await callSubgraph(sub.url, stranger.admin, q, { reps });
      expect((theirs.body.data as any)._entities).toEqual([null, null]);
    });
  });
});
