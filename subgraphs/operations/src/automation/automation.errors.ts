import { DomainError, type ErrorCode } from '@attendant/kit';

export enum AutomationErrorCode {
  NotFound = 'AUTOMATION_RULE_NOT_FOUND',
  NameTaken = 'AUTOMATION_RULE_NAME_TAKEN',
  InvalidName = 'INVALID_NAME',
  NoCondition = 'NO_CONDITION',
  InvalidTitle = 'INVALID_TITLE',
  InvalidHours = 'INVALID_HOURS_BEFORE_ARRIVAL',
  ServiceTypeNotFound = 'SERVICE_TYPE_NOT_FOUND',
  ServiceTypeInactive = 'SERVICE_TYPE_INACTIVE',
  TeamNotFound = 'TEAM_NOT_FOUND',
}

export class AutomationError extends DomainError<AutomationErrorCode> {
  get transportCode(): ErrorCode {
    switch (this.code) {
      case AutomationErrorCode.NotFound:
        return 'NOT_FOUND';
      case AutomationErrorCode.NameTaken:
        return 'CONFLICT';
      case AutomationErrorCode.InvalidName:
      case AutomationErrorCode.NoCondition:
      case AutomationErrorCode.InvalidTitle:
      case AutomationErrorCode.InvalidHours:
      case AutomationErrorCode.ServiceTypeNotFound:
      case AutomationErrorCode.ServiceTypeInactive:
      case AutomationErrorCode.TeamNotFound:
        return 'BAD_USER_INPUT';
    }
  }
}

export const ruleNotFound = (id: string) =>
  new AutomationError(AutomationErrorCode.NotFound, `Automation rule ${id} was not found`, { id });
