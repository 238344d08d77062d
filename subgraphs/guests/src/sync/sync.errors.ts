import { DomainError, type ErrorCode } from '@attendant/kit';

export enum SyncErrorCode {
  NotConnected = 'MEWS_NOT_CONNECTED',
  ConnectionFailed = 'MEWS_CONNECTION_FAILED',
  InvalidConnection = 'MEWS_INVALID_CONNECTION',
  ImportRunning = 'MEWS_IMPORT_RUNNING',
  InvalidWindow = 'SYNC_INVALID_WINDOW',
  NotLinked = 'SYNC_NOT_LINKED',
  NotFound = 'SYNC_ENTITY_NOT_FOUND',
  RunNotFound = 'SYNC_RUN_NOT_FOUND',
  DeadLetterNotFound = 'SYNC_DEAD_LETTER_NOT_FOUND',
  ConflictNotFound = 'SYNC_CONFLICT_NOT_FOUND',
  AlreadyResolved = 'SYNC_ALREADY_RESOLVED',
}

export class SyncError extends DomainError<SyncErrorCode> {
  get transportCode(): ErrorCode {
    switch (this.code) {
      case SyncErrorCode.NotFound:
      case SyncErrorCode.RunNotFound:
      case SyncErrorCode.DeadLetterNotFound:
      case SyncErrorCode.ConflictNotFound:
        return 'NOT_FOUND';
      case SyncErrorCode.ConnectionFailed:
      case SyncErrorCode.InvalidConnection:
      case SyncErrorCode.InvalidWindow:
      case SyncErrorCode.NotLinked:
      case SyncErrorCode.NotConnected:
        return 'BAD_USER_INPUT';
      case SyncErrorCode.ImportRunning:
      case SyncErrorCode.AlreadyResolved:
        return 'CONFLICT';
    }
  }
}
