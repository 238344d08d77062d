import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { AutomationRuleFieldsFragment } from '../../generated/graphql';
import { DateTimePipe, HumanizePipe } from '../../shared/pipes';
import { RelativeTimePipe } from '../../shared/relative-time.pipe';
import { SettingsRowActions, type ActiveToggle } from '../settings-row-actions';
import { conditionChips, hoursBeforeLabel } from './automation.model';

@Component({
  selector: 'att-automation-rule-table',
  imports: [MatTableModule, SettingsRowActions, DateTimePipe, HumanizePipe, RelativeTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="table-wrap">
      <table mat-table [dataSource]="rows()" data-testid="automation-table">
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef>Name</th>
          <td mat-cell *matCellDef="let r" class="name">
            {{ r.name }}
            <span class="sub">{{ r.title }}</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="conditions">
          <th mat-header-cell *matHeaderCellDef>When</th>
          <td mat-cell *matCellDef="let r">
            <span class="chips">
              @for (c of chips(r.conditions); track c) {
                <span class="chip" data-testid="automation-rule-condition">{{ c }}</span>
              }
            </span>
          </td>
        </ng-container>
        <ng-container matColumnDef="serviceType">
          <th mat-header-cell *matHeaderCellDef>Creates</th>
          <td mat-cell *matCellDef="let r">
            {{ r.serviceType?.name ?? '—' }}
            <span class="sub">{{ r.priority | humanize }} priority</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="when">
          <th mat-header-cell *matHeaderCellDef>At</th>
          <td mat-cell *matCellDef="let r" class="nowrap" data-testid="automation-rule-hours">
            {{ hours(r.hoursBeforeArrival) }}
          </td>
        </ng-container>
        <ng-container matColumnDef="team">
          <th mat-header-cell *matHeaderCellDef>Team</th>
          <td mat-cell *matCellDef="let r">{{ r.team?.name ?? '—' }}</td>
        </ng-container>
        <ng-container matColumnDef="fired">
          <th mat-header-cell *matHeaderCellDef class="num">Fired</th>
          <td mat-cell *matCellDef="let r" class="num" data-testid="automation-rule-fired">
            {{ r.firedCount }}
          </td>
        </ng-container>
        <ng-container matColumnDef="lastFired">
          <th mat-header-cell *matHeaderCellDef>Last fired</th>
          <td
            mat-cell
            *matCellDef="let r"
            class="nowrap"
            [attr.title]="r.lastFiredAt ? (r.lastFiredAt | dateTime) : null"
            data-testid="automation-rule-last-fired"
          >
            {{ r.lastFiredAt ? (r.lastFiredAt | relativeTime: now()) : 'Never' }}
          </td>
        </ng-container>
        <ng-container matColumnDef="active">
          <th mat-header-cell *matHeaderCellDef>Status</th>
          <td mat-cell *matCellDef="let r">
            <span class="state" [class.off]="!r.active" data-testid="automation-rule-status">{{
              r.active ? 'Active' : 'Paused'
            }}</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef>
            <span class="cdk-visually-hidden">Actions</span>
          </th>
          <td mat-cell *matCellDef="let r" class="actions">
            @if (canEdit()) {
              <att-settings-row-actions
                [name]="r.name"
                [active]="r.active"
                [busy]="busy()"
                testid="automation-rule"
                [toggle]="toggle"
                removable
                (edit)="edit.emit(r)"
                (toggleActive)="toggleActive.emit(r)"
                (remove)="remove.emit(r)"
              />
            }
          </td>
        </ng-container>

        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr
          mat-row
          *matRowDef="let r; columns: columns"
          [class.inactive]="!r.active"
          [attr.data-id]="r.id"
          [attr.data-testid]="'automation-rule-row-' + r.name"
        ></tr>
      </table>
    </div>
  `,
  styleUrl: '../settings-table.scss',
})
export class AutomationRuleTable {
  readonly rows = input.required<readonly AutomationRuleFieldsFragment[]>();
  readonly canEdit = input(false);
  readonly busy = input(false);
  readonly now = input(Date.now());
  readonly edit = output<AutomationRuleFieldsFragment>();
  readonly toggleActive = output<AutomationRuleFieldsFragment>();
  readonly remove = output<AutomationRuleFieldsFragment>();

  protected readonly toggle: ActiveToggle = { off: 'Pause', on: 'Resume' };
  protected readonly columns = [
    'name',
    'conditions',
    'serviceType',
    'when',
    'team',
    'fired',
    'lastFired',
    'active',
    'actions',
  ];
  protected readonly chips = conditionChips;
  protected readonly hours = hoursBeforeLabel;
}
