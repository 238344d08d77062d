import type { Prisma, TaskStatus, WorkOrderPriority } from '@attendant/db';
import { isUuid, tenant, type Actor, type Db } from '@attendant/kit';
import { TaskError, TaskErrorCode } from './task.errors';
import { OPEN_TASK_STATUSES } from './task.queue';
import { TaskRepository, type StaffTaskRow } from './task.repository';
import { emitTaskEvent, isClosed, type TaskEventType } from './task.rules';
import { onlyYourself, type TaskService } from './task.service';
import { StaffTaskBulkAction, type BulkTaskSkip } from './task.type';

export const MAX_BULK_TASKS = 200;
const CLOSED_STATUSES: TaskStatus[] = ['DONE', 'CANCELLED'];

/** How one bulk action changes a task: why it would skip it, and the one update for the rest. */
interface BulkPlan {
  skipReason(row: StaffTaskRow): string | null;
  /** Re-checked by the UPDATE itself, so a task changed concurrently is skipped, not clobbered. */
  where: Prisma.StaffTaskWhereInput;
  data: Prisma.StaffTaskUncheckedUpdateManyInput;
  event: TaskEventType;
  change: Record<string, unknown>;
}

export interface BulkOutcome {
  updated: number;
  skipped: BulkTaskSkip[];
  tasks: StaffTaskRow[];
}

export class TaskBulkService {
  private readonly repo: TaskRepository;

  constructor(
    private readonly db: Db,
    private readonly tasks: TaskService,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.repo = new TaskRepository(db);
  }

  async apply(
    actor: Actor,
    args: {
      ids: readonly string[];
      action: StaffTaskBulkAction;
      assigneeId?: string | null;
      priority?: WorkOrderPriority | null;
    },
  ): Promise<BulkOutcome> {
    const t = tenant(actor);
    const ids = [...new Set(args.ids)];
    if (ids.length < 1 || ids.length > MAX_BULK_TASKS) {
      throw new TaskError(
        TaskErrorCode.InvalidBulk,
        `Choose 1 to ${MAX_BULK_TASKS} tasks for a bulk action`,
        { field: 'ids' },
      );
    }
    const bad = ids.filter((id) => !isUuid(id));
    if (bad.length) {
      throw new TaskError(TaskErrorCode.InvalidId, `These ids are not valid: ${bad.join(', ')}`, {
        field: 'ids',
      });
    }
    const own = this.tasks.onlyAssignee(t);
    if (args.action === StaffTaskBulkAction.ASSIGN) {
      if (own && args.assigneeId !== own) throw onlyYourself();
      await this.tasks.checkAssignee(t, args.assigneeId);
    }
    const plan = this.plan(args.action, args.assigneeId ?? null, args.priority ?? null);

    return this.db.$transaction(
      async (tx) => {
        const repo = this.repo.with(tx);
        const found = new Map((await repo.findByIds(t, ids, own)).map((r) => [r.id, r]));
        const skipped: BulkTaskSkip[] = [];
        const eligible: string[] = [];
        for (const id of ids) {
          const row = found.get(id);
          const reason = row ? plan.skipReason(row) : 'Task not found';
          if (reason) skipped.push({ id, reason });
          else eligible.push(id);
        }
        const changed = eligible.length
          ? await repo.updateMany(t, { ...plan.where, id: { in: eligible } }, plan.data)
          : [];
        const byId = new Map(changed.map((r) => [r.id, r]));
        for (const id of eligible) {
          const row = byId.get(id);
          if (!row) {
            skipped.push({ id, reason: 'Someone else changed this task meanwhile; reload it' });
            continue;
          }
          const before = found.get(id)!;
          await emitTaskEvent(tx, plan.event, row, {
            ...plan.change,
            previousStatus: before.status,
            previousAssigneeId: before.assigneeId,
            previousPriority: before.priority,
            bulk: true,
          });
        }
        const tasks = ids.map((id) => byId.get(id)).filter((r): r is StaffTaskRow => !!r);
        return { updated: tasks.length, skipped, tasks };
      },
      { timeout: 30_000 },
    );
  }

  private plan(
    action: StaffTaskBulkAction,
    assigneeId: string | null,
    priority: WorkOrderPriority | null,
  ): BulkPlan {
    const now = this.clock();
    const openOnly = { status: { in: [...OPEN_TASK_STATUSES] } };
    const closedReason = (row: StaffTaskRow, what: string) =>
      isClosed(row.status)
        ? `${row.status === 'DONE' ? 'Done' : 'Cancelled'} tasks cannot be ${what}; reopen it first`
        : null;
    switch (action) {
      case StaffTaskBulkAction.COMPLETE:
        return {
          skipReason: (row) =>
            row.status === 'DONE' ? 'The task is already done' : closedReason(row, 'completed'),
          where: openOnly,
          data: { status: 'DONE', completedAt: now },
          event: 'StaffTaskCompleted',
          change: { changes: ['status'] },
        };
      case StaffTaskBulkAction.CANCEL:
        return {
          skipReason: (row) =>
            row.status === 'CANCELLED'
              ? 'The task is already cancelled'
              : closedReason(row, 'cancelled'),
          where: openOnly,
          data: { status: 'CANCELLED', completedAt: null },
          event: 'StaffTaskUpdated',
          change: { changes: ['status'] },
        };
      case StaffTaskBulkAction.REOPEN:
        return {
          skipReason: (row) => (isClosed(row.status) ? null : 'The task is already open'),
          where: { status: { in: CLOSED_STATUSES } },
          data: { status: 'OPEN', completedAt: null },
          event: 'StaffTaskUpdated',
          change: { changes: ['status'] },
        };
      case StaffTaskBulkAction.ASSIGN:
        return {
          skipReason: (row) =>
            closedReason(row, 'reassigned') ??
            (row.assigneeId === assigneeId
              ? assigneeId
                ? 'The task is already assigned to this person'
                : 'The task is already unassigned'
              : null),
          where: {
            ...openOnly,
            ...(assigneeId
              ? { OR: [{ assigneeId: null }, { assigneeId: { not: assigneeId } }] }
              : { assigneeId: { not: null } }),
          },
          data: { assigneeId },
          event: 'StaffTaskUpdated',
          change: { changes: ['assigneeId'] },
        };
      case StaffTaskBulkAction.SET_PRIORITY: {
        if (!priority) {
          throw new TaskError(TaskErrorCode.InvalidBulk, 'Choose the priority to set', {
            field: 'priority',
          });
        }
        return {
          skipReason: (row) =>
            closedReason(row, 'changed') ??
            (row.priority === priority ? `The task is already ${priority}` : null),
          where: { ...openOnly, priority: { not: priority } },
          data: { priority },
          event: 'StaffTaskUpdated',
          change: { changes: ['priority'] },
        };
      }
    }
  }
}
