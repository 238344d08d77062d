import { DomainError, type ErrorCode } from '@attendant/kit';

export enum PeopleErrorCode {
  TeamNotFound = 'TEAM_NOT_FOUND',
  TeamNameTaken = 'TEAM_NAME_TAKEN',
  InvalidName = 'INVALID_NAME',
  TechnicianNotFound = 'TECHNICIAN_NOT_FOUND',
  CertificationNotFound = 'CERTIFICATION_NOT_FOUND',
  InvalidCertification = 'INVALID_CERTIFICATION',
  TimeOffNotFound = 'TIME_OFF_NOT_FOUND',
  InvalidTimeOff = 'INVALID_TIME_OFF',
  TimeOffOverlap = 'TIME_OFF_OVERLAP',
  InvalidRange = 'INVALID_RANGE',
}

export class PeopleError extends DomainError<PeopleErrorCode> {
  get transportCode(): ErrorCode {
    switch (this.code) {
      case PeopleErrorCode.TeamNotFound:
      case PeopleErrorCode.TechnicianNotFound:
      case PeopleErrorCode.CertificationNotFound:
      case PeopleErrorCode.TimeOffNotFound:
        return 'NOT_FOUND';
      case PeopleErrorCode.InvalidName:
      case PeopleErrorCode.InvalidCertification:
      case PeopleErrorCode.InvalidTimeOff:
      case PeopleErrorCode.TimeOffOverlap:
      case PeopleErrorCode.InvalidRange:
        return 'BAD_USER_INPUT';
      case PeopleErrorCode.TeamNameTaken:
        return 'CONFLICT';
    }
  }
}

export const peopleNotFound = (
  code:
    | PeopleErrorCode.TeamNotFound
    | PeopleErrorCode.TechnicianNotFound
    | PeopleErrorCode.CertificationNotFound
    | PeopleErrorCode.TimeOffNotFound,
  what: string,
  id: string,
) => new PeopleError(code, `${what} ${id} was not found`, { id });
