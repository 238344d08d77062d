import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { interval, map } from 'rxjs';
import { messageOf } from '../../core/errors';
import { SessionStore } from '../../core/session.store';
import { MewsSettingsGQL } from '../../generated/graphql';
import { ErrorBanner } from '../../shared/error-banner';
import { queryState } from '../../shared/query-state';
import { MewsConnectForm } from './mews-connect-form';
import { MewsHealth } from './mews-health';
import { MewsImportProgress } from './mews-import-progress';
import { MewsLive } from './mews-live';
import { HEALTH_POLL_MS, MEWS_ADMINS, newerRun, SYNC_OPERATORS } from './mews.model';
import { MewsStatusCard } from './mews-status-card';
import { SyncConflicts } from '../sync/sync-conflicts';
import { SyncDeadLetters } from '../sync/sync-dead-letters';
import { SyncRuns } from '../sync/sync-runs';

/**
 * /settings/mews: connect the hotel's Mews property, follow the import live, and keep an eye on
 * the sync (health every 15 s and on every run event; dead letters, conflicts, runs).
 */
@Component({
  selector: 'att-mews-connection-page',
  providers: [MewsLive],
  imports: [
    MatCardModule,
    MatProgressBarModule,
    ErrorBanner,
    MewsConnectForm,
    MewsHealth,
    MewsImportProgress,
    MewsStatusCard,
    SyncConflicts,
    SyncDeadLetters,
    SyncRuns,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (loadError(); as message) {
      <att-error-banner [message]="message" (retry)="refetch()" data-testid="mews-load-error" />
    }
    @if (!loaded()) {
      @if (!loadError()) {
        <mat-progress-bar mode="indeterminate" />
      }
    } @else if (!connected()) {
      <p class="intro">
        Connect the hotel's Mews property to import its rooms, guests and reservations and keep them
        in sync both ways.
        @if (connection()?.status === 'DISCONNECTED') {
          <strong>Mews was disconnected; connect again to resume syncing.</strong>
        }
      </p>
      @if (canAdmin()) {
        <mat-card appearance="outlined" class="form-card">
          <mat-card-content>
            <att-mews-connect-form [initial]="connection()" (connected)="onConnected()" />
          </mat-card-content>
        </mat-card>
      } @else {
        <p class="muted" data-testid="mews-not-connected">
          No Mews property is connected. An admin can connect one on this page.
        </p>
      }
    } @else if (connection(); as c) {
      @if (editing()) {
        <mat-card appearance="outlined" class="form-card">
          <mat-card-header><mat-card-title>Update tokens</mat-card-title></mat-card-header>
          <mat-card-content>
            <att-mews-connect-form
              [initial]="c"
              [cancellable]="true"
              (connected)="onConnected()"
              (cancelled)="editing.set(false)"
            />
          </mat-card-content>
        </mat-card>
      }
      @if (run(); as r) {
        <mat-card appearance="outlined" class="progress-card">
          <mat-card-content><att-mews-import-progress [run]="r" /></mat-card-content>
        </mat-card>
      }
      <div class="grid">
        <att-mews-status-card
          [connection]="c"
          [canAdmin]="canAdmin()"
          [canOperate]="canOperate()"
          [running]="running()"
          (changed)="changed()"
          (reconnect)="editing.set(true)"
        />
        <att-mews-health
          [health]="c.health"
          [pollIntervalSeconds]="c.pollIntervalSeconds"
          [now]="now()"
        />
      </div>
      <att-sync-dead-letters [canRetry]="canOperate()" />
      <att-sync-conflicts [canResolve]="canOperate()" />
      <att-sync-runs />
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .intro {
      max-width: 760px;
      font: var(--mat-sys-body-large);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .form-card {
      max-width: 760px;
      padding-top: 8px;
      margin-bottom: 16px;
    }
    .progress-card {
      margin-bottom: 16px;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 420px), 1fr));
      gap: 16px;
      align-items: start;
    }
  `,
})
export class MewsConnectionPage {
  private readonly store = inject(SessionStore);
  private readonly live = inject(MewsLive);
  private readonly ref = inject(MewsSettingsGQL).watch({ pollInterval: HEALTH_POLL_MS });
  protected readonly query = queryState(this.ref.valueChanges);

  protected readonly canAdmin = computed(() => this.store.hasAnyRole(MEWS_ADMINS));
  protected readonly canOperate = computed(() => this.store.hasAnyRole(SYNC_OPERATORS));
  protected readonly loaded = computed(() => this.query.data() !== undefined);
  protected readonly connection = computed(() => this.query.data()?.mewsConnection ?? null);
  protected readonly connected = computed(() => {
    const status = this.connection()?.status;
    return !!status && status !== 'DISCONNECTED';
  });
  protected readonly loadError = computed(() =>
    this.query.error() && !this.loaded() ? messageOf(this.query.error()) : null,
  );
  /** The run to show: what the query returned or, when newer, what the server pushed. */
  protected readonly run = computed(() =>
    this.connected() ? newerRun(this.connection()?.latestRun, this.live.pushed()) : null,
  );
  protected readonly running = computed(() => this.run()?.status === 'RUNNING');
  protected readonly editing = signal(false);
  protected readonly now = toSignal(interval(5000).pipe(map(() => Date.now())), {
    initialValue: Date.now(),
  });

  constructor() {
    this.live.stale.pipe(takeUntilDestroyed()).subscribe(() => this.refetch());
  }

  protected refetch(): void {
    void this.ref.refetch().catch(() => undefined);
  }

  protected onConnected(): void {
    this.editing.set(false);
    this.changed();
  }

  protected changed(): void {
    this.live.touch();
  }
}
