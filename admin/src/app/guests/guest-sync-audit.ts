import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { messageOf } from '../core/errors';
import { GuestSyncAuditGQL } from '../generated/graphql';
import { CursorPager } from '../shared/cursor-pager';
import { ErrorBanner } from '../shared/error-banner';
import { ConnectionPager } from '../shared/connection-pager';
import { DateTimePipe, HumanizePipe } from '../shared/pipes';
import { liveQuery } from '../shared/query-state';

/** What the Mews sync changed on this guest, newest first, paged. */
@Component({
  selector: 'att-guest-sync-audit',
  imports: [MatProgressBarModule, ErrorBanner, ConnectionPager, DateTimePipe, HumanizePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (error(); as message) {
      <att-error-banner
        [message]="message"
        (retry)="audit.refetch()"
        data-testid="guest-audit-error"
      />
    }
    <div class="progress">
      @if (audit.loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
    </div>
    <div class="table-wrap">
      <table data-testid="guest-sync-audit">
        <thead>
          <tr>
            <th>When</th>
            <th>Side</th>
            <th>Source</th>
            <th>Action</th>
            <th>Changes</th>
            <th>Lost in conflict</th>
            <th>Mews request</th>
          </tr>
        </thead>
        <tbody>
          @for (e of entries(); track e.id) {
            <tr data-testid="guest-audit-entry">
              <td class="nowrap">{{ e.occurredAt | dateTime }}</td>
              <td>{{ e.side | humanize }}</td>
              <td>{{ e.source | humanize }}</td>
              <td>{{ e.action | humanize }}</td>
              <td>
                <ul class="plain">
                  @for (c of e.changes; track c.field) {
                    <li>
                      <strong>{{ c.field }}</strong>:
                      <span class="from">{{ c.from ?? '∅' }}</span> →
                      {{ c.to ?? '∅' }}
                    </li>
                  } @empty {
                    <li class="muted">—</li>
                  }
                </ul>
              </td>
              <td>
                <ul class="plain">
                  @for (l of e.losing; track l.field) {
                    <li>
                      <strong>{{ l.field }}</strong>: {{ l.value ?? '∅' }}
                      <span class="muted">({{ l.side | humanize }})</span>
                    </li>
                  } @empty {
                    <li class="muted">—</li>
                  }
                </ul>
              </td>
              <td class="mono">{{ e.requestId ?? '—' }}</td>
            </tr>
          } @empty {
            @if (!audit.loading()) {
              <tr>
                <td colspan="7" class="muted" data-testid="guest-audit-empty">
                  The sync has not changed this guest.
                </td>
              </tr>
            }
          }
        </tbody>
      </table>
    </div>
    <att-connection-pager
      [pager]="pager"
      [connection]="connection()"
      [count]="entries().length"
      [busy]="audit.loading()"
    />
  `,
  styles: `
    .progress {
      height: 4px;
    }
    .table-wrap {
      overflow-x: auto;
    }
    table {
      width: 100%;
      min-width: 860px;
      border-collapse: collapse;
    }
    th,
    td {
      padding: 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: left;
      vertical-align: top;
      font: var(--mat-sys-body-medium);
    }
    th {
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .plain {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 2px;
    }
    .from {
      text-decoration: line-through;
      color: var(--mat-sys-on-surface-variant);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .nowrap {
      white-space: nowrap;
    }
    .mono {
      font-family: ui-monospace, monospace;
      font-size: 12px;
      overflow-wrap: anywhere;
    }
  `,
})
export class GuestSyncAudit {
  readonly guestId = input.required<string>();

  private readonly gql = inject(GuestSyncAuditGQL);
  protected readonly pager = new CursorPager(10);
  private readonly variables = computed(() => ({
    filter: { entityType: 'Guest', entityId: this.guestId() },
    first: this.pager.pageSize,
    after: this.pager.after(),
  }));
  protected readonly audit = liveQuery(this.variables, (variables) =>
    this.gql.watch({ variables, notifyOnNetworkStatusChange: true }),
  );
  protected readonly connection = computed(() => this.audit.data()?.syncAudit);
  protected readonly entries = computed(() => this.connection()?.nodes ?? []);
  protected readonly error = computed(() =>
    this.audit.error() ? messageOf(this.audit.error()) : null,
  );

  constructor() {
    // Another guest starts on the first page.
    effect(() => {
      this.guestId();
      untracked(() => this.pager.reset());
    });
  }
}
