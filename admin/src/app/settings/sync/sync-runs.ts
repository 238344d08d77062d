import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatTableModule } from '@angular/material/table';
import { messageOf } from '../../core/errors';
import { SyncRunsGQL } from '../../generated/graphql';
import { ErrorBanner } from '../../shared/error-banner';
import { DateTimePipe, HumanizePipe } from '../../shared/pipes';
import { queryState } from '../../shared/query-state';
import { StatusChip } from '../../shared/status-chip';
import { MewsLive } from '../mews/mews-live';

/** The latest imports and re-syncs. */
@Component({
  selector: 'att-sync-runs',
  imports: [MatTableModule, ErrorBanner, StatusChip, DateTimePipe, HumanizePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>Recent runs</h2>
    @if (error(); as message) {
      <att-error-banner [message]="message" (retry)="refetch()" />
    }
    @if (rows().length > 0) {
      <div class="table-wrap">
        <table mat-table [dataSource]="rows()" data-testid="sync-runs">
          <ng-container matColumnDef="kind">
            <th mat-header-cell *matHeaderCellDef>Kind</th>
            <td mat-cell *matCellDef="let r">{{ r.kind | humanize }}</td>
          </ng-container>
          <ng-container matColumnDef="status">
            <th mat-header-cell *matHeaderCellDef>Status</th>
            <td mat-cell *matCellDef="let r">
              <att-status-chip [value]="r.status" [label]="r.error" />
            </td>
          </ng-container>
          <ng-container matColumnDef="percent">
            <th mat-header-cell *matHeaderCellDef class="right">Progress</th>
            <td mat-cell *matCellDef="let r" class="right">{{ r.percent }} %</td>
          </ng-container>
          <ng-container matColumnDef="requests">
            <th mat-header-cell *matHeaderCellDef class="right">Requests</th>
            <td mat-cell *matCellDef="let r" class="right">{{ r.requestCount }}</td>
          </ng-container>
          <ng-container matColumnDef="started">
            <th mat-header-cell *matHeaderCellDef>Started</th>
            <td mat-cell *matCellDef="let r">{{ r.startedAt | dateTime }}</td>
          </ng-container>
          <ng-container matColumnDef="finished">
            <th mat-header-cell *matHeaderCellDef>Finished</th>
            <td mat-cell *matCellDef="let r">{{ r.finishedAt | dateTime }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let r; columns: columns" data-testid="sync-run-row"></tr>
        </table>
      </div>
    } @else if (!query.loading() && !error()) {
      <p class="empty">No imports or re-syncs yet.</p>
    }
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-large);
      margin: 24px 0 8px;
    }
    .table-wrap {
      overflow-x: auto;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    table {
      width: 100%;
      min-width: 640px;
    }
    .right {
      text-align: right;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class SyncRuns {
  private readonly ref = inject(SyncRunsGQL).watch({ variables: { first: 10 } });
  protected readonly query = queryState(this.ref.valueChanges);
  protected readonly columns = ['kind', 'status', 'percent', 'requests', 'started', 'finished'];
  protected readonly rows = computed(() => this.query.data()?.syncRuns.nodes ?? []);
  protected readonly error = computed(() =>
    this.query.error() && this.rows().length === 0 ? messageOf(this.query.error()) : null,
  );

  constructor() {
    inject(MewsLive)
      .stale.pipe(takeUntilDestroyed())
      .subscribe(() => this.refetch());
  }

  protected refetch(): void {
    void this.ref.refetch().catch(() => undefined);
  }
}
