import { DomainError, type ErrorCode } from '@attendant/kit';

export enum MaintenanceErrorCode {
  NotFound = 'MAINTENANCE_PLAN_NOT_FOUND',
  NameTaken = 'MAINTENANCE_PLAN_NAME_TAKEN',
  InvalidName = 'INVALID_NAME',
  InvalidSchedule = 'INVALID_SCHEDULE',
  InvalidRule = 'INVALID_RRULE',
  InvalidStart = 'INVALID_START_DATE',
  NoTarget = 'NO_TARGET',
  ServiceTypeNotFound = 'SERVICE_TYPE_NOT_FOUND',
  TeamNotFound = 'TEAM_NOT_FOUND',
  TechnicianNotFound = 'TECHNICIAN_NOT_FOUND',
}

export class MaintenanceError extends DomainError<MaintenanceErrorCode> {
  get transportCode(): ErrorCode {
    switch (this.code) {
      case MaintenanceErrorCode.NotFound:
        return 'NOT_FOUND';
      case MaintenanceErrorCode.NameTaken:
        return 'CONFLICT';
      case MaintenanceErrorCode.InvalidName:
      case MaintenanceErrorCode.InvalidSchedule:
      case MaintenanceErrorCode.InvalidRule:
      case MaintenanceErrorCode.InvalidStart:
      case MaintenanceErrorCode.NoTarget:
      case MaintenanceErrorCode.ServiceTypeNotFound:
      case MaintenanceErrorCode.TeamNotFound:
      case MaintenanceErrorCode.TechnicianNotFound:
        return 'BAD_USER_INPUT';
    }
  }
}

export const planNotFound = (id: string) =>
  new MaintenanceError(MaintenanceErrorCode.NotFound, `Maintenance plan ${id} was not found`, {
    id,
  });
