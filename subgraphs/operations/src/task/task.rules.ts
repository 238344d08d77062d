import type { TaskStatus } from '@attendant/db';
import { recordEvent, type Actor, type DbOrTx } from '@attendant/kit';
import { TaskError, TaskErrorCode, taskConflict } from './task.errors';
import type { StaffTaskRow } from './task.repository';

/*
 * The staff task status machine: OPEN ↔ IN_PROGRESS, either → DONE or CANCELLED, and a closed
 * task (DONE, CANCELLED) can be reopened to OPEN.
 */
export const TASK_TRANSITIONS: Readonly<Record<TaskStatus, readonly TaskStatus[]>> = {
  OPEN: ['IN_PROGRESS', 'DONE', 'CANCELLED'],
  IN_PROGRESS: ['OPEN', 'DONE', 'CANCELLED'],
  DONE: ['OPEN'],
  CANCELLED: ['OPEN'],
};

export const isClosed = (status: TaskStatus): boolean =>
  status === 'DONE' || status === 'CANCELLED';

/** Technicians (and only they) see and change just the tasks assigned to them. */
export const isFieldOnly = (actor: Actor): boolean =>
  actor.roles.length > 0 && actor.roles.every((r) => r === 'TECHNICIAN');

const MAX_DUE_AHEAD_MS = 366 * 86_400_000;

export function checkTitle(title: string): string {
  const trimmed = title.trim();
  if (trimmed.length < 3 || trimmed.length > 200) {
    throw new TaskError(TaskErrorCode.InvalidTitle, 'Title must be 3 to 200 characters', {
      field: 'title',
    });
  }
  return trimmed;
}

export function checkDueAt(dueAt: Date | null | undefined, now: Date): void {
  if (!dueAt) return;
  if (Number.isNaN(dueAt.getTime()) || dueAt.getTime() - now.getTime() > MAX_DUE_AHEAD_MS) {
    throw new TaskError(
      TaskErrorCode.InvalidDueAt,
      'Choose a due time no more than a year from now',
      { field: 'dueAt' },
    );
  }
}

export function checkVersion(row: StaffTaskRow, expected: number | null | undefined): void {
  if (expected != null && expected !== row.version) throw taskConflict(row.id);
}

export function checkTransition(row: StaffTaskRow, to: TaskStatus): void {
  const allowed = TASK_TRANSITIONS[row.status];
  if (!allowed.includes(to)) {
    throw new TaskError(
      TaskErrorCode.InvalidTransition,
      row.status === to
        ? `The task is already ${to}`
        : `A task cannot go from ${row.status} to ${to}; allowed: ${allowed.join(', ')}`,
      { field: 'status', from: row.status, to, allowed: [...allowed] },
    );
  }
}

/** The fields a status change sets besides the status. */
export function statusData(
  to: TaskStatus,
  now: Date,
): { status: TaskStatus; completedAt: Date | null } {
  return { status: to, completedAt: to === 'DONE' ? now : null };
}

export type TaskEventType =
  'StaffTaskCreated' | 'StaffTaskUpdated' | 'StaffTaskCompleted' | 'StaffTaskEscalated';

/** Every change writes one of these; communications acts on escalations and assignments. */
export function emitTaskEvent(
  tx: DbOrTx,
  type: TaskEventType,
  row: Pick<
    StaffTaskRow,
    | 'id'
    | 'organizationId'
    | 'title'
    | 'priority'
    | 'dueAt'
    | 'assigneeId'
    | 'escalationLevel'
    | 'guestId'
    | 'reservationId'
  > &
    Partial<Pick<StaffTaskRow, 'status' | 'workOrderId' | 'version'>>,
  extra: Record<string, unknown> = {},
): Promise<string> {
  return recordEvent(tx, 'operations', {
    type,
    entityType: 'StaffTask',
    entityId: row.id,
    organizationId: row.organizationId,
    payload: {
      title: row.title,
      priority: row.priority,
      dueAt: row.dueAt?.toISOString() ?? null,
      assigneeId: row.assigneeId,
      escalationLevel: row.escalationLevel,
      guestId: row.guestId,
      reservationId: row.reservationId,
      ...(row.status !== undefined ? { status: row.status } : {}),
      ...(row.workOrderId !== undefined ? { workOrderId: row.workOrderId } : {}),
      ...(row.version !== undefined ? { version: row.version } : {}),
      ...extra,
    },
  });
}
