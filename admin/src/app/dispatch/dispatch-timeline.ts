import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  output,
  viewChild,
  type ElementRef,
} from '@angular/core';
import type { CdkDragDrop, CdkDragMove, CdkDragStart } from '@angular/cdk/drag-drop';
import { CdkScrollable } from '@angular/cdk/scrolling';
import type { Conflict, Lane } from './dispatch-board.model';
import type { DragItem, DropTarget } from './dispatch-drag';
import { DispatchLane, type LaneJobAction } from './dispatch-lane';
import type { Ghost } from './dispatch-optimizer.model';
import { hourTicks, type TimeScale } from './dispatch-timeline.model';

/** The hour ruler and one lane per technician, scrolling sideways when zoomed in. */
@Component({
  selector: 'att-dispatch-timeline',
  imports: [CdkScrollable, DispatchLane],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="scroller" cdkScrollable #scroller data-testid="dispatch-timeline">
      <div class="ruler">
        <div class="corner">{{ timezone() }}</div>
        <div class="hours" [style.width.px]="scale().width">
          @for (t of ticks(); track t.iso) {
            <span class="tick" [style.left.px]="t.x">{{ t.label }}</span>
          }
        </div>
      </div>
      @for (lane of lanes(); track lane.technician.id) {
        <att-dispatch-lane
          [lane]="lane"
          [scale]="scale()"
          [timezone]="timezone()"
          [conflicts]="conflicts()"
          [pending]="pending()"
          [canPlan]="canPlan()"
          [nowX]="nowX()"
          [target]="target()?.technicianId === lane.technician.id ? target() : null"
          [targetConflicts]="targetConflicts()"
          [ghosts]="ghosts().get(lane.technician.id) ?? []"
          [leaving]="leaving()"
          (dropped)="dropped.emit($event)"
          (dragStarted)="dragStarted.emit($event)"
          (dragMoved)="dragMoved.emit($event)"
          (dragEnded)="dragEnded.emit()"
          (jobAction)="jobAction.emit($event)"
        />
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      overflow: hidden;
    }
    .scroller {
      overflow: auto;
      max-height: calc(100vh - 220px);
      min-height: 200px;
    }
    .ruler {
      display: flex;
      position: sticky;
      top: 0;
      z-index: 8;
      min-width: max-content;
      background: var(--mat-sys-surface);
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .corner {
      position: sticky;
      left: 0;
      z-index: 9;
      box-sizing: border-box;
      width: 180px;
      flex: 0 0 180px;
      padding: 4px 10px;
      background: var(--mat-sys-surface);
      border-right: 1px solid var(--mat-sys-outline-variant);
      font: var(--mat-sys-label-small);
      color: var(--mat-sys-on-surface-variant);
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .hours {
      position: relative;
      height: 24px;
      flex: 0 0 auto;
    }
    .tick {
      position: absolute;
      top: 4px;
      padding-left: 3px;
      border-left: 1px solid var(--mat-sys-outline-variant);
      font: var(--mat-sys-label-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class DispatchTimeline {
  readonly lanes = input.required<readonly Lane[]>();
  readonly scale = input.required<TimeScale>();
  readonly timezone = input.required<string>();
  readonly conflicts = input<ReadonlyMap<string, Conflict[]>>(new Map());
  readonly pending = input<ReadonlySet<string>>(new Set());
  readonly canPlan = input(false);
  readonly target = input<DropTarget | null>(null);
  readonly targetConflicts = input<readonly Conflict[] | null>(null);
  readonly nowX = input<number | null>(null);
  /** The open suggestion's proposed jobs, by technician. */
  readonly ghosts = input<ReadonlyMap<string, readonly Ghost[]>>(new Map());
  readonly leaving = input<ReadonlyMap<string, string>>(new Map());
  /** Where to scroll when the day changes (pixels into the day). */
  readonly scrollTo = input(0);
  readonly dropped = output<CdkDragDrop<string, unknown, DragItem>>();
  readonly dragStarted = output<CdkDragStart<DragItem>>();
  readonly dragMoved = output<CdkDragMove<DragItem>>();
  readonly dragEnded = output<void>();
  readonly jobAction = output<LaneJobAction>();
  /** Width available to the hours, for fitting the day. */
  readonly widthChange = output<number>();

  private readonly scroller = viewChild.required<ElementRef<HTMLElement>>('scroller');
  protected readonly ticks = computed(() => hourTicks(this.scale(), this.timezone()));

  constructor() {
    let observer: ResizeObserver | undefined;
    afterRenderEffect(() => {
      const el = this.scroller().nativeElement;
      if (!observer && typeof ResizeObserver !== 'undefined') {
        observer = new ResizeObserver(([entry]) => {
          if (entry) this.widthChange.emit(entry.contentRect.width - 180);
        });
        observer.observe(el);
      }
    });
    // Scroll to the working hours whenever the day (scale) or the target changes.
    afterRenderEffect(() => {
      const x = this.scrollTo();
      this.scale();
      this.scroller().nativeElement.scrollLeft = x;
    });
    inject(DestroyRef).onDestroy(() => observer?.disconnect());
  }
}
