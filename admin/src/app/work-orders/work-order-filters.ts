import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { outputFromObservable } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { debounceTime, distinctUntilChanged, map, merge } from 'rxjs';
import {
  WorkOrderServiceTypeOptionsGQL,
  WorkOrderTeamOptionsGQL,
  WorkOrderTechnicianOptionsGQL,
  type WorkOrderFilter,
  type WorkOrderPriority,
  type WorkOrderStatus,
} from '../generated/graphql';
import { fromDateInput } from '../shared/format';
import { HumanizePipe } from '../shared/pipes';
import { queryState } from '../shared/query-state';
import { WORK_ORDER_PRIORITIES, WORK_ORDER_STATUSES } from './work-order.constants';
import { sameJson } from '../shared/same-json';

/** Filters of the work order list; emits the API filter (search debounced by 300 ms). */
@Component({
  selector: 'att-work-order-filters',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    HumanizePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="search" subscriptSizing="dynamic">
      <mat-label>Search</mat-label>
      <input
        matInput
        type="text"
        [formControl]="search"
        placeholder="Title, description or WO number"
        data-testid="wo-search"
      />
    </mat-form-field>
    <form [formGroup]="form" class="filters">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Status</mat-label>
        <mat-select formControlName="status" multiple data-testid="wo-filter-status">
          @for (s of statuses; track s) {
            <mat-option [value]="s">{{ s | humanize }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Priority</mat-label>
        <mat-select formControlName="priority" multiple data-testid="wo-filter-priority">
          @for (p of priorities; track p) {
            <mat-option [value]="p">{{ p | humanize }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Technician</mat-label>
        <mat-select formControlName="technicianId" data-testid="wo-filter-technician">
          <mat-option value="">Any technician</mat-option>
          @for (t of technicians(); track t.id) {
            <mat-option [value]="t.id">{{ t.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Assignment</mat-label>
        <mat-select formControlName="assignment" data-testid="wo-filter-assignment">
          <mat-option value="">Any</mat-option>
          <mat-option value="unassigned" data-testid="wo-filter-unassigned">Unassigned</mat-option>
          <mat-option value="assigned">Assigned</mat-option>
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Service type</mat-label>
        <mat-select formControlName="serviceTypeId" data-testid="wo-filter-serviceType">
          <mat-option value="">Any</mat-option>
          @for (t of serviceTypes(); track t.id) {
            <mat-option [value]="t.id">{{ t.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Team</mat-label>
        <mat-select formControlName="teamId" data-testid="wo-filter-team">
          <mat-option value="">Any</mat-option>
          @for (t of teams(); track t.id) {
            <mat-option [value]="t.id">{{ t.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic" class="date">
        <mat-label>Scheduled from</mat-label>
        <input matInput type="date" formControlName="from" data-testid="wo-filter-from" />
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic" class="date">
        <mat-label>Scheduled to</mat-label>
        <input matInput type="date" formControlName="to" data-testid="wo-filter-to" />
      </mat-form-field>
      <button mat-button type="button" (click)="clear()" data-testid="wo-filter-clear">
        Clear filters
      </button>
    </form>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: center;
      margin-bottom: 8px;
    }
    .search {
      flex: 1 1 260px;
    }
    .filters {
      display: contents;
    }
    mat-form-field {
      flex: 0 1 180px;
      min-width: 150px;
    }
    mat-form-field.search {
      flex: 1 1 260px;
    }
    mat-form-field.date {
      flex: 0 1 170px;
    }
  `,
})
export class WorkOrderFilters {
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly statuses = WORK_ORDER_STATUSES;
  protected readonly priorities = WORK_ORDER_PRIORITIES;
  protected readonly search = this.fb.control('');
  protected readonly form = this.fb.group({
    status: this.fb.control<WorkOrderStatus[]>([]),
    priority: this.fb.control<WorkOrderPriority[]>([]),
    technicianId: '',
    assignment: this.fb.control<'' | 'unassigned' | 'assigned'>(''),
    serviceTypeId: '',
    teamId: '',
    from: '',
    to: '',
  });
  private readonly technicianOptions = queryState(
    inject(WorkOrderTechnicianOptionsGQL).watch().valueChanges,
  );
  protected readonly technicians = computed(
    () => this.technicianOptions.data()?.technicians.nodes ?? [],
  );

  private readonly typeOptions = queryState(
    inject(WorkOrderServiceTypeOptionsGQL).watch().valueChanges,
  );
  protected readonly serviceTypes = computed(() => this.typeOptions.data()?.serviceTypes ?? []);
  private readonly teamOptions = queryState(inject(WorkOrderTeamOptionsGQL).watch().valueChanges);
  protected readonly teams = computed(() => this.teamOptions.data()?.teams ?? []);

  readonly filterChange = outputFromObservable(
    merge(this.form.valueChanges, this.search.valueChanges.pipe(debounceTime(300))).pipe(
      map(() => this.build()),
      distinctUntilChanged(sameJson),
    ),
  );

  protected clear(): void {
    this.search.setValue('', { emitEvent: false });
    this.form.reset();
  }

  private build(): WorkOrderFilter {
    const v = this.form.getRawValue();
    const filter: WorkOrderFilter = {};
    if (v.status.length) filter.status = v.status;
    if (v.priority.length) filter.priority = v.priority;
    if (v.technicianId) filter.technicianId = v.technicianId;
    if (v.assignment) filter.unassigned = v.assignment === 'unassigned';
    if (v.serviceTypeId) filter.serviceTypeId = v.serviceTypeId;
    if (v.teamId) filter.teamId = v.teamId;
    const from = fromDateInput(v.from);
    if (from) filter.scheduledFrom = from;
    // "to" is inclusive for people, exclusive for the API: up to the start of the next day.
    const to = fromDateInput(v.to, 1);
    if (to) filter.scheduledTo = to;
    const search = this.search.value.trim();
    if (search) filter.search = search;
    return filter;
  }
}
