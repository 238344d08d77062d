import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { MaintenancePlanFieldsFragment } from '../../generated/graphql';
import { DateTimePipe, HumanizePipe } from '../../shared/pipes';
import { SettingsRowActions, type ActiveToggle } from '../settings-row-actions';
import { targetSummary } from './maintenance.model';
import { scheduleSummary } from './schedule.model';

@Component({
  selector: 'att-maintenance-plan-table',
  imports: [MatTableModule, SettingsRowActions, DateTimePipe, HumanizePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="table-wrap">
      <table mat-table [dataSource]="rows()" data-testid="maintenance-table">
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef>Name</th>
          <td mat-cell *matCellDef="let p" class="name">
            {{ p.name }}
            <span class="sub">{{ p.priority | humanize }} priority</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="serviceType">
          <th mat-header-cell *matHeaderCellDef>Service type</th>
          <td mat-cell *matCellDef="let p">{{ p.serviceType?.name ?? '—' }}</td>
        </ng-container>
        <ng-container matColumnDef="target">
          <th mat-header-cell *matHeaderCellDef>Target</th>
          <td mat-cell *matCellDef="let p" data-testid="maintenance-plan-target">
            {{ target(p) }}
          </td>
        </ng-container>
        <ng-container matColumnDef="schedule">
          <th mat-header-cell *matHeaderCellDef>Schedule</th>
          <td mat-cell *matCellDef="let p" data-testid="maintenance-plan-schedule">
            {{ schedule(p) }}
            <span class="sub">from {{ p.startsOn | dateTime: 'date' }}</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="lead">
          <th mat-header-cell *matHeaderCellDef class="num">Lead</th>
          <td mat-cell *matCellDef="let p" class="num">
            {{ p.leadDays }} {{ p.leadDays === 1 ? 'day' : 'days' }}
          </td>
        </ng-container>
        <ng-container matColumnDef="next">
          <th mat-header-cell *matHeaderCellDef>Next due</th>
          <td mat-cell *matCellDef="let p" data-testid="maintenance-plan-next">
            @for (d of p.nextDueDates; track d) {
              <span class="nowrap">{{ d | dateTime: 'date' }}</span>
              @if (!$last) {
                <br />
              }
            } @empty {
              —
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="generated">
          <th mat-header-cell *matHeaderCellDef class="num">Generated</th>
          <td mat-cell *matCellDef="let p" class="num" data-testid="maintenance-plan-generated">
            {{ p.generatedCount }}
          </td>
        </ng-container>
        <ng-container matColumnDef="active">
          <th mat-header-cell *matHeaderCellDef>Status</th>
          <td mat-cell *matCellDef="let p">
            <span class="state" [class.off]="!p.active" data-testid="maintenance-plan-status">{{
              p.active ? 'Active' : 'Paused'
            }}</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef>
            <span class="cdk-visually-hidden">Actions</span>
          </th>
          <td mat-cell *matCellDef="let p" class="actions">
            @if (canEdit()) {
              <att-settings-row-actions
                [name]="p.name"
                [active]="p.active"
                [busy]="busy()"
                testid="maintenance-plan"
                [toggle]="toggle"
                removable
                (edit)="edit.emit(p)"
                (toggleActive)="toggleActive.emit(p)"
                (remove)="remove.emit(p)"
              />
            }
          </td>
        </ng-container>

        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr
          mat-row
          *matRowDef="let p; columns: columns"
          [class.inactive]="!p.active"
          [attr.data-id]="p.id"
          [attr.data-testid]="'maintenance-plan-row-' + p.name"
        ></tr>
      </table>
    </div>
  `,
  styleUrl: '../settings-table.scss',
})
export class MaintenancePlanTable {
  readonly rows = input.required<readonly MaintenancePlanFieldsFragment[]>();
  readonly canEdit = input(false);
  readonly busy = input(false);
  readonly edit = output<MaintenancePlanFieldsFragment>();
  readonly toggleActive = output<MaintenancePlanFieldsFragment>();
  readonly remove = output<MaintenancePlanFieldsFragment>();

  protected readonly toggle: ActiveToggle = { off: 'Pause', on: 'Resume' };
  protected readonly columns = [
    'name',
    'serviceType',
    'target',
    'schedule',
    'lead',
    'next',
    'generated',
    'active',
    'actions',
  ];
  protected readonly target = targetSummary;
  protected readonly schedule = scheduleSummary;
}
