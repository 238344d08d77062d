import { inject, Injectable, signal, type Signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { CdkDragMove, CdkDragStart } from '@angular/cdk/drag-drop';
import { catchError, debounceTime, map, of, switchMap } from 'rxjs';
import { DispatchCheckScheduleGQL } from '../generated/graphql';
import type { Conflict, LaneJob } from './dispatch-board.model';
import { dropStart, type TimeScale } from './dispatch-timeline.model';

/** What a drag carries: the order and the lane it comes from (null: the queue). */
export interface DragItem {
  job: LaneJob;
  technicianId: string | null;
}

/** Where the dragged order would land now. */
export interface DropTarget {
  workOrderId: string;
  technicianId: string;
  start: string;
  end: string;
}

export interface TargetConflicts {
  key: string;
  list: readonly Conflict[] | null;
}

const MINUTE = 60_000;
const keyOf = (t: DropTarget | null) => (t ? `${t.workOrderId}|${t.technicianId}|${t.start}` : '');

function pointerX(event: MouseEvent | TouchEvent): number {
  return 'touches' in event ? (event.touches[0]?.clientX ?? 0) : event.clientX;
}

/**
 * Follows a drag over the lanes: the snapped time under the pointer (keeping where a block was
 * grabbed, so it does not jump), and the conflicts that time would have, asked from the server
 * once the pointer rests. Provided by the board page.
 */
@Injectable()
export class DispatchDrag {
  private readonly check = inject(DispatchCheckScheduleGQL);
  private grabOffset = 0;
  private item: DragItem | null = null;
  private scale: Signal<TimeScale> | null = null;
  private readonly current = signal<DropTarget | null>(null, {
    equal: (a, b) => keyOf(a) === keyOf(b),
  });
  readonly target = this.current.asReadonly();
  private readonly checked = toSignal(
    toObservable(this.current).pipe(
      debounceTime(250),
      switchMap((t) =>
        t
          ? this.check
              .fetch({
                variables: {
                  input: {
                    workOrderId: t.workOrderId,
                    technicianId: t.technicianId,
                    start: t.start,
                  },
                },
                fetchPolicy: 'network-only',
              })
              .pipe(
                map((res): TargetConflicts => ({
                  key: keyOf(t),
                  list: res.data?.checkSchedule ?? [],
                })),
                catchError(() => of<TargetConflicts>({ key: keyOf(t), list: null })),
              )
          : of<TargetConflicts>({ key: '', list: null }),
      ),
    ),
    { initialValue: { key: '', list: null } },
  );

  /** Conflicts of the current target once known; null while asking or when unknown. */
  conflictsFor(target: DropTarget | null): readonly Conflict[] | null {
    const checked = this.checked();
    return target && checked.key === keyOf(target) ? checked.list : null;
  }

  useScale(scale: Signal<TimeScale>): void {
    this.scale = scale;
  }

  started(event: CdkDragStart<DragItem>): void {
    this.item = event.source.data;
    // Blocks keep the point where they were grabbed; queue cards start where the pointer is.
    const rect = event.source.element.nativeElement.getBoundingClientRect();
    this.grabOffset =
      this.item.technicianId !== null ? Math.max(0, pointerX(event.event) - rect.left) : 0;
  }

  moved(event: CdkDragMove<DragItem>): void {
    const { x, y } = event.pointerPosition;
    const track = document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-lane-track]');
    const technicianId = track?.dataset['laneTrack'];
    if (!track || !technicianId || !this.item) {
      this.current.set(null);
      return;
    }
    const start = this.startAt(track, x);
    if (!start) return;
    const end = new Date(Date.parse(start) + this.item.job.estimatedMinutes * MINUTE).toISOString();
    this.current.set({ workOrderId: this.item.job.id, technicianId, start, end });
  }

  ended(): void {
    this.item = null;
    this.current.set(null);
  }

  /** The snapped start a pointer at `clientX` over a lane's track means. */
  startAt(track: HTMLElement, clientX: number): string | null {
    if (!this.scale) return null;
    const left = track.getBoundingClientRect().left;
    return dropStart(this.scale(), clientX - left - this.grabOffset);
  }
}
