import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import type { StaffTaskBulkAction, WorkOrderPriority } from '../generated/graphql';
import { HumanizePipe } from '../shared/pipes';
import type { AssigneeOption } from './task-filters';
import { bulkAvailability, TASK_PRIORITIES, type TaskRow } from './task-queue.model';

export interface BulkRequest {
  action: StaffTaskBulkAction;
  assigneeId?: string | null;
  priority?: WorkOrderPriority;
}

/** Actions on the selected tasks: complete, cancel, reopen, assign, set priority. */
@Component({
  selector: 'att-task-bulk-bar',
  imports: [MatButtonModule, MatMenuModule, HumanizePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'toolbar', 'aria-label': 'Bulk actions', 'data-testid': 'task-bulk-bar' },
  template: `
    <span class="count" data-testid="task-selected-count">{{ selected().length }} selected</span>
    <button
      mat-flat-button
      type="button"
      [disabled]="busy() || !can().COMPLETE"
      (click)="run.emit({ action: 'COMPLETE' })"
      data-testid="task-bulk-complete"
    >
      Complete
    </button>
    <button
      mat-stroked-button
      type="button"
      [disabled]="busy() || !can().CANCEL"
      (click)="run.emit({ action: 'CANCEL' })"
      data-testid="task-bulk-cancel"
    >
      Cancel tasks
    </button>
    <button
      mat-stroked-button
      type="button"
      [disabled]="busy() || !can().REOPEN"
      (click)="run.emit({ action: 'REOPEN' })"
      data-testid="task-bulk-reopen"
    >
      Reopen
    </button>
    <button
      mat-stroked-button
      type="button"
      [disabled]="busy() || !can().ASSIGN"
      [matMenuTriggerFor]="assignMenu"
      data-testid="task-bulk-assign"
    >
      Assign to…
    </button>
    <mat-menu #assignMenu="matMenu">
      <button
        mat-menu-item
        type="button"
        (click)="run.emit({ action: 'ASSIGN', assigneeId: null })"
        data-testid="task-bulk-assign-none"
      >
        Nobody (unassign)
      </button>
      @for (u of users(); track u.id) {
        <button
          mat-menu-item
          type="button"
          (click)="run.emit({ action: 'ASSIGN', assigneeId: u.id })"
          [attr.data-testid]="'task-bulk-assign-' + u.id"
        >
          {{ u.name }}
        </button>
      }
    </mat-menu>
    <button
      mat-stroked-button
      type="button"
      [disabled]="busy() || !can().SET_PRIORITY"
      [matMenuTriggerFor]="priorityMenu"
      data-testid="task-bulk-priority"
    >
      Set priority
    </button>
    <mat-menu #priorityMenu="matMenu">
      @for (p of priorities; track p) {
        <button
          mat-menu-item
          type="button"
          (click)="run.emit({ action: 'SET_PRIORITY', priority: p })"
          [attr.data-testid]="'task-bulk-priority-' + p"
        >
          {{ p | humanize }}
        </button>
      }
    </mat-menu>
    <span class="spacer"></span>
    <button mat-button type="button" (click)="clear.emit()" data-testid="task-bulk-clear">
      Clear selection
    </button>
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
      padding: 8px 12px;
      margin-bottom: 8px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .count {
      font: var(--mat-sys-title-small);
      margin-right: 8px;
    }
    .spacer {
      flex: 1;
    }
  `,
})
export class TaskBulkBar {
  readonly selected = input.required<readonly TaskRow[]>();
  readonly users = input<readonly AssigneeOption[]>([]);
  readonly busy = input(false);
  readonly run = output<BulkRequest>();
  readonly clear = output<void>();
  protected readonly priorities = TASK_PRIORITIES;
  protected readonly can = computed(() => bulkAvailability(this.selected()));
}
