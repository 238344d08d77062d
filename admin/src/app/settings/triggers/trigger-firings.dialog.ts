import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { messageOf } from '../../core/errors';
import { MessageTriggerFiringsGQL } from '../../generated/graphql';
import { ConnectionPager } from '../../shared/connection-pager';
import { CursorPager } from '../../shared/cursor-pager';
import { ErrorBanner } from '../../shared/error-banner';
import { DateTimePipe, HumanizePipe } from '../../shared/pipes';
import { liveQuery } from '../../shared/query-state';

export interface TriggerFiringsData {
  triggerId: string;
  /** "On my way · SMS · Running late", for the title. */
  title: string;
}

/** The latest sends of one trigger: status, why, when, and the guest whose messages hold it. */
@Component({
  selector: 'att-trigger-firings-dialog',
  imports: [
    MatDialogModule,
    MatButtonModule,
    MatProgressBarModule,
    MatTableModule,
    RouterLink,
    ErrorBanner,
    ConnectionPager,
    DateTimePipe,
    HumanizePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Recent sends: {{ data.title }}</h2>
    <mat-dialog-content>
      @if (error(); as message) {
        <att-error-banner [message]="message" (retry)="firings.refetch()" />
      }
      <div class="progress">
        @if (firings.loading()) {
          <mat-progress-bar mode="indeterminate" />
        }
      </div>
      @if (rows().length > 0) {
        <table mat-table [dataSource]="rows()" data-testid="trigger-firings">
          <ng-container matColumnDef="status">
            <th mat-header-cell *matHeaderCellDef>Status</th>
            <td mat-cell *matCellDef="let f" data-testid="firing-status">
              {{ f.status | humanize }}
            </td>
          </ng-container>
          <ng-container matColumnDef="reason">
            <th mat-header-cell *matHeaderCellDef>Reason</th>
            <td mat-cell *matCellDef="let f" data-testid="firing-reason">{{ f.reason ?? '—' }}</td>
          </ng-container>
          <ng-container matColumnDef="when">
            <th mat-header-cell *matHeaderCellDef>Time</th>
            <td mat-cell *matCellDef="let f" class="nowrap">
              {{ f.firedAt ?? f.scheduledFor | dateTime }}
              @if (!f.firedAt) {
                <span class="sub">planned</span>
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="for">
            <th mat-header-cell *matHeaderCellDef>For</th>
            <td mat-cell *matCellDef="let f">{{ f.entityType | humanize }}</td>
          </ng-container>
          <ng-container matColumnDef="message">
            <th mat-header-cell *matHeaderCellDef>Message</th>
            <td mat-cell *matCellDef="let f">
              @if (f.messageId && f.guestId) {
                <a
                  [routerLink]="['/guests', f.guestId]"
                  mat-dialog-close
                  data-testid="firing-message-link"
                  >Open in guest timeline</a
                >
              } @else if (f.messageId) {
                <span class="sub">Sent (no guest on file)</span>
              } @else {
                —
              }
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let f; columns: columns" [attr.data-id]="f.id"></tr>
        </table>
        <att-connection-pager
          [pager]="pager"
          [connection]="connection()"
          [count]="rows().length"
          [busy]="firings.loading()"
        />
      } @else if (!firings.loading() && !error()) {
        <p class="empty" data-testid="trigger-firings-empty">
          Nothing sent yet. Sends appear here when its event happens.
        </p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Close</button>
    </mat-dialog-actions>
  `,
  styles: `
    .progress {
      height: 4px;
    }
    table {
      width: 100%;
    }
    .nowrap {
      white-space: nowrap;
    }
    .sub {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .empty {
      padding: 24px;
      text-align: center;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class TriggerFiringsDialog {
  protected readonly data = inject<TriggerFiringsData>(MAT_DIALOG_DATA);
  private readonly gql = inject(MessageTriggerFiringsGQL);
  protected readonly pager = new CursorPager(20);
  protected readonly columns = ['status', 'reason', 'when', 'for', 'message'];

  private readonly variables = computed(() => ({
    id: this.data.triggerId,
    first: this.pager.pageSize,
    after: this.pager.after(),
  }));
  protected readonly firings = liveQuery(this.variables, (variables) =>
    this.gql.watch({ variables, fetchPolicy: 'network-only', notifyOnNetworkStatusChange: true }),
  );
  protected readonly connection = computed(() => this.firings.data()?.trigger.firings ?? null);
  protected readonly rows = computed(() => this.connection()?.nodes ?? []);
  protected readonly error = computed(() =>
    this.firings.error() ? messageOf(this.firings.error()) : null,
  );
}
