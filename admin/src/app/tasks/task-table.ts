import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { DateTimePipe, WoNumberPipe } from '../shared/pipes';
import { RelativeTimePipe } from '../shared/relative-time.pipe';
import { StatusChip } from '../shared/status-chip';
import { escalationLabel, type TaskRow } from './task-queue.model';

/** The task queue, in the server's order (overdue, priority, due), with selection. */
@Component({
  selector: 'att-task-table',
  imports: [
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatTooltipModule,
    StatusChip,
    DateTimePipe,
    WoNumberPipe,
    RelativeTimePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './task-table.html',
  styleUrl: './task-table.scss',
})
export class TaskTable {
  readonly rows = input.required<readonly TaskRow[]>();
  readonly selected = input<ReadonlySet<string>>(new Set());
  readonly loading = input(false);
  readonly canEdit = input(false);
  /** Ticks so relative times age while the page is open. */
  readonly now = input(Date.now());
  readonly toggle = output<string>();
  readonly toggleAll = output<boolean>();
  readonly edit = output<TaskRow>();

  protected readonly allSelected = computed(
    () => this.rows().length > 0 && this.rows().every((r) => this.selected().has(r.id)),
  );
  protected readonly someSelected = computed(
    () => !this.allSelected() && this.rows().some((r) => this.selected().has(r.id)),
  );
  protected readonly skeletonRows = [1, 2, 3, 4, 5];

  protected escalation(row: TaskRow): string {
    return escalationLabel(row);
  }

  protected closed(row: TaskRow): boolean {
    return row.status === 'DONE' || row.status === 'CANCELLED';
  }
}
