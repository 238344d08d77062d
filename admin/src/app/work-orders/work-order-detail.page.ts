import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { firstValueFrom, switchMap } from 'rxjs';
import { LowerCasePipe } from '@angular/common';
import { loadErrorOf } from '../core/errors';
import { Reconnects } from '../core/reconnects';
import { SessionStore } from '../core/session.store';
import {
  ChangeWorkOrderStatusGQL,
  WorkOrderDetailChangedGQL,
  WorkOrderGQL,
  type WorkOrderFullFragment,
} from '../generated/graphql';
import { ErrorBanner } from '../shared/error-banner';
import { Flasher } from '../shared/flasher';
import { HumanizePipe, MoneyPipe, WoNumberPipe } from '../shared/pipes';
import { liveQuery } from '../shared/query-state';
import { StatusChip } from '../shared/status-chip';
import { SiteMap } from './site-map';
import { WORK_ORDER_EDITORS } from './work-order.constants';
import { WorkOrderAttachments } from './work-order-attachments';
import { WorkOrderCandidates } from './work-order-candidates';
import { WorkOrderChecklist } from './work-order-checklist';
import { WorkOrderConflicts } from './work-order-conflicts';
import { WorkOrderCustomer } from './work-order-customer';
import { actionMessage } from './work-order-errors';
import { isClosed } from './work-order-items.model';
import { WorkOrderNotes } from './work-order-notes';
import { WorkOrderParts } from './work-order-parts';
import { WorkOrderRating } from './work-order-rating';
import { WorkOrderSlaCard } from './work-order-sla-card';
import { WorkOrderStatusActions, type StatusChange } from './work-order-status-actions';
import { WorkOrderSummary } from './work-order-summary';
import { WorkOrderTime } from './work-order-time';
import { WorkOrderTracking } from './work-order-tracking';

/** /work-orders/:id: everything about one work order, live. */
@Component({
  selector: 'att-work-order-detail',
  imports: [
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    ErrorBanner,
    StatusChip,
    SiteMap,
    WorkOrderAttachments,
    WorkOrderCandidates,
    WorkOrderChecklist,
    WorkOrderConflicts,
    WorkOrderCustomer,
    WorkOrderNotes,
    WorkOrderParts,
    WorkOrderRating,
    WorkOrderSlaCard,
    WorkOrderStatusActions,
    WorkOrderSummary,
    WorkOrderTime,
    WorkOrderTracking,
    HumanizePipe,
    LowerCasePipe,
    MoneyPipe,
    WoNumberPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './work-order-detail.page.html',
  styleUrl: './work-order-detail.page.scss',
})
export class WorkOrderDetailPage {
  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  private readonly store = inject(SessionStore);
  private readonly gql = inject(WorkOrderGQL);
  private readonly changeGql = inject(ChangeWorkOrderStatusGQL);

  protected readonly canEdit = computed(() => this.store.hasAnyRole(WORK_ORDER_EDITORS));
  /** For part prices when the work order has no price of its own. */
  protected readonly currency = this.store.user()?.organization?.currency ?? 'EUR';
  protected readonly flasher = new Flasher(2000);
  protected readonly busy = signal(false);
  protected readonly actionError = signal<string | null>(null);

  private readonly variables = computed(() => ({ id: this.id() }));
  protected readonly query = liveQuery(this.variables, (variables) =>
    this.gql.watch({ variables, notifyOnNetworkStatusChange: true }),
  );
  /** The newest state pushed by the subscription (the cache normally has it too). */
  private readonly pushed = signal<WorkOrderFullFragment | null>(null);

  protected readonly wo = computed(() => {
    const fetched = this.query.data()?.workOrder;
    const pushed = this.pushed();
    if (pushed && pushed.id === this.id() && (!fetched || pushed.version >= fetched.version))
      return pushed;
    return fetched;
  });
  /** Completed or cancelled: only notes can still change. */
  protected readonly closed = computed(() => {
    const wo = this.wo();
    return !!wo && isClosed(wo.status);
  });
  protected readonly loadError = computed(() => {
    const err = this.query.error();
    if (!err || this.wo()) return null;
    return loadErrorOf(err, 'This work order does not exist or was deleted.');
  });

  constructor() {
    const changes = inject(WorkOrderDetailChangedGQL);
    toObservable(this.id)
      .pipe(
        switchMap((id) => changes.subscribe({ variables: { id } })),
        takeUntilDestroyed(),
      )
      .subscribe(({ data }) => {
        const next = data?.workOrderChanged;
        if (!next) return;
        this.pushed.set(next);
        this.flasher.flash('status');
      });
    inject(Reconnects)
      .events.pipe(takeUntilDestroyed())
      .subscribe(() => this.query.refetch());
  }

  protected async changeStatus(change: StatusChange): Promise<void> {
    const wo = this.wo();
    if (!wo) return;
    this.busy.set(true);
    this.actionError.set(null);
    try {
      await firstValueFrom(
        this.changeGql.mutate({
          variables: {
            input: {
              id: wo.id,
              status: change.status,
              reason: change.reason,
              expectedVersion: wo.version,
            },
          },
        }),
      );
    } catch (err) {
      this.actionError.set(actionMessage(err));
    } finally {
      this.busy.set(false);
    }
  }

  protected reload(): void {
    this.actionError.set(null);
    this.query.refetch();
  }
}
