import { DomainError, type ErrorCode } from '@attendant/kit';

export enum GuestRulesErrorCode {
  InvalidRules = 'INVALID_GUEST_RULES',
  InvalidTrendWindow = 'INVALID_TREND_WINDOW',
  GuestNotFound = 'GUEST_NOT_FOUND',
}

export class GuestRulesError extends DomainError<GuestRulesErrorCode> {
  get transportCode(): ErrorCode {
    switch (this.code) {
      case GuestRulesErrorCode.InvalidRules:
      case GuestRulesErrorCode.InvalidTrendWindow:
        return 'BAD_USER_INPUT';
      case GuestRulesErrorCode.GuestNotFound:
        return 'NOT_FOUND';
    }
  }
}
