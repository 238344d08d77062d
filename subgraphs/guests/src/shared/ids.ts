import { isUuid } from '@attendant/kit';

/**
 * Only the ids that can exist: an id that is not a UUID names nothing, so it answers NOT_FOUND
 * (or a null reference) instead of a database error.
 */
export function validIds(ids: readonly string[]): string[] {
  return ids.filter(isUuid);
}

/** A `@db.Date` column as the `YYYY-MM-DD` clients see. */
export function toLocalDate(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

/** A `YYYY-MM-DD` from a client as the UTC midnight Prisma stores in a `@db.Date` column. */
export function fromLocalDate(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}
