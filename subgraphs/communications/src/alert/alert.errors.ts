import { DomainError, type ErrorCode } from '@attendant/kit';

export enum AlertErrorCode {
  NotFound = 'ALERT_NOT_FOUND',
  InvalidRule = 'ALERT_RULE_INVALID',
}

export class AlertError extends DomainError<AlertErrorCode> {
  get transportCode(): ErrorCode {
    switch (this.code) {
      case AlertErrorCode.NotFound:
        return 'NOT_FOUND';
      case AlertErrorCode.InvalidRule:
        return 'BAD_USER_INPUT';
    }
  }
}
