import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { firstValueFrom } from 'rxjs';
import { ConsentLedgerGQL, type ConsentLedgerQuery } from '../../generated/graphql';
import { ErrorBanner } from '../../shared/error-banner';
import { DateTimePipe } from '../../shared/pipes';
import { SettingsList } from '../settings-list';
import { channelLabel } from '../templates/templates.model';
import {
  consentLabel,
  consentQueryOf,
  ledgersOf,
  type ConsentQuery,
} from './messaging-settings.model';
import {
  RecordConsentDialog,
  type RecordConsentData,
  type RecordedConsent,
} from './record-consent.dialog';

/** Search an address and see its consent ledger per channel; managers record an opt-in. */
@Component({
  selector: 'att-consent-lookup',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ErrorBanner,
    DateTimePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" data-testid="consent-lookup">
      <mat-card-header>
        <mat-card-title>Consent lookup</mat-card-title>
        <mat-card-subtitle
          >Who may be messaged: every opt-in and opt-out of a phone number or email address, newest
          first. The newest one is in force.</mat-card-subtitle
        >
      </mat-card-header>
      <mat-card-content>
        <form class="search" (submit)="$event.preventDefault(); lookUp()">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>Phone number or email</mat-label>
            <input
              matInput
              [formControl]="address"
              placeholder="+15551234567"
              data-testid="consent-search"
            />
          </mat-form-field>
          <button mat-stroked-button type="submit" data-testid="consent-search-submit">
            Look up
          </button>
        </form>
        @if (invalid(); as message) {
          <p class="error" role="alert" data-testid="consent-search-error">{{ message }}</p>
        }
        @if (list.error(); as message) {
          <att-error-banner [message]="message" (retry)="list.retry()" />
        }
        <div class="progress">
          @if (loading() || list.busy()) {
            <mat-progress-bar mode="indeterminate" />
          }
        </div>
        @if (searched()) {
          @for (l of ledgers(); track l.channel) {
            <section class="channel" [attr.data-testid]="'consent-ledger-' + l.channel">
              <h3>
                {{ label(l.channel) }}:
                <span
                  [class.out]="l.current?.status === 'OPTED_OUT'"
                  data-testid="consent-current"
                  [attr.data-status]="l.current?.status ?? 'NONE'"
                  >{{ current(l.current) }}</span
                >
              </h3>
              @if (l.entries.length === 0) {
                <p class="muted">No opt-in or opt-out recorded.</p>
              } @else {
                <ul>
                  @for (e of l.entries; track e.id) {
                    <li data-testid="consent-entry" [attr.data-status]="e.status">
                      <span>{{ current(e) }}</span>
                      <span class="muted">{{ e.source }} · {{ e.recordedAt | dateTime }}</span>
                    </li>
                  }
                </ul>
              }
            </section>
          }
          @if (list.canEdit()) {
            <button
              mat-stroked-button
              type="button"
              (click)="record()"
              [disabled]="list.busy()"
              data-testid="consent-record"
            >
              Record opt-in…
            </button>
          }
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .search {
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
    }
    .search mat-form-field {
      width: min(320px, 100%);
    }
    .progress {
      height: 4px;
      margin: 8px 0;
    }
    .channel h3 {
      font: var(--mat-sys-title-small);
      margin: 8px 0 4px;
    }
    .out {
      color: var(--mat-sys-error);
    }
    ul {
      margin: 0 0 8px;
      padding-left: 18px;
    }
    li {
      display: grid;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class ConsentLookup {
  private readonly gql = inject(ConsentLedgerGQL);

  protected readonly address = new FormControl('', { nonNullable: true });
  protected readonly query = signal<ConsentQuery | null>(null);
  protected readonly invalid = computed(() => {
    const q = this.query();
    return q?.kind === 'invalid' ? q.message : null;
  });
  protected readonly searched = computed(() => {
    const q = this.query();
    return q && q.kind !== 'invalid' ? q : null;
  });
  protected readonly loading = signal(false);
  private readonly loadError = signal<unknown>(null);
  private readonly data = signal<ConsentLedgerQuery | null>(null);
  protected readonly list = new SettingsList({
    error: this.loadError,
    refetch: () => void this.fetch(),
  });
  protected readonly ledgers = computed(() => {
    const data = this.data();
    return this.searched() && data ? ledgersOf(data) : [];
  });
  protected readonly label = channelLabel;
  protected readonly current = consentLabel;

  protected lookUp(): Promise<void> {
    this.query.set(consentQueryOf(this.address.value));
    return this.fetch();
  }

  private async fetch(): Promise<void> {
    const q = this.searched();
    this.data.set(null);
    this.loadError.set(null);
    if (!q) return;
    this.loading.set(true);
    try {
      const res = await firstValueFrom(
        this.gql.fetch({
          variables: { address: q.address, phone: q.kind === 'phone' },
          fetchPolicy: 'network-only',
        }),
      );
      if (!res.data) throw res.error ?? new Error('The consent ledger could not be loaded');
      // A later search wins over a slow earlier one.
      if (this.searched() === q) this.data.set(res.data);
    } catch (err) {
      this.loadError.set(err);
    } finally {
      this.loading.set(false);
    }
  }

  protected async record(): Promise<void> {
    const q = this.searched();
    if (!q) return;
    // The ledger is fetched again after a record is saved.
    await this.list.edit<RecordConsentDialog, RecordConsentData, RecordedConsent>(
      RecordConsentDialog,
      {
        data: {
          address: q.address,
          channels: q.kind === 'phone' ? ['SMS', 'WHATSAPP'] : ['EMAIL'],
        },
        width: 'min(560px, 96vw)',
      },
    );
  }
}
