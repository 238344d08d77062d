import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { DomainError } from '../errors';
import type { Logger } from '../logger';

interface PrismaLikeError {
  code?: string;
  meta?: { target?: unknown };
}

/**
 * The one mapper from what a resolver threw to what a client sees. Domain errors keep their
 * message and code; validation errors list the fields; anything else is logged and answered
 * without internals.
 */
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return {
        message: original.message,
        path: formatted.path,
        extensions: {
          code: original.transportCode,
          reason: original.code,
          ...(original.details ?? {}),
        },
      };
    }
    if (original instanceof ArgumentValidationError) {
      const fields = original.extensions.validationErrors.flatMap((e) => flatten(e));
      return {
        message: fields.map((f) => f.message).join('; ') || 'Invalid input',
        path: formatted.path,
        extensions: { code: 'BAD_USER_INPUT', fields },
      };
    }
    const prisma = original as PrismaLikeError;
    if (prisma?.code === 'P2002') {
      return {
        message: 'A record with the same unique value already exists',
        path: formatted.path,
        extensions: { code: 'CONFLICT', target: prisma.meta?.target },
      };
    }
    // An id that is not a UUID cannot name any row: answered like an unknown id, whichever
    // resolver let it reach the database.
    if (isMalformedUuid(original)) {
      return {
        message: 'Nothing was found with that id',
        path: formatted.path,
        extensions: { code: 'NOT_FOUND' },
      };
    }
    const code = formatted.extensions?.['code'];
    if (code && code !== 'INTERNAL_SERVER_ERROR') return formatted;
    logger.error({ err: original }, 'unexpected error');
    return {
      message: 'Internal server error',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/** PostgreSQL's 22P02 for a uuid column, as the pg driver adapter reports it. */
function isMalformedUuid(error: unknown): boolean {
  const e = error as { name?: string; message?: string; cause?: { originalCode?: string } };
  return (
    e?.name === 'DriverAdapterError' &&
    (e.cause?.originalCode === '22P02' ||
      /invalid input syntax for type uuid/.test(e.message ?? ''))
  );
}

interface ValidationLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationLike[];
}

function flatten(e: ValidationLike, prefix = ''): { field: string; message: string }[] {
  const field = prefix ? `${prefix}.${e.property}` : e.property;
  const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
  return [...own, ...(e.children ?? []).flatMap((c) => flatten(c, field))];
}
