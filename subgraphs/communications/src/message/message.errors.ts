import { DomainError, type ErrorCode } from '@attendant/kit';

export enum MessageErrorCode {
  NotFound = 'MESSAGE_NOT_FOUND',
  OptedOut = 'RECIPIENT_OPTED_OUT',
  InvalidAddress = 'INVALID_ADDRESS',
  ChannelNotSupported = 'CHANNEL_NOT_SUPPORTED',
  NotConfigured = 'MESSAGING_NOT_CONFIGURED',
  InvalidContent = 'INVALID_MESSAGE_CONTENT',
}

export class MessageError extends DomainError<MessageErrorCode> {
  get transportCode(): ErrorCode {
    switch (this.code) {
      case MessageErrorCode.NotFound:
        return 'NOT_FOUND';
      case MessageErrorCode.OptedOut:
      case MessageErrorCode.InvalidAddress:
      case MessageErrorCode.ChannelNotSupported:
      case MessageErrorCode.NotConfigured:
      case MessageErrorCode.InvalidContent:
        return 'BAD_USER_INPUT';
    }
  }
}
