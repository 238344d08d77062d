import { DomainError, type ErrorCode } from '@attendant/kit';

export enum SiteErrorCode {
  NotFound = 'SITE_NOT_FOUND',
  GuestNotFound = 'GUEST_NOT_FOUND',
  CompanyNotFound = 'COMPANY_NOT_FOUND',
}

export class SiteError extends DomainError<SiteErrorCode> {
  get transportCode(): ErrorCode {
    switch (this.code) {
      case SiteErrorCode.NotFound:
      case SiteErrorCode.GuestNotFound:
      case SiteErrorCode.CompanyNotFound:
        return 'NOT_FOUND';
    }
  }
}
