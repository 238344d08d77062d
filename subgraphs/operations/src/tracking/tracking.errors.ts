import { DomainError, type ErrorCode } from '@attendant/kit';

export enum TrackingErrorCode {
  NotATechnician = 'NOT_A_TECHNICIAN',
  InvalidPings = 'INVALID_LOCATION_PINGS',
  InvalidRange = 'INVALID_TIME_RANGE',
  TechnicianNotFound = 'TECHNICIAN_NOT_FOUND',
  NotYourPosition = 'NOT_YOUR_POSITION',
  LinkNotFound = 'TRACKING_LINK_NOT_FOUND',
  LinkExpired = 'TRACKING_LINK_EXPIRED',
  WorkOrderClosed = 'WORK_ORDER_CLOSED',
}

export class TrackingError extends DomainError<TrackingErrorCode> {
  get transportCode(): ErrorCode {
    switch (this.code) {
      case TrackingErrorCode.NotATechnician:
      case TrackingErrorCode.NotYourPosition:
        return 'FORBIDDEN';
      case TrackingErrorCode.InvalidPings:
      case TrackingErrorCode.InvalidRange:
      case TrackingErrorCode.WorkOrderClosed:
        return 'BAD_USER_INPUT';
      // An expired link finds nothing any more; `reason` tells the page which case it is.
      case TrackingErrorCode.TechnicianNotFound:
      case TrackingErrorCode.LinkNotFound:
      case TrackingErrorCode.LinkExpired:
        return 'NOT_FOUND';
    }
  }
}

export const invalidPings = (message: string, index?: number) =>
  new TrackingError(
    TrackingErrorCode.InvalidPings,
    message,
    index === undefined ? { field: 'pings' } : { field: `pings.${index}`, index },
  );

export const linkNotFound = () =>
  new TrackingError(TrackingErrorCode.LinkNotFound, 'This tracking link is not valid');

export const linkExpired = () =>
  new TrackingError(
    TrackingErrorCode.LinkExpired,
    'This tracking link has expired; ask the company for a new one if you need it',
  );
