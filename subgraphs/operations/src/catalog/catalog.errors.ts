import { DomainError, type ErrorCode } from '@attendant/kit';

export enum CatalogErrorCode {
  NotFound = 'SERVICE_TYPE_NOT_FOUND',
  NameTaken = 'SERVICE_TYPE_NAME_TAKEN',
  SkillNotFound = 'SKILL_NOT_FOUND',
  SkillNameTaken = 'SKILL_NAME_TAKEN',
  Invalid = 'INVALID_CATALOG_INPUT',
}

export class CatalogError extends DomainError<CatalogErrorCode> {
  get transportCode(): ErrorCode {
    switch (this.code) {
      case CatalogErrorCode.NotFound:
      case CatalogErrorCode.SkillNotFound:
        return 'NOT_FOUND';
      case CatalogErrorCode.NameTaken:
      case CatalogErrorCode.SkillNameTaken:
        return 'CONFLICT';
      case CatalogErrorCode.Invalid:
        return 'BAD_USER_INPUT';
    }
  }
}

export const serviceTypeNotFound = (id: string) =>
  new CatalogError(CatalogErrorCode.NotFound, `Service type ${id} was not found`, { id });

export const invalidServiceType = (message: string, field: string) =>
  new CatalogError(CatalogErrorCode.Invalid, message, { field });
