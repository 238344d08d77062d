import { DomainError, type ErrorCode } from '@attendant/kit';

export enum TaskErrorCode {
  NotFound = 'STAFF_TASK_NOT_FOUND',
  WorkOrderNotFound = 'WORK_ORDER_NOT_FOUND',
  InvalidAssignee = 'INVALID_ASSIGNEE',
  InvalidDueAt = 'INVALID_DUE_AT',
  InvalidTitle = 'INVALID_TITLE',
  InvalidId = 'INVALID_ID',
  InvalidTransition = 'INVALID_STATUS_TRANSITION',
  InvalidBulk = 'INVALID_BULK_ACTION',
  Closed = 'STAFF_TASK_CLOSED',
  VersionConflict = 'VERSION_CONFLICT',
  NotYours = 'NOT_ASSIGNED_TO_YOU',
}

export class TaskError extends DomainError<TaskErrorCode> {
  get transportCode(): ErrorCode {
    switch (this.code) {
      case TaskErrorCode.NotFound:
      case TaskErrorCode.WorkOrderNotFound:
        return 'NOT_FOUND';
      case TaskErrorCode.InvalidAssignee:
      case TaskErrorCode.InvalidDueAt:
      case TaskErrorCode.InvalidTitle:
      case TaskErrorCode.InvalidId:
      case TaskErrorCode.InvalidTransition:
      case TaskErrorCode.InvalidBulk:
        return 'BAD_USER_INPUT';
      case TaskErrorCode.Closed:
      case TaskErrorCode.VersionConflict:
        return 'CONFLICT';
      case TaskErrorCode.NotYours:
        return 'FORBIDDEN';
    }
  }
}

export const taskNotFound = (id: string) =>
  new TaskError(TaskErrorCode.NotFound, `Staff task ${id} was not found`, { id });

export const taskConflict = (id: string) =>
  new TaskError(
    TaskErrorCode.VersionConflict,
    'Someone else changed this task; reload and try again',
    { id },
  );
