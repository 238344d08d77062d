import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../../core/errors';
import {
  RetrySyncDeadLetterGQL,
  SyncDeadLettersGQL,
  type DeadLetterRowFragment,
  type DeadLetterStatus,
} from '../../generated/graphql';
import { CursorPager } from '../../shared/cursor-pager';
import { ErrorBanner } from '../../shared/error-banner';
import { ConnectionPager } from '../../shared/connection-pager';
import { DateTimePipe } from '../../shared/pipes';
import { liveQuery } from '../../shared/query-state';
import { StatusChip } from '../../shared/status-chip';
import { MewsLive } from '../mews/mews-live';

/** Sync items that failed after their retries; each can be queued again. */
@Component({
  selector: 'att-sync-dead-letters',
  imports: [
    MatTableModule,
    MatButtonModule,
    MatButtonToggleModule,
    ConnectionPager,
    ErrorBanner,
    StatusChip,
    DateTimePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="head">
      <h2>Dead letters</h2>
      <mat-button-toggle-group
        [value]="status()"
        (change)="setStatus($event.value)"
        hideSingleSelectionIndicator
        aria-label="Which dead letters"
      >
        <mat-button-toggle value="OPEN">Open</mat-button-toggle>
        <mat-button-toggle value="">All</mat-button-toggle>
      </mat-button-toggle-group>
    </header>
    @if (error(); as message) {
      <att-error-banner [message]="message" (retry)="query.refetch()" />
    }
    @if (rows().length > 0) {
      <div class="table-wrap">
        <table mat-table [dataSource]="rows()" data-testid="dead-letters">
          <ng-container matColumnDef="operation">
            <th mat-header-cell *matHeaderCellDef>Operation</th>
            <td mat-cell *matCellDef="let d">
              <code>{{ d.operation }}</code>
            </td>
          </ng-container>
          <ng-container matColumnDef="entity">
            <th mat-header-cell *matHeaderCellDef>Entity</th>
            <td mat-cell *matCellDef="let d">
              {{ d.entityType ?? '—' }}
              @if (d.entityId) {
                <span class="muted id" [attr.title]="d.entityId">{{ d.entityId }}</span>
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="error">
            <th mat-header-cell *matHeaderCellDef>Error</th>
            <td mat-cell *matCellDef="let d" class="error">{{ d.error }}</td>
          </ng-container>
          <ng-container matColumnDef="requestId">
            <th mat-header-cell *matHeaderCellDef>Request id</th>
            <td mat-cell *matCellDef="let d" class="id">{{ d.requestId ?? '—' }}</td>
          </ng-container>
          <ng-container matColumnDef="attempts">
            <th mat-header-cell *matHeaderCellDef class="right">Attempts</th>
            <td mat-cell *matCellDef="let d" class="right">{{ d.attempts }}</td>
          </ng-container>
          <ng-container matColumnDef="time">
            <th mat-header-cell *matHeaderCellDef>Last attempt</th>
            <td mat-cell *matCellDef="let d" class="nowrap">{{ d.lastAttemptAt | dateTime }}</td>
          </ng-container>
          <ng-container matColumnDef="actions">
            <th mat-header-cell *matHeaderCellDef></th>
            <td mat-cell *matCellDef="let d" class="right">
              @if (d.status === 'OPEN') {
                @if (canRetry()) {
                  <button
                    mat-stroked-button
                    type="button"
                    (click)="retry(d)"
                    [disabled]="retrying() === d.id"
                    data-testid="dead-letter-retry"
                  >
                    Retry
                  </button>
                }
              } @else {
                <att-status-chip [value]="d.status" />
              }
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr
            mat-row
            *matRowDef="let d; columns: columns"
            data-testid="dead-letter-row"
            [attr.data-id]="d.id"
          ></tr>
        </table>
      </div>
    } @else if (!query.loading() && !error()) {
      <p class="empty" data-testid="dead-letters-empty">
        {{
          status() === 'OPEN'
            ? 'No open dead letters: every sync item went through.'
            : 'Nothing has failed yet.'
        }}
      </p>
    }
    @if ((connection()?.totalCount ?? 0) > pager.pageSize || pager.hasPrevious()) {
      <att-connection-pager
        [pager]="pager"
        [connection]="connection()"
        [count]="rows().length"
        [busy]="query.loading()"
      />
    }
  `,
  styleUrl: './sync-table.scss',
})
export class SyncDeadLetters {
  readonly canRetry = input(false);
  private readonly gql = inject(SyncDeadLettersGQL);
  private readonly retryGql = inject(RetrySyncDeadLetterGQL);
  private readonly snack = inject(MatSnackBar);
  private readonly live = inject(MewsLive);

  protected readonly columns = [
    'operation',
    'entity',
    'error',
    'requestId',
    'attempts',
    'time',
    'actions',
  ];
  protected readonly pager = new CursorPager(10);
  protected readonly status = signal<DeadLetterStatus | ''>('OPEN');
  private readonly variables = computed(() => ({
    first: this.pager.pageSize,
    after: this.pager.after(),
    status: this.status() || null,
  }));
  protected readonly query = liveQuery(this.variables, (variables) =>
    this.gql.watch({ variables, notifyOnNetworkStatusChange: true }),
  );
  protected readonly connection = computed(() => this.query.data()?.syncDeadLetters);
  protected readonly rows = computed(() => this.connection()?.nodes ?? []);
  protected readonly error = computed(() =>
    this.query.error() && this.rows().length === 0 ? messageOf(this.query.error()) : null,
  );
  protected readonly retrying = signal<string | null>(null);

  constructor() {
    this.live.stale.pipe(takeUntilDestroyed()).subscribe(() => this.query.refetch());
  }

  protected setStatus(status: DeadLetterStatus | ''): void {
    this.pager.reset();
    this.status.set(status);
  }

  protected async retry(row: DeadLetterRowFragment): Promise<void> {
    this.retrying.set(row.id);
    try {
      await firstValueFrom(this.retryGql.mutate({ variables: { id: row.id } }));
      this.snack.open(`Queued ${row.operation} again`, undefined, { duration: 3000 });
      this.live.touch();
    } catch (err) {
      this.snack.open(messageOf(err), 'Dismiss', { duration: 8000 });
    } finally {
      this.retrying.set(null);
    }
  }
}
