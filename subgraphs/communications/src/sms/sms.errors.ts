import { DomainError, type ErrorCode } from '@attendant/kit';

export enum SmsErrorCode {
  RecipientOptedOut = 'SMS_RECIPIENT_OPTED_OUT',
  InvalidRecipient = 'SMS_INVALID_RECIPIENT',
  InvalidSender = 'SMS_INVALID_SENDER',
  InvalidMessage = 'SMS_INVALID_MESSAGE',
  RateLimited = 'SMS_RATE_LIMITED',
  ProviderAuthFailed = 'SMS_PROVIDER_AUTH_FAILED',
  ProviderUnavailable = 'SMS_PROVIDER_UNAVAILABLE',
  Rejected = 'SMS_REJECTED',
  NotConfigured = 'SMS_NOT_CONFIGURED',
}

/** Codes a job should retry later (with backoff) rather than give up on. */
const RETRYABLE = new Set([SmsErrorCode.RateLimited, SmsErrorCode.ProviderUnavailable]);

export class SmsError extends DomainError<SmsErrorCode> {
  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }

  get transportCode(): ErrorCode {
    switch (this.code) {
      case SmsErrorCode.RecipientOptedOut:
      case SmsErrorCode.InvalidRecipient:
      case SmsErrorCode.InvalidSender:
      case SmsErrorCode.InvalidMessage:
      case SmsErrorCode.Rejected:
        return 'BAD_USER_INPUT';
      case SmsErrorCode.RateLimited:
      case SmsErrorCode.ProviderAuthFailed:
      case SmsErrorCode.ProviderUnavailable:
      case SmsErrorCode.NotConfigured:
        return 'INTERNAL_SERVER_ERROR';
    }
  }
}
