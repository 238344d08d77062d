import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { loadErrorOf } from '../core/errors';
import { SessionStore } from '../core/session.store';
import { SetVendorActiveGQL, VendorDetailGQL } from '../generated/graphql';
import { ActionState } from '../shared/action-state';
import { ErrorBanner } from '../shared/error-banner';
import { DateTimePipe } from '../shared/pipes';
import { liveQuery } from '../shared/query-state';
import { RecordHeader, type ActiveConsequences } from '../shared/record-header';
import { VendorAvailability } from './vendor-availability';
import { VendorOffers } from './vendor-offers';
import { VendorQuality } from './vendor-quality';
import { VENDOR_EDITORS } from './vendor.model';

/** /vendors/:id: contact and area, quality with its factors, offers and availability. */
@Component({
  selector: 'att-vendor-detail',
  imports: [
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    ErrorBanner,
    RecordHeader,
    DateTimePipe,
    VendorQuality,
    VendorOffers,
    VendorAvailability,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './vendor-detail.page.html',
  styleUrl: './vendor-detail.page.scss',
})
export class VendorDetailPage {
  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  private readonly store = inject(SessionStore);
  private readonly gql = inject(VendorDetailGQL);
  private readonly activeGql = inject(SetVendorActiveGQL);

  protected readonly canEdit = computed(() => this.store.hasAnyRole(VENDOR_EDITORS));
  private readonly variables = computed(() => ({ id: this.id() }));
  protected readonly query = liveQuery(this.variables, (variables) =>
    this.gql.watch({ variables, notifyOnNetworkStatusChange: true }),
  );
  protected readonly vendor = computed(() => this.query.data()?.vendor);
  protected readonly loadError = computed(() => {
    const err = this.query.error();
    if (!err || this.vendor()) return null;
    return loadErrorOf(err, 'This vendor does not exist or belongs to another organization.');
  });
  protected readonly action = new ActionState();
  protected readonly consequences: ActiveConsequences = {
    deactivate: 'The vendor keeps its history and current jobs but is not offered for new work.',
    reactivate: 'The vendor is offered for new work again.',
  };

  protected async setActive(active: boolean): Promise<void> {
    const v = this.vendor();
    if (!v) return;
    await this.action.run(() =>
      firstValueFrom(this.activeGql.mutate({ variables: { id: v.id, active } })),
    );
  }
}
