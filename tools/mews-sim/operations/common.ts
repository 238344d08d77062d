import type { SimState } from '../state';

/** An error the simulator answers with `{Message, RequestId}` and this status. */
export class SimHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type Body = Record<string, unknown>;
export type Operation = (state: SimState, body: Body) => unknown;

export const badRequest = (message: string): SimHttpError => new SimHttpError(400, message);

export function isObject(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An optional array-of-strings filter; undefined when absent. */
export function idFilter(body: Body, name: string): Set<string> | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw badRequest(`Invalid ${name}: expected an array of strings.`);
  }
  if (value.length > 1000) throw badRequest(`Invalid ${name}: at most 1000 items.`);
  return new Set(value as string[]);
}

export interface Interval {
  start: number;
  end: number;
}

const THREE_MONTHS_EXCEEDED = 'exceeds the maximum length of 3 months';

/** An optional `{StartUtc, EndUtc}` filter; the reservation filters allow at most 3 months. */
export function intervalFilter(body: Body, name: string, maxMonths?: number): Interval | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw badRequest(`Invalid ${name}.`);
  const start = Date.parse(String(value['StartUtc']));
  const end = Date.parse(String(value['EndUtc']));
  if (Number.isNaN(start) || Number.isNaN(end)) {
    throw badRequest(`Invalid ${name}: StartUtc and EndUtc must be ISO-8601 UTC times.`);
  }
  if (end < start) throw badRequest(`Invalid ${name}: EndUtc precedes StartUtc.`);
  if (maxMonths !== undefined) {
    const limit = new Date(start);
    limit.setUTCMonth(limit.getUTCMonth() + maxMonths);
    if (end > limit.getTime())
      throw badRequest(`Invalid ${name}: the interval ${THREE_MONTHS_EXCEEDED}.`);
  }
  return { start, end };
}

export const within = (iso: string | null, interval: Interval | undefined): boolean => {
  if (!interval) return true;
  if (iso === null) return false;
  const t = Date.parse(iso);
  return t >= interval.start && t <= interval.end;
};

/** `Limitation {Count 1..1000, Cursor?}`, required on getAll operations. */
export function limitation(body: Body): { count: number; cursor: string | null } {
  const value = body['Limitation'];
  if (!isObject(value)) throw badRequest('Invalid Limitation: the Limitation is required.');
  const count = value['Count'];
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 1000) {
    throw badRequest('Invalid Limitation: Count must be an integer from 1 to 1000.');
  }
  const cursor = value['Cursor'];
  if (cursor !== undefined && cursor !== null && typeof cursor !== 'string') {
    throw badRequest('Invalid Limitation: Cursor must be a string.');
  }
  return { count, cursor: cursor ?? null };
}

interface CursorKey {
  u: string;
  id: string;
}

function decodeCursor(cursor: string): CursorKey {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorKey;
    if (typeof key.u === 'string' && typeof key.id === 'string') return key;
  } catch {
    // fall through
  }
  throw badRequest('Invalid Limitation: unknown Cursor.');
}

/**
 * One page in a stable order (`UpdatedUtc`, then `Id`); the cursor is opaque and points after the
 * last item returned, so changes between pages neither skip nor repeat unchanged items.
 */
export function paginate<T extends { UpdatedUtc: string }>(
  items: T[],
  idOf: (item: T) => string,
  body: Body,
): { page: T[]; cursor: string | null } {
  const { count, cursor } = limitation(body);
  const key = (item: T): CursorKey => ({
    u: new Date(item.UpdatedUtc).toISOString(),
    id: idOf(item),
  });
  const compare = (a: CursorKey, b: CursorKey): number =>
    a.u < b.u ? -1 : a.u > b.u ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  // Keys once per item (not per comparison): large hotels page through thousands of items.
  const after = cursor ? decodeCursor(cursor) : null;
  const rest = items
    .map((item) => ({ item, k: key(item) }))
    .filter((x) => !after || compare(x.k, after) > 0)
    .sort((a, b) => compare(a.k, b.k));
  const page = rest.slice(0, count);
  const last = page.at(-1);
  return {
    page: page.map((x) => structuredClone(x.item)),
    cursor: last ? Buffer.from(JSON.stringify(last.k)).toString('base64url') : null,
  };
}

/** Reads a partial-update wrapper: undefined = leave alone, `{Value}` = set (null clears). */
export function wrapped(body: Body, name: string): { set: boolean; value: unknown } {
  const value = body[name];
  if (value === undefined || value === null) return { set: false, value: undefined };
  if (isObject(value) && 'Value' in value) return { set: true, value: value['Value'] ?? null };
  throw badRequest(`Invalid ${name}: expected a {"Value": ...} wrapper.`);
}
