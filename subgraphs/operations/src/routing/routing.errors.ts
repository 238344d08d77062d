import { DomainError, type ErrorCode } from '@attendant/kit';

export enum RoutingErrorCode {
  SuggestionNotFound = 'SUGGESTION_NOT_FOUND',
  TechnicianNotFound = 'TECHNICIAN_NOT_FOUND',
  SiteNotFound = 'SITE_NOT_FOUND',
  DayOver = 'DAY_OVER',
  InvalidScenario = 'INVALID_SCENARIO',
  SuggestionClosed = 'SUGGESTION_CLOSED',
  ApplyConflict = 'APPLY_CONFLICT',
  OptimizerUnavailable = 'OPTIMIZER_UNAVAILABLE',
}

export class RoutingError extends DomainError<RoutingErrorCode> {
  get transportCode(): ErrorCode {
    switch (this.code) {
      case RoutingErrorCode.SuggestionNotFound:
      case RoutingErrorCode.TechnicianNotFound:
      case RoutingErrorCode.SiteNotFound:
        return 'NOT_FOUND';
      case RoutingErrorCode.DayOver:
      case RoutingErrorCode.InvalidScenario:
        return 'BAD_USER_INPUT';
      case RoutingErrorCode.SuggestionClosed:
      case RoutingErrorCode.ApplyConflict:
        return 'CONFLICT';
      case RoutingErrorCode.OptimizerUnavailable:
        return 'INTERNAL_SERVER_ERROR';
    }
  }
}

export const suggestionNotFound = (id: string) =>
  new RoutingError(RoutingErrorCode.SuggestionNotFound, `No schedule suggestion ${id}`, { id });
