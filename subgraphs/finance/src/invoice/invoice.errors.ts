import { DomainError, type ErrorCode } from '@attendant/kit';

export enum InvoiceErrorCode {
  NotFound = 'INVOICE_NOT_FOUND',
  AmountTooLarge = 'INVOICE_AMOUNT_TOO_LARGE',
}

export class InvoiceError extends DomainError<InvoiceErrorCode> {
  get transportCode(): ErrorCode {
    switch (this.code) {
      case InvoiceErrorCode.NotFound:
        return 'NOT_FOUND';
      case InvoiceErrorCode.AmountTooLarge:
        return 'BAD_USER_INPUT';
    }
  }
}
