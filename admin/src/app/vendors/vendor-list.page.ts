import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { messageOf } from '../core/errors';
import { SessionStore } from '../core/session.store';
import {
  VendorsGQL,
  VendorServiceTypeOptionsGQL,
  type VendorListRowFragment,
  type VendorsQueryVariables,
} from '../generated/graphql';
import { CursorPager } from '../shared/cursor-pager';
import { ErrorBanner } from '../shared/error-banner';
import { Pager } from '../shared/pager';
import { liveQuery, queryState } from '../shared/query-state';
import { VendorFilterBar } from './vendor-filters';
import { VendorTable } from './vendor-table';
import {
  VENDOR_EDITORS,
  vendorFiltersOf,
  vendorParamsOf,
  type VendorFilters,
} from './vendor.model';

/** /vendors: filterable, cursor-paged list of vendors with their quality scores. */
@Component({
  selector: 'att-vendor-list',
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    VendorFilterBar,
    VendorTable,
    Pager,
    ErrorBanner,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="head">
      <h1>Vendors</h1>
      @if (canEdit()) {
        <a mat-flat-button routerLink="/vendors/new" data-testid="vendor-new">New vendor</a>
      }
    </header>

    <att-vendor-filters
      [filters]="filters()"
      [serviceTypes]="serviceTypes()"
      (filterChange)="navigate($event)"
    />

    @if (error(); as err) {
      <att-error-banner [message]="err" (retry)="list.refetch()" data-testid="vendor-list-error" />
    }
    <div class="progress">
      @if (list.loading() && rows().length > 0) {
        <mat-progress-bar mode="indeterminate" />
      }
    </div>

    <att-vendor-table [rows]="rows()" [loading]="list.loading()" (open)="open($event)" />

    @if (!list.loading() && !error() && rows().length === 0) {
      <p class="empty" data-testid="vendor-empty">{{ emptyMessage() }}</p>
    }

    <att-pager
      [page]="pager.page()"
      [pageSize]="pager.pageSize"
      [count]="rows().length"
      [total]="connection()?.totalCount ?? null"
      [hasPrevious]="pager.hasPrevious()"
      [hasNext]="connection()?.pageInfo?.hasNextPage ?? false"
      [busy]="list.loading()"
      (previous)="pager.previous()"
      (next)="pager.next(connection()?.pageInfo?.endCursor)"
    />
  `,
  styles: `
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
      flex-wrap: wrap;
    }
    h1 {
      font: var(--mat-sys-headline-small);
      margin: 8px 0 16px;
    }
    .progress {
      height: 4px;
    }
    .empty {
      padding: 32px 16px;
      text-align: center;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-large);
    }
  `,
})
export class VendorListPage {
  /** Query parameters (bound by the router): `?q=…&type=<serviceTypeId>&inactive=1`. */
  readonly q = input<string>();
  readonly type = input<string>();
  readonly inactive = input<string>();

  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly store = inject(SessionStore);
  private readonly gql = inject(VendorsGQL);

  protected readonly canEdit = computed(() => this.store.hasAnyRole(VENDOR_EDITORS));
  protected readonly pager = new CursorPager(25);
  protected readonly filters = computed<VendorFilters>(
    () => vendorFiltersOf({ q: this.q(), type: this.type(), inactive: this.inactive() }),
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );
  private readonly variables = computed<VendorsQueryVariables>(() => {
    const f = this.filters();
    return {
      first: this.pager.pageSize,
      after: this.pager.after(),
      includeInactive: f.includeInactive,
      ...(f.search ? { search: f.search } : {}),
      ...(f.serviceTypeId ? { serviceTypeId: f.serviceTypeId } : {}),
    };
  });
  protected readonly list = liveQuery(this.variables, (variables) =>
    this.gql.watch({ variables, notifyOnNetworkStatusChange: true }),
  );
  protected readonly connection = computed(() => this.list.data()?.vendors);
  protected readonly rows = computed<readonly VendorListRowFragment[]>(
    () => this.connection()?.nodes ?? [],
  );
  protected readonly error = computed(() =>
    this.list.error() ? messageOf(this.list.error()) : null,
  );
  protected readonly emptyMessage = computed(() => {
    const f = this.filters();
    return f.search || f.serviceTypeId
      ? 'No vendors match these filters'
      : 'No vendors yet. Add the companies you send work to.';
  });

  private readonly typesQuery = queryState(
    inject(VendorServiceTypeOptionsGQL).watch().valueChanges,
  );
  protected readonly serviceTypes = computed(() => this.typesQuery.data()?.serviceTypes ?? []);

  protected navigate(filters: VendorFilters): void {
    this.pager.reset();
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: vendorParamsOf(filters),
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected open(row: VendorListRowFragment): void {
    void this.router.navigate(['/vendors', row.id]);
  }
}
