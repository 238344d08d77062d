import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { VendorListRowFragment } from '../generated/graphql';
import { QualityBar } from './quality-bar';

/** The vendor list: one row per vendor, opening the detail page. */
@Component({
  selector: 'att-vendor-table',
  imports: [MatTableModule, QualityBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="table-wrap">
      <table mat-table [dataSource]="rows()" data-testid="vendor-table">
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef>Name</th>
          <td mat-cell *matCellDef="let v" class="name" data-testid="vendor-name">{{ v.name }}</td>
        </ng-container>
        <ng-container matColumnDef="contact">
          <th mat-header-cell *matHeaderCellDef>Contact</th>
          <td mat-cell *matCellDef="let v">
            {{ v.email ?? '—' }}
            @if (v.phone) {
              <br /><span class="muted">{{ v.phone }}</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="offers">
          <th mat-header-cell *matHeaderCellDef class="num">Offers</th>
          <td mat-cell *matCellDef="let v" class="num" data-testid="vendor-offers-count">
            {{ v.offers.length }}
          </td>
        </ng-container>
        <ng-container matColumnDef="area">
          <th mat-header-cell *matHeaderCellDef>Service area</th>
          <td mat-cell *matCellDef="let v" class="nowrap">
            {{ v.serviceRadiusKm != null ? v.serviceRadiusKm + ' km' : 'No limit' }}
          </td>
        </ng-container>
        <ng-container matColumnDef="quality">
          <th mat-header-cell *matHeaderCellDef>Quality</th>
          <td mat-cell *matCellDef="let v">
            <div class="quality">
              <att-quality-bar [score]="v.quality.score" />
              <span class="muted jobs"
                >{{ v.quality.jobs }} job{{ v.quality.jobs === 1 ? '' : 's' }}</span
              >
            </div>
          </td>
        </ng-container>
        <ng-container matColumnDef="active">
          <th mat-header-cell *matHeaderCellDef>Status</th>
          <td mat-cell *matCellDef="let v" data-testid="vendor-active">
            <span class="state" [class.inactive]="!v.active">{{
              v.active ? 'Active' : 'Inactive'
            }}</span>
          </td>
        </ng-container>

        <tr mat-header-row *matHeaderRowDef="columns; sticky: true"></tr>
        <tr
          mat-row
          *matRowDef="let v; columns: columns"
          class="row"
          [class.is-inactive]="!v.active"
          tabindex="0"
          role="link"
          [attr.aria-label]="'Open ' + v.name"
          [attr.data-testid]="'vendor-row-' + v.id"
          (click)="open.emit(v)"
          (keydown.enter)="open.emit(v)"
        ></tr>
      </table>
      @if (loading() && rows().length === 0) {
        <div class="skeleton" data-testid="vendor-skeleton" aria-label="Loading vendors">
          @for (i of skeletonRows; track i) {
            <div class="skeleton-row"><span></span><span></span><span></span></div>
          }
        </div>
      }
    </div>
  `,
  styleUrl: './vendor-table.scss',
})
export class VendorTable {
  readonly rows = input.required<readonly VendorListRowFragment[]>();
  readonly loading = input(false);
  readonly open = output<VendorListRowFragment>();

  protected readonly columns = ['name', 'contact', 'offers', 'area', 'quality', 'active'];
  protected readonly skeletonRows = [1, 2, 3, 4, 5];
}
