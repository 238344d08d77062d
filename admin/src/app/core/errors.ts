import { CombinedGraphQLErrors } from '@apollo/client';

export interface FieldError {
  field: string;
  message: string;
}

/** A message a person can act on, from whatever an operation failed with. */
export function messageOf(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) return error.errors.map((e) => e.message).join('; ');
  if (error instanceof Error && /fetch|network/i.test(error.message))
    return 'Cannot reach the server. Check your connection and try again.';
  return error instanceof Error ? error.message : 'Something went wrong';
}

/** Field-level validation messages from a BAD_USER_INPUT error, keyed by input field. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!CombinedGraphQLErrors.is(error)) return out;
  for (const e of error.errors) {
    const ext = e.extensions ?? {};
    const fields =
      (ext['fields'] as FieldError[] | undefined) ??
      (typeof ext['field'] === 'string' ? [{ field: ext['field'], message: e.message }] : []);
    for (const f of fields) out[f.field.replace(/^input\./, '')] = f.message;
  }
  return out;
}

/** The message for a record that failed to load: `notFound` when it does not exist. */
export function loadErrorOf(error: unknown, notFound: string): string {
  return codeOf(error) === 'NOT_FOUND' ? notFound : messageOf(error);
}

export function codeOf(error: unknown): string | null {
  return CombinedGraphQLErrors.is(error)
    ? ((error.errors[0]?.extensions?.['code'] as string | undefined) ?? null)
    : null;
}
