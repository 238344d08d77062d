import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import { UploadError } from '../native/upload-error';
import type { SendFailure } from './sync-policy';

/** Whatever Apollo (or a resumable upload) threw, in the engine's neutral terms. */
export function describeFailure(err: unknown): SendFailure {
  if (err instanceof UploadError) {
    return err.status === null
      ? { kind: 'network', message: 'No connection to the server' }
      : { kind: 'http', status: err.status, message: err.message };
  }
  if (CombinedGraphQLErrors.is(err)) {
    const first = err.errors[0];
    const ext = first?.extensions ?? {};
    return {
      kind: 'graphql',
      code: String(ext['code'] ?? 'UNKNOWN'),
      reason: typeof ext['reason'] === 'string' ? ext['reason'] : null,
      message: first?.message ?? 'The server refused the change',
    };
  }
  if (ServerError.is(err)) {
    const first = firstGraphqlError(err.bodyText);
    if (first) return first;
    return {
      kind: 'http',
      status: err.statusCode,
      message: `The server had a problem (${err.statusCode})`,
    };
  }
  if (ServerParseError.is(err)) {
    return {
      kind: 'http',
      status: err.statusCode,
      message: 'The server sent an unreadable answer',
    };
  }
  return { kind: 'network', message: 'No connection to the server' };
}

function firstGraphqlError(bodyText: string): SendFailure | null {
  try {
    const body = JSON.parse(bodyText) as {
      errors?: { message?: unknown; extensions?: Record<string, unknown> }[];
    };
    const first = body.errors?.[0];
    if (!first || typeof first.message !== 'string') return null;
    const ext = first.extensions ?? {};
    return {
      kind: 'graphql',
      code: String(ext['code'] ?? 'UNKNOWN'),
      reason: typeof ext['reason'] === 'string' ? ext['reason'] : null,
      message: first.message,
    };
  } catch {
    return null;
  }
}
