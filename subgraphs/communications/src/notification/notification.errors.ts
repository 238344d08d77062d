import { DomainError, type ErrorCode } from '@attendant/kit';

export enum NotificationErrorCode {
  NotFound = 'NOTIFICATION_NOT_FOUND',
  Invalid = 'NOTIFICATION_PREFERENCES_INVALID',
  NoUser = 'NOTIFICATION_NO_USER',
}

export class NotificationError extends DomainError<NotificationErrorCode> {
  get transportCode(): ErrorCode {
    switch (this.code) {
      case NotificationErrorCode.NotFound:
        return 'NOT_FOUND';
      case NotificationErrorCode.Invalid:
        return 'BAD_USER_INPUT';
      case NotificationErrorCode.NoUser:
        return 'FORBIDDEN';
    }
  }
}
