import { DomainError, type ErrorCode } from '@attendant/kit';

export enum TechnicianErrorCode {
  NotFound = 'TECHNICIAN_NOT_FOUND',
  Invalid = 'INVALID_TECHNICIAN',
  TeamNotFound = 'TEAM_NOT_FOUND',
  SkillNotFound = 'SKILL_NOT_FOUND',
  DuplicateSkill = 'DUPLICATE_SKILL',
  UserNotFound = 'USER_NOT_FOUND',
  UserTaken = 'USER_ALREADY_LINKED',
}

export class TechnicianError extends DomainError<TechnicianErrorCode> {
  get transportCode(): ErrorCode {
    switch (this.code) {
      case TechnicianErrorCode.NotFound:
      case TechnicianErrorCode.TeamNotFound:
      case TechnicianErrorCode.SkillNotFound:
      case TechnicianErrorCode.UserNotFound:
        return 'NOT_FOUND';
      case TechnicianErrorCode.Invalid:
      case TechnicianErrorCode.DuplicateSkill:
        return 'BAD_USER_INPUT';
      case TechnicianErrorCode.UserTaken:
        return 'CONFLICT';
    }
  }
}

export const technicianNotFound = (id: string) =>
  new TechnicianError(TechnicianErrorCode.NotFound, `Technician ${id} was not found`, { id });

export const invalidTechnician = (message: string, field: string) =>
  new TechnicianError(TechnicianErrorCode.Invalid, message, { field });
