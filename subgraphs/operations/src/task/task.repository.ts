import {
  Prisma,
  type StaffTask as StaffTaskRow,
  type TaskStatus,
  type User as UserRow,
  type WorkOrder as WorkOrderRow,
  type WorkOrderPriority,
} from '@attendant/db';
import type { DbOrTx, Role, TenantActor } from '@attendant/kit';
import {
  afterCursorSql,
  overdueSql,
  sortKeysSql,
  TASK_COLUMNS,
  type QueueCursor,
} from './task.queue';

export type { StaffTaskRow };

/** Roles that do the work; users with only INTEGRATOR or ANALYST are never assigned tasks. */
export const ASSIGNABLE_ROLES: Role[] = ['ADMIN', 'MANAGER', 'DISPATCHER', 'TECHNICIAN'];

/** What a queue listing selects, already resolved from the caller's filter and role. */
export interface QueueCriteria {
  statuses: readonly TaskStatus[];
  /** Only this assignee; set for technicians and for `mine` / `assigneeId` filters. */
  assigneeIds: string[];
  unassigned: boolean;
  overdue: boolean | null;
  escalated: boolean;
  priorities: readonly WorkOrderPriority[];
  search: string | null;
  dueBefore: Date | null;
}

/** Staff task queries. Every query is scoped to the actor's organization. */
export class TaskRepository {
  constructor(private readonly db: DbOrTx) {}

  with(tx: DbOrTx): TaskRepository {
    return new TaskRepository(tx);
  }

  findByIds(
    actor: TenantActor,
    ids: readonly string[],
    onlyAssigneeId: string | null = null,
  ): Promise<StaffTaskRow[]> {
    return this.db.staffTask.findMany({
      where: {
        organizationId: actor.organizationId,
        id: { in: [...ids] },
        ...(onlyAssigneeId ? { assigneeId: onlyAssigneeId } : {}),
      },
    });
  }

  private where(actor: TenantActor, q: QueueCriteria, now: Date): Prisma.Sql {
    const parts = [Prisma.sql`t."organizationId" = ${actor.organizationId}::uuid`];
    if (q.statuses.length)
      parts.push(Prisma.sql`t."status"::text = ANY(${[...q.statuses]}::text[])`);
    for (const id of q.assigneeIds) parts.push(Prisma.sql`t."assigneeId" = ${id}::uuid`);
    if (q.unassigned) parts.push(Prisma.sql`t."assigneeId" IS NULL`);
    if (q.overdue === true) parts.push(overdueSql(now));
    if (q.overdue === false) parts.push(Prisma.sql`NOT ${overdueSql(now)}`);
    if (q.escalated) parts.push(Prisma.sql`t."escalationLevel" > 0`);
    if (q.priorities.length)
      parts.push(Prisma.sql`t."priority"::text = ANY(${[...q.priorities]}::text[])`);
    if (q.search) {
      const like = `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      parts.push(Prisma.sql`(t."title" ILIKE ${like} OR t."description" ILIKE ${like})`);
    }
    if (q.dueBefore) parts.push(Prisma.sql`t."dueAt" < ${q.dueBefore.toISOString()}::timestamptz`);
    return Prisma.join(parts, ' AND ');
  }

  /** One page of the queue (`first + 1` rows, so the caller learns whether more follow). */
  async page(
    actor: TenantActor,
    q: QueueCriteria,
    args: { first: number; now: Date; after: QueueCursor | null },
  ): Promise<{ rows: StaffTaskRow[]; totalCount: () => Promise<number> }> {
    const where = this.where(actor, q, args.now);
    const keyset = args.after
      ? Prisma.sql`AND ${afterCursorSql(args.now, args.after)}`
      : Prisma.empty;
    const rows = await this.db.$queryRaw<StaffTaskRow[]>(Prisma.sql`
      SELECT ${TASK_COLUMNS}
        FROM "operations"."staff_task" t
       WHERE ${where} ${keyset}
       ORDER BY ${sortKeysSql(args.now)}
       LIMIT ${args.first + 1}`);
    // Counted only when a client selects totalCount.
    const totalCount = async () => {
      const [row] = await this.db.$queryRaw<{ n: number }[]>(Prisma.sql`
        SELECT COUNT(*)::int AS "n" FROM "operations"."staff_task" t WHERE ${where}`);
      return row?.n ?? 0;
    };
    return { rows, totalCount };
  }

  async counts(
    actor: TenantActor,
    args: { now: Date; userId: string | null; onlyAssigneeId: string | null },
  ): Promise<{ open: number; overdue: number; mine: number; escalated: number }> {
    const only = args.onlyAssigneeId
      ? Prisma.sql`AND t."assigneeId" = ${args.onlyAssigneeId}::uuid`
      : Prisma.empty;
    const [row] = await this.db.$queryRaw<
      { open: number; overdue: number; mine: number; escalated: number }[]
    >(Prisma.sql`
      SELECT COUNT(*)::int AS "open",
             COUNT(*) FILTER (WHERE ${overdueSql(args.now)})::int AS "overdue",
             COUNT(*) FILTER (WHERE t."assigneeId" = ${args.userId}::uuid)::int AS "mine",
             COUNT(*) FILTER (WHERE t."escalationLevel" > 0)::int AS "escalated"
        FROM "operations"."staff_task" t
       WHERE t."organizationId" = ${actor.organizationId}::uuid
         AND t."status" IN ('OPEN', 'IN_PROGRESS') ${only}`);
    return row ?? { open: 0, overdue: 0, mine: 0, escalated: 0 };
  }

  create(data: Prisma.StaffTaskUncheckedCreateInput): Promise<StaffTaskRow> {
    return this.db.staffTask.create({ data });
  }

  /** Updates only if the version still matches; returns null when someone else changed it first. */
  async updateVersioned(
    actor: TenantActor,
    id: string,
    version: number,
    data: Prisma.StaffTaskUncheckedUpdateManyInput,
  ): Promise<StaffTaskRow | null> {
    const [row] = await this.db.staffTask.updateManyAndReturn({
      where: { id, organizationId: actor.organizationId, version },
      data: { ...data, version: { increment: 1 } },
    });
    return row ?? null;
  }

  /** One conditional update for many tasks; returns the rows it changed. */
  updateMany(
    actor: TenantActor,
    where: Prisma.StaffTaskWhereInput,
    data: Prisma.StaffTaskUncheckedUpdateManyInput,
  ): Promise<StaffTaskRow[]> {
    return this.db.staffTask.updateManyAndReturn({
      where: { ...where, organizationId: actor.organizationId },
      data: { ...data, version: { increment: 1 } },
    });
  }

  /** Active users of the organization that can be given work, by name. */
  assignableUsers(actor: TenantActor, ids?: readonly string[]): Promise<UserRow[]> {
    return this.db.user.findMany({
      where: {
        organizationId: actor.organizationId,
        active: true,
        roles: { hasSome: ASSIGNABLE_ROLES },
        ...(ids ? { id: { in: [...ids] } } : {}),
      },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    });
  }

  usersByIds(actor: TenantActor, ids: readonly string[]): Promise<UserRow[]> {
    return this.db.user.findMany({
      where: { organizationId: actor.organizationId, id: { in: [...ids] } },
    });
  }

  workOrderExists(actor: TenantActor, id: string): Promise<boolean> {
    return this.db.workOrder
      .count({ where: { organizationId: actor.organizationId, id } })
      .then((n) => n > 0);
  }

  /** Work orders by id; for a technician only the jobs assigned to them. */
  async workOrdersByIds(
    actor: TenantActor,
    ids: readonly string[],
    onlyUserId: string | null,
  ): Promise<WorkOrderRow[]> {
    const rows = await this.db.workOrder.findMany({
      where: { organizationId: actor.organizationId, id: { in: [...ids] } },
    });
    if (!onlyUserId) return rows;
    const tech = await this.db.technician.findFirst({
      where: { organizationId: actor.organizationId, userId: onlyUserId },
      select: { id: true },
    });
    return rows.filter((r) => tech !== null && r.technicianId === tech.id);
  }
}
