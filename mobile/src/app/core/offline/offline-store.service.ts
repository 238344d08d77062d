import { computed, inject, Injectable, signal, type Signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { liveQuery } from 'dexie';
import { from, of, switchMap } from 'rxjs';
import { SessionStore } from '../auth/session.store';
import { OfflineDb, offlineDbName } from './offline-db';

/**
 * The signed-in technician's database on this device. Screens read it through `live()` (Dexie
 * liveQuery as a signal), so what they show is what is stored, online or not.
 */
@Injectable({ providedIn: 'root' })
export class OfflineStore {
  private readonly session = inject(SessionStore);
  private opened: OfflineDb | null = null;
  private readonly syncedOps = signal(0);

  /** The open database of the signed-in user; null when signed out. */
  readonly db = computed(() => {
    const userId = this.session.user()?.id ?? null;
    if (userId && this.opened?.name === offlineDbName(userId)) return this.opened;
    this.opened?.close();
    this.opened = userId ? new OfflineDb(userId) : null;
    return this.opened;
  });

  /** The technician id of the signed-in user (whose timers are "mine"). */
  readonly me = computed(() => this.session.user()?.technicianId ?? null);

  /** Counts ops that reached the server; a refresh started before one of them is stale. */
  readonly synced = this.syncedOps.asReadonly();

  markSynced(): void {
    this.syncedOps.update((n) => n + 1);
  }

  /** A signal of a Dexie query, live: it re-runs whenever the tables it read change. */
  live<T>(query: (db: OfflineDb) => Promise<T>, initial: T): Signal<T> {
    return toSignal(
      toObservable(this.db).pipe(
        switchMap((db) => (db ? from(liveQuery(() => query(db))) : of(initial))),
      ),
      { initialValue: initial },
    );
  }
}
