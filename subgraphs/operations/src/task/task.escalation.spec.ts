import {
  createTestDatabase,
  staffActor,
  startTestSubgraph,
  callSubgraph,
  type TestDatabase,
} from '@attendant/testing';
import type { RunningSubgraph } from '@attendant/kit';
import type { Prisma } from '@attendant/db';
import { randomUUID } from 'node:crypto';
import { operationsSubgraph } from '../index';
import { runTaskEscalation } from './task.escalation';

const MIN = 60_000;

describe('staff task escalation', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;
  const org = randomUUID();
  const saved = process.env['TASK_ESCALATION_INTERVAL_MS'];

  // Due a little ahead of the real clock, so only the runs a test makes (with its own `now`)
  // can escalate its tasks.
  const dueSoon = () => new Date(Date.now() + 10 * MIN);

  const task = (data: Partial<Prisma.StaffTaskUncheckedCreateInput> = {}) =>
    sub.db.staffTask.create({
      data: { organizationId: org, title: 'Call guest about late arrival', ...data },
    });

  const escalations = (ids: string[]) =>
    sub.db.$queryRawUnsafe<{ entityId: string; payload: Record<string, unknown> }[]>(
      `SELECT "entityId", payload FROM operations.outbox
        WHERE type = 'StaffTaskEscalated' AND "entityId" = ANY($1::uuid[])
        ORDER BY "occurredAt", (payload->>'escalationLevel')::int`,
      ids,
    );

  const reload = (id: string) => sub.db.staffTask.findFirst({ where: { organizationId: org, id } });

  beforeAll(async () => {
    process.env['TASK_ESCALATION_INTERVAL_MS'] = '3600000';
    database = await createTestDatabase();
    sub = await startTestSubgraph(operationsSubgraph, database);
    await sub.db.organization.create({
      data: { id: org, name: 'Esc', slug: `esc-${org}`, kind: 'HOTEL' },
    });
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
    if (saved === undefined) delete process.env['TASK_ESCALATION_INTERVAL_MS'];
    else process.env['TASK_ESCALATION_INTERVAL_MS'] = saved;
  });

  it('should escalate to levels 1, 2 and 3 at due, +60 and +240 minutes, once each, when run repeatedly', async () => {
    const due = dueSoon();
    const guestId = randomUUID();
    const reservationId = randomUUID();
    const t = await task({ dueAt: due, priority: 'NORMAL', guestId, reservationId });
    const at = (m: number) => new Date(due.getTime() + m * MIN);

    const levels: [number, number, string][] = [
      [-1, 0, 'NORMAL'],
      [1, 1, 'NORMAL'],
      [59, 1, 'NORMAL'],
      [61, 2, 'HIGH'],
      [239, 2, 'HIGH'],
      [241, 3, 'HIGH'],
      [2000, 3, 'HIGH'],
    ];
    for (const [minute, level, priority] of levels) {
      await runTaskEscalation(sub.db, at(minute));
      await runTaskEscalation(sub.db, at(minute));
      expect(await reload(t.id)).toMatchObject({ escalationLevel: level, priority });
    }
    const events = await escalations([t.id]);
    expect(events.map((e) => e.payload['escalationLevel'])).toEqual([1, 2, 3]);
    expect(events[1]!.payload).toEqual({
      title: 'Call guest about late arrival',
      priority: 'HIGH',
      status: 'OPEN',
      dueAt: due.toISOString(),
      assigneeId: null,
      escalationLevel: 2,
      guestId,
      reservationId,
      workOrderId: null,
      version: 3,
    });
  });

  it('should announce every level once and raise the priority once when a long-overdue task is first seen', async () => {
    const due = dueSoon();
    const low = await task({ dueAt: due, priority: 'LOW' });
    const emergency = await task({ dueAt: due, priority: 'EMERGENCY' });
    const made = await runTaskEscalation(sub.db, new Date(due.getTime() + 300 * MIN));
    expect(made.filter((m) => m.taskId === low.id).map((m) => m.level)).toEqual([1, 2, 3]);
    expect(await reload(low.id)).toMatchObject({ escalationLevel: 3, priority: 'NORMAL' });
    expect(await reload(emergency.id)).toMatchObject({
      escalationLevel: 3,
      priority: 'EMERGENCY',
    });
    const events = await escalations([low.id]);
    expect(events.map((e) => [e.payload['escalationLevel'], e.payload['priority']])).toEqual([
      [1, 'LOW'],
      [2, 'NORMAL'],
      [3, 'NORMAL'],
    ]);
  });

  it('should leave closed tasks and tasks without a due time alone', async () => {
    const due = dueSoon();
    const done = await task({ dueAt: due, status: 'DONE', completedAt: new Date() });
    const cancelled = await task({ dueAt: due, status: 'CANCELLED' });
    const undated = await task({});
    await runTaskEscalation(sub.db, new Date(due.getTime() + 500 * MIN));
    for (const t of [done, cancelled, undated])
      expect((await reload(t.id))?.escalationLevel).toBe(0);
    expect(await escalations([done.id, cancelled.id, undated.id])).toEqual([]);
  });

  it('should write one event per level when several runs race', async () => {
    const due = dueSoon();
    const rows = await sub.db.staffTask.createManyAndReturn({
      data: Array.from({ length: 40 }, (_, i) => ({
        organizationId: org,
        title: `Racing task ${i}`,
        dueAt: due,
      })),
    });
    const ids = rows.map((r) => r.id);
    const now = new Date(due.getTime() + 61 * MIN);
    const runs = await Promise.all([1, 2, 3, 4].map(() => runTaskEscalation(sub.db, now)));
    expect(runs.flat().filter((m) => ids.includes(m.taskId))).toHaveLength(80);
    const events = await escalations(ids);
    expect(events).toHaveLength(80);
    const perTask = new Map<string, number[]>();
    for (const e of events)
      perTask.set(e.entityId, [
        ...(perTask.get(e.entityId) ?? []),
        e.payload['escalationLevel'] as number,
      ]);
    for (const id of ids) expect(perTask.get(id)?.sort()).toEqual([1, 2]);
    const after = await sub.db.staffTask.findMany({
      where: { organizationId: org, id: { in: ids } },
    });
    expect(after.every((r) => r.priority === 'HIGH' && r.version === 3)).toBe(true);
  });

  it('should escalate on its own timer in a running subgraph', async () => {
    process.env['TASK_ESCALATION_INTERVAL_MS'] = '1000';
    const second = await startTestSubgraph(operationsSubgraph, database);
    try {
      const admin = staffActor(org, ['ADMIN']);
      const res = await callSubgraph(
        second.url,
        admin,
        `mutation ($input: CreateStaffTaskInput!) { createStaffTask(input: $input) { id } }`,
        { input: { title: 'Already late', dueAt: new Date(Date.now() - 5 * MIN).toISOString() } },
      );
      const id = res.body.data!.createStaffTask.id as string;
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && (await escalations([id])).length === 0)
        await new Promise((r) => setTimeout(r, 250));
      expect((await escalations([id])).map((e) => e.payload['escalationLevel'])).toEqual([1]);
      const view = await callSubgraph(
        second.url,
        admin,
        `query ($id: ID!) { staffTask(id: $id) { overdue escalationLevel escalatedAt } }`,
        { id },
      );
      expect(view.body.data!.staffTask).toMatchObject({ overdue: true, escalationLevel: 1 });
    } finally {
      await second.stop();
      process.env['TASK_ESCALATION_INTERVAL_MS'] = '3600000';
    }
  });
});
