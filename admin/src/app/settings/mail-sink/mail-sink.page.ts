import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { debounceTime, distinctUntilChanged } from 'rxjs';
import { messageOf } from '../../core/errors';
import { EmailSinkStatusGQL, SinkMailsGQL } from '../../generated/graphql';
import { ConnectionPager } from '../../shared/connection-pager';
import { CursorPager } from '../../shared/cursor-pager';
import { ErrorBanner } from '../../shared/error-banner';
import { DateTimePipe } from '../../shared/pipes';
import { liveQuery, queryState } from '../../shared/query-state';
import { MailViewer } from './mail-viewer';

/**
 * /settings/mail-sink: what this organization's email looked like on its way out, in development
 * and tests (the local SMTP sink keeps every mail). Newest first, searchable by recipient and
 * subject; a mail opens in the viewer. With a real SMTP server the page says there is no sink.
 */
@Component({
  selector: 'att-mail-sink',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatTableModule,
    ConnectionPager,
    ErrorBanner,
    DateTimePipe,
    MailViewer,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (status.data(); as s) {
      @if (!s.emailSink.configured) {
        <p class="empty" data-testid="mail-sink-off">
          {{ s.emailSink.description }}. The mail sink outbox exists only in development, where
          email goes to the local sink.
        </p>
      } @else if (selected(); as id) {
        <att-mail-viewer [mailId]="id" (closed)="selected.set(null)" />
      } @else {
        <header class="head">
          <h2>Mail sink</h2>
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="search">
            <mat-label>Search recipient or subject</mat-label>
            <input
              matInput
              type="search"
              maxlength="200"
              [value]="search()"
              (input)="search.set($any($event.target).value)"
              data-testid="mail-search"
            />
          </mat-form-field>
          <button
            mat-stroked-button
            type="button"
            (click)="query.refetch()"
            data-testid="mail-refresh"
          >
            Refresh
          </button>
        </header>
        <p class="muted">
          Every email sent while email goes to the local sink (nothing leaves this machine).
        </p>
        @if (error(); as message) {
          <att-error-banner [message]="message" (retry)="query.refetch()" />
        } @else if (loading()) {
          <div class="loading" aria-busy="true" data-testid="mail-list-loading">
            <div class="bar"></div>
            <div class="bar"></div>
            <div class="bar short"></div>
          </div>
        } @else if (rows().length > 0) {
          <div class="table-wrap">
            <table mat-table [dataSource]="rows()" data-testid="mail-list">
              <ng-container matColumnDef="received">
                <th mat-header-cell *matHeaderCellDef>Received</th>
                <td mat-cell *matCellDef="let m" class="nowrap">{{ m.receivedAt | dateTime }}</td>
              </ng-container>
              <ng-container matColumnDef="to">
                <th mat-header-cell *matHeaderCellDef>To</th>
                <td mat-cell *matCellDef="let m">{{ m.to.join(', ') }}</td>
              </ng-container>
              <ng-container matColumnDef="subject">
                <th mat-header-cell *matHeaderCellDef>Subject</th>
                <td mat-cell *matCellDef="let m">
                  <button
                    type="button"
                    class="link"
                    (click)="selected.set(m.id)"
                    data-testid="mail-open"
                  >
                    {{ m.subject || '(no subject)' }}
                  </button>
                </td>
              </ng-container>
              <ng-container matColumnDef="from">
                <th mat-header-cell *matHeaderCellDef>From</th>
                <td mat-cell *matCellDef="let m" class="muted">{{ m.from }}</td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="columns"></tr>
              <tr
                mat-row
                *matRowDef="let m; columns: columns"
                data-testid="mail-row"
                [attr.data-id]="m.id"
              ></tr>
            </table>
          </div>
        } @else {
          <p class="empty" data-testid="mail-list-empty">
            @if (search().trim()) {
              No mail matches “{{ search().trim() }}”.
            } @else {
              No mail yet. Email a guest from their timeline, and it shows up here.
            }
          </p>
        }
        @if ((connection()?.totalCount ?? 0) > pager.pageSize || pager.hasPrevious()) {
          <att-connection-pager
            [pager]="pager"
            [connection]="connection()"
            [count]="rows().length"
            [busy]="query.loading()"
          />
        }
      }
    } @else if (status.error(); as err) {
      <att-error-banner [message]="statusError(err)" [retryLabel]="null" />
    } @else {
      <div class="loading" aria-busy="true"><div class="bar"></div></div>
    }
  `,
  styleUrl: './mail-sink.scss',
})
export class MailSinkPage {
  private readonly statusGql = inject(EmailSinkStatusGQL);
  private readonly gql = inject(SinkMailsGQL);

  protected readonly status = queryState(this.statusGql.watch().valueChanges);
  protected readonly columns = ['received', 'to', 'subject', 'from'];
  protected readonly pager = new CursorPager(20);
  protected readonly search = signal('');
  protected readonly selected = signal<string | null>(null);
  private readonly term = signal('');
  private readonly variables = computed(() => ({
    first: this.pager.pageSize,
    after: this.pager.after(),
    search: this.term() || null,
  }));
  protected readonly query = liveQuery(this.variables, (variables) =>
    this.gql.watch({ variables, fetchPolicy: 'network-only', notifyOnNetworkStatusChange: true }),
  );
  protected readonly connection = computed(() => this.query.data()?.sinkMails);
  protected readonly rows = computed(() => this.connection()?.nodes ?? []);
  protected readonly loading = computed(() => !this.connection() && this.query.loading());
  protected readonly error = computed(() =>
    this.query.error() && this.rows().length === 0 ? messageOf(this.query.error()) : null,
  );
  protected readonly statusError = messageOf;

  constructor() {
    toObservable(this.search)
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((s) => {
        this.pager.reset();
        this.term.set(s.trim());
      });
    // Back from a mail: show what arrived meanwhile (not on the first run: the watch just fetched).
    let shown: string | null = null;
    effect(() => {
      const now = this.selected();
      if (shown !== null && now === null) this.query.refetch();
      shown = now;
    });
  }
}
