import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
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
import { ConnectionPager } from '../shared/connection-pager';
import { liveQuery, queryState } from '../shared/query-state';
import { VendorFilterBar } from './vendor-filters';
import { VendorTable } from './vendor-table';
import {
  VENDOR_EDITORS,
  vendorFiltersOf,
  vendorParamsOf,
  type VendorFilters,
} from './vendor.model';
import { sameJson } from '../shared/same-json';
import { queryParamsWriter } from '../shared/url-filters';

/** /vendors: filterable, cursor-paged list of vendors with their quality scores. */
@Component({
  selector: 'att-vendor-list',
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    VendorFilterBar,
    VendorTable,
    ConnectionPager,
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

    <att-connection-pager
      [pager]="pager"
      [connection]="connection()"
      [count]="rows().length"
      [busy]="list.loading()"
    />
  `,
  styleUrl: './vendor-list.page.scss',
})
export class VendorListPage {
  /** Query parameters (bound by the router): `?q=…&type=<serviceTypeId>&inactive=1`. */
  readonly q = input<string>();
  readonly type = input<string>();
  readonly inactive = input<string>();

  private readonly router = inject(Router);
  private readonly writeParams = queryParamsWriter();
  private readonly store = inject(SessionStore);
  private readonly gql = inject(VendorsGQL);

  protected readonly canEdit = computed(() => this.store.hasAnyRole(VENDOR_EDITORS));
  protected readonly pager = new CursorPager(25);
  protected readonly filters = computed<VendorFilters>(
    () => vendorFiltersOf({ q: this.q(), type: this.type(), inactive: this.inactive() }),
    { equal: sameJson },
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
    this.writeParams(vendorParamsOf(filters));
  }

  protected open(row: VendorListRowFragment): void {
    void this.router.navigate(['/vendors', row.id]);
  }
}
