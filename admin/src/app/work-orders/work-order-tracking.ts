import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
  viewChild,
  type ElementRef,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../core/errors';
import {
  CreateTrackingLinkGQL,
  RevokeTrackingLinkGQL,
  WorkOrderTrackingLinksGQL,
} from '../generated/graphql';
import { ActionState } from '../shared/action-state';
import { confirmAction } from '../shared/confirm-dialog';
import { ErrorBanner } from '../shared/error-banner';
import { DateTimePipe } from '../shared/pipes';
import { liveQuery } from '../shared/query-state';
import { linkState, sortLinks, type TrackingLinkRow } from './work-order-tracking.model';

/**
 * The customer tracking links of a field job: create one (its URL is shown once, since only a
 * hash of the token is stored), copy or open it, and revoke links that should stop working.
 */
@Component({
  selector: 'att-work-order-tracking',
  imports: [MatButtonModule, MatCardModule, ErrorBanner, DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" data-testid="wo-tracking">
      <mat-card-header><mat-card-title>Customer tracking link</mat-card-title></mat-card-header>
      <mat-card-content>
        <p class="muted">
          A link the customer opens to follow the visit: status, expected arrival and, when the
          tracking settings allow it, the technician on a map.
        </p>
        @if (created(); as url) {
          <div class="created" data-testid="tracking-link-created">
            <label for="tracking-url">New link (shown only now; copy it before leaving)</label>
            <div class="url-row">
              <input
                #urlInput
                id="tracking-url"
                class="url"
                readonly
                [value]="url"
                (focus)="urlInput.select()"
                data-testid="tracking-link-url"
              />
              <button
                mat-stroked-button
                type="button"
                (click)="copy()"
                data-testid="tracking-link-copy"
              >
                Copy
              </button>
              <a
                mat-stroked-button
                [href]="url"
                target="_blank"
                rel="noopener"
                data-testid="tracking-link-open"
                >Open</a
              >
            </div>
            @if (copyHint(); as hint) {
              <p class="hint" role="status" data-testid="tracking-link-copy-hint">{{ hint }}</p>
            }
          </div>
        }
        @if (error(); as message) {
          <att-error-banner [message]="message" (retry)="retry()" data-testid="tracking-error" />
        }
        @if (links().length) {
          <table class="links" data-testid="tracking-links">
            <thead>
              <tr>
                <th>Created</th>
                <th>Expires</th>
                <th class="num">Views</th>
                <th>State</th>
                <th><span class="cdk-visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              @for (l of links(); track l.id; let i = $index) {
                <tr [attr.data-testid]="'tracking-link-' + i" [attr.data-state]="stateOf(l)">
                  <td>{{ l.createdAt | dateTime }}</td>
                  <td>{{ l.expiresAt | dateTime }}</td>
                  <td
                    class="num"
                    [attr.title]="
                      l.lastViewedAt ? 'Last viewed ' + (l.lastViewedAt | dateTime) : null
                    "
                  >
                    {{ l.viewCount }}
                  </td>
                  <td data-testid="tracking-link-state">
                    @switch (stateOf(l)) {
                      @case ('REVOKED') {
                        Revoked {{ l.revokedAt | dateTime }}
                      }
                      @case ('EXPIRED') {
                        Expired
                      }
                      @case ('ACTIVE') {
                        Active
                      }
                    }
                  </td>
                  <td class="actions">
                    @if (editable() && stateOf(l) === 'ACTIVE') {
                      <button
                        mat-button
                        type="button"
                        (click)="revoke(l)"
                        [disabled]="action.busy()"
                        data-testid="tracking-link-revoke"
                      >
                        Revoke
                      </button>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        } @else if (query.data()) {
          <p class="muted" data-testid="tracking-links-empty">No tracking links yet.</p>
        }
        @if (editable()) {
          <button
            mat-flat-button
            type="button"
            (click)="create()"
            [disabled]="action.busy()"
            data-testid="tracking-link-create"
          >
            {{ action.busy() ? 'Working…' : 'Create link' }}
          </button>
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .muted {
      color: var(--mat-sys-on-surface-variant);
      margin: 8px 0;
    }
    .created {
      display: grid;
      gap: 6px;
      margin: 8px 0 12px;
      padding: 12px;
      border-radius: 8px;
      background: #dbe7ff;
      color: #0b3a8c;
    }
    .created label {
      font: var(--mat-sys-label-large);
    }
    .url-row {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
      align-items: center;
    }
    .url {
      flex: 1 1 220px;
      min-width: 0;
      padding: 8px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 4px;
      font: var(--mat-sys-body-medium);
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    .hint {
      margin: 0;
      font: var(--mat-sys-body-small);
    }
    .links {
      width: 100%;
      border-collapse: collapse;
      margin: 8px 0 12px;
      font: var(--mat-sys-body-medium);
    }
    .links th {
      text-align: left;
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
      padding: 4px;
    }
    .links td {
      padding: 4px;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .num {
      text-align: right;
    }
    .actions {
      text-align: right;
    }
    tr[data-state='REVOKED'],
    tr[data-state='EXPIRED'] {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class WorkOrderTracking {
  readonly workOrderId = input.required<string>();
  readonly editable = input(false);

  private readonly createGql = inject(CreateTrackingLinkGQL);
  private readonly revokeGql = inject(RevokeTrackingLinkGQL);
  private readonly linksGql = inject(WorkOrderTrackingLinksGQL);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  private readonly urlInput = viewChild<ElementRef<HTMLInputElement>>('urlInput');

  protected readonly action = new ActionState();
  protected readonly query = liveQuery(
    computed(() => ({ id: this.workOrderId() })),
    (variables) => this.linksGql.watch({ variables, notifyOnNetworkStatusChange: true }),
  );
  protected readonly links = computed(() =>
    sortLinks(this.query.data()?.workOrder?.trackingLinks ?? []),
  );
  /** The URL of the link just created; gone once the page is left. */
  protected readonly created = signal<string | null>(null);
  protected readonly copyHint = signal<string | null>(null);
  protected readonly error = computed(
    () => this.action.error() ?? (this.query.error() ? messageOf(this.query.error()) : null),
  );

  protected stateOf(link: TrackingLinkRow) {
    return linkState(link);
  }

  protected retry(): void {
    this.action.error.set(null);
    this.query.refetch();
  }

  protected async create(): Promise<void> {
    this.copyHint.set(null);
    await this.action.run(async () => {
      const res = await firstValueFrom(
        this.createGql.mutate({ variables: { workOrderId: this.workOrderId() } }),
      );
      const made = res.data?.createTrackingLink;
      if (!made) throw res.error ?? new Error('The link was not created');
      this.created.set(made.url);
      this.query.refetch();
    });
  }

  protected async revoke(link: TrackingLinkRow): Promise<void> {
    const ok = await confirmAction(this.dialog, {
      title: 'Revoke this tracking link?',
      message:
        'The customer can no longer follow the visit with it. Create a new link to share again.',
      confirm: 'Revoke',
      danger: true,
    });
    if (!ok) return;
    const done = await this.action.run(async () => {
      const res = await firstValueFrom(this.revokeGql.mutate({ variables: { id: link.id } }));
      if (!res.data?.revokeTrackingLink) throw res.error ?? new Error('The link was not revoked');
    });
    if (done) this.snack.open('Tracking link revoked', undefined, { duration: 3000 });
  }

  /** The clipboard API when allowed; else the text is selected for Ctrl+C. */
  protected async copy(): Promise<void> {
    const url = this.created();
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      this.copyHint.set('Copied to the clipboard.');
    } catch {
      const el = this.urlInput()?.nativeElement;
      el?.focus();
      el?.select();
      this.copyHint.set('Press Ctrl+C (⌘C on a Mac) to copy the selected link.');
    }
  }
}
