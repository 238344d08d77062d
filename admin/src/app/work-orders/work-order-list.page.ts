import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { messageOf } from '../core/errors';
import { Reconnects } from '../core/reconnects';
import { SessionStore } from '../core/session.store';
import {
  WorkOrderChangedGQL,
  WorkOrdersGQL,
  type WorkOrderFilter,
  type WorkOrderOrder,
  type WorkOrderRowFragment,
} from '../generated/graphql';
import { CursorPager } from '../shared/cursor-pager';
import { ErrorBanner } from '../shared/error-banner';
import { Flasher } from '../shared/flasher';
import { ConnectionPager } from '../shared/connection-pager';
import { liveQuery } from '../shared/query-state';
import { WORK_ORDER_EDITORS } from './work-order.constants';
import { WorkOrderFilters } from './work-order-filters';
import { WorkOrderTable } from './work-order-table';

/** /work-orders: filterable, sortable, cursor-paged list that follows live changes. */
@Component({
  selector: 'att-work-order-list',
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    WorkOrderFilters,
    WorkOrderTable,
    ConnectionPager,
    ErrorBanner,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="head">
      <h1>Work orders</h1>
      @if (canCreate()) {
        <a mat-flat-button routerLink="/work-orders/new" data-testid="wo-new">New work order</a>
      }
    </header>

    <att-work-order-filters (filterChange)="setFilter($event)" />

    @if (error(); as err) {
      <att-error-banner [message]="err" (retry)="orders.refetch()" data-testid="wo-list-error" />
    }

    <div class="progress">
      @if (orders.loading() && rows().length > 0) {
        <mat-progress-bar mode="indeterminate" />
      }
    </div>

    <att-work-order-table
      [rows]="rows()"
      [loading]="orders.loading()"
      [sort]="sort()"
      [highlighted]="flasher.active()"
      (sortChange)="setSort($event)"
      (open)="open($event)"
    />

    @if (!orders.loading() && !error() && rows().length === 0) {
      <p class="empty" data-testid="wo-empty">No work orders match these filters</p>
    }

    <att-connection-pager
      [pager]="pager"
      [connection]="connection()"
      [count]="rows().length"
      [busy]="orders.loading()"
    />
  `,
  styleUrl: './work-order-list.page.scss',
})
export class WorkOrderListPage {
  private readonly router = inject(Router);
  private readonly store = inject(SessionStore);
  private readonly gql = inject(WorkOrdersGQL);

  protected readonly canCreate = computed(() => this.store.hasAnyRole(WORK_ORDER_EDITORS));
  protected readonly pager = new CursorPager(25);
  protected readonly flasher = new Flasher(2000);
  protected readonly filter = signal<WorkOrderFilter>({});
  protected readonly sort = signal<WorkOrderOrder>({ field: 'CREATED_AT', direction: 'DESC' });

  private readonly variables = computed(() => ({
    first: this.pager.pageSize,
    after: this.pager.after(),
    filter: this.filter(),
    orderBy: this.sort(),
  }));
  protected readonly orders = liveQuery(this.variables, (variables) =>
    this.gql.watch({ variables, notifyOnNetworkStatusChange: true }),
  );
  protected readonly connection = computed(() => this.orders.data()?.workOrders);
  protected readonly error = computed(() =>
    this.orders.error() ? messageOf(this.orders.error()) : null,
  );

  /** Rows as delivered live, newer than the page's (by version). */
  private readonly live = signal<ReadonlyMap<string, WorkOrderRowFragment>>(new Map());
  protected readonly rows = computed(() => {
    const live = this.live();
    return (this.connection()?.nodes ?? []).map((row) => {
      const newer = live.get(row.id);
      return newer && newer.version >= row.version ? newer : row;
    });
  });

  constructor() {
    inject(WorkOrderChangedGQL)
      .subscribe()
      .pipe(takeUntilDestroyed())
      .subscribe(({ data }) => {
        const changed = data?.workOrderChanged;
        if (!changed || !this.rows().some((r) => r.id === changed.id)) return;
        this.live.update((m) => new Map(m).set(changed.id, changed));
        this.flasher.flash(changed.id);
      });
    inject(Reconnects)
      .events.pipe(takeUntilDestroyed())
      .subscribe(() => this.orders.refetch());
  }

  protected setFilter(filter: WorkOrderFilter): void {
    this.pager.reset();
    this.filter.set(filter);
  }

  protected setSort(sort: WorkOrderOrder): void {
    this.pager.reset();
    this.sort.set(sort);
  }

  protected open(row: WorkOrderRowFragment): void {
    void this.router.navigate(['/work-orders', row.id]);
  }
}
