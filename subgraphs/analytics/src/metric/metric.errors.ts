import { DomainError, type ErrorCode } from '@attendant/kit';

export enum MetricErrorCode {
  InvalidRange = 'INVALID_METRIC_RANGE',
  InvalidDays = 'INVALID_DAYS',
}

export class MetricError extends DomainError<MetricErrorCode> {
  get transportCode(): ErrorCode {
    switch (this.code) {
      case MetricErrorCode.InvalidRange:
      case MetricErrorCode.InvalidDays:
        return 'BAD_USER_INPUT';
    }
  }
}
