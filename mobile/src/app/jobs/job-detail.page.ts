import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  linkedSignal,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import {
  AlertController,
  IonBackButton,
  IonBadge,
  IonButton,
  IonButtons,
  IonContent,
  IonFooter,
  IonHeader,
  IonIcon,
  IonSkeletonText,
  IonSpinner,
  IonTitle,
  IonToolbar,
  NavController,
  ToastController,
} from '@ionic/angular';
import { addIcons } from 'ionicons';
import {
  callOutline,
  checkmarkCircleOutline,
  keyOutline,
  locateOutline,
  navigateOutline,
  timeOutline,
} from 'ionicons/icons';
import { firstValueFrom } from 'rxjs';
import { toApiError } from '../core/errors';
import { GeolocationService, type LatLng } from '../core/native/geolocation.service';
import {
  ChangeJobStatusGQL,
  JobDetailGQL,
  type JobDetailFragment,
  type WorkOrderStatus,
} from '../generated/graphql';
import { addressLine, distanceKm, formatDistance, navigationUrl, timeWindow } from './job-format';
import { JobMapComponent } from './job-map.component';
import { JobPhotosComponent } from './job-photos.component';
import {
  PRIORITY_COLOR,
  PRIORITY_LABEL,
  STATUS_LABEL,
  statusActions,
  type StatusAction,
} from './status-actions';
import { StatusChipComponent } from './status-chip.component';

@Component({
  selector: 'app-job-detail',
  imports: [
    IonBackButton,
    IonBadge,
    IonButton,
    IonButtons,
    IonContent,
    IonFooter,
    IonHeader,
    IonIcon,
    IonSkeletonText,
    IonSpinner,
    IonTitle,
    IonToolbar,
    JobMapComponent,
    JobPhotosComponent,
    StatusChipComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './job-detail.page.html',
  styleUrl: './job-detail.page.scss',
})
export class JobDetailPage {
  private readonly changeStatus = inject(ChangeJobStatusGQL);
  private readonly geolocation = inject(GeolocationService);
  private readonly alerts = inject(AlertController);
  private readonly toasts = inject(ToastController);
  private readonly nav = inject(NavController);

  readonly id = inject(ActivatedRoute).snapshot.paramMap.get('id') ?? '';
  private readonly query = inject(JobDetailGQL).watch({
    variables: { id: this.id },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  private readonly result = toSignal(this.query.valueChanges);

  /** The job as last loaded; kept while a refetch runs or fails. */
  readonly job = linkedSignal({
    source: this.result,
    computation: (r, previous): JobDetailFragment | null =>
      r?.dataState === 'complete' ? r.data.workOrder : (previous?.value ?? null),
  });
  readonly loading = computed(() => this.result()?.loading ?? true);
  readonly loadError = computed(() => {
    const error = this.result()?.error;
    return error ? toApiError(error) : null;
  });
  readonly actions = computed(() => {
    const job = this.job();
    return job ? statusActions(job.status, job.allowedTransitions) : [];
  });
  /** The status being saved; every status button is disabled meanwhile. */
  readonly saving = signal<WorkOrderStatus | null>(null);

  readonly window = computed(() => {
    const job = this.job();
    return job ? timeWindow(job) : '';
  });
  readonly address = computed(() => {
    const site = this.job()?.site;
    return site ? addressLine(site) : null;
  });
  readonly navUrl = computed(() => {
    const site = this.job()?.site;
    return site ? navigationUrl(site.lat, site.lng) : null;
  });
  readonly priorityLabel = computed(() => PRIORITY_LABEL[this.job()?.priority ?? 'NORMAL']);
  readonly priorityColor = computed(() => PRIORITY_COLOR[this.job()?.priority ?? 'NORMAL']);

  readonly here = signal<LatLng | null>(null);
  readonly locating = signal(false);
  readonly distance = computed(() => {
    const here = this.here();
    const site = this.job()?.site;
    return here && site ? formatDistance(distanceKm(here, site)) : null;
  });

  constructor() {
    addIcons({
      callOutline,
      checkmarkCircleOutline,
      keyOutline,
      locateOutline,
      navigateOutline,
      timeOutline,
    });
  }

  backToToday(): Promise<boolean> {
    return this.nav.navigateBack('/today');
  }

  reload(): Promise<unknown> {
    return this.query.refetch().catch(() => undefined);
  }

  async change(action: StatusAction): Promise<void> {
    const job = this.job();
    if (!job || this.saving()) return;
    let reason: string | undefined;
    if (action.needsReason) {
      const given = await this.askReason();
      if (given === null) return;
      reason = given;
    }
    this.saving.set(action.status);
    try {
      await firstValueFrom(
        this.changeStatus.mutate({
          variables: {
            input: { id: job.id, status: action.status, reason, expectedVersion: job.version },
          },
        }),
      );
      await this.toast(`Status: ${STATUS_LABEL[action.status]}`, 'success', 2000);
    } catch (err) {
      await this.failed(err);
    } finally {
      this.saving.set(null);
    }
  }

  async locate(): Promise<void> {
    this.locating.set(true);
    try {
      this.here.set(await this.geolocation.currentPosition());
    } catch {
      await this.toast('Your location is not available — allow location access', 'warning');
    } finally {
      this.locating.set(false);
    }
  }

  private async failed(err: unknown): Promise<void> {
    const error = toApiError(err);
    switch (error.code) {
      case 'CONFLICT':
        await this.reload();
        await this.toast('Dispatch changed this job — reloaded', 'warning');
        return;
      case 'NOT_FOUND':
        await this.toast('This job is no longer assigned to you', 'warning');
        await this.nav.navigateBack('/today');
        return;
      case 'BAD_USER_INPUT':
        // Usually the job moved on elsewhere; show the server's reason and the current state.
        await this.reload();
        await this.toast(error.message, 'danger');
        return;
      case 'NETWORK':
        await this.toast('No connection — the status was not changed. Try again.', 'danger');
        return;
      case 'FORBIDDEN':
      case 'UNAUTHENTICATED':
      case 'UNKNOWN':
        await this.toast(error.message, 'danger');
        return;
    }
  }

  /** Asks why the job goes on hold; null when cancelled. */
  private async askReason(): Promise<string | null> {
    const alert = await this.alerts.create({
      header: 'Put job on hold',
      message: 'Why can the job not go on? Dispatch will see this.',
      htmlAttributes: { 'data-testid': 'hold-alert' },
      inputs: [
        {
          name: 'reason',
          type: 'textarea',
          placeholder: 'e.g. waiting for a spare part',
          attributes: { maxlength: 500, 'data-testid': 'hold-reason' },
        },
      ],
      buttons: [
        { text: 'Cancel', role: 'cancel' },
        {
          text: 'Put on hold',
          role: 'confirm',
          handler: (values: { reason?: string }) => {
            if (values.reason?.trim()) return true;
            alert.message = 'Give a reason to put the job on hold.';
            return false;
          },
        },
      ],
    });
    await alert.present();
    const { role, data } = await alert.onDidDismiss<{ values: { reason?: string } }>();
    return role === 'confirm' ? (data?.values.reason?.trim() ?? null) : null;
  }

  private async toast(message: string, color: string, duration = 4000): Promise<void> {
    const toast = await this.toasts.create({
      message,
      color,
      duration,
      position: 'top',
      htmlAttributes: { 'data-testid': 'toast' },
      buttons: [{ text: 'OK', role: 'cancel' }],
    });
    await toast.present();
  }
}
