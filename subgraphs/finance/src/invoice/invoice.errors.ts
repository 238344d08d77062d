import { DomainError, type ErrorCode } from '@attendant/kit';

export enum InvoiceErrorCode {
  NotFound = 'INVOICE_NOT_FOUND',
  AmountTooLarge = 'INVOICE_AMOUNT_TOO_LARGE',
  NotIssuable = 'INVOICE_NOT_ISSUABLE',
  NotPayable = 'INVOICE_NOT_PAYABLE',
  InvalidPayment = 'INVOICE_INVALID_PAYMENT',
}

export class InvoiceError extends DomainError<InvoiceErrorCode> {
  get transportCode(): ErrorCode {
    switch (this.code) {
      case InvoiceErrorCode.NotFound:
        return 'NOT_FOUND';
      case InvoiceErrorCode.AmountTooLarge:
      case InvoiceErrorCode.InvalidPayment:
        return 'BAD_USER_INPUT';
      case InvoiceErrorCode.NotIssuable:
      case InvoiceErrorCode.NotPayable:
        return 'CONFLICT';
    }
  }
}
