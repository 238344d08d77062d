import { DomainError, type ErrorCode } from '@attendant/kit';

export enum WorkOrderDetailsErrorCode {
  ItemNotFound = 'WORK_ORDER_ITEM_NOT_FOUND',
  Closed = 'WORK_ORDER_CLOSED',
  Blank = 'BLANK_TEXT',
  InvalidFile = 'INVALID_ATTACHMENT',
  FileTooLarge = 'ATTACHMENT_TOO_LARGE',
  InvalidTimeRange = 'INVALID_TIME_RANGE',
  TimerNeedsUser = 'TIMER_NEEDS_USER',
  NoRunningTimer = 'NO_RUNNING_TIMER',
  NotCompleted = 'WORK_ORDER_NOT_COMPLETED',
}

export class WorkOrderDetailsError extends DomainError<WorkOrderDetailsErrorCode> {
  get transportCode(): ErrorCode {
    switch (this.code) {
      case WorkOrderDetailsErrorCode.ItemNotFound:
        return 'NOT_FOUND';
      case WorkOrderDetailsErrorCode.Blank:
      case WorkOrderDetailsErrorCode.InvalidFile:
      case WorkOrderDetailsErrorCode.FileTooLarge:
      case WorkOrderDetailsErrorCode.InvalidTimeRange:
      case WorkOrderDetailsErrorCode.TimerNeedsUser:
        return 'BAD_USER_INPUT';
      case WorkOrderDetailsErrorCode.Closed:
      case WorkOrderDetailsErrorCode.NoRunningTimer:
      case WorkOrderDetailsErrorCode.NotCompleted:
        return 'CONFLICT';
    }
  }
}

export const itemNotFound = (what: string, id: string) =>
  new WorkOrderDetailsError(WorkOrderDetailsErrorCode.ItemNotFound, `${what} ${id} was not found`, {
    id,
  });
