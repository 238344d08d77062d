import { computed, DestroyRef, effect, inject, Injectable, signal, untracked } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { GeolocationService, type Fix } from '../core/native/geolocation.service';
import { ConnectivityService } from '../core/offline/connectivity.service';
import type { OfflineDb } from '../core/offline/offline-db';
import { OfflineStore } from '../core/offline/offline-store.service';
import { AUTH_HOOKS } from '../core/auth/auth-hooks';
import { MyTrackingSettingsGQL } from '../generated/graphql';
import { readPosition, sendPings, type MyPosition } from './location-upload';
import { nextBatch, pingIntervalMs } from './ping-batches';

const ON_SHIFT = 'onShift';
const POSITION = 'position';
const INTERVAL = 'pingIntervalSeconds';

/**
 * GPS while the technician is on shift: follows the position, stores a ping every
 * pingIntervalSeconds (from the tracking settings, 30 s by default) in the device database and
 * uploads them in batches of at most 100 when online, to the gateway's POST /api/locations.
 * Offline, pings wait with their original timestamps; a batch sent twice is stored once by the
 * server.
 */
@Injectable({ providedIn: 'root' })
export class TrackingService {
  private readonly store = inject(OfflineStore);
  private readonly geolocation = inject(GeolocationService);
  private readonly connectivity = inject(ConnectivityService);
  private readonly settingsGql = inject(MyTrackingSettingsGQL);
  private readonly auth = inject(AUTH_HOOKS);

  readonly onShift = signal(false);
  /** The position as the server last computed it (ETA, arrival proposal). */
  readonly position = signal<MyPosition | null>(null);
  /** Why the server refused the last batch of fixes (they were dropped), if it did. */
  readonly refused = signal<string | null>(null);
  readonly waiting = this.store.live((db) => db.pings.count(), 0);
  readonly gpsError = signal<string | null>(null);
  /** Jobs whose "mark arrived?" the technician waved away. */
  private readonly dismissed = signal<ReadonlySet<string>>(new Set());

  readonly arrivalProposal = computed(() => {
    const id = this.position()?.arrivalProposedForId ?? null;
    return id && !this.dismissed().has(id) ? { id } : null;
  });
  readonly eta = computed(() => {
    const p = this.position();
    return p?.nextWorkOrderId && p.etaAt ? { jobId: p.nextWorkOrderId, at: p.etaAt } : null;
  });

  private latest: Fix | null = null;
  private stopWatch: (() => void) | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private uploading = false;

  constructor() {
    // Load the remembered switch and last position for the signed-in user.
    effect(() => {
      const db = this.store.db();
      untracked(() => void this.load(db));
    });
    effect(() => {
      const run = this.onShift() && this.store.db() !== null;
      untracked(() => (run ? void this.startWatching() : this.stopWatching()));
    });
    effect(() => {
      if (this.connectivity.online()) untracked(() => void this.upload());
    });
    inject(DestroyRef).onDestroy(() => this.stopWatching());
  }

  async setOnShift(on: boolean): Promise<void> {
    this.onShift.set(on);
    await this.store.db()?.setMeta(ON_SHIFT, on);
  }

  dismissArrival(jobId: string): void {
    this.dismissed.update((s) => new Set(s).add(jobId));
  }

  private async load(db: OfflineDb | null): Promise<void> {
    this.stopWatching();
    this.position.set(null);
    if (!db) {
      this.onShift.set(false);
      return;
    }
    this.onShift.set((await db.getMeta<boolean>(ON_SHIFT)) ?? false);
    this.position.set(readPosition(await db.getMeta<unknown>(POSITION)));
  }

  private async startWatching(): Promise<void> {
    if (this.stopWatch) return;
    const db = this.store.db();
    if (!db) return;
    const interval = pingIntervalMs(await this.intervalSeconds(db));
    try {
      this.stopWatch = await this.geolocation.watch(
        (fix) => {
          this.latest = fix;
          this.gpsError.set(null);
        },
        () => this.gpsError.set('No GPS — allow location access to share your position'),
      );
    } catch {
      this.gpsError.set('No GPS — allow location access to share your position');
    }
    this.timer = setInterval(() => void this.ping(), interval);
  }

  private stopWatching(): void {
    this.stopWatch?.();
    this.stopWatch = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.latest = null;
  }

  /** The ping interval from the server's settings, remembered for offline starts. */
  private async intervalSeconds(db: OfflineDb): Promise<number | null> {
    try {
      const result = await firstValueFrom(this.settingsGql.fetch({ fetchPolicy: 'no-cache' }));
      const seconds = result.data?.trackingSettings.pingIntervalSeconds ?? null;
      if (seconds) await db.setMeta(INTERVAL, seconds);
      return seconds;
    } catch {
      return db.getMeta<number>(INTERVAL);
    }
  }

  private async ping(): Promise<void> {
    const db = this.store.db();
    const fix = this.latest;
    if (!db || !fix) return;
    await db.pings.add({
      // Now, not the fix's own time: a technician standing still gets no new fixes but is
      // still here (and the server keeps one ping per recordedAt).
      recordedAt: new Date().toISOString(),
      lat: fix.lat,
      lng: fix.lng,
      accuracyM: fix.accuracy,
      speedMps: fix.speed,
      headingDeg: fix.heading,
    });
    await this.upload();
  }

  /** Sends waiting pings, oldest first, in batches; stops at the first failure. */
  private async upload(): Promise<void> {
    const db = this.store.db();
    if (!db || this.uploading || !this.connectivity.online()) return;
    this.uploading = true;
    try {
      for (;;) {
        const batch = nextBatch(await db.pings.orderBy('seq').limit(100).toArray());
        if (batch.seqs.length === 0) return;
        const token = await this.auth.accessToken();
        if (!token) return; // signed out: the pings wait for the next sign-in
        const outcome = await sendPings(token, batch.input);
        await db.pings.bulkDelete(batch.seqs);
        if (outcome.kind === 'refused') {
          this.refused.set(outcome.message);
          continue;
        }
        this.refused.set(null);
        if (outcome.position) {
          this.position.set(outcome.position);
          await db.setMeta(POSITION, outcome.position);
        }
      }
    } catch {
      // Kept for the next ping or reconnect (UploadLater); replays are idempotent on the server.
    } finally {
      this.uploading = false;
    }
  }
}
