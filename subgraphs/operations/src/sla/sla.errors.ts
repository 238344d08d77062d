import { DomainError, type ErrorCode } from '@attendant/kit';

export enum SlaErrorCode {
  NotFound = 'SLA_POLICY_NOT_FOUND',
  NameTaken = 'SLA_POLICY_NAME_TAKEN',
  ScopeTaken = 'SLA_POLICY_SCOPE_TAKEN',
  ServiceTypeNotFound = 'SERVICE_TYPE_NOT_FOUND',
  Invalid = 'INVALID_SLA_POLICY',
}

export class SlaError extends DomainError<SlaErrorCode> {
  get transportCode(): ErrorCode {
    switch (this.code) {
      case SlaErrorCode.NotFound:
      case SlaErrorCode.ServiceTypeNotFound:
        return 'NOT_FOUND';
      case SlaErrorCode.NameTaken:
      case SlaErrorCode.ScopeTaken:
        return 'CONFLICT';
      case SlaErrorCode.Invalid:
        return 'BAD_USER_INPUT';
    }
  }
}

export const slaPolicyNotFound = (id: string) =>
  new SlaError(SlaErrorCode.NotFound, `SLA policy ${id} was not found`, { id });

export const invalidSlaPolicy = (message: string, field: string) =>
  new SlaError(SlaErrorCode.Invalid, message, { field });
