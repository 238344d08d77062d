import { DomainError, type ErrorCode } from '@attendant/kit';

export enum EmailErrorCode {
  /** The SMTP server refused the recipient or the message for good (5xx). */
  Rejected = 'EMAIL_REJECTED',
  /** The SMTP server refused for now (4xx: greylisting, a full mailbox, rate limits). */
  TemporarilyRejected = 'EMAIL_TEMPORARILY_REJECTED',
  /** The SMTP server could not be reached or dropped the connection. */
  ServerUnavailable = 'EMAIL_SERVER_UNAVAILABLE',
  AuthFailed = 'EMAIL_AUTH_FAILED',
  NotConfigured = 'EMAIL_NOT_CONFIGURED',
  /** The mail sink's API failed or is not configured. */
  SinkUnavailable = 'EMAIL_SINK_UNAVAILABLE',
  SinkMailNotFound = 'EMAIL_SINK_MAIL_NOT_FOUND',
}

/** Codes a job should retry later (with backoff) rather than give up on. */
const RETRYABLE = new Set([EmailErrorCode.TemporarilyRejected, EmailErrorCode.ServerUnavailable]);

export class EmailError extends DomainError<EmailErrorCode> {
  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }

  get transportCode(): ErrorCode {
    switch (this.code) {
      case EmailErrorCode.Rejected:
      case EmailErrorCode.NotConfigured:
        return 'BAD_USER_INPUT';
      case EmailErrorCode.SinkMailNotFound:
        return 'NOT_FOUND';
      case EmailErrorCode.TemporarilyRejected:
      case EmailErrorCode.ServerUnavailable:
      case EmailErrorCode.AuthFailed:
      case EmailErrorCode.SinkUnavailable:
        return 'INTERNAL_SERVER_ERROR';
    }
  }
}
