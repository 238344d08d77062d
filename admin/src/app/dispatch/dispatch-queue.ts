import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import {
  CdkDrag,
  CdkDropList,
  type CdkDrag as CdkDragType,
  type CdkDragDrop,
  type CdkDragMove,
  type CdkDragStart,
} from '@angular/cdk/drag-drop';
import type { Conflict, Job } from './dispatch-board.model';
import { DispatchQueueCard } from './dispatch-queue-card';
import type { DragItem } from './dispatch-drag';

/** The unassigned queue, in the server's order; blocks dropped here go back to it. */
@Component({
  selector: 'att-dispatch-queue',
  imports: [CdkDropList, CdkDrag, DispatchQueueCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 class="head">
      Unassigned <span class="count" data-testid="queue-count">{{ jobs().length }}</span>
    </h2>
    <div
      class="att-dispatch-queue-list"
      cdkDropList
      cdkDropListSortingDisabled
      [cdkDropListEnterPredicate]="onlyAssigned"
      (cdkDropListDropped)="dropped.emit($event)"
      data-testid="dispatch-queue"
      aria-label="Unassigned work orders"
    >
      @for (job of jobs(); track job.id) {
        <att-dispatch-queue-card
          cdkDrag
          [cdkDragData]="{ job, technicianId: null }"
          [cdkDragDisabled]="!canPlan()"
          (cdkDragStarted)="dragStarted.emit($event)"
          (cdkDragMoved)="dragMoved.emit($event)"
          (cdkDragEnded)="dragEnded.emit()"
          [job]="job"
          [conflicts]="conflicts().get(job.id) ?? []"
          [canPlan]="canPlan()"
          [pending]="pending().has(job.id)"
          [hint]="hints().get(job.id) ?? null"
          (assign)="assign.emit($event)"
        />
      } @empty {
        @if (!loading()) {
          <p class="empty" data-testid="queue-empty">Queue is clear</p>
        }
      }
    </div>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
    }
    .head {
      font: var(--mat-sys-title-medium);
      margin: 0 0 8px;
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .count {
      min-width: 24px;
      padding: 0 8px;
      border-radius: 12px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-label-large);
      text-align: center;
    }
    .att-dispatch-queue-list {
      display: flex;
      flex-direction: column;
      gap: 8px;
      min-height: 120px;
      padding: 6px;
      border-radius: 8px;
      border: 1px dashed var(--mat-sys-outline-variant);
      overflow-y: auto;
      flex: 1;
    }
    .att-dispatch-queue-list.cdk-drop-list-receiving,
    .att-dispatch-queue-list.cdk-drop-list-dragging {
      border-color: var(--mat-sys-primary);
    }
    .empty {
      margin: 24px 0;
      text-align: center;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class DispatchQueue {
  readonly jobs = input.required<readonly Job[]>();
  readonly conflicts = input<ReadonlyMap<string, Conflict[]>>(new Map());
  readonly pending = input<ReadonlySet<string>>(new Set());
  readonly canPlan = input(false);
  /** Where the open suggestion would put queued jobs: "→ Ana Novak 09:30". */
  readonly hints = input<ReadonlyMap<string, string>>(new Map());
  readonly loading = input(false);
  readonly assign = output<Job>();
  readonly dropped = output<CdkDragDrop<null, unknown, DragItem>>();
  readonly dragStarted = output<CdkDragStart<DragItem>>();
  readonly dragMoved = output<CdkDragMove<DragItem>>();
  readonly dragEnded = output<void>();

  /** Only jobs from a lane may be dropped back; a queue card stays where it is. */
  protected readonly onlyAssigned = (drag: CdkDragType<DragItem>): boolean =>
    drag.data.technicianId !== null;
}
