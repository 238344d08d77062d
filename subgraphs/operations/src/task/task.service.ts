import type { TaskStatus, User as UserRow, WorkOrder as WorkOrderRow } from '@attendant/db';
import {
  isUuid,
  pageSize,
  tenant,
  type Actor,
  type Db,
  type Page,
  type TenantActor,
} from '@attendant/kit';
import { TaskError, TaskErrorCode, taskConflict, taskNotFound } from './task.errors';
import { cursorOf, decodeQueueCursor, isOverdue, OPEN_TASK_STATUSES } from './task.queue';
import { TaskRepository, type QueueCriteria, type StaffTaskRow } from './task.repository';
import {
  checkDueAt,
  checkTitle,
  checkTransition,
  checkVersion,
  emitTaskEvent,
  isClosed,
  isFieldOnly,
  statusData,
} from './task.rules';
import type {
  CreateStaffTaskInput,
  StaffTaskCounts,
  StaffTaskFilter,
  UpdateStaffTaskInput,
} from './task.type';

// Matches nobody: a technician without a user id sees no tasks.
const NOBODY = '00000000-0000-0000-0000-000000000000';

export class TaskService {
  private readonly repo: TaskRepository;

  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.repo = new TaskRepository(db);
  }

  /** The assignee a technician is limited to, or null for everyone else. */
  onlyAssignee(actor: TenantActor): string | null {
    return isFieldOnly(actor) ? (actor.userId ?? NOBODY) : null;
  }

  async get(actor: Actor, id: string): Promise<StaffTaskRow> {
    const t = tenant(actor);
    if (!isUuid(id)) throw taskNotFound(id);
    const [row] = await this.repo.findByIds(t, [id], this.onlyAssignee(t));
    if (!row) throw taskNotFound(id);
    return row;
  }

  byIds(actor: Actor, ids: readonly string[]): Promise<StaffTaskRow[]> {
    const t = tenant(actor);
    return this.repo.findByIds(t, ids.filter(isUuid), this.onlyAssignee(t));
  }

  isOverdue(row: StaffTaskRow): boolean {
    return isOverdue(row, this.clock());
  }

  async list(
    actor: Actor,
    args: { first?: number | null; after?: string | null; filter?: StaffTaskFilter | null },
  ): Promise<Page<StaffTaskRow>> {
    const t = tenant(actor);
    const size = pageSize(args.first);
    const after = args.after ? decodeQueueCursor(args.after) : null;
    const now = after ? new Date(after.n) : this.clock();
    const f = args.filter ?? {};
    const assigneeIds = [this.onlyAssignee(t), f.assigneeId, f.mine ? (t.userId ?? NOBODY) : null];
    const criteria: QueueCriteria = {
      statuses: f.status?.length ? f.status : OPEN_TASK_STATUSES,
      assigneeIds: assigneeIds.filter((id): id is string => !!id),
      unassigned: f.unassigned === true,
      overdue: f.overdue ?? null,
      escalated: f.escalated === true,
      priorities: f.priority ?? [],
      search: f.search?.trim() || null,
      dueBefore: f.dueBefore ?? null,
    };
    const { rows, totalCount } = await this.repo.page(t, criteria, { first: size, now, after });
    const nodes = rows.slice(0, size);
    const last = nodes.at(-1);
    return {
      nodes,
      hasNextPage: rows.length > size,
      endCursor: last ? cursorOf(last, now) : null,
      totalCount,
    };
  }

  counts(actor: Actor): Promise<StaffTaskCounts> {
    const t = tenant(actor);
    return this.repo.counts(t, {
      now: this.clock(),
      userId: t.userId,
      onlyAssigneeId: this.onlyAssignee(t),
    });
  }

  assignableUsers(actor: Actor): Promise<UserRow[]> {
    return this.repo.assignableUsers(tenant(actor));
  }

  usersByIds(actor: Actor, ids: readonly string[]): Promise<UserRow[]> {
    return this.repo.usersByIds(tenant(actor), ids.filter(isUuid));
  }

  workOrdersByIds(actor: Actor, ids: readonly string[]): Promise<WorkOrderRow[]> {
    const t = tenant(actor);
    return this.repo.workOrdersByIds(t, ids, this.onlyAssignee(t));
  }

  async create(actor: Actor, input: CreateStaffTaskInput): Promise<StaffTaskRow> {
    const t = tenant(actor);
    const now = this.clock();
    const title = checkTitle(input.title);
    checkDueAt(input.dueAt, now);
    const own = this.onlyAssignee(t);
    if (own && input.assigneeId && input.assigneeId !== own) throw onlyYourself();
    const assigneeId = own ?? input.assigneeId ?? null;
    await this.checkAssignee(t, assigneeId);
    await this.checkWorkOrder(t, input.workOrderId);
    return this.db.$transaction(async (tx) => {
      const row = await this.repo.with(tx).create({
        organizationId: t.organizationId,
        title,
        description: input.description?.trim() || null,
        priority: input.priority,
        dueAt: input.dueAt ?? null,
        assigneeId,
        guestId: input.guestId ?? null,
        reservationId: input.reservationId ?? null,
        workOrderId: input.workOrderId ?? null,
        createdById: t.userId,
      });
      await emitTaskEvent(tx, 'StaffTaskCreated', row);
      return row;
    });
  }

  async update(
    actor: Actor,
    id: string,
    input: UpdateStaffTaskInput,
    expectedVersion?: number | null,
  ): Promise<StaffTaskRow> {
    const t = tenant(actor);
    const now = this.clock();
    const current = await this.get(t, id);
    if (isClosed(current.status)) {
      throw new TaskError(
        TaskErrorCode.Closed,
        `This task is ${current.status === 'DONE' ? 'done' : 'cancelled'}; reopen it to edit it`,
        { id },
      );
    }
    checkVersion(current, expectedVersion);
    const own = this.onlyAssignee(t);
    if (own && input.assigneeId !== undefined && input.assigneeId !== own) throw onlyYourself();
    const data: Parameters<TaskRepository['updateVersioned']>[3] = {};
    if (input.title != null) data.title = checkTitle(input.title);
    if (input.description !== undefined) data.description = input.description?.trim() || null;
    if (input.priority != null) data.priority = input.priority;
    if (input.dueAt !== undefined && input.dueAt?.getTime() !== current.dueAt?.getTime()) {
      checkDueAt(input.dueAt, now);
      // A new due time starts the escalation over.
      Object.assign(data, { dueAt: input.dueAt, escalationLevel: 0, escalatedAt: null });
    }
    if (input.assigneeId !== undefined && input.assigneeId !== current.assigneeId) {
      await this.checkAssignee(t, input.assigneeId);
      data.assigneeId = input.assigneeId;
    }
    if (input.guestId !== undefined && input.guestId !== current.guestId)
      data.guestId = input.guestId;
    if (input.reservationId !== undefined && input.reservationId !== current.reservationId)
      data.reservationId = input.reservationId;
    if (input.workOrderId !== undefined && input.workOrderId !== current.workOrderId) {
      await this.checkWorkOrder(t, input.workOrderId);
      data.workOrderId = input.workOrderId;
    }
    const changes = Object.keys(data).filter((k) => k !== 'escalationLevel' && k !== 'escalatedAt');
    if (changes.length === 0) return current;
    return this.db.$transaction(async (tx) => {
      const row = await this.repo.with(tx).updateVersioned(t, id, current.version, data);
      if (!row) throw taskConflict(id);
      await emitTaskEvent(tx, 'StaffTaskUpdated', row, {
        changes,
        previousAssigneeId: current.assigneeId,
      });
      return row;
    });
  }

  async setStatus(
    actor: Actor,
    id: string,
    status: TaskStatus,
    expectedVersion?: number | null,
  ): Promise<StaffTaskRow> {
    const t = tenant(actor);
    const current = await this.get(t, id);
    checkVersion(current, expectedVersion);
    checkTransition(current, status);
    return this.db.$transaction(async (tx) => {
      const row = await this.repo
        .with(tx)
        .updateVersioned(t, id, current.version, statusData(status, this.clock()));
      if (!row) throw taskConflict(id);
      await emitTaskEvent(tx, status === 'DONE' ? 'StaffTaskCompleted' : 'StaffTaskUpdated', row, {
        changes: ['status'],
        previousStatus: current.status,
      });
      return row;
    });
  }

  /** An assignee must be an active member of the organization who does the work. */
  async checkAssignee(actor: TenantActor, assigneeId: string | null | undefined): Promise<void> {
    if (!assigneeId) return;
    const [user] = await this.repo.assignableUsers(actor, [assigneeId]);
    if (!user) {
      throw new TaskError(
        TaskErrorCode.InvalidAssignee,
        'Choose an active staff member of your organization as the assignee',
        { field: 'assigneeId' },
      );
    }
  }

  private async checkWorkOrder(actor: TenantActor, id: string | null | undefined): Promise<void> {
    if (id && !(await this.repo.workOrderExists(actor, id))) {
      throw new TaskError(TaskErrorCode.WorkOrderNotFound, `Work order ${id} was not found`, {
        field: 'workOrderId',
      });
    }
  }
}

export const onlyYourself = () =>
  new TaskError(TaskErrorCode.NotYours, 'Technicians can only assign tasks to themselves', {
    field: 'assigneeId',
  });
