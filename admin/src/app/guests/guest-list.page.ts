import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { Router } from '@angular/router';
import { messageOf } from '../core/errors';
import { Reconnects } from '../core/reconnects';
import { GuestsGQL, type GuestFilter, type GuestRowFragment } from '../generated/graphql';
import { CompletenessBar } from '../shared/completeness-bar';
import { CursorPager } from '../shared/cursor-pager';
import { ErrorBanner } from '../shared/error-banner';
import { HealthBadge } from '../shared/health-badge';
import { ConnectionPager } from '../shared/connection-pager';
import { HumanizePipe } from '../shared/pipes';
import { liveQuery } from '../shared/query-state';
import { SyncStatusIcon } from '../shared/sync-status';
import { GuestFilters } from './guest-filters';

/** /guests: guests and customers, searchable, cursor-paged. */
@Component({
  selector: 'att-guest-list',
  imports: [
    MatTableModule,
    MatProgressBarModule,
    GuestFilters,
    ConnectionPager,
    ErrorBanner,
    HealthBadge,
    CompletenessBar,
    SyncStatusIcon,
    HumanizePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Guests</h1>
    <att-guest-filters (filterChange)="setFilter($event)" />

    @if (error(); as message) {
      <att-error-banner
        [message]="message"
        (retry)="guests.refetch()"
        data-testid="guest-list-error"
      />
    }
    <div class="progress">
      @if (guests.loading() && rows().length > 0) {
        <mat-progress-bar mode="indeterminate" />
      }
    </div>

    <div class="table-wrap">
      <table mat-table [dataSource]="rows()" data-testid="guest-table">
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef>Name</th>
          <td mat-cell *matCellDef="let g" class="name">
            {{ g.fullName }}
            @if (g.vip) {
              <span class="vip" data-testid="guest-vip">VIP</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="kind">
          <th mat-header-cell *matHeaderCellDef>Kind</th>
          <td mat-cell *matCellDef="let g">{{ g.kind | humanize }}</td>
        </ng-container>
        <ng-container matColumnDef="email">
          <th mat-header-cell *matHeaderCellDef>Email</th>
          <td mat-cell *matCellDef="let g">{{ g.email ?? '—' }}</td>
        </ng-container>
        <ng-container matColumnDef="phone">
          <th mat-header-cell *matHeaderCellDef>Phone</th>
          <td mat-cell *matCellDef="let g" class="nowrap">{{ g.phone ?? '—' }}</td>
        </ng-container>
        <ng-container matColumnDef="company">
          <th mat-header-cell *matHeaderCellDef>Company</th>
          <td mat-cell *matCellDef="let g">{{ g.company?.name ?? '—' }}</td>
        </ng-container>
        <ng-container matColumnDef="completeness">
          <th mat-header-cell *matHeaderCellDef>Profile</th>
          <td mat-cell *matCellDef="let g" data-testid="guest-row-completeness">
            <att-completeness-bar [score]="g.completeness" [gaps]="g.completenessGaps" />
          </td>
        </ng-container>
        <ng-container matColumnDef="sync">
          <th mat-header-cell *matHeaderCellDef><span class="sr-only">Mews sync</span></th>
          <td mat-cell *matCellDef="let g"><att-sync-status [status]="g.syncStatus" /></td>
        </ng-container>
        <ng-container matColumnDef="health">
          <th mat-header-cell *matHeaderCellDef>Health</th>
          <td mat-cell *matCellDef="let g">
            @if (g.healthScore; as h) {
              <att-health-badge [score]="h.score" [trend]="h.trend" />
            } @else {
              —
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns; sticky: true"></tr>
        <tr
          mat-row
          *matRowDef="let g; columns: columns"
          class="row"
          tabindex="0"
          role="link"
          data-testid="guest-row"
          [attr.data-id]="g.id"
          (click)="open(g)"
          (keydown.enter)="open(g)"
        ></tr>
      </table>
      @if (guests.loading() && rows().length === 0) {
        <div class="skeleton" data-testid="guest-skeleton" aria-label="Loading guests">
          @for (i of skeletonRows; track i) {
            <div class="skeleton-row"><span></span><span></span><span></span></div>
          }
        </div>
      }
    </div>

    @if (!guests.loading() && !error() && rows().length === 0) {
      <p class="empty" data-testid="guest-empty">No guests match these filters</p>
    }

    <att-connection-pager
      [pager]="pager"
      [connection]="connection()"
      [count]="rows().length"
      [busy]="guests.loading()"
    />
  `,
  styleUrl: './guest-list.page.scss',
})
export class GuestListPage {
  private readonly router = inject(Router);
  private readonly gql = inject(GuestsGQL);

  protected readonly columns = [
    'name',
    'kind',
    'email',
    'phone',
    'company',
    'completeness',
    'health',
    'sync',
  ];
  protected readonly skeletonRows = [1, 2, 3, 4, 5, 6, 7, 8];
  protected readonly pager = new CursorPager(25);
  private readonly filter = signal<GuestFilter>({});
  private readonly variables = computed(() => ({
    first: this.pager.pageSize,
    after: this.pager.after(),
    filter: this.filter(),
  }));
  protected readonly guests = liveQuery(this.variables, (variables) =>
    this.gql.watch({ variables, notifyOnNetworkStatusChange: true }),
  );
  protected readonly connection = computed(() => this.guests.data()?.guests);
  protected readonly rows = computed<readonly GuestRowFragment[]>(
    () => this.connection()?.nodes ?? [],
  );
  protected readonly error = computed(() =>
    this.guests.error() ? messageOf(this.guests.error()) : null,
  );

  constructor() {
    inject(Reconnects)
      .events.pipe(takeUntilDestroyed())
      .subscribe(() => this.guests.refetch());
  }

  protected setFilter(filter: GuestFilter): void {
    this.pager.reset();
    this.filter.set(filter);
  }

  protected open(guest: GuestRowFragment): void {
    void this.router.navigate(['/guests', guest.id]);
  }
}
