import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { TechnicianListRowFragment } from '../generated/graphql';
import { CertificationBadge } from './certification-badge';
import { clockRange } from '../shared/time-of-day';
import { formatDays } from '../shared/weekdays';
import { LEVEL_NAMES } from './technician.model';

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
  styleUrl: './technician-table.scss',
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
    clockRange(t.shiftStartMin, t.shiftEndMin);
  protected readonly days = (t: TechnicianListRowFragment) => formatDays(t.workDays);
}
