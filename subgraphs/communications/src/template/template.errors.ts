import { DomainError, type ErrorCode } from '@attendant/kit';

export enum TemplateErrorCode {
  NotFound = 'TEMPLATE_NOT_FOUND',
  UnknownFields = 'TEMPLATE_UNKNOWN_FIELDS',
  Invalid = 'TEMPLATE_INVALID',
  Duplicate = 'TEMPLATE_DUPLICATE',
  InUse = 'TEMPLATE_IN_USE',
  TriggerNotFound = 'TRIGGER_NOT_FOUND',
  TriggerInvalid = 'TRIGGER_INVALID',
}

export class TemplateError extends DomainError<TemplateErrorCode> {
  get transportCode(): ErrorCode {
    switch (this.code) {
      case TemplateErrorCode.NotFound:
      case TemplateErrorCode.TriggerNotFound:
        return 'NOT_FOUND';
      case TemplateErrorCode.Duplicate:
      case TemplateErrorCode.InUse:
        return 'CONFLICT';
      case TemplateErrorCode.UnknownFields:
      case TemplateErrorCode.Invalid:
      case TemplateErrorCode.TriggerInvalid:
        return 'BAD_USER_INPUT';
    }
  }
}
