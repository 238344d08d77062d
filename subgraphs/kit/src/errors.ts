/** The transport codes a domain error can surface as (GraphQL `extensions.code`). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INTERNAL_SERVER_ERROR';

/**
 * Base of every domain's errors. Each domain defines its own code enum and a mapper from it to
 * an ErrorCode; services throw these, never transport errors.
 */
export abstract class DomainError<C extends string = string> extends Error {
  abstract readonly transportCode: ErrorCode;
  constructor(
    readonly code: C,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Errors the kit itself raises (auth, validation, tenancy). */
export enum KitErrorCode {
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  InvalidInput = 'INVALID_INPUT',
  NotFound = 'NOT_FOUND',
}

export class KitError extends DomainError<KitErrorCode> {
  get transportCode(): ErrorCode {
    switch (this.code) {
      case KitErrorCode.Unauthenticated:
        return 'UNAUTHENTICATED';
      case KitErrorCode.Forbidden:
        return 'FORBIDDEN';
      case KitErrorCode.InvalidInput:
        return 'BAD_USER_INPUT';
      case KitErrorCode.NotFound:
        return 'NOT_FOUND';
    }
  }
}

export const notFound = (entity: string, id: string): KitError =>
  new KitError(KitErrorCode.NotFound, `${entity} ${id} was not found`, { entity, id });

export const invalidInput = (message: string, field?: string): KitError =>
  new KitError(KitErrorCode.InvalidInput, message, field ? { field } : undefined);
