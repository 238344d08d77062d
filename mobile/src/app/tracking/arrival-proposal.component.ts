import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { IonButton, IonIcon } from '@ionic/angular';
import { addIcons } from 'ionicons';
import { locationOutline } from 'ionicons/icons';
import type { LocalJob } from '../core/offline/ops';
import { SyncService } from '../core/offline/sync.service';
import { TrackingService } from './tracking.service';

/** The geofence saw the technician at the site: offer to mark the job arrived. */
@Component({
  selector: 'app-arrival-proposal',
  imports: [IonButton, IonIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (show()) {
      <div class="proposal" role="alert" data-testid="arrival-proposal">
        <ion-icon name="location-outline" aria-hidden="true" />
        <span>You're at the site — mark arrived?</span>
        <ion-button size="small" data-testid="arrival-accept" (click)="accept()"
          >Arrived</ion-button
        >
        <ion-button size="small" fill="clear" data-testid="arrival-dismiss" (click)="dismiss()">
          Not yet
        </ion-button>
      </div>
    }
  `,
  styles: `
    .proposal {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 8px 12px;
      padding: 10px 12px;
      border-radius: 8px;
      background: rgba(var(--ion-color-success-rgb), 0.15);
      font-weight: 600;
    }
    span {
      flex: 1;
    }
  `,
})
export class ArrivalProposalComponent {
  private readonly tracking = inject(TrackingService);
  private readonly sync = inject(SyncService);
  readonly job = input.required<LocalJob>();

  readonly show = computed(() => {
    const job = this.job();
    return (
      this.tracking.arrivalProposal()?.id === job.id && job.allowedTransitions.includes('ARRIVED')
    );
  });

  constructor() {
    addIcons({ locationOutline });
  }

  async accept(): Promise<void> {
    const job = this.job();
    this.tracking.dismissArrival(job.id);
    await this.sync.enqueue(job, {
      kind: 'status',
      status: 'ARRIVED',
      expectedVersion: job.version,
    });
  }

  dismiss(): void {
    this.tracking.dismissArrival(this.job().id);
  }
}
