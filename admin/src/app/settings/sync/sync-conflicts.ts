import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../../core/errors';
import {
  ResolveSyncConflictGQL,
  SyncConflictsGQL,
  type ConflictChoice,
  type ConflictRowFragment,
} from '../../generated/graphql';
import { confirmAction } from '../../shared/confirm-dialog';
import { CursorPager } from '../../shared/cursor-pager';
import { ErrorBanner } from '../../shared/error-banner';
import { ConnectionPager } from '../../shared/connection-pager';
import { DateTimePipe, HumanizePipe } from '../../shared/pipes';
import { liveQuery } from '../../shared/query-state';
import { MewsLive } from '../mews/mews-live';

const SIDE: Record<ConflictChoice, string> = { PLATFORM: 'Attendant', MEWS: 'Mews' };

/** Changes made on both sides that the sync rules could not settle; someone picks the winner. */
@Component({
  selector: 'att-sync-conflicts',
  imports: [
    MatTableModule,
    MatButtonModule,
    RouterLink,
    ConnectionPager,
    ErrorBanner,
    DateTimePipe,
    HumanizePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="head"><h2>Open conflicts</h2></header>
    @if (error(); as message) {
      <att-error-banner [message]="message" (retry)="query.refetch()" />
    }
    @if (rows().length > 0) {
      <div class="table-wrap">
        <table mat-table [dataSource]="rows()" data-testid="conflicts">
          <ng-container matColumnDef="guest">
            <th mat-header-cell *matHeaderCellDef>Record</th>
            <td mat-cell *matCellDef="let c">
              @if (c.entityType === 'Guest') {
                <a [routerLink]="['/guests', c.entityId]" data-testid="conflict-guest">Guest</a>
              } @else {
                {{ c.entityType }}
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="field">
            <th mat-header-cell *matHeaderCellDef>Field</th>
            <td mat-cell *matCellDef="let c">{{ c.field | humanize }}</td>
          </ng-container>
          <ng-container matColumnDef="platform">
            <th mat-header-cell *matHeaderCellDef>In Attendant</th>
            <td mat-cell *matCellDef="let c" class="value">
              <strong>{{ c.platformValue ?? '(empty)' }}</strong>
              <div class="muted">{{ c.platformChangedAt | dateTime }}</div>
            </td>
          </ng-container>
          <ng-container matColumnDef="mews">
            <th mat-header-cell *matHeaderCellDef>In Mews</th>
            <td mat-cell *matCellDef="let c" class="value">
              <strong>{{ c.mewsValue ?? '(empty)' }}</strong>
              <div class="muted">{{ c.mewsChangedAt | dateTime }}</div>
            </td>
          </ng-container>
          <ng-container matColumnDef="created">
            <th mat-header-cell *matHeaderCellDef>Found</th>
            <td mat-cell *matCellDef="let c" class="nowrap">{{ c.createdAt | dateTime }}</td>
          </ng-container>
          <ng-container matColumnDef="actions">
            <th mat-header-cell *matHeaderCellDef></th>
            <td mat-cell *matCellDef="let c">
              @if (canResolve()) {
                <div class="actions">
                  <button
                    mat-stroked-button
                    type="button"
                    (click)="resolve(c, 'PLATFORM')"
                    [disabled]="resolving() === c.id"
                    data-testid="conflict-keep-platform"
                  >
                    Keep platform
                  </button>
                  <button
                    mat-stroked-button
                    type="button"
                    (click)="resolve(c, 'MEWS')"
                    [disabled]="resolving() === c.id"
                    data-testid="conflict-keep-mews"
                  >
                    Keep Mews
                  </button>
                </div>
              }
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr
            mat-row
            *matRowDef="let c; columns: columns"
            data-testid="conflict-row"
            [attr.data-id]="c.id"
          ></tr>
        </table>
      </div>
    } @else if (!query.loading() && !error()) {
      <p class="empty" data-testid="conflicts-empty">No conflicts are waiting for a decision.</p>
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
export class SyncConflicts {
  readonly canResolve = input(false);
  private readonly gql = inject(SyncConflictsGQL);
  private readonly resolveGql = inject(ResolveSyncConflictGQL);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  private readonly live = inject(MewsLive);

  protected readonly columns = ['guest', 'field', 'platform', 'mews', 'created', 'actions'];
  protected readonly pager = new CursorPager(10);
  private readonly variables = computed(() => ({
    first: this.pager.pageSize,
    after: this.pager.after(),
    status: 'OPEN' as const,
  }));
  protected readonly query = liveQuery(this.variables, (variables) =>
    this.gql.watch({ variables, notifyOnNetworkStatusChange: true }),
  );
  protected readonly connection = computed(() => this.query.data()?.syncConflicts);
  protected readonly rows = computed(() => this.connection()?.nodes ?? []);
  protected readonly error = computed(() =>
    this.query.error() && this.rows().length === 0 ? messageOf(this.query.error()) : null,
  );
  protected readonly resolving = signal<string | null>(null);

  constructor() {
    this.live.stale.pipe(takeUntilDestroyed()).subscribe(() => this.query.refetch());
  }

  protected async resolve(row: ConflictRowFragment, keep: ConflictChoice): Promise<void> {
    const winner = keep === 'PLATFORM' ? row.platformValue : row.mewsValue;
    const ok = await confirmAction(this.dialog, {
      title: `Keep the ${SIDE[keep]} value?`,
      message: `${row.field}: "${winner ?? '(empty)'}" stays on both sides; the other value is kept in the sync audit.`,
      confirm: `Keep ${SIDE[keep]}`,
    });
    if (!ok) return;
    this.resolving.set(row.id);
    try {
      await firstValueFrom(this.resolveGql.mutate({ variables: { id: row.id, keep } }));
      this.snack.open(`Kept the ${SIDE[keep]} value`, undefined, { duration: 3000 });
      this.live.touch();
    } catch (err) {
      this.snack.open(messageOf(err), 'Dismiss', { duration: 8000 });
    } finally {
      this.resolving.set(null);
    }
  }
}
