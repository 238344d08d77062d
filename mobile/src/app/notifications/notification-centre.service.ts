import { computed, type DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { filter, firstValueFrom, repeat, retry } from 'rxjs';
import { toApiError } from '../core/errors';
import { RealtimeService } from '../core/graphql/realtime.service';
import {
  MyNotificationListGQL,
  MyNotificationReceivedGQL,
  ReadAllMyNotificationsGQL,
  ReadMyNotificationGQL,
  type MyNotificationFragment,
} from '../generated/graphql';

const PAGE = 25;

/**
 * The technician's notifications: loaded over HTTP, and loaded again whenever
 * `notificationReceived` pushes one (the server sends each user only their own) or the live
 * connection comes back, since events may have been missed while it was down.
 */
@Injectable({ providedIn: 'root' })
export class NotificationCentreService {
  private readonly listGql = inject(MyNotificationListGQL);
  private readonly readOne = inject(ReadMyNotificationGQL);
  private readonly readAll = inject(ReadAllMyNotificationsGQL);
  private readonly received = inject(MyNotificationReceivedGQL);
  private readonly realtime = inject(RealtimeService);
  private started = false;

  readonly items = signal<MyNotificationFragment[]>([]);
  readonly unread = signal(0);
  readonly loading = signal(false);
  readonly loaded = signal(false);
  readonly error = signal<string | null>(null);
  readonly hasMore = signal(false);
  private endCursor: string | null = null;
  readonly empty = computed(() => this.loaded() && this.items().length === 0);

  /** Starts listening (idempotent); the component that calls it first owns the lifetime. */
  start(destroyRef: DestroyRef): void {
    if (this.started) return;
    this.started = true;
    destroyRef.onDestroy(() => (this.started = false));
    this.received
      .subscribe()
      .pipe(
        retry({ delay: 10_000 }),
        repeat({ delay: 10_000 }),
        filter((e) => !!e.data),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe(() => void this.refresh());
    this.realtime.connected$
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe(() => void this.refresh());
    void this.refresh();
  }

  async refresh(): Promise<void> {
    this.loading.set(true);
    try {
      const r = await firstValueFrom(
        this.listGql.fetch({ variables: { first: PAGE }, fetchPolicy: 'no-cache' }),
      );
      const page = r.data!.myNotifications;
      this.items.set(page.nodes);
      this.unread.set(r.data!.unreadNotificationCount);
      this.hasMore.set(page.pageInfo.hasNextPage);
      this.endCursor = page.pageInfo.endCursor ?? null;
      this.error.set(null);
      this.loaded.set(true);
    } catch (error) {
      this.error.set(toApiError(error).message);
    } finally {
      this.loading.set(false);
    }
  }

  async more(): Promise<void> {
    if (!this.endCursor) return;
    try {
      const r = await firstValueFrom(
        this.listGql.fetch({
          variables: { first: PAGE, after: this.endCursor },
          fetchPolicy: 'no-cache',
        }),
      );
      const page = r.data!.myNotifications;
      this.items.update((all) => [...all, ...page.nodes]);
      this.hasMore.set(page.pageInfo.hasNextPage);
      this.endCursor = page.pageInfo.endCursor ?? null;
    } catch (error) {
      this.error.set(toApiError(error).message);
    }
  }

  async markRead(id: string): Promise<void> {
    await this.act(() =>
      firstValueFrom(this.readOne.mutate({ variables: { id }, fetchPolicy: 'no-cache' })),
    );
  }

  async markAllRead(): Promise<void> {
    await this.act(() => firstValueFrom(this.readAll.mutate({ fetchPolicy: 'no-cache' })));
  }

  private async act(action: () => Promise<unknown>): Promise<void> {
    try {
      await action();
      await this.refresh();
    } catch (error) {
      this.error.set(toApiError(error).message);
    }
  }
}
