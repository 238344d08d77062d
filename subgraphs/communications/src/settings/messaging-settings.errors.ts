import { DomainError, type ErrorCode } from '@attendant/kit';

export enum MessagingSettingsErrorCode {
  Invalid = 'MESSAGING_SETTINGS_INVALID',
}

export class MessagingSettingsError extends DomainError<MessagingSettingsErrorCode> {
  get transportCode(): ErrorCode {
    switch (this.code) {
      case MessagingSettingsErrorCode.Invalid:
        return 'BAD_USER_INPUT';
    }
  }
}
