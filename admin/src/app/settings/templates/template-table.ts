import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { MessageTemplateFieldsFragment } from '../../generated/graphql';
import { HumanizePipe } from '../../shared/pipes';
import { RelativeTimePipe } from '../../shared/relative-time.pipe';
import { SettingsRowActions, type ActiveToggle } from '../settings-row-actions';
import { channelLabel, usageLabel } from './templates.model';

@Component({
  selector: 'att-template-table',
  imports: [MatTableModule, SettingsRowActions, HumanizePipe, RelativeTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="table-wrap">
      <table mat-table [dataSource]="rows()" data-testid="template-table">
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef>Name</th>
          <td mat-cell *matCellDef="let t" class="name">
            {{ t.name }}
            <span class="sub body">{{ t.subject ?? t.body }}</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="channel">
          <th mat-header-cell *matHeaderCellDef>Channel</th>
          <td mat-cell *matCellDef="let t" class="nowrap" data-testid="template-row-channel">
            {{ label(t.channel) }}
          </td>
        </ng-container>
        <ng-container matColumnDef="language">
          <th mat-header-cell *matHeaderCellDef>Language</th>
          <td mat-cell *matCellDef="let t">{{ t.language }}</td>
        </ng-container>
        <ng-container matColumnDef="purpose">
          <th mat-header-cell *matHeaderCellDef>Purpose</th>
          <td mat-cell *matCellDef="let t">{{ t.purpose | humanize }}</td>
        </ng-container>
        <ng-container matColumnDef="usage">
          <th mat-header-cell *matHeaderCellDef>Triggers</th>
          <td mat-cell *matCellDef="let t" class="nowrap" data-testid="template-row-usage">
            {{ usage(t.triggerCount) }}
          </td>
        </ng-container>
        <ng-container matColumnDef="updated">
          <th mat-header-cell *matHeaderCellDef>Updated</th>
          <td mat-cell *matCellDef="let t" class="nowrap">
            v{{ t.version }} · {{ t.updatedAt | relativeTime: now() }}
          </td>
        </ng-container>
        <ng-container matColumnDef="active">
          <th mat-header-cell *matHeaderCellDef>Status</th>
          <td mat-cell *matCellDef="let t">
            <span class="state" [class.off]="!t.active" data-testid="template-row-status">{{
              t.active ? 'Active' : 'Inactive'
            }}</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef>
            <span class="cdk-visually-hidden">Actions</span>
          </th>
          <td mat-cell *matCellDef="let t" class="actions">
            @if (canEdit()) {
              <att-settings-row-actions
                [name]="t.name"
                [active]="t.active"
                [busy]="busy()"
                testid="template"
                [toggle]="toggle"
                removable
                (edit)="edit.emit(t)"
                (toggleActive)="toggleActive.emit(t)"
                (remove)="remove.emit(t)"
              />
            }
          </td>
        </ng-container>

        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr
          mat-row
          *matRowDef="let t; columns: columns"
          [class.inactive]="!t.active"
          [attr.data-id]="t.id"
          [attr.data-testid]="'template-row-' + t.name"
        ></tr>
      </table>
    </div>
  `,
  styleUrl: '../settings-table.scss',
  styles: `
    .body {
      max-width: 420px;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
  `,
})
export class TemplateTable {
  readonly rows = input.required<readonly MessageTemplateFieldsFragment[]>();
  readonly canEdit = input(false);
  readonly busy = input(false);
  readonly now = input(Date.now());
  readonly edit = output<MessageTemplateFieldsFragment>();
  readonly toggleActive = output<MessageTemplateFieldsFragment>();
  readonly remove = output<MessageTemplateFieldsFragment>();

  protected readonly toggle: ActiveToggle = { off: 'Deactivate', on: 'Activate' };
  protected readonly columns = [
    'name',
    'channel',
    'language',
    'purpose',
    'usage',
    'updated',
    'active',
    'actions',
  ];
  protected readonly label = channelLabel;
  protected readonly usage = usageLabel;
}
