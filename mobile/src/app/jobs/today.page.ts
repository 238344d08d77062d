import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import {
  AlertController,
  IonButton,
  IonButtons,
  IonCard,
  IonCardContent,
  IonContent,
  IonHeader,
  IonIcon,
  IonRefresher,
  IonRefresherContent,
  IonSkeletonText,
  IonTitle,
  IonToolbar,
  type RefresherCustomEvent,
} from '@ionic/angular';
import { addIcons } from 'ionicons';
import { cloudOfflineOutline, logOutOutline, sunnyOutline } from 'ionicons/icons';
import { AuthService } from '../core/auth/auth.service';
import { SessionStore } from '../core/auth/session.store';
import { RealtimeService } from '../core/graphql/realtime.service';
import { OfflineStore } from '../core/offline/offline-store.service';
import { foldJob } from '../core/offline/ops';
import { SyncNoticesComponent } from '../core/offline/sync-notices.component';
import { SyncStatusComponent } from '../core/offline/sync-status.component';
import { SyncService } from '../core/offline/sync.service';
import { NotificationBellComponent } from '../notifications/notification-bell.component';
import { ShiftToggleComponent } from '../tracking/shift-toggle.component';
import { TrackingService } from '../tracking/tracking.service';
import { JobCardComponent } from './job-card.component';
import { dayLabel, groupByDay } from './job-format';

/**
 * The signed-in technician's jobs for today and the next two days, in route order, read from
 * the device's store (so the list is there offline) and refreshed from the server when online.
 */
@Component({
  selector: 'app-today',
  imports: [
    IonButton,
    IonButtons,
    IonCard,
    IonCardContent,
    IonContent,
    IonHeader,
    IonIcon,
    IonRefresher,
    IonRefresherContent,
    IonSkeletonText,
    IonTitle,
    IonToolbar,
    JobCardComponent,
    NotificationBellComponent,
    ShiftToggleComponent,
    SyncNoticesComponent,
    SyncStatusComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './today.page.html',
  styleUrl: './today.page.scss',
})
export class TodayPage {
  private readonly auth = inject(AuthService);
  private readonly store = inject(OfflineStore);
  private readonly sync = inject(SyncService);
  private readonly user = inject(SessionStore).user;
  private readonly alerts = inject(AlertController);

  private readonly stored = this.store.live(async (db) => {
    const [jobs, ops, lastRefreshAt] = await Promise.all([
      db.jobs.toArray(),
      db.outbox.orderBy('seq').toArray(),
      db.getMeta<string>('lastRefreshAt'),
    ]);
    return { jobs, ops, lastRefreshAt };
  }, null);

  /** Stored jobs with their pending changes, grouped by day; null until the store answered. */
  readonly days = computed(() => {
    const stored = this.stored();
    if (!stored) return null;
    const me = this.store.me();
    const jobs = stored.jobs.map((j) => foldJob(j.snapshot, stored.ops, me));
    return groupByDay(jobs);
  });
  readonly count = computed(() => this.days()?.reduce((n, d) => n + d.jobs.length, 0) ?? 0);
  /** Nothing stored yet and the first refresh still to come (online, not failed). */
  readonly loading = computed(() => {
    const stored = this.stored();
    if (!stored) return true;
    return !stored.lastRefreshAt && this.sync.online() && !this.sync.refreshError();
  });
  readonly error = computed(() => (this.sync.online() ? this.sync.refreshError() : null));
  readonly live = inject(RealtimeService).online;
  readonly firstName = computed(() => this.user()?.name.split(' ')[0] ?? '');
  readonly dateLabel = signal(dayLabel());
  readonly eta = inject(TrackingService).eta;
  readonly skeletons = [1, 2, 3];

  constructor() {
    addIcons({ cloudOfflineOutline, logOutOutline, sunnyOutline });
  }

  reload(): Promise<void> {
    this.dateLabel.set(dayLabel());
    return this.sync.refresh();
  }

  async onRefresh(event: RefresherCustomEvent): Promise<void> {
    await this.reload();
    await event.target.complete();
  }

  /** Signing out keeps unsent changes on the device (sent at the next sign-in); say so first. */
  async logout(): Promise<void> {
    const pending = this.sync.pending();
    if (pending > 0) {
      const alert = await this.alerts.create({
        header: 'Sign out?',
        message: `${pending} ${pending === 1 ? 'change has' : 'changes have'} not reached the office yet. They stay on this phone and are sent when you sign in again.`,
        htmlAttributes: { 'data-testid': 'logout-alert' },
        buttons: [
          { text: 'Stay', role: 'cancel' },
          {
            text: 'Sign out',
            role: 'destructive',
            htmlAttributes: { 'data-testid': 'logout-confirm' },
          },
        ],
      });
      await alert.present();
      if ((await alert.onDidDismiss()).role !== 'destructive') return;
    }
    await this.auth.logout();
  }
}
