import { DomainError, type ErrorCode } from '@attendant/kit';

export enum GuestErrorCode {
  NotFound = 'GUEST_NOT_FOUND',
  EmailTaken = 'GUEST_EMAIL_TAKEN',
  CompanyNotFound = 'COMPANY_NOT_FOUND',
  InvalidBirthDate = 'INVALID_BIRTH_DATE',
}

export class GuestError extends DomainError<GuestErrorCode> {
  get transportCode(): ErrorCode {
    switch (this.code) {
      case GuestErrorCode.NotFound:
      case GuestErrorCode.CompanyNotFound:
        return 'NOT_FOUND';
      case GuestErrorCode.InvalidBirthDate:
        return 'BAD_USER_INPUT';
      case GuestErrorCode.EmailTaken:
        return 'CONFLICT';
    }
  }
}
