import { computed, DestroyRef, effect, inject, Injectable, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { debounceTime, filter, merge, repeat, retry, Subject, type Subscription } from 'rxjs';
import { JobChangedGQL } from '../../generated/graphql';
import { RealtimeService } from '../graphql/realtime.service';
import { ApolloSyncTransport } from './apollo-sync-transport';
import { ConnectivityService } from './connectivity.service';
import { JobRefreshService } from './job-refresh.service';
import type { OfflineDb } from './offline-db';
import { OfflineStore } from './offline-store.service';
import type { Op, OpPayload, RejectedOp } from './ops';
import { SyncEngine, type EngineState } from './sync-engine';

/** What the sync bar shows. */
export type SyncDisplayState = 'idle' | 'syncing' | 'offline' | 'error';

const IDLE: EngineState = {
  syncing: false,
  unreachable: false,
  lastError: null,
  lastSyncedAt: null,
  nextRetryAt: null,
};

/**
 * The app's face of offline work: queues the technician's changes (SyncEngine), keeps the
 * stored jobs fresh (JobRefreshService) and says how far syncing got. One engine per signed-in
 * user's database, started when they sign in and stopped when they sign out.
 */
@Injectable({ providedIn: 'root' })
export class SyncService {
  private readonly store = inject(OfflineStore);
  private readonly transport = inject(ApolloSyncTransport);
  private readonly connectivity = inject(ConnectivityService);
  private readonly refresher = inject(JobRefreshService);
  private readonly realtime = inject(RealtimeService);
  private readonly jobChanged = inject(JobChangedGQL);
  private engine: SyncEngine | null = null;
  private events: Subscription | null = null;
  private readonly pokes = new Subject<void>();

  readonly engineState = signal<EngineState>(IDLE);
  readonly pending = this.store.live((db) => db.outbox.count(), 0);
  readonly rejected = this.store.live(
    (db) => db.rejected.orderBy('rejectedAt').toArray() as Promise<RejectedOp[]>,
    [] as RejectedOp[],
  );
  readonly notices = this.store.live(
    (db) =>
      db.notices
        .orderBy('createdAt')
        .filter((n) => !n.dismissed)
        .toArray(),
    [],
  );
  readonly online = this.connectivity.online;
  readonly refreshing = this.refresher.refreshing;
  readonly refreshError = this.refresher.error;

  readonly state = computed<SyncDisplayState>(() => {
    const s = this.engineState();
    if (!this.online() || s.unreachable) return 'offline';
    if (s.lastError) return 'error';
    if (s.syncing && this.pending() > 0) return 'syncing';
    return 'idle';
  });

  constructor() {
    effect(() => {
      const db = this.store.db();
      untracked(() => this.attach(db));
    });
    effect(() => {
      const online = this.online();
      untracked(() => {
        this.engine?.setOnline(online);
        if (online) this.pokes.next();
      });
    });
    // Refresh on reconnects, on every change event and when the outbox empties. A job
    // reassigned away sends this technician no event, so the socket's (re)connects refresh too.
    merge(this.pokes, this.realtime.connected$)
      .pipe(debounceTime(300), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe(() => {
        if (this.store.db() && this.online()) void this.refresher.refresh();
      });
  }

  /** Queues a change for a job; it shows at once and is sent when possible. */
  enqueue(
    job: { id: string; number: number },
    payload: OpPayload,
    file?: { blob: Blob; contentType: string },
  ): Promise<Op> {
    if (!this.engine) return Promise.reject(new Error('Not signed in'));
    return this.engine.enqueue(job, payload, file);
  }

  /** The Retry button: send now and refresh. */
  retry(): void {
    this.engine?.retryNow();
    this.pokes.next();
  }

  /** Pull-to-refresh. */
  refresh(): Promise<void> {
    this.engine?.retryNow();
    return this.refresher.refresh();
  }

  /** Sends a refused change once more, at the end of the queue. */
  async resend(rejected: RejectedOp): Promise<void> {
    const db = this.store.db();
    if (!db) return;
    await db.transaction('rw', db.outbox, db.rejected, async () => {
      await db.rejected.delete(rejected.key);
      await db.outbox.add({
        key: rejected.key,
        jobId: rejected.jobId,
        jobNumber: rejected.jobNumber,
        createdAt: rejected.createdAt,
        attempts: 0,
        payload: rejected.payload,
      });
    });
    this.engine?.retryNow();
  }

  async dismissRejected(key: string): Promise<void> {
    await this.store.db()?.rejected.delete(key);
  }

  async dismissNotice(id: string): Promise<void> {
    await this.store.db()?.notices.update(id, { dismissed: true });
  }

  private attach(db: OfflineDb | null): void {
    this.engine?.stop();
    this.engine = null;
    this.events?.unsubscribe();
    this.events = null;
    this.engineState.set(IDLE);
    if (!db) return;
    const engine = new SyncEngine(
      db,
      this.transport,
      {
        onState: (s) => {
          if (this.engine === engine) this.engineState.set(s);
        },
        onSynced: () => this.store.markSynced(),
        onStatusSynced: (jobId, expected, version) => {
          // More than our own change moved the version on: tell what dispatch changed meanwhile.
          if (version > expected + 1) {
            void db.jobs.get(jobId).then((job) => {
              if (job) {
                void this.refresher.noteChanges({
                  id: jobId,
                  number: job.number,
                  since: expected,
                  version,
                });
              }
            });
          }
        },
        onDrained: () => this.pokes.next(),
      },
      { exclusive: webLock(`${db.name}-outbox`) },
    );
    this.engine = engine;
    // Socket drops are retried by the WebSocket client; a subscription the server ends (or
    // refuses) is started again after a pause.
    this.events = this.jobChanged
      .subscribe({ variables: { technicianId: this.store.me() } })
      .pipe(
        retry({ delay: 10_000 }),
        repeat({ delay: 10_000 }),
        filter((e) => !!e.data),
      )
      .subscribe(() => this.pokes.next());
    engine.setOnline(this.online());
    void engine.start();
    this.pokes.next();
  }
}

/** One tab at a time sends the outbox (another tab waits, then finds the queue done). */
function webLock(name: string): ((drain: () => Promise<void>) => Promise<void>) | undefined {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? (drain) => locks.request(name, drain) : undefined;
}
