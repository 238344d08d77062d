import DataLoader from 'dataloader';
import type { Actor } from '../auth/actor';
import type { Logger } from '../logger';

export interface SubgraphContext {
  actor: Actor;
  requestId: string;
  logger: Logger;
  /** Per-request DataLoaders, created on first use, so batching never crosses requests. */
  loaders: Map<string, DataLoader<string, unknown>>;
}

/** One batched loader per key per request; `batch` gets every id asked for in one tick. */
export function loader<T>(
  ctx: SubgraphContext,
  key: string,
  batch: (ids: readonly string[]) => Promise<T[]>,
  idOf: (row: T) => string = (row) => (row as { id: string }).id,
): DataLoader<string, T | null> {
  let l = ctx.loaders.get(key) as DataLoader<string, T | null> | undefined;
  if (!l) {
    l = new DataLoader<string, T | null>(async (ids) => {
      const rows = await batch(ids);
      const byId = new Map(rows.map((r) => [idOf(r), r]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    ctx.loaders.set(key, l as DataLoader<string, unknown>);
  }
  return l;
}
