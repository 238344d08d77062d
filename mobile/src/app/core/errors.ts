import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** The error codes the API puts in `extensions.code`, plus what the transport can add. */
export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'NETWORK'
  | 'UNKNOWN';

export interface ApiError {
  code: ApiErrorCode;
  message: string;
}

const KNOWN = new Set<string>([
  'BAD_USER_INPUT',
  'CONFLICT',
  'FORBIDDEN',
  'NOT_FOUND',
  'UNAUTHENTICATED',
]);

/** Turns whatever Apollo threw into a code and a message fit to show a person. */
export function toApiError(error: unknown): ApiError {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = String(first?.extensions?.['code'] ?? 'UNKNOWN');
    return {
      code: KNOWN.has(code) ? (code as ApiErrorCode) : 'UNKNOWN',
      message: first?.message ?? 'Something went wrong',
    };
  }
  if (ServerError.is(error)) {
    const first = firstErrorOf(error.bodyText);
    if (first) {
      const code = String(first.extensions?.['code'] ?? 'UNKNOWN');
      return { code: KNOWN.has(code) ? (code as ApiErrorCode) : 'UNKNOWN', message: first.message };
    }
    if (error.statusCode === 401) {
      return { code: 'UNAUTHENTICATED', message: 'Your session has ended — sign in again' };
    }
    return {
      code: 'UNKNOWN',
      message: `The server had a problem (${error.statusCode}) — try again`,
    };
  }
  if (
    error instanceof TypeError ||
    (error instanceof Error && /fetch|network/i.test(error.message))
  ) {
    return { code: 'NETWORK', message: 'No connection to the server — check your network' };
  }
  return { code: 'UNKNOWN', message: 'Something went wrong — try again' };
}

/** The first GraphQL error in a non-2xx JSON response body, if it is one. */
function firstErrorOf(
  bodyText: string,
): { message: string; extensions?: Record<string, unknown> } | null {
  try {
    const body = JSON.parse(bodyText) as { errors?: { message?: unknown; extensions?: unknown }[] };
    const first = body.errors?.[0];
    if (!first || typeof first.message !== 'string') return null;
    const extensions =
      first.extensions && typeof first.extensions === 'object'
        ? (first.extensions as Record<string, unknown>)
        : undefined;
    return { message: first.message, extensions };
  } catch {
    return null;
  }
}
