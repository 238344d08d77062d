import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { loadErrorOf } from '../core/errors';
import { Reconnects } from '../core/reconnects';
import { SessionStore } from '../core/session.store';
import { GuestDetailGQL } from '../generated/graphql';
import { ErrorBanner } from '../shared/error-banner';
import { HealthBadge } from '../shared/health-badge';
import { DateTimePipe, HumanizePipe, MoneyPipe, WoNumberPipe } from '../shared/pipes';
import { liveQuery } from '../shared/query-state';
import { StatusChip } from '../shared/status-chip';
import { GuestCompleteness } from './guest-completeness';
import { GuestStayProfile } from './guest-stay-profile';
import { GuestSync } from './guest-sync';
import { GuestSyncAudit } from './guest-sync-audit';
import { GuestTimeline } from './guest-timeline';

/** /guests/:id: a guest or customer with everything the other subgraphs know about them. */
@Component({
  selector: 'att-guest-detail',
  imports: [
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    ErrorBanner,
    HealthBadge,
    StatusChip,
    GuestTimeline,
    GuestCompleteness,
    GuestStayProfile,
    GuestSync,
    GuestSyncAudit,
    DateTimePipe,
    HumanizePipe,
    MoneyPipe,
    WoNumberPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './guest-detail.page.html',
  styleUrl: './guest-detail.page.scss',
})
export class GuestDetailPage {
  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  private readonly gql = inject(GuestDetailGQL);
  private readonly store = inject(SessionStore);
  protected readonly canCreateWorkOrder = computed(() =>
    this.store.hasAnyRole(['ADMIN', 'MANAGER', 'DISPATCHER']),
  );

  /** Re-syncs and the sync audit are for managers (the API's rule). */
  protected readonly canManageSync = computed(() => this.store.hasAnyRole(['ADMIN', 'MANAGER']));

  private readonly variables = computed(() => ({ id: this.id() }));
  protected readonly query = liveQuery(this.variables, (variables) =>
    this.gql.watch({ variables, notifyOnNetworkStatusChange: true }),
  );
  protected readonly guest = computed(() => this.query.data()?.guest);
  protected readonly address = computed(() => {
    const g = this.guest();
    if (!g) return '';
    const place = [g.postalCode, g.city].filter(Boolean).join(' ');
    return [g.addressLine1, place, g.countryCode].filter(Boolean).join(', ');
  });
  protected readonly loadError = computed(() => {
    const err = this.query.error();
    if (!err || this.guest()) return null;
    return loadErrorOf(err, 'This guest does not exist or was deleted.');
  });

  constructor() {
    inject(Reconnects)
      .events.pipe(takeUntilDestroyed())
      .subscribe(() => this.query.refetch());
  }

  protected percent(weight: number): string {
    return `${Math.round(weight * 100)} %`;
  }
}
