import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../core/errors';
import { ResyncGuestGQL, type GuestSyncFragment } from '../generated/graphql';
import { ErrorBanner } from '../shared/error-banner';
import { DateTimePipe } from '../shared/pipes';
import { SyncStatusIcon } from '../shared/sync-status';

/** Where the guest stands with Mews, and "Re-sync from Mews" for those allowed. */
@Component({
  selector: 'att-guest-sync',
  imports: [MatButtonModule, ErrorBanner, SyncStatusIcon, DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="status" data-testid="guest-sync-status">
      <att-sync-status
        [status]="guest().syncStatus"
        [lastSyncedAt]="guest().lastSyncedAt"
        [showLabel]="true"
      />
    </p>
    @if (guest().syncStatus) {
      <p class="muted" data-testid="guest-last-synced">
        Last synced {{ guest().lastSyncedAt | dateTime }}
      </p>
      @if (canResync()) {
        <button
          mat-stroked-button
          type="button"
          [disabled]="busy()"
          (click)="resync()"
          data-testid="guest-resync"
        >
          {{ busy() ? 'Re-syncing…' : 'Re-sync from Mews' }}
        </button>
      }
      @if (done()) {
        <p class="muted" role="status" data-testid="guest-resync-done">Re-read from Mews.</p>
      }
    }
    @if (error(); as message) {
      <att-error-banner [message]="message" [retryLabel]="null" data-testid="guest-resync-error" />
    }
  `,
  styles: `
    .status {
      margin: 8px 0 4px;
    }
    .muted {
      margin: 4px 0 12px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class GuestSync {
  readonly guest = input.required<GuestSyncFragment>();
  readonly canResync = input(false);

  private readonly gql = inject(ResyncGuestGQL);
  protected readonly busy = signal(false);
  protected readonly done = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async resync(): Promise<void> {
    this.busy.set(true);
    this.done.set(false);
    this.error.set(null);
    try {
      // The guest comes back through the cache; the audit panel shows what the re-sync changed.
      await firstValueFrom(
        this.gql.mutate({
          variables: { id: this.guest().id },
          refetchQueries: ['GuestDetail', 'GuestSyncAudit'],
        }),
      );
      this.done.set(true);
    } catch (err) {
      this.error.set(messageOf(err));
    } finally {
      this.busy.set(false);
    }
  }
}
