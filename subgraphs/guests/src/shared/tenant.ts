export { tenant } from '@attendant/kit';

/** Groups rows by a key, keeping every key asked for (with [] when none matched). */
export function groupBy<T>(
  keys: readonly string[],
  rows: T[],
  keyOf: (row: T) => string | null,
): { id: string; rows: T[] }[] {
  const byKey = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) byKey.get(keyOf(row) ?? '')?.push(row);
  return keys.map((id) => ({ id, rows: byKey.get(id) ?? [] }));
}
