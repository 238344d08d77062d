import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { IonBadge, IonCard, IonCardContent, IonIcon, IonRouterLink } from '@ionic/angular';
import { addIcons } from 'ionicons';
import { locationOutline, personOutline, timeOutline } from 'ionicons/icons';
import type { JobSummaryFragment } from '../generated/graphql';
import { addressLine, timeWindow } from './job-format';
import { PRIORITY_COLOR, PRIORITY_LABEL } from './status-actions';
import { StatusChipComponent } from './status-chip.component';

const etaFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** One job in the Today list; opens the job page. */
@Component({
  selector: 'app-job-card',
  imports: [
    IonBadge,
    IonCard,
    IonCardContent,
    IonIcon,
    RouterLink,
    IonRouterLink,
    StatusChipComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let j = job();
    <ion-card
      button
      data-testid="job-card"
      [attr.data-number]="j.number"
      [attr.data-status]="j.status"
      [routerLink]="['/jobs', j.id]"
      routerDirection="forward"
      [class.done]="j.status === 'COMPLETED' || j.status === 'CANCELLED'"
    >
      <ion-card-content>
        <div class="top">
          <span class="time"
            ><ion-icon name="time-outline" aria-hidden="true" />{{ window() }}</span
          >
          <app-status-chip [status]="j.status" />
        </div>
        <h2 class="title">{{ j.title }}</h2>
        @if (etaText(); as e) {
          <p class="eta" data-testid="job-eta">ETA {{ e }}</p>
        }
        <p class="customer">
          <ion-icon name="person-outline" aria-hidden="true" />
          {{ j.guest?.fullName ?? 'No customer' }}
        </p>
        @if (address(); as a) {
          <p class="address"><ion-icon name="location-outline" aria-hidden="true" />{{ a }}</p>
        }
        <div class="bottom">
          <span class="number"
            >WO-{{ j.number }}
            @if (j.pendingCount) {
              <span class="pending" data-testid="job-card-pending"
                >· {{ j.pendingCount }} not sent yet</span
              >
            }
          </span>
          @if (j.priority !== 'NORMAL') {
            <ion-badge [color]="priorityColor()">{{ priorityLabel() }}</ion-badge>
          }
        </div>
      </ion-card-content>
    </ion-card>
  `,
  styleUrl: './job-card.component.scss',
})
export class JobCardComponent {
  readonly job = input.required<JobSummaryFragment & { pendingCount?: number }>();
  /** When the technician should get there, from the server's route estimate. */
  readonly eta = input<string | null>(null);
  readonly window = computed(() => timeWindow(this.job()));
  readonly etaText = computed(() => {
    const eta = this.eta();
    return eta ? etaFormat.format(new Date(eta)) : null;
  });
  readonly address = computed(() => {
    const site = this.job().site;
    return site ? addressLine(site) : null;
  });
  readonly priorityLabel = computed(() => PRIORITY_LABEL[this.job().priority]);
  readonly priorityColor = computed(() => PRIORITY_COLOR[this.job().priority]);

  constructor() {
    addIcons({ locationOutline, personOutline, timeOutline });
  }
}
