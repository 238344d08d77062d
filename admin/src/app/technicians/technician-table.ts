import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { TechnicianListRowFragment } from '../generated/graphql';
import { CertificationBadge } from './certification-badge';
import { formatShift, LEVEL_NAMES } from './technician.model';
import { formatDays } from './schedule.model';

/** The technician list: one row per technician, opening the detail page. */
@Component({
  selector: 'att-technician-table',
  imports: [MatTableModule, CertificationBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="table-wrap">
      <table mat-table [dataSource]="rows()" data-testid="technician-table">
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef>Name</th>
          <td mat-cell *matCellDef="let t" class="name" data-testid="technician-name">
            {{ t.name }}
          </td>
        </ng-container>
        <ng-container matColumnDef="team">
          <th mat-header-cell *matHeaderCellDef>Team</th>
          <td mat-cell *matCellDef="let t" data-testid="technician-team">
            {{ t.team?.name ?? '—' }}
          </td>
        </ng-container>
        <ng-container matColumnDef="skills">
          <th mat-header-cell *matHeaderCellDef>Skills</th>
          <td mat-cell *matCellDef="let t" data-testid="technician-skills">
            <span class="tags">
              @for (s of t.skills; track s.skill.id) {
                <span class="tag" [title]="levelNames[s.level]"
                  >{{ s.skill.name }} <b>{{ s.level }}</b></span
                >
              } @empty {
                <span class="muted">—</span>
              }
            </span>
          </td>
        </ng-container>
        <ng-container matColumnDef="shift">
          <th mat-header-cell *matHeaderCellDef>Shift</th>
          <td mat-cell *matCellDef="let t" class="nowrap" data-testid="technician-shift">
            {{ shift(t) }}<br /><span class="muted">{{ days(t) }}</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="maxJobs">
          <th mat-header-cell *matHeaderCellDef class="num">Jobs/day</th>
          <td mat-cell *matCellDef="let t" class="num">{{ t.maxJobsPerDay }}</td>
        </ng-container>
        <ng-container matColumnDef="certifications">
          <th mat-header-cell *matHeaderCellDef>Certifications</th>
          <td mat-cell *matCellDef="let t" data-testid="technician-certifications">
            <span class="tags">
              @for (c of t.certifications; track c.id) {
                <att-certification-badge [certification]="c" />
              } @empty {
                <span class="muted">—</span>
              }
            </span>
          </td>
        </ng-container>
        <ng-container matColumnDef="active">
          <th mat-header-cell *matHeaderCellDef>Status</th>
          <td mat-cell *matCellDef="let t" data-testid="technician-active">
            <span class="state" [class.inactive]="!t.active">{{
              t.active ? 'Active' : 'Inactive'
            }}</span>
          </td>
        </ng-container>

        <tr mat-header-row *matHeaderRowDef="columns; sticky: true"></tr>
        <tr
          mat-row
          *matRowDef="let t; columns: columns"
          class="row"
          [class.is-inactive]="!t.active"
          tabindex="0"
          role="link"
          [attr.aria-label]="'Open ' + t.name"
          [attr.data-testid]="'technician-row-' + t.id"
          (click)="open.emit(t)"
          (keydown.enter)="open.emit(t)"
        ></tr>
      </table>
      @if (loading() && rows().length === 0) {
        <div class="skeleton" data-testid="technician-skeleton" aria-label="Loading technicians">
          @for (i of skeletonRows; track i) {
            <div class="skeleton-row"><span></span><span></span><span></span></div>
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
      min-width: 900px;
    }
    .row {
      cursor: pointer;
    }
    .row:hover,
    .row:focus-visible {
      background: var(--mat-sys-surface-container);
      outline: none;
    }
    .row.is-inactive .name {
      color: var(--mat-sys-on-surface-variant);
    }
    .name {
      font-weight: 500;
    }
    .nowrap {
      white-space: nowrap;
    }
    .num {
      text-align: right;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .tags {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      padding: 4px 0;
    }
    .tag {
      padding: 1px 8px;
      border-radius: 10px;
      background: var(--mat-sys-surface-container-high);
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
    }
    .state {
      font: var(--mat-sys-label-medium);
      color: #13532a;
    }
    .state.inactive {
      color: var(--mat-sys-on-surface-variant);
    }
    .skeleton {
      padding: 4px 16px 12px;
    }
    .skeleton-row {
      display: grid;
      grid-template-columns: 2fr 1fr 3fr;
      gap: 16px;
      padding: 14px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .skeleton-row span {
      height: 14px;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-high);
    }
  `,
})
export class TechnicianTable {
  readonly rows = input.required<readonly TechnicianListRowFragment[]>();
  readonly loading = input(false);
  readonly open = output<TechnicianListRowFragment>();

  protected readonly columns = [
    'name',
    'team',
    'skills',
    'shift',
    'maxJobs',
    'certifications',
    'active',
  ];
  protected readonly skeletonRows = [1, 2, 3, 4, 5];
  protected readonly levelNames = LEVEL_NAMES;
  protected readonly shift = (t: TechnicianListRowFragment) =>
    formatShift(t.shiftStartMin, t.shiftEndMin);
  protected readonly days = (t: TechnicianListRowFragment) => formatDays(t.workDays);
}
