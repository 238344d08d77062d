import { computed, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { catchError, EMPTY, firstValueFrom, tap } from 'rxjs';
import { messageOf } from '../core/errors';
import { Reconnects } from '../core/reconnects';
import {
  MarkAllNotificationsReadGQL,
  MarkNotificationReadGQL,
  MyNotificationsGQL,
  NotificationReceivedGQL,
} from '../generated/graphql';
import { queryState } from '../shared/query-state';

const LATEST = 10;

/**
 * The signed-in user's notification centre, one per shell: the newest notifications and the
 * unread count, refreshed when `notificationReceived` pushes one (the server sends a user only
 * their own) and after the live connection comes back, since events may have been missed.
 */
@Injectable()
export class NotificationCentre {
  private readonly markOne = inject(MarkNotificationReadGQL);
  private readonly markAll = inject(MarkAllNotificationsReadGQL);
  private readonly ref = inject(MyNotificationsGQL).watch({
    variables: { first: LATEST },
    notifyOnNetworkStatusChange: true,
  });
  private readonly state = queryState(this.ref.valueChanges);

  readonly notifications = computed(() => this.state.data()?.myNotifications.nodes ?? []);
  readonly unread = computed(() => this.state.data()?.unreadNotificationCount ?? 0);
  readonly loading = computed(() => !this.state.data() && this.state.loading());
  readonly error = computed(() => (this.state.data() ? null : this.state.error()));
  readonly liveError = signal(false);
  readonly actionError = signal<string | null>(null);

  constructor() {
    inject(NotificationReceivedGQL)
      .subscribe()
      .pipe(
        tap(() => this.liveError.set(false)),
        catchError(() => {
          this.liveError.set(true);
          return EMPTY;
        }),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.refresh());
    inject(Reconnects)
      .events.pipe(takeUntilDestroyed())
      .subscribe(() => this.refresh());
  }

  refresh(): void {
    void this.ref.refetch().catch(() => undefined);
  }

  async markRead(id: string): Promise<void> {
    await this.run(() => firstValueFrom(this.markOne.mutate({ variables: { id } })));
  }

  async markAllRead(): Promise<void> {
    await this.run(() => firstValueFrom(this.markAll.mutate()));
  }

  private async run(action: () => Promise<unknown>): Promise<void> {
    this.actionError.set(null);
    try {
      await action();
      this.refresh();
    } catch (error) {
      this.actionError.set(messageOf(error));
    }
  }
}
