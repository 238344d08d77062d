import { Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { filter, map, merge, share, Subject, throttleTime, type Observable } from 'rxjs';
import { Reconnects } from '../../core/reconnects';
import { SyncRunChangedGQL, type SyncRunFieldsFragment } from '../../generated/graphql';

/**
 * The live side of the Mews page (provided by the page, so it lives as long as the page): the
 * import/re-sync progress the server pushes, and one `stale` signal for everything on the page
 * that should be fetched again — a run moved on, an action changed something, or the live
 * connection came back after a drop (events may have been missed meanwhile).
 */
@Injectable()
export class MewsLive {
  private readonly pushedRun = signal<SyncRunFieldsFragment | null>(null);
  private readonly touched = new Subject<void>();
  /** The newest run state pushed by `syncRunChanged`. */
  readonly pushed = this.pushedRun.asReadonly();
  /** Emits (at most every 2 s for run progress) when the page's data may be out of date. */
  readonly stale: Observable<void>;

  constructor() {
    const runs = inject(SyncRunChangedGQL)
      .subscribe()
      .pipe(
        map((r) => r.data?.syncRunChanged),
        filter((run): run is SyncRunFieldsFragment => !!run),
        takeUntilDestroyed(),
        share(),
      );
    runs.subscribe((run) => this.pushedRun.set(run));
    this.stale = merge(
      runs.pipe(throttleTime(2000, undefined, { leading: true, trailing: true })),
      this.touched,
      inject(Reconnects).events,
    ).pipe(
      map(() => undefined),
      takeUntilDestroyed(),
      share(),
    );
  }

  /** Something on the page changed by the user's hand: refresh the rest. */
  touch(): void {
    this.touched.next();
  }
}
