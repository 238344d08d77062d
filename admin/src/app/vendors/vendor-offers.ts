import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { firstValueFrom } from 'rxjs';
import { SessionStore } from '../core/session.store';
import {
  SetVendorOffersGQL,
  VendorServiceTypeOptionsGQL,
  type VendorDetailFragment,
} from '../generated/graphql';
import { ActionState } from '../shared/action-state';
import { DraftList, numberOf, textOf } from '../shared/draft-list';
import { ErrorBanner } from '../shared/error-banner';
import { MoneyPipe } from '../shared/pipes';
import { queryState } from '../shared/query-state';
import {
  hasErrors,
  newOfferDraft,
  offerDraftsOf,
  offersInput,
  validateOffers,
  type OfferDraft,
} from './vendor.model';

/** The services a vendor offers, each at a flat price with a lead time; saved as a whole. */
@Component({
  selector: 'att-vendor-offers',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ErrorBanner,
    MoneyPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" data-testid="vendor-offers">
      <mat-card-header><mat-card-title>Services offered</mat-card-title></mat-card-header>
      <mat-card-content>
        @if (action.error(); as message) {
          <att-error-banner [message]="message" [retryLabel]="null" data-testid="offers-error" />
        }
        @if (canEdit()) {
          @for (d of drafts.items(); track $index; let i = $index) {
            <div class="row" data-testid="vendor-offer-row">
              <mat-form-field subscriptSizing="dynamic" class="type">
                <mat-label>Service type</mat-label>
                <mat-select
                  [value]="d.serviceTypeId"
                  (valueChange)="drafts.patch(i, { serviceTypeId: $event })"
                  data-testid="offer-type"
                >
                  @for (t of typeOptions(d.serviceTypeId); track t.id) {
                    <mat-option [value]="t.id"
                      >{{ t.name }}{{ t.active ? '' : ' (inactive)' }}</mat-option
                    >
                  }
                </mat-select>
              </mat-form-field>
              <mat-form-field subscriptSizing="dynamic" class="price">
                <mat-label>Price</mat-label>
                <input
                  matInput
                  inputmode="decimal"
                  [value]="d.price"
                  (input)="drafts.patch(i, { price: text($event) })"
                  placeholder="0.00"
                  data-testid="offer-price"
                />
              </mat-form-field>
              <mat-form-field subscriptSizing="dynamic" class="currency">
                <mat-label>Currency</mat-label>
                <input
                  matInput
                  maxlength="3"
                  [value]="d.currency"
                  (input)="drafts.patch(i, { currency: text($event).toUpperCase() })"
                  data-testid="offer-currency"
                />
              </mat-form-field>
              <mat-form-field subscriptSizing="dynamic" class="lead">
                <mat-label>Lead time (h)</mat-label>
                <input
                  matInput
                  type="number"
                  min="0"
                  max="720"
                  step="1"
                  [value]="d.leadTimeHours ?? ''"
                  (input)="drafts.patch(i, { leadTimeHours: number($event) })"
                  data-testid="offer-lead"
                />
              </mat-form-field>
              <button
                mat-button
                type="button"
                class="danger"
                (click)="drafts.removeAt(i)"
                aria-label="Remove this offer"
                data-testid="offer-remove"
              >
                Remove
              </button>
              @if (tried()) {
                @for (e of messages(i); track e) {
                  <p class="field-error" role="alert" data-testid="offer-error">{{ e }}</p>
                }
              }
            </div>
          } @empty {
            <p class="muted" data-testid="offers-empty">No services offered yet.</p>
          }
          <div class="actions">
            <button mat-stroked-button type="button" (click)="add()" data-testid="offer-add">
              Add service
            </button>
            <span class="spacer"></span>
            @if (drafts.dirty()) {
              <button mat-button type="button" (click)="reset()" data-testid="offers-reset">
                Discard
              </button>
            }
            <button
              mat-flat-button
              type="button"
              [disabled]="!drafts.dirty() || action.busy()"
              (click)="save()"
              data-testid="offers-save"
            >
              Save services
            </button>
          </div>
        } @else {
          <ul class="read">
            @for (o of vendor().offers; track o.serviceTypeId) {
              <li data-testid="vendor-offer-row">
                <span class="name">{{ o.serviceType.name }}</span>
                <span>{{ o.price | money }}</span>
                <span class="muted">{{ o.leadTimeHours }} h lead time</span>
              </li>
            } @empty {
              <li class="muted" data-testid="offers-empty">No services offered yet.</li>
            }
          </ul>
        }
      </mat-card-content>
    </mat-card>
  `,
  styleUrl: './vendor-offers.scss',
})
export class VendorOffers {
  readonly vendor = input.required<VendorDetailFragment>();
  readonly canEdit = input(false);

  private readonly gql = inject(SetVendorOffersGQL);
  private readonly currency = inject(SessionStore).user()?.organization.currency ?? 'EUR';
  private readonly types = queryState(inject(VendorServiceTypeOptionsGQL).watch().valueChanges);

  protected readonly drafts = new DraftList<OfferDraft>(() => offerDraftsOf(this.vendor()));
  private readonly errors = computed(() => validateOffers(this.drafts.items()));
  protected readonly tried = signal(false);
  protected readonly action = new ActionState();
  protected readonly text = textOf;
  protected readonly number = numberOf;

  /** Active types, plus the one a row already has even when it was deactivated since. */
  protected typeOptions(current: string) {
    return (this.types.data()?.serviceTypes ?? []).filter((t) => t.active || t.id === current);
  }

  protected messages(i: number): string[] {
    return Object.values(this.errors()[i] ?? {});
  }

  protected add(): void {
    this.drafts.add(newOfferDraft(this.currency));
  }

  protected reset(): void {
    this.drafts.reset();
    this.tried.set(false);
    this.action.error.set(null);
  }

  protected async save(): Promise<void> {
    this.tried.set(true);
    this.action.error.set(null);
    if (hasErrors(this.errors())) return;
    const saved = await this.action.run(() =>
      firstValueFrom(
        this.gql.mutate({
          variables: { id: this.vendor().id, offers: offersInput(this.drafts.items()) },
        }),
      ),
    );
    if (saved) this.tried.set(false);
  }
}
