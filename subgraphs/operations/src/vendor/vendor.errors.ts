import { DomainError, type ErrorCode } from '@attendant/kit';

export enum VendorErrorCode {
  NotFound = 'VENDOR_NOT_FOUND',
  NameTaken = 'VENDOR_NAME_TAKEN',
  InvalidServiceArea = 'INVALID_SERVICE_AREA',
  ServiceTypeNotFound = 'SERVICE_TYPE_NOT_FOUND',
  DuplicateOffer = 'DUPLICATE_OFFER',
  InvalidWindow = 'INVALID_AVAILABILITY_WINDOW',
  OverlappingWindows = 'OVERLAPPING_AVAILABILITY_WINDOWS',
}

export class VendorError extends DomainError<VendorErrorCode> {
  get transportCode(): ErrorCode {
    switch (this.code) {
      case VendorErrorCode.NotFound:
        return 'NOT_FOUND';
      case VendorErrorCode.NameTaken:
        return 'CONFLICT';
      case VendorErrorCode.InvalidServiceArea:
      case VendorErrorCode.ServiceTypeNotFound:
      case VendorErrorCode.DuplicateOffer:
      case VendorErrorCode.InvalidWindow:
      case VendorErrorCode.OverlappingWindows:
        return 'BAD_USER_INPUT';
    }
  }
}

export const vendorNotFound = (id: string) =>
  new VendorError(VendorErrorCode.NotFound, `Vendor ${id} was not found`, { id });
