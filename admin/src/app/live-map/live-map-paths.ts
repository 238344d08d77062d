import { inject, Injectable, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { LiveMapPathGQL } from '../generated/graphql';
import { extendPath, type PathPoint } from './live-map.model';

export interface PathWindow {
  from: string;
  to: string;
}

/**
 * Technicians' paths today: loaded one technician at a time (the API caps a path at 24 h and
 * 2000 points), then extended by the positions the subscription pushes. Provided by the page.
 */
@Injectable()
export class LiveMapPaths {
  private readonly gql = inject(LiveMapPathGQL);
  private readonly loaded = signal<ReadonlyMap<string, readonly PathPoint[]>>(new Map());
  private readonly failures = signal<ReadonlySet<string>>(new Set());
  private readonly requested = new Set<string>();
  private generation = 0;

  readonly paths = this.loaded.asReadonly();
  /** Technicians whose path could not be loaded. */
  readonly failed = this.failures.asReadonly();

  /** Loads the paths of the technicians not asked for yet. */
  sync(ids: readonly string[], window: PathWindow): void {
    for (const id of ids) {
      if (this.requested.has(id)) continue;
      this.requested.add(id);
      void this.fetch(id, window, this.generation);
    }
  }

  /** Loads every path again (after a reconnect or a retry); the old ones show meanwhile. */
  reload(ids: readonly string[], window: PathWindow): void {
    this.generation++;
    this.requested.clear();
    this.failures.set(new Set());
    this.sync(ids, window);
  }

  /** Forgets every path (another team or day). */
  clear(): void {
    this.generation++;
    this.requested.clear();
    this.loaded.set(new Map());
    this.failures.set(new Set());
  }

  /** Adds a pushed position to the end of a loaded path. */
  extend(id: string, point: PathPoint): void {
    const path = this.loaded().get(id);
    if (path) this.loaded.update((m) => new Map(m).set(id, extendPath(path, point)));
  }

  private async fetch(id: string, window: PathWindow, generation: number): Promise<void> {
    try {
      const res = await firstValueFrom(
        this.gql.fetch({ variables: { technicianId: id, ...window }, fetchPolicy: 'network-only' }),
      );
      const points = res.data?.technicianPath;
      if (!points) throw res.error ?? new Error('The path could not be loaded');
      if (generation !== this.generation) return;
      // Keep what was pushed while the path was on its way.
      const last = points[points.length - 1];
      const pushed = (this.loaded().get(id) ?? []).filter(
        (p) => !last || Date.parse(p.recordedAt) > Date.parse(last.recordedAt),
      );
      this.loaded.update((m) => new Map(m).set(id, pushed.reduce(extendPath, [...points])));
    } catch {
      if (generation !== this.generation) return;
      this.failures.update((s) => new Set(s).add(id));
    }
  }
}
