import { DomainError, type ErrorCode } from '@attendant/kit';

export enum NoteErrorCode {
  NotFound = 'NOTE_NOT_FOUND',
  Invalid = 'NOTE_INVALID',
  NotYours = 'NOTE_NOT_YOURS',
  Deleted = 'NOTE_DELETED',
  KeyReused = 'NOTE_IDEMPOTENCY_KEY_REUSED',
}

export class NoteError extends DomainError<NoteErrorCode> {
  get transportCode(): ErrorCode {
    switch (this.code) {
      case NoteErrorCode.NotFound:
        return 'NOT_FOUND';
      case NoteErrorCode.Invalid:
        return 'BAD_USER_INPUT';
      case NoteErrorCode.NotYours:
        return 'FORBIDDEN';
      case NoteErrorCode.Deleted:
      case NoteErrorCode.KeyReused:
        return 'CONFLICT';
    }
  }
}
