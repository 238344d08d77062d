import { ChangeDetectionStrategy, Component, effect, inject, input } from '@angular/core';
import { outputFromObservable } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { debounceTime, map, merge } from 'rxjs';
import type { TaskStatus, WorkOrderPriority } from '../generated/graphql';
import { HumanizePipe } from '../shared/pipes';
import { NO_FILTERS, TASK_PRIORITIES, TASK_STATUSES, type TaskFilters } from './task-queue.model';

export interface AssigneeOption {
  id: string;
  name: string;
}

type OverdueChoice = '' | 'yes' | 'no';

/** Status, priority, assignee, overdue and search; the page keeps them in the URL. */
@Component({
  selector: 'att-task-filters',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    HumanizePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="search" subscriptSizing="dynamic">
      <mat-label>Search</mat-label>
      <input
        matInput
        type="search"
        [formControl]="search"
        maxlength="100"
        placeholder="Title or description"
        data-testid="task-search"
      />
    </mat-form-field>
    <form [formGroup]="form" class="filters">
      <mat-form-field subscriptSizing="dynamic" floatLabel="always">
        <mat-label>Status</mat-label>
        <mat-select
          formControlName="status"
          multiple
          placeholder="Open, in progress"
          data-testid="task-filter-status"
        >
          @for (s of statuses; track s) {
            <mat-option [value]="s">{{ s | humanize }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Priority</mat-label>
        <mat-select formControlName="priority" multiple data-testid="task-filter-priority">
          @for (p of priorities; track p) {
            <mat-option [value]="p">{{ p | humanize }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Assignee</mat-label>
        <mat-select formControlName="assignee" data-testid="task-filter-assignee">
          <mat-option value="">Anyone</mat-option>
          <mat-option value="me">Me</mat-option>
          <mat-option value="none">Unassigned</mat-option>
          @for (u of users(); track u.id) {
            <mat-option [value]="u.id">{{ u.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Due</mat-label>
        <mat-select formControlName="overdue" data-testid="task-filter-overdue">
          <mat-option value="">Any</mat-option>
          <mat-option value="yes">Overdue</mat-option>
          <mat-option value="no">On time</mat-option>
        </mat-select>
      </mat-form-field>
      <button mat-button type="button" (click)="clear()" data-testid="task-filter-clear">
        Clear filters
      </button>
    </form>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: flex-start;
      margin-bottom: 8px;
    }
    .filters {
      display: contents;
    }
    mat-form-field {
      flex: 0 1 170px;
      min-width: 140px;
    }
    mat-form-field.search {
      flex: 1 1 240px;
    }
    button {
      margin-top: 8px;
    }
  `,
})
export class TaskFilterBar {
  readonly filters = input.required<TaskFilters>();
  readonly users = input<readonly AssigneeOption[]>([]);

  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly statuses = TASK_STATUSES;
  protected readonly priorities = TASK_PRIORITIES;
  protected readonly search = this.fb.control('');
  protected readonly form = this.fb.group({
    status: this.fb.control<TaskStatus[]>([]),
    priority: this.fb.control<WorkOrderPriority[]>([]),
    assignee: '',
    overdue: this.fb.control<OverdueChoice>(''),
  });

  /** The filters as edited (search debounced by 300 ms). */
  readonly filterChange = outputFromObservable(
    merge(this.form.valueChanges, this.search.valueChanges.pipe(debounceTime(300))).pipe(
      map((): TaskFilters => {
        const v = this.form.getRawValue();
        return {
          status: v.status,
          priority: v.priority,
          assignee: v.assignee,
          overdue: v.overdue === '' ? null : v.overdue === 'yes',
          escalated: this.filters().escalated,
          search: this.search.value.trim(),
        };
      }),
    ),
  );

  constructor() {
    // The URL is the source of truth: show it without echoing it back.
    effect(() => {
      const f = this.filters();
      this.form.setValue(
        {
          status: [...f.status],
          priority: [...f.priority],
          assignee: f.assignee,
          overdue: f.overdue === null ? '' : f.overdue ? 'yes' : 'no',
        },
        { emitEvent: false },
      );
      if (this.search.value.trim() !== f.search)
        this.search.setValue(f.search, { emitEvent: false });
    });
  }

  protected clear(): void {
    this.search.setValue(NO_FILTERS.search, { emitEvent: false });
    this.form.setValue({ status: [], priority: [], assignee: '', overdue: '' });
  }
}
