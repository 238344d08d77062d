import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { GuestDetailQuery } from '../generated/graphql';
import { ErrorBanner } from '../shared/error-banner';
import { DateTimePipe } from '../shared/pipes';
import { StatusChip } from '../shared/status-chip';
import { GuestComposer } from './guest-composer';
import { CHANNEL_LABEL, feedOf } from './guest-messages';
import { guestMessagesState } from './guest-messages.state';
import { loadErrorOf } from '../core/errors';

type Entry = GuestDetailQuery['guest']['timeline'][number];

/**
 * Messages either way (with their live delivery status) and alerts about a guest, newest first,
 * with the composer to reply inline below.
 */
@Component({
  selector: 'att-guest-timeline',
  imports: [MatProgressBarModule, DateTimePipe, StatusChip, ErrorBanner, GuestComposer],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="progress">
      @if (state.refreshing()) {
        <mat-progress-bar mode="indeterminate" />
      }
    </div>
    @if (loadError(); as message) {
      <att-error-banner
        [message]="message"
        retryLabel="Retry"
        (retry)="state.refetch()"
        data-testid="timeline-error"
      />
    } @else if (state.loading()) {
      <div class="loading" data-testid="timeline-loading" aria-busy="true">
        <div class="bar"></div>
        <div class="bar short"></div>
      </div>
    } @else {
      @if (state.liveError()) {
        <p class="muted" data-testid="timeline-live-off">
          Live updates are unavailable; statuses refresh when you reload.
        </p>
      }
      <ol data-testid="guest-timeline">
        @for (item of feed(); track item.key) {
          @switch (item.kind) {
            @case ('message') {
              @let m = item.message;
              <li
                data-testid="timeline-message"
                [attr.data-message-id]="m.id"
                [attr.data-direction]="m.direction"
                [attr.data-status]="m.status"
                [class.inbound]="m.direction === 'INBOUND'"
              >
                <span class="icon" aria-hidden="true">{{
                  m.direction === 'INBOUND' ? '←' : '→'
                }}</span>
                <div>
                  <div class="meta">
                    {{ m.createdAt | dateTime }} · {{ label[m.channel] }}
                    {{ m.direction === 'INBOUND' ? 'from ' + (m.from ?? 'unknown') : 'to ' + m.to }}
                    @if (m.direction === 'OUTBOUND' && m.purpose === 'MARKETING') {
                      · marketing
                    }
                    @if (m.segments && m.segments > 1) {
                      · {{ m.segments }} segments
                    }
                    <att-status-chip [value]="m.status" data-testid="message-status" />
                  </div>
                  <div class="body" data-testid="message-body">{{ m.body }}</div>
                  @if (m.status === 'REFUSED') {
                    <div class="refused" data-testid="message-refused">
                      Not sent: {{ m.refusedReason ?? 'refused by the platform' }}
                    </div>
                  }
                  @if (m.status === 'FAILED' || m.status === 'UNDELIVERED') {
                    <div class="refused" data-testid="message-error">
                      {{ m.errorMessage ?? 'The carrier could not deliver it.' }}
                      @if (m.errorCode) {
                        (error {{ m.errorCode }})
                      }
                    </div>
                  }
                  @if (m.scheduledFor && m.status === 'QUEUED') {
                    <div class="meta" data-testid="message-scheduled">
                      Held for quiet hours until {{ m.scheduledFor | dateTime }}
                    </div>
                  }
                </div>
              </li>
            }
            @case ('alert') {
              <li class="alert" data-testid="timeline-alert">
                <span class="icon" aria-hidden="true">!</span>
                <div>
                  <div class="meta">{{ item.at | dateTime }} · Alert</div>
                  <div class="title">{{ item.entry.title }}</div>
                  @if (item.entry.detail) {
                    <div class="meta body">{{ item.entry.detail }}</div>
                  }
                </div>
              </li>
            }
          }
        } @empty {
          <li class="none" data-testid="timeline-empty">No messages or alerts yet.</li>
        }
      </ol>
    }
    <att-guest-composer [guestId]="guestId()" [phone]="phone()" [state]="state" />
  `,
  styles: `
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 12px;
    }
    li {
      display: grid;
      grid-template-columns: 24px 1fr;
      gap: 8px;
    }
    .icon {
      width: 24px;
      height: 24px;
      border-radius: 50%;
      display: grid;
      place-items: center;
      background: var(--mat-sys-surface-container-high);
      font-weight: 600;
    }
    .inbound .icon {
      background: #dbe7ff;
      color: #0b3a8c;
    }
    .alert .icon {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .meta {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 6px;
    }
    .body {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .refused {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-medium);
    }
    .none,
    .muted {
      display: block;
      color: var(--mat-sys-on-surface-variant);
    }
    .progress {
      height: 4px;
    }
    .loading {
      display: grid;
      gap: 8px;
    }
    .bar {
      height: 14px;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-high);
    }
    .bar.short {
      width: 60%;
    }
  `,
})
export class GuestTimeline {
  readonly guestId = input.required<string>();
  readonly phone = input<string | null>(null);
  /** `Guest.timeline`: its alerts join the messages. */
  readonly entries = input.required<readonly Entry[]>();

  protected readonly label = CHANNEL_LABEL;
  protected readonly state = guestMessagesState(
    computed(() => ({ id: this.guestId(), phone: this.phone() })),
  );
  protected readonly feed = computed(() => feedOf(this.state.messages(), this.entries()));
  protected readonly loadError = computed(() => {
    const err = this.state.error();
    return err ? loadErrorOf(err, 'The messages of this guest could not be found.') : null;
  });
}
