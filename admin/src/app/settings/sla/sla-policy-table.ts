import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { SlaPolicyFieldsFragment } from '../../generated/graphql';
import { HumanizePipe } from '../../shared/pipes';
import { formatMinutes } from '../duration.model';
import { SettingsRowActions } from '../settings-row-actions';
import { calendarSummary, scopeOf } from './sla.model';

@Component({
  selector: 'att-sla-policy-table',
  imports: [MatTableModule, SettingsRowActions, HumanizePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="table-wrap">
      <table mat-table [dataSource]="rows()" data-testid="sla-table">
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef>Name</th>
          <td mat-cell *matCellDef="let p" class="name">
            {{ p.name }}
            <span class="sub" data-testid="sla-policy-scope">{{ scope(p).label }}</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="serviceType">
          <th mat-header-cell *matHeaderCellDef>Service type</th>
          <td mat-cell *matCellDef="let p">{{ p.serviceType?.name ?? 'Any' }}</td>
        </ng-container>
        <ng-container matColumnDef="priority">
          <th mat-header-cell *matHeaderCellDef>Priority</th>
          <td mat-cell *matCellDef="let p">{{ p.priority ? (p.priority | humanize) : 'Any' }}</td>
        </ng-container>
        <ng-container matColumnDef="response">
          <th mat-header-cell *matHeaderCellDef class="num">Response</th>
          <td mat-cell *matCellDef="let p" class="num" data-testid="sla-policy-response">
            {{ minutes(p.responseMinutes) }}
          </td>
        </ng-container>
        <ng-container matColumnDef="resolution">
          <th mat-header-cell *matHeaderCellDef class="num">Resolution</th>
          <td mat-cell *matCellDef="let p" class="num" data-testid="sla-policy-resolution">
            {{ minutes(p.resolutionMinutes) }}
          </td>
        </ng-container>
        <ng-container matColumnDef="calendar">
          <th mat-header-cell *matHeaderCellDef>Calendar</th>
          <td mat-cell *matCellDef="let p" class="calendar" data-testid="sla-policy-calendar">
            {{ calendar(p) }}
          </td>
        </ng-container>
        <ng-container matColumnDef="holidays">
          <th mat-header-cell *matHeaderCellDef class="num">Holidays</th>
          <td mat-cell *matCellDef="let p" class="num">{{ p.holidays.length }}</td>
        </ng-container>
        <ng-container matColumnDef="warnAt">
          <th mat-header-cell *matHeaderCellDef class="num">Warn at</th>
          <td mat-cell *matCellDef="let p" class="num">{{ percent(p.warnAt) }}</td>
        </ng-container>
        <ng-container matColumnDef="active">
          <th mat-header-cell *matHeaderCellDef>Status</th>
          <td mat-cell *matCellDef="let p">
            <span class="state" [class.off]="!p.active">{{
              p.active ? 'Active' : 'Inactive'
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
                [busy]="busy()"
                testid="sla-policy"
                removable
                (edit)="edit.emit(p)"
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
          [attr.data-testid]="'sla-policy-row-' + p.name"
        ></tr>
      </table>
    </div>
  `,
  styleUrl: '../settings-table.scss',
})
export class SlaPolicyTable {
  readonly rows = input.required<readonly SlaPolicyFieldsFragment[]>();
  readonly canEdit = input(false);
  readonly busy = input(false);
  readonly edit = output<SlaPolicyFieldsFragment>();
  readonly remove = output<SlaPolicyFieldsFragment>();

  protected readonly columns = [
    'name',
    'serviceType',
    'priority',
    'response',
    'resolution',
    'calendar',
    'holidays',
    'warnAt',
    'active',
    'actions',
  ];
  protected readonly minutes = formatMinutes;
  protected readonly calendar = calendarSummary;
  protected readonly scope = scopeOf;
  protected percent(share: number): string {
    return `${Math.round(share * 100)} %`;
  }
}
