import { DomainError, type ErrorCode } from '@attendant/kit';

export enum WorkOrderErrorCode {
  NotFound = 'WORK_ORDER_NOT_FOUND',
  InvalidTransition = 'INVALID_STATUS_TRANSITION',
  ReasonRequired = 'STATUS_REASON_REQUIRED',
  NotSchedulable = 'NOT_SCHEDULABLE',
  InvalidWindow = 'INVALID_TIME_WINDOW',
  TechnicianNotFound = 'TECHNICIAN_NOT_FOUND',
  ServiceTypeNotFound = 'SERVICE_TYPE_NOT_FOUND',
  ServiceTypeInactive = 'SERVICE_TYPE_INACTIVE',
  VendorNotFound = 'VENDOR_NOT_FOUND',
  TeamNotFound = 'TEAM_NOT_FOUND',
  ReworkOfNotFound = 'REWORK_OF_NOT_FOUND',
  TechnicianOrVendor = 'TECHNICIAN_OR_VENDOR',
  VersionConflict = 'VERSION_CONFLICT',
  NotAssignedToYou = 'NOT_ASSIGNED_TO_YOU',
  NotYourStatus = 'STATUS_RESERVED_FOR_DISPATCH',
  Closed = 'WORK_ORDER_CLOSED',
  Reassigned = 'REASSIGNED',
}

export class WorkOrderError extends DomainError<WorkOrderErrorCode> {
  get transportCode(): ErrorCode {
    switch (this.code) {
      case WorkOrderErrorCode.NotFound:
      case WorkOrderErrorCode.TechnicianNotFound:
      case WorkOrderErrorCode.ServiceTypeNotFound:
      case WorkOrderErrorCode.VendorNotFound:
      case WorkOrderErrorCode.TeamNotFound:
      case WorkOrderErrorCode.ReworkOfNotFound:
        return 'NOT_FOUND';
      case WorkOrderErrorCode.InvalidTransition:
      case WorkOrderErrorCode.ReasonRequired:
      case WorkOrderErrorCode.NotSchedulable:
      case WorkOrderErrorCode.InvalidWindow:
      case WorkOrderErrorCode.ServiceTypeInactive:
      case WorkOrderErrorCode.TechnicianOrVendor:
        return 'BAD_USER_INPUT';
      case WorkOrderErrorCode.VersionConflict:
      case WorkOrderErrorCode.Closed:
      case WorkOrderErrorCode.Reassigned:
        return 'CONFLICT';
      case WorkOrderErrorCode.NotAssignedToYou:
      case WorkOrderErrorCode.NotYourStatus:
        return 'FORBIDDEN';
    }
  }
}
