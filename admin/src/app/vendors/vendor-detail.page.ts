import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { codeOf, messageOf } from '../core/errors';
import { SessionStore } from '../core/session.store';
import { SetVendorActiveGQL, VendorDetailGQL } from '../generated/graphql';
import { confirmAction } from '../shared/confirm-dialog';
import { ErrorBanner } from '../shared/error-banner';
import { DateTimePipe } from '../shared/pipes';
import { liveQuery } from '../shared/query-state';
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
    DateTimePipe,
    VendorQuality,
    VendorOffers,
    VendorAvailability,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './vendor-detail.page.html',
  styleUrl: '../technicians/technician-detail.page.scss',
})
export class VendorDetailPage {
  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  private readonly dialog = inject(MatDialog);
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
    return codeOf(err) === 'NOT_FOUND'
      ? 'This vendor does not exist or belongs to another organization.'
      : messageOf(err);
  });
  protected readonly busy = signal(false);
  protected readonly actionError = signal<string | null>(null);

  protected async setActive(active: boolean): Promise<void> {
    const v = this.vendor();
    if (!v) return;
    const confirmed = await confirmAction(this.dialog, {
      title: active ? `Reactivate ${v.name}?` : `Deactivate ${v.name}?`,
      message: active
        ? 'The vendor is offered for new work again.'
        : 'The vendor keeps its history and current jobs but is not offered for new work.',
      confirm: active ? 'Reactivate' : 'Deactivate',
      danger: !active,
    });
    if (!confirmed) return;
    this.busy.set(true);
    this.actionError.set(null);
    try {
      await firstValueFrom(this.activeGql.mutate({ variables: { id: v.id, active } }));
    } catch (err) {
      this.actionError.set(messageOf(err));
    } finally {
      this.busy.set(false);
    }
  }
}
