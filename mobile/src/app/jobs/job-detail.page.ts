import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
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
import { GeolocationService, type LatLng } from '../core/native/geolocation.service';
import { JobRefreshService } from '../core/offline/job-refresh.service';
import { OfflineStore } from '../core/offline/offline-store.service';
import type { StoredJob } from '../core/offline/offline-db';
import { foldJob, runningTimer, type LocalJob, type Op } from '../core/offline/ops';
import { SyncNoticesComponent } from '../core/offline/sync-notices.component';
import { SyncStatusComponent } from '../core/offline/sync-status.component';
import { SyncService } from '../core/offline/sync.service';
import { ArrivalProposalComponent } from '../tracking/arrival-proposal.component';
import { JobChecklistComponent } from './edit/job-checklist.component';
import { JobNotesComponent } from './edit/job-notes.component';
import { JobPartsComponent } from './edit/job-parts.component';
import { JobPhotosComponent } from './edit/job-photos.component';
import { JobSignatureComponent } from './edit/job-signature.component';
import { JobTimeComponent } from './edit/job-time.component';
import { addressLine, distanceKm, formatDistance, navigationUrl, timeWindow } from './job-format';
import { JobMapComponent } from './job-map.component';
import {
  PRIORITY_COLOR,
  PRIORITY_LABEL,
  STATUS_LABEL,
  statusActions,
  type StatusAction,
} from './status-actions';
import { StatusChipComponent } from './status-chip.component';

/**
 * One job, read from the device's store with the technician's pending changes folded in. Every
 * edit (status, checklist, notes, time, parts, photos, signature) goes to the outbox first, so
 * the page works the same with or without a network.
 */
@Component({
  selector: 'app-job-detail',
  imports: [
    ArrivalProposalComponent,
    IonBackButton,
    IonBadge,
    IonButton,
    IonButtons,
    IonContent,
    IonFooter,
    IonHeader,
    IonIcon,
    IonSkeletonText,
    IonTitle,
    IonToolbar,
    JobChecklistComponent,
    JobMapComponent,
    JobNotesComponent,
    JobPartsComponent,
    JobPhotosComponent,
    JobSignatureComponent,
    JobTimeComponent,
    StatusChipComponent,
    SyncNoticesComponent,
    SyncStatusComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './job-detail.page.html',
  styleUrl: './job-detail.page.scss',
})
export class JobDetailPage {
  private readonly store = inject(OfflineStore);
  private readonly sync = inject(SyncService);
  private readonly refresher = inject(JobRefreshService);
  private readonly geolocation = inject(GeolocationService);
  private readonly alerts = inject(AlertController);
  private readonly toasts = inject(ToastController);
  private readonly nav = inject(NavController);

  readonly id = inject(ActivatedRoute).snapshot.paramMap.get('id') ?? '';

  private readonly view = this.store.live(
    async (db) => {
      const [stored, ops] = await Promise.all([
        db.jobs.get(this.id),
        db.outbox.where('jobId').equals(this.id).sortBy('seq'),
      ]);
      return { stored: stored ?? null, ops };
    },
    undefined as undefined | { stored: StoredJob | null; ops: Op[] },
  );
  readonly files = this.store.live((db) => db.files.where('jobId').equals(this.id).toArray(), []);

  /** The job as the technician sees it: server snapshot + pending changes. */
  readonly job = computed(() => {
    const v = this.view();
    return v?.stored ? foldJob(v.stored.snapshot, v.ops, this.store.me()) : null;
  });
  /** Not on the device: fetched once when online ('missing' = not the technician's job). */
  readonly lookup = signal<'idle' | 'loading' | 'missing' | 'failed'>('idle');
  readonly loading = computed(() => this.view() === undefined || this.lookup() === 'loading');

  readonly actions = computed(() => {
    const job = this.job();
    return job ? statusActions(job.status, job.allowedTransitions) : [];
  });
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
    // Opened from a link for a job that is not stored (another day): fetch it once.
    effect(() => {
      const v = this.view();
      if (v === undefined || v.stored || untracked(this.lookup) !== 'idle') return;
      untracked(() => void this.lookupOnce());
    });
  }

  backToToday(): Promise<boolean> {
    return this.nav.navigateBack('/today');
  }

  async lookupOnce(): Promise<void> {
    if (!this.sync.online()) {
      this.lookup.set('failed');
      return;
    }
    this.lookup.set('loading');
    const result = await this.refresher.fetchOne(this.id);
    this.lookup.set(result === 'ok' ? 'idle' : result === 'not-found' ? 'missing' : 'failed');
  }

  /** A status change is being queued: a second tap must not queue it twice. */
  readonly changing = signal(false);

  async change(action: StatusAction): Promise<void> {
    const job = this.job();
    if (!job || this.changing()) return;
    this.changing.set(true);
    try {
      await this.queueStatus(job, action);
    } finally {
      this.changing.set(false);
    }
  }

  private async queueStatus(job: LocalJob, action: StatusAction): Promise<void> {
    let reason: string | undefined;
    if (action.needsReason) {
      const given = await this.askReason();
      if (given === null) return;
      reason = given;
    }
    if (action.status === 'COMPLETED' && !(await this.confirmComplete(job.number))) return;
    const base = this.view()?.stored?.snapshot.version ?? job.version;
    // A closed job takes no time entries: stop a running timer first.
    if (action.status === 'COMPLETED' && runningTimer(job, this.store.me())) {
      await this.sync.enqueue(job, { kind: 'stopTimer', at: new Date().toISOString() });
    }
    await this.sync.enqueue(job, {
      kind: 'status',
      status: action.status,
      reason,
      expectedVersion: base,
    });
    const later = this.sync.online() ? '' : ' — sent when you are back online';
    await this.toast(`Status: ${STATUS_LABEL[action.status]}${later}`, 'success', 2000);
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

  private async confirmComplete(number: number): Promise<boolean> {
    const alert = await this.alerts.create({
      header: `Complete WO-${number}?`,
      message: 'The office is told the job is done. After this, only notes can be added.',
      htmlAttributes: { 'data-testid': 'complete-alert' },
      buttons: [
        { text: 'Not yet', role: 'cancel' },
        {
          text: 'Complete job',
          role: 'confirm',
          htmlAttributes: { 'data-testid': 'complete-confirm' },
        },
      ],
    });
    await alert.present();
    return (await alert.onDidDismiss()).role === 'confirm';
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
          htmlAttributes: { 'data-testid': 'hold-confirm' },
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
