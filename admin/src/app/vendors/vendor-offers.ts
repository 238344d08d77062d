import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../core/errors';
import { SessionStore } from '../core/session.store';
import {
  SetVendorOffersGQL,
  VendorServiceTypeOptionsGQL,
  type VendorDetailFragment,
} from '../generated/graphql';
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
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

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
        @if (error(); as message) {
          <att-error-banner [message]="message" [retryLabel]="null" data-testid="offers-error" />
        }
        @if (canEdit()) {
          @for (d of drafts(); track $index; let i = $index) {
            <div class="row" data-testid="vendor-offer-row">
              <mat-form-field subscriptSizing="dynamic" class="type">
                <mat-label>Service type</mat-label>
                <mat-select
                  [value]="d.serviceTypeId"
                  (valueChange)="patch(i, { serviceTypeId: $event })"
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
                  (input)="patch(i, { price: text($event) })"
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
                  (input)="patch(i, { currency: text($event).toUpperCase() })"
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
                  (input)="patch(i, { leadTimeHours: number($event) })"
                  data-testid="offer-lead"
                />
              </mat-form-field>
              <button
                mat-button
                type="button"
                class="danger"
                (click)="remove(i)"
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
            @if (dirty()) {
              <button mat-button type="button" (click)="reset()" data-testid="offers-reset">
                Discard
              </button>
            }
            <button
              mat-flat-button
              type="button"
              [disabled]="!dirty() || busy()"
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
  styles: `
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .type {
      flex: 2 1 200px;
    }
    .price {
      flex: 1 1 110px;
    }
    .currency {
      flex: 0 0 90px;
    }
    .lead {
      flex: 0 1 120px;
    }
    .field-error {
      flex-basis: 100%;
      margin: 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
    .actions {
      display: flex;
      align-items: center;
      gap: 8px;
      margin-top: 12px;
    }
    .spacer {
      flex: 1;
    }
    .read {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .read li {
      display: flex;
      gap: 12px;
      flex-wrap: wrap;
      padding: 6px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .name {
      flex: 1 1 auto;
      font-weight: 500;
    }
    .danger {
      color: var(--mat-sys-error);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class VendorOffers {
  readonly vendor = input.required<VendorDetailFragment>();
  readonly canEdit = input(false);

  private readonly gql = inject(SetVendorOffersGQL);
  private readonly currency = inject(SessionStore).user()?.organization.currency ?? 'EUR';
  private readonly types = queryState(inject(VendorServiceTypeOptionsGQL).watch().valueChanges);

  // Compared by value: saving the other editor returns a new vendor but keeps these edits.
  private readonly stored = computed(() => offerDraftsOf(this.vendor()), { equal: sameJson });
  protected readonly drafts = linkedSignal<OfferDraft[]>(() => this.stored());
  protected readonly dirty = computed(() => !sameJson(this.drafts(), this.stored()));
  private readonly errors = computed(() => validateOffers(this.drafts()));
  protected readonly tried = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  /** Active types, plus the one a row already has even when it was deactivated since. */
  protected typeOptions(current: string) {
    return (this.types.data()?.serviceTypes ?? []).filter((t) => t.active || t.id === current);
  }

  protected messages(i: number): string[] {
    return Object.values(this.errors()[i] ?? {});
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected number(event: Event): number | null {
    const value = (event.target as HTMLInputElement).valueAsNumber;
    return Number.isNaN(value) ? null : value;
  }

  protected patch(i: number, change: Partial<OfferDraft>): void {
    this.drafts.update((list) => list.map((d, j) => (j === i ? { ...d, ...change } : d)));
  }

  protected add(): void {
    this.drafts.update((list) => [...list, newOfferDraft(this.currency)]);
  }

  protected remove(i: number): void {
    this.drafts.update((list) => list.filter((_, j) => j !== i));
  }

  protected reset(): void {
    this.drafts.set(this.stored());
    this.tried.set(false);
    this.error.set(null);
  }

  protected async save(): Promise<void> {
    this.tried.set(true);
    this.error.set(null);
    if (hasErrors(this.errors())) return;
    this.busy.set(true);
    try {
      await firstValueFrom(
        this.gql.mutate({
          variables: { id: this.vendor().id, offers: offersInput(this.drafts()) },
        }),
      );
      this.tried.set(false);
    } catch (err) {
      this.error.set(messageOf(err));
    } finally {
      this.busy.set(false);
    }
  }
}
