import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  linkedSignal,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
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
import { debounceTime, filter, merge, repeat } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { SessionStore } from '../core/auth/session.store';
import { toApiError } from '../core/errors';
import { RealtimeService } from '../core/graphql/realtime.service';
import { JobChangedGQL, TodayJobsGQL, type JobSummaryFragment } from '../generated/graphql';
import { JobCardComponent } from './job-card.component';
import { byRouteOrder, dayLabel, todayRange } from './job-format';

/**
 * Today's jobs of the signed-in technician in route order. The list is refetched whenever the
 * subscription reports a change and whenever the WebSocket (re)connects: a job reassigned away
 * produces no event for this technician, so only a refetch makes it disappear.
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
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './today.page.html',
  styleUrl: './today.page.scss',
})
export class TodayPage {
  private readonly auth = inject(AuthService);
  private readonly realtime = inject(RealtimeService);
  private readonly user = inject(SessionStore).user;

  private readonly query = inject(TodayJobsGQL).watch({
    variables: { ...todayRange(), after: null },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  private readonly result = toSignal(this.query.valueChanges);
  /** The last complete list, kept on screen while a refetch runs or fails; null until loaded. */
  readonly jobs = linkedSignal({
    source: this.result,
    computation: (r, previous): readonly JobSummaryFragment[] | null =>
      r?.dataState === 'complete'
        ? byRouteOrder(r.data.workOrders.nodes)
        : (previous?.value ?? null),
  });
  readonly loading = computed(() => this.result()?.loading ?? true);
  readonly error = computed(() => {
    const error = this.result()?.error;
    return error ? toApiError(error).message : null;
  });
  readonly live = this.realtime.online;
  readonly firstName = computed(() => this.user()?.name.split(' ')[0] ?? '');
  readonly dateLabel = signal(dayLabel());
  readonly skeletons = [1, 2, 3];
  /** The cursor of the next page already asked for. */
  private pageRequested: string | null = null;

  constructor() {
    addIcons({ cloudOfflineOutline, logOutOutline, sunnyOutline });
    // A long day spans pages: follow them until the list is whole.
    this.query.valueChanges.pipe(takeUntilDestroyed()).subscribe((r) => {
      if (r.dataState !== 'complete' || r.loading) return;
      const { hasNextPage, endCursor } = r.data.workOrders.pageInfo;
      if (!hasNextPage || !endCursor || endCursor === this.pageRequested) return;
      this.pageRequested = endCursor;
      this.query
        .fetchMore({ variables: { after: endCursor } })
        .catch(() => (this.pageRequested = null));
    });
    // Socket drops are retried by the WebSocket client; a subscription the server ends (or
    // refuses) is started again after a pause.
    const technicianId = this.user()?.technicianId ?? null;
    const changes = inject(JobChangedGQL)
      .subscribe({ variables: { technicianId } })
      .pipe(
        repeat({ delay: 10_000 }),
        filter((event) => !!event.data),
      );
    merge(changes, this.realtime.connected$)
      .pipe(debounceTime(250), takeUntilDestroyed())
      .subscribe(() => void this.reload());
  }

  /** Refetches today's list (the day is recomputed: the app may stay open past midnight). */
  async reload(): Promise<void> {
    this.dateLabel.set(dayLabel());
    this.pageRequested = null;
    await this.query.refetch({ ...todayRange(), after: null }).catch(() => undefined);
  }

  async onRefresh(event: RefresherCustomEvent): Promise<void> {
    await this.reload();
    await event.target.complete();
  }

  logout(): Promise<void> {
    return this.auth.logout();
  }
}
