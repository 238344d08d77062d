import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { IonButton, IonIcon, IonSpinner } from '@ionic/angular';
import { addIcons } from 'ionicons';
import {
  alertCircleOutline,
  cloudDoneOutline,
  cloudOfflineOutline,
  cloudUploadOutline,
} from 'ionicons/icons';
import { SyncService } from './sync.service';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/**
 * The slim bar under every page's toolbar: how many changes wait, whether they are going out,
 * and what went wrong (with Retry). Tests read data-state and data-pending.
 */
@Component({
  selector: 'app-sync-status',
  imports: [IonButton, IonIcon, IonSpinner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      class="bar"
      role="status"
      aria-live="polite"
      data-testid="sync-status"
      [attr.data-state]="state()"
      [attr.data-pending]="pending()"
      [class]="state()"
    >
      @switch (state()) {
        @case ('syncing') {
          <ion-spinner name="crescent" aria-hidden="true" />
          <span>Sending {{ pending() }} {{ pending() === 1 ? 'change' : 'changes' }}…</span>
        }
        @case ('offline') {
          <ion-icon name="cloud-offline-outline" aria-hidden="true" />
          <span>
            Offline ·
            @if (pending() > 0) {
              {{ pending() }} {{ pending() === 1 ? 'change' : 'changes' }} saved on this phone
            } @else {
              working from saved jobs
            }
          </span>
          @if (deviceOnline() && pending() > 0) {
            <!-- The phone has a network but the server did not answer: let them try now. -->
            <ion-button size="small" fill="clear" data-testid="sync-retry" (click)="retry()">
              Try now
            </ion-button>
          }
        }
        @case ('error') {
          <ion-icon name="alert-circle-outline" aria-hidden="true" />
          <span data-testid="sync-error">{{ error() }} · {{ pending() }} waiting</span>
          <ion-button size="small" fill="outline" data-testid="sync-retry" (click)="retry()">
            Retry
          </ion-button>
        }
        @default {
          @if (pending() > 0) {
            <ion-icon name="cloud-upload-outline" aria-hidden="true" />
            <span>{{ pending() }} waiting to send</span>
            <ion-button size="small" fill="clear" data-testid="sync-retry" (click)="retry()">
              Send now
            </ion-button>
          } @else {
            <ion-icon name="cloud-done-outline" aria-hidden="true" />
            <span>All changes saved{{ lastSynced() ? ' · synced ' + lastSynced() : '' }}</span>
          }
        }
      }
    </div>
  `,
  styles: `
    .bar {
      display: flex;
      align-items: center;
      gap: 8px;
      min-height: 30px;
      padding: 4px 12px;
      font-size: 0.8rem;
      background: var(--ion-color-light);
      color: var(--ion-color-medium-shade);
    }
    .bar span {
      flex: 1;
    }
    .offline {
      background: rgba(var(--ion-color-warning-rgb), 0.2);
      color: var(--ion-color-warning-shade);
    }
    .error {
      background: rgba(var(--ion-color-danger-rgb), 0.12);
      color: var(--ion-color-danger-shade);
    }
    .syncing {
      color: var(--ion-color-primary);
    }
    ion-spinner {
      width: 16px;
      height: 16px;
    }
    ion-button {
      margin: 0;
      height: 24px;
    }
  `,
})
export class SyncStatusComponent {
  private readonly sync = inject(SyncService);
  readonly state = this.sync.state;
  readonly pending = this.sync.pending;
  readonly deviceOnline = this.sync.online;
  readonly error = computed(() => this.sync.engineState().lastError ?? 'Could not sync');
  readonly lastSynced = computed(() => {
    const at = this.sync.engineState().lastSyncedAt;
    return at ? timeFormat.format(new Date(at)) : null;
  });

  constructor() {
    addIcons({ alertCircleOutline, cloudDoneOutline, cloudOfflineOutline, cloudUploadOutline });
  }

  retry(): void {
    this.sync.retry();
  }
}
