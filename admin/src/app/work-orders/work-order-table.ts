import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import type {
  WorkOrderOrder,
  WorkOrderRowFragment,
  WorkOrderSortField,
} from '../generated/graphql';
import { DateTimePipe, HumanizePipe, WoNumberPipe } from '../shared/pipes';
import { StatusChip } from '../shared/status-chip';
import { WorkOrderSlaChip } from './work-order-sla-chip';
import { remainingText } from './work-order-sla.model';

/** Table columns that sort on the server, and the API field for each. */
const SORTABLE: Record<string, WorkOrderSortField> = {
  number: 'NUMBER',
  scheduledStart: 'SCHEDULED_START',
  slaDueAt: 'SLA_DUE_AT',
  createdAt: 'CREATED_AT',
};
const COLUMN_OF: Record<WorkOrderSortField, string> = {
  NUMBER: 'number',
  SCHEDULED_START: 'scheduledStart',
  SLA_DUE_AT: 'slaDueAt',
  CREATED_AT: 'createdAt',
};

@Component({
  selector: 'att-work-order-table',
  imports: [
    MatTableModule,
    MatSortModule,
    StatusChip,
    WorkOrderSlaChip,
    DateTimePipe,
    WoNumberPipe,
    HumanizePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="table-wrap">
      <table
        mat-table
        [dataSource]="rows()"
        matSort
        [matSortActive]="sortColumn()"
        [matSortDirection]="sortDirection()"
        matSortDisableClear
        (matSortChange)="onSort($event)"
        data-testid="wo-table"
      >
        <ng-container matColumnDef="number">
          <th
            mat-header-cell
            *matHeaderCellDef
            mat-sort-header="number"
            sortActionDescription="Sort by number"
          >
            Number
          </th>
          <td mat-cell *matCellDef="let wo" class="nowrap" data-testid="wo-number">
            {{ wo.number | woNumber }}
          </td>
        </ng-container>
        <ng-container matColumnDef="title">
          <th mat-header-cell *matHeaderCellDef>Title</th>
          <td mat-cell *matCellDef="let wo" class="title">{{ wo.title }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>Status</th>
          <td mat-cell *matCellDef="let wo">
            <att-status-chip [value]="wo.status" data-testid="wo-row-status" />
          </td>
        </ng-container>
        <ng-container matColumnDef="sla">
          <th mat-header-cell *matHeaderCellDef>SLA</th>
          <td mat-cell *matCellDef="let wo" class="nowrap">
            <att-work-order-sla-chip [state]="wo.sla.state" data-testid="wo-row-sla" />
            @if (wo.sla.state !== 'NONE' && wo.sla.minutesRemaining != null) {
              <span class="sla-left">{{ remaining(wo.sla) }}</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="priority">
          <th mat-header-cell *matHeaderCellDef>Priority</th>
          <td
            mat-cell
            *matCellDef="let wo"
            [class.urgent]="wo.priority === 'EMERGENCY' || wo.priority === 'HIGH'"
          >
            {{ wo.priority | humanize }}
          </td>
        </ng-container>
        <ng-container matColumnDef="customer">
          <th mat-header-cell *matHeaderCellDef>Customer</th>
          <td mat-cell *matCellDef="let wo">{{ wo.guest?.fullName ?? '—' }}</td>
        </ng-container>
        <ng-container matColumnDef="serviceType">
          <th mat-header-cell *matHeaderCellDef>Service</th>
          <td mat-cell *matCellDef="let wo">
            {{ wo.serviceType?.name ?? '—' }}
            @if (wo.team) {
              <span class="sub">{{ wo.team.name }}</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="technician">
          <th mat-header-cell *matHeaderCellDef>Assignee</th>
          <td mat-cell *matCellDef="let wo" data-testid="wo-row-assignee">
            @if (wo.technician) {
              {{ wo.technician.name }}
            } @else if (wo.vendor) {
              {{ wo.vendor.name }} <span class="sub">vendor</span>
            } @else {
              <span class="unassigned">Unassigned</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="scheduledStart">
          <th
            mat-header-cell
            *matHeaderCellDef
            mat-sort-header="scheduledStart"
            sortActionDescription="Sort by scheduled start"
          >
            Scheduled
          </th>
          <td mat-cell *matCellDef="let wo" class="nowrap">{{ wo.scheduledStart | dateTime }}</td>
        </ng-container>
        <ng-container matColumnDef="slaDueAt">
          <th
            mat-header-cell
            *matHeaderCellDef
            mat-sort-header="slaDueAt"
            sortActionDescription="Sort by SLA due"
          >
            SLA due
          </th>
          <td mat-cell *matCellDef="let wo" class="nowrap">{{ wo.slaDueAt | dateTime }}</td>
        </ng-container>
        <ng-container matColumnDef="createdAt">
          <th
            mat-header-cell
            *matHeaderCellDef
            mat-sort-header="createdAt"
            sortActionDescription="Sort by created"
          >
            Created
          </th>
          <td mat-cell *matCellDef="let wo" class="nowrap">{{ wo.createdAt | dateTime }}</td>
        </ng-container>

        <tr mat-header-row *matHeaderRowDef="columns; sticky: true"></tr>
        <tr
          mat-row
          *matRowDef="let wo; columns: columns"
          class="row"
          [class.changed]="highlighted().has(wo.id)"
          tabindex="0"
          role="link"
          [attr.data-id]="wo.id"
          data-testid="wo-row"
          (click)="open.emit(wo)"
          (keydown.enter)="open.emit(wo)"
        ></tr>
      </table>
      @if (loading() && rows().length === 0) {
        <div class="skeleton" data-testid="wo-skeleton" aria-label="Loading work orders">
          @for (i of skeletonRows; track i) {
            <div class="skeleton-row"><span></span><span></span><span></span><span></span></div>
          }
        </div>
      }
    </div>
  `,
  styles: `
    .table-wrap {
      overflow-x: auto;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    table {
      width: 100%;
      min-width: 1180px;
    }
    .row {
      cursor: pointer;
      transition: background-color 600ms ease;
    }
    .row:hover,
    .row:focus-visible {
      background: var(--mat-sys-surface-container);
      outline: none;
    }
    .row.changed {
      background: #fff3c4;
    }
    .nowrap {
      white-space: nowrap;
    }
    .title {
      min-width: 200px;
    }
    .sub {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .sla-left {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .unassigned {
      color: var(--mat-sys-on-surface-variant);
    }
    .urgent {
      color: var(--mat-sys-error);
      font-weight: 500;
    }
    .skeleton {
      padding: 4px 16px 12px;
    }
    .skeleton-row {
      display: grid;
      grid-template-columns: 1fr 4fr 2fr 2fr;
      gap: 16px;
      padding: 14px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .skeleton-row span {
      height: 14px;
      border-radius: 4px;
      background: linear-gradient(
        90deg,
        var(--mat-sys-surface-container) 25%,
        var(--mat-sys-surface-container-highest) 50%,
        var(--mat-sys-surface-container) 75%
      );
      background-size: 200% 100%;
      animation: shimmer 1.2s infinite linear;
    }
    @keyframes shimmer {
      from {
        background-position: 200% 0;
      }
      to {
        background-position: -200% 0;
      }
    }
  `,
})
export class WorkOrderTable {
  readonly rows = input.required<readonly WorkOrderRowFragment[]>();
  readonly loading = input(false);
  readonly sort = input.required<WorkOrderOrder>();
  readonly highlighted = input<ReadonlySet<string>>(new Set());
  readonly sortChange = output<WorkOrderOrder>();
  readonly open = output<WorkOrderRowFragment>();

  protected readonly columns = [
    'number',
    'title',
    'status',
    'sla',
    'priority',
    'serviceType',
    'customer',
    'technician',
    'scheduledStart',
    'slaDueAt',
    'createdAt',
  ];
  protected readonly remaining = remainingText;
  protected readonly skeletonRows = [1, 2, 3, 4, 5, 6, 7, 8];
  protected readonly sortColumn = computed(() => COLUMN_OF[this.sort().field]);
  protected readonly sortDirection = computed(() =>
    this.sort().direction === 'ASC' ? 'asc' : 'desc',
  );

  protected onSort(sort: Sort): void {
    const field = SORTABLE[sort.active];
    if (!field) return;
    this.sortChange.emit({ field, direction: sort.direction === 'asc' ? 'ASC' : 'DESC' });
  }
}
