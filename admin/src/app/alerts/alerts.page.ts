import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../core/errors';
import { SessionStore } from '../core/session.store';
import {
  AcknowledgeAlertGQL,
  AlertListGQL,
  type AlertItemFragment,
  type AlertKind,
  type AlertSeverity,
  type AlertStatus,
} from '../generated/graphql';
import { NotificationCentre } from '../notifications/notification-centre';
import { entityLabel, entityLink } from '../notifications/notification-link';
import { ConnectionPager } from '../shared/connection-pager';
import { CursorPager } from '../shared/cursor-pager';
import { ErrorBanner } from '../shared/error-banner';
import { liveQuery } from '../shared/query-state';
import { RelativeTimePipe } from '../shared/relative-time.pipe';
import { sameJson } from '../shared/same-json';
import { StatusChip } from '../shared/status-chip';
import { ALERT_KIND_LABELS, ALERT_KINDS } from './alert-labels';

const HANDLERS = ['ADMIN', 'MANAGER', 'DISPATCHER'];

/** /alerts: open and acknowledged alerts with filters; acknowledging stops the escalation. */
@Component({
  selector: 'att-alerts-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    RouterLink,
    ConnectionPager,
    ErrorBanner,
    RelativeTimePipe,
    StatusChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Alerts</h1>
    <div class="filters">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Status</mat-label>
        <mat-select
          [ngModel]="status()"
          (ngModelChange)="set(status, $event)"
          data-testid="alert-filter-status"
        >
          <mat-option [value]="null">All</mat-option>
          <mat-option value="OPEN">Open</mat-option>
          <mat-option value="ACKNOWLEDGED">Acknowledged</mat-option>
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Kind</mat-label>
        <mat-select
          [ngModel]="kind()"
          (ngModelChange)="set(kind, $event)"
          data-testid="alert-filter-kind"
        >
          <mat-option [value]="null">All kinds</mat-option>
          @for (k of kinds; track k) {
            <mat-option [value]="k">{{ kindLabels[k] }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Severity</mat-label>
        <mat-select [ngModel]="severity()" (ngModelChange)="set(severity, $event)">
          <mat-option [value]="null">Any</mat-option>
          <mat-option value="CRITICAL">Critical</mat-option>
          <mat-option value="WARNING">Warning</mat-option>
          <mat-option value="INFO">Info</mat-option>
        </mat-select>
      </mat-form-field>
    </div>
    @if (query.loading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (actionError(); as error) {
      <att-error-banner [message]="error" [retryLabel]="null" />
    }
    @if (loadError(); as error) {
      <att-error-banner [message]="error" retryLabel="Retry" (retry)="query.refetch()" />
    } @else if (data(); as page) {
      <ul class="alerts" data-testid="alert-list">
        @for (a of page.nodes; track a.id) {
          <li class="alert" [class.open]="!a.acknowledgedAt" data-testid="alert-row">
            <div class="line">
              <att-status-chip [value]="a.severity" />
              <strong class="title">{{ a.title }}</strong>
              <att-status-chip [value]="a.acknowledgedAt ? 'ACKNOWLEDGED' : 'OPEN'" />
            </div>
            @if (a.body) {
              <p class="body">{{ a.body }}</p>
            }
            <p class="meta">
              {{ a.kind ? kindLabels[a.kind] : 'Alert' }} · raised {{ a.createdAt | relativeTime }}
              @if (a.escalationLevel > 0) {
                · escalated {{ a.escalationLevel }}×
              }
              @if (!a.acknowledgedAt && a.nextEscalationAt) {
                · escalates {{ a.nextEscalationAt | relativeTime }}
              }
              @if (a.acknowledgedAt) {
                · acknowledged {{ a.acknowledgedAt | relativeTime }}
              }
            </p>
            <div class="actions">
              <a mat-button [routerLink]="link(a)">{{ linkLabel(a) }}</a>
              @if (!a.acknowledgedAt && canAcknowledge()) {
                <button
                  mat-flat-button
                  type="button"
                  [disabled]="busy() === a.id"
                  (click)="acknowledge(a)"
                  data-testid="alert-acknowledge"
                >
                  Acknowledge
                </button>
              }
            </div>
          </li>
        } @empty {
          <li class="empty" data-testid="alert-empty">
            @if (status() === 'OPEN') {
              No open alerts. Everything raised so far has been acknowledged.
            } @else {
              No alerts match these filters.
            }
          </li>
        }
      </ul>
      <att-connection-pager
        [pager]="pager"
        [connection]="page"
        [count]="page.nodes.length"
        [busy]="query.loading()"
      />
    }
  `,
  styles: `
    h1 {
      font: var(--mat-sys-headline-small);
    }
    .filters {
      display: flex;
      gap: 12px;
      flex-wrap: wrap;
      margin-bottom: 12px;
    }
    .alerts {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 8px;
    }
    .alert {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 12px 16px;
    }
    .alert.open {
      border-left: 4px solid var(--mat-sys-error);
    }
    .line {
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
    }
    .title {
      font: var(--mat-sys-title-small);
    }
    .body,
    .meta {
      margin: 4px 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      gap: 8px;
      justify-content: flex-end;
    }
    .empty {
      padding: 24px;
      text-align: center;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class AlertsPage {
  private readonly list = inject(AlertListGQL);
  private readonly ack = inject(AcknowledgeAlertGQL);
  private readonly centre = inject(NotificationCentre);
  protected readonly kinds = ALERT_KINDS;
  protected readonly kindLabels = ALERT_KIND_LABELS;
  private readonly session = inject(SessionStore);
  protected readonly canAcknowledge = computed(() => this.session.hasAnyRole(HANDLERS));
  protected readonly pager = new CursorPager(25);
  protected readonly status = signal<AlertStatus | null>('OPEN');
  protected readonly kind = signal<AlertKind | null>(null);
  protected readonly severity = signal<AlertSeverity | null>(null);
  protected readonly busy = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);

  private readonly variables = computed(
    () => ({
      first: this.pager.pageSize,
      after: this.pager.after(),
      status: this.status(),
      kind: this.kind(),
      severity: this.severity(),
    }),
    { equal: sameJson },
  );
  protected readonly query = liveQuery(this.variables, (variables) =>
    this.list.watch({
      variables,
      notifyOnNetworkStatusChange: true,
      fetchPolicy: 'cache-and-network',
    }),
  );
  protected readonly data = computed(() => this.query.data()?.alerts);
  protected readonly loadError = computed(() =>
    this.data() ? null : this.query.error() ? messageOf(this.query.error()) : null,
  );

  constructor() {
    // A new notification usually means a new alert: show it without a reload (not on the first
    // run: the watch has just fetched).
    let first = true;
    effect(() => {
      this.centre.notifications();
      if (first) first = false;
      else untracked(() => this.query.refetch());
    });
  }

  protected set<T>(target: ReturnType<typeof signal<T>>, value: T): void {
    target.set(value);
    this.pager.reset();
  }

  protected link(a: AlertItemFragment): string[] {
    return entityLink(a.entityType, a.entityId);
  }

  protected linkLabel(a: AlertItemFragment): string {
    return entityLabel(a.entityType);
  }

  protected async acknowledge(a: AlertItemFragment): Promise<void> {
    this.busy.set(a.id);
    this.actionError.set(null);
    try {
      await firstValueFrom(this.ack.mutate({ variables: { id: a.id } }));
      this.query.refetch();
      // Acknowledging reads the user's own notifications about it: the badge follows.
      this.centre.refresh();
    } catch (error) {
      this.actionError.set(messageOf(error));
    } finally {
      this.busy.set(null);
    }
  }
}
