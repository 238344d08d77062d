import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { CatalogServiceTypeFragment } from '../../generated/graphql';
import { MoneyPipe } from '../../shared/pipes';
import { formatMinutes } from '../duration.model';
import { SettingsRowActions, type ActiveToggle } from '../settings-row-actions';
import { kindLabel, skillsSummary } from './catalog.model';

@Component({
  selector: 'att-service-type-table',
  imports: [MatTableModule, SettingsRowActions, MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="table-wrap">
      <table mat-table [dataSource]="rows()" data-testid="catalog-table">
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef>Name</th>
          <td mat-cell *matCellDef="let t" class="name">
            {{ t.name }}
            @if (t.description) {
              <span class="sub">{{ t.description }}</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="kind">
          <th mat-header-cell *matHeaderCellDef>Kind</th>
          <td mat-cell *matCellDef="let t" class="nowrap">{{ kindLabel(t.kind) }}</td>
        </ng-container>
        <ng-container matColumnDef="duration">
          <th mat-header-cell *matHeaderCellDef class="num">Duration</th>
          <td mat-cell *matCellDef="let t" class="num">{{ minutes(t.defaultMinutes) }}</td>
        </ng-container>
        <ng-container matColumnDef="price">
          <th mat-header-cell *matHeaderCellDef class="num">Price</th>
          <td mat-cell *matCellDef="let t" class="num" data-testid="service-type-price">
            {{ t.price | money }}
          </td>
        </ng-container>
        <ng-container matColumnDef="skills">
          <th mat-header-cell *matHeaderCellDef>Required skills</th>
          <td mat-cell *matCellDef="let t" data-testid="service-type-skills">
            {{ skills(t) }}
          </td>
        </ng-container>
        <ng-container matColumnDef="checklist">
          <th mat-header-cell *matHeaderCellDef class="num">Checklist</th>
          <td mat-cell *matCellDef="let t" class="num">{{ t.checklist.length }}</td>
        </ng-container>
        <ng-container matColumnDef="active">
          <th mat-header-cell *matHeaderCellDef>Status</th>
          <td mat-cell *matCellDef="let t">
            <span class="state" [class.off]="!t.active" data-testid="service-type-status">{{
              t.active ? 'Active' : 'Archived'
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
                testid="service-type"
                [toggle]="toggle"
                (edit)="edit.emit(t)"
                (toggleActive)="toggleActive.emit(t)"
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
          [attr.data-testid]="'service-type-row-' + t.name"
        ></tr>
      </table>
    </div>
  `,
  styleUrl: '../settings-table.scss',
})
export class ServiceTypeTable {
  readonly rows = input.required<readonly CatalogServiceTypeFragment[]>();
  readonly canEdit = input(false);
  readonly busy = input(false);
  readonly edit = output<CatalogServiceTypeFragment>();
  readonly toggleActive = output<CatalogServiceTypeFragment>();

  protected readonly toggle: ActiveToggle = { off: 'Archive', on: 'Restore' };
  protected readonly columns = [
    'name',
    'kind',
    'duration',
    'price',
    'skills',
    'checklist',
    'active',
    'actions',
  ];
  protected readonly kindLabel = kindLabel;
  protected readonly minutes = formatMinutes;
  protected readonly skills = skillsSummary;
}
