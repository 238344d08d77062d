import { DomainError, type ErrorCode } from '@attendant/kit';
import type { ScheduleConflictView } from './conflict.rules';

export enum DispatchErrorCode {
  WorkOrderNotFound = 'WORK_ORDER_NOT_FOUND',
  TechnicianNotFound = 'TECHNICIAN_NOT_FOUND',
  TechnicianInactive = 'TECHNICIAN_INACTIVE',
  InvalidDay = 'INVALID_DAY',
  StartRequired = 'START_REQUIRED',
  StartOutOfRange = 'START_OUT_OF_RANGE',
  NotReschedulable = 'NOT_RESCHEDULABLE',
  Closed = 'WORK_ORDER_CLOSED',
  VersionConflict = 'VERSION_CONFLICT',
  ScheduleConflict = 'SCHEDULE_CONFLICT',
  ForceNotAllowed = 'FORCE_NOT_ALLOWED',
}

export class DispatchError extends DomainError<DispatchErrorCode> {
  get transportCode(): ErrorCode {
    switch (this.code) {
      case DispatchErrorCode.WorkOrderNotFound:
      case DispatchErrorCode.TechnicianNotFound:
        return 'NOT_FOUND';
      case DispatchErrorCode.TechnicianInactive:
      case DispatchErrorCode.InvalidDay:
      case DispatchErrorCode.StartRequired:
      case DispatchErrorCode.StartOutOfRange:
      case DispatchErrorCode.NotReschedulable:
        return 'BAD_USER_INPUT';
      case DispatchErrorCode.Closed:
      case DispatchErrorCode.VersionConflict:
      case DispatchErrorCode.ScheduleConflict:
        return 'CONFLICT';
      case DispatchErrorCode.ForceNotAllowed:
        return 'FORBIDDEN';
    }
  }
}

export const workOrderNotFound = (id: string) =>
  new DispatchError(DispatchErrorCode.WorkOrderNotFound, `Work order ${id} was not found`, { id });

export const technicianNotFound = (id: string) =>
  new DispatchError(DispatchErrorCode.TechnicianNotFound, `Technician ${id} was not found`, {
    field: 'technicianId',
    id,
  });

/** A booking refused for its blocking conflicts; the warnings travel along for the client. */
export const scheduleRefused = (label: string, conflicts: readonly ScheduleConflictView[]) =>
  new DispatchError(
    DispatchErrorCode.ScheduleConflict,
    `Cannot schedule ${label}: ${conflicts
      .filter((c) => c.blocking)
      .map((c) => c.message)
      .join('; ')}`,
    {
      conflicts: conflicts.filter((c) => c.blocking),
      warnings: conflicts.filter((c) => !c.blocking),
    },
  );
