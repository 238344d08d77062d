import { invalidInput } from '../errors';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

/** Keyset cursor: the sort value and id of the last row seen, opaque to clients. */
export interface Cursor {
  v: string | number | null;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(raw: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    if (typeof parsed.id !== 'string') throw new Error('no id');
    return parsed;
  } catch {
    throw invalidInput('The cursor is not valid; start again from the first page', 'after');
  }
}

export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw invalidInput(`first must be between 1 and ${MAX_PAGE_SIZE}`, 'first');
  }
  return size;
}

export type SortDirection = 'ASC' | 'DESC';

/**
 * Prisma `where` and `orderBy` for one keyset page sorted by `field` then `id`; the caller fetches
 * `take` = size + 1 rows to learn whether another page follows. Rows whose nullable sort field is
 * empty come last in either direction.
 */
export function keysetQuery(
  field: string,
  direction: SortDirection,
  after: string | null | undefined,
  nullable = false,
): { where: Record<string, unknown> | undefined; orderBy: Record<string, unknown>[] } {
  const dir = direction === 'ASC' ? 'asc' : 'desc';
  const orderBy = [{ [field]: nullable ? { sort: dir, nulls: 'last' } : dir }, { id: dir }];
  if (!after) return { where: undefined, orderBy };
  const cursor = decodeCursor(after);
  const cmp = direction === 'ASC' ? 'gt' : 'lt';
  const value =
    typeof cursor.v === 'string' && /^\d{4}-\d\d-\d\dT/.test(cursor.v)
      ? new Date(cursor.v)
      : cursor.v;
  if (value === null) return { where: { [field]: null, id: { [cmp]: cursor.id } }, orderBy };
  const or: Record<string, unknown>[] = [
    { [field]: { [cmp]: value } },
    { [field]: value, id: { [cmp]: cursor.id } },
  ];
  if (nullable) or.push({ [field]: null });
  return { where: { OR: or }, orderBy };
}

/** A count, or a thunk that runs the count only if the client selects `totalCount`. */
export type Count = number | (() => Promise<number>);

export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
  endCursor: string | null;
  totalCount: Count;
}

export function toPage<T extends { id: string }>(
  rows: T[],
  size: number,
  field: keyof T,
  totalCount: Count,
): Page<T> {
  const nodes = rows.slice(0, size);
  const last = nodes.at(-1);
  const value = last?.[field];
  return {
    nodes,
    hasNextPage: rows.length > size,
    endCursor: last
      ? encodeCursor({
          v: value instanceof Date ? value.toISOString() : ((value ?? null) as Cursor['v']),
          id: last.id,
        })
      : null,
    totalCount,
  };
}
