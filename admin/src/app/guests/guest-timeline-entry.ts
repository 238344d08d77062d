import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { DateTimePipe } from '../shared/pipes';
import { StatusChip } from '../shared/status-chip';
import { CHANNEL_LABEL, type ComposerChannel } from './guest-messages';
import { channelIcon, channelNoun, expandable, type TimelineItem } from './guest-timeline.model';

/**
 * One timeline entry: its channel icon, who and when, the short detail (expandable to the whole
 * content), and for messages the live delivery status and a Reply; for notes Edit and Delete
 * when the viewer may change them.
 */
@Component({
  selector: 'att-guest-timeline-entry',
  imports: [MatButtonModule, DateTimePipe, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[attr.data-testid]':
      "entry().message ? 'timeline-message' : entry().kind === 'ALERT' ? 'timeline-alert' : 'timeline-entry'",
    '[attr.data-entry-id]': 'entry().id',
    '[attr.data-channel]': 'entry().channel',
    '[attr.data-kind]': 'entry().kind',
    '[attr.data-message-id]': 'entry().message?.id ?? null',
    '[attr.data-direction]': 'entry().message?.direction ?? null',
    '[attr.data-status]': 'entry().message?.status ?? null',
    '[class.inbound]': "entry().kind === 'MESSAGE_IN'",
    '[class]': "'channel-' + entry().channel",
    role: 'listitem',
  },
  template: `
    @let e = entry();
    <span class="icon" [attr.aria-label]="channelName()" [title]="channelName()">{{ icon() }}</span>
    <div class="content">
      <div class="meta">
        <span>{{ e.at | dateTime }}</span>
        <span>· {{ channelName() }}</span>
        @if (e.author) {
          <span data-testid="entry-author">· {{ e.author.name }}</span>
        }
        @if (e.message; as m) {
          @if (m.segments && m.segments > 1) {
            <span>· {{ m.segments }} segments</span>
          }
          @if (m.direction === 'OUTBOUND' && m.purpose === 'MARKETING') {
            <span>· marketing</span>
          }
          <att-status-chip [value]="m.status" data-testid="message-status" />
        }
        @if (e.note?.editedAt) {
          <span class="edited">· edited</span>
        }
      </div>
      <div class="title" data-testid="entry-title">{{ e.title }}</div>
      @if (shown(); as text) {
        <div class="body" [attr.data-testid]="e.message ? 'message-body' : 'entry-body'">
          {{ text }}
        </div>
      }
      @if (e.message; as m) {
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
      }
      <div class="actions">
        @if (canExpand()) {
          <button
            mat-button
            type="button"
            (click)="expanded.set(!expanded())"
            data-testid="entry-expand"
            [attr.aria-expanded]="expanded()"
          >
            {{ expanded() ? 'Show less' : 'Show more' }}
          </button>
        }
        @if (replyChannel(); as channel) {
          <button mat-button type="button" (click)="reply.emit(channel)" data-testid="entry-reply">
            Reply by {{ textLabel[channel] }}
          </button>
        }
        @if (e.note && canChange()) {
          <button mat-button type="button" (click)="edit.emit()" data-testid="entry-edit">
            Edit
          </button>
          <button mat-button type="button" (click)="remove.emit()" data-testid="entry-delete">
            Delete
          </button>
        }
      </div>
    </div>
  `,
  styles: `
    :host {
      display: grid;
      grid-template-columns: 28px 1fr;
      gap: 8px;
    }
    .icon {
      width: 28px;
      height: 28px;
      border-radius: 50%;
      display: grid;
      place-items: center;
      background: var(--mat-sys-surface-container-high);
      font-weight: 600;
    }
    :host(.inbound) .icon {
      background: #dbe7ff;
      color: #0b3a8c;
    }
    :host(.channel-ALERT) .icon {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    :host(.channel-NOTE) .icon,
    :host(.channel-CALL) .icon {
      background: #fff4d6;
      color: #6b4e00;
    }
    .meta {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 6px;
    }
    .title {
      font-weight: 500;
    }
    .body {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .refused {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-medium);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      margin-left: -12px;
    }
    .actions:empty {
      display: none;
    }
  `,
})
export class GuestTimelineEntry {
  readonly entry = input.required<TimelineItem>();
  /** Whether the viewer may edit and delete this note (its author or a manager). */
  readonly canChange = input(false);
  /** Whether the guest can be texted back (a phone number on file). */
  /** The channels the guest can be answered on; other messages get no reply button. */
  readonly replyChannels = input<readonly ComposerChannel[]>([]);
  readonly reply = output<ComposerChannel>();
  readonly edit = output<void>();
  readonly remove = output<void>();

  protected readonly textLabel = CHANNEL_LABEL;
  protected readonly expanded = signal(false);
  protected readonly icon = computed(() => channelIcon(this.entry().channel));
  protected readonly channelName = computed(() => channelNoun(this.entry().channel));
  protected readonly canExpand = computed(() => expandable(this.entry()));
  protected readonly shown = computed(() => {
    const e = this.entry();
    // Messages show their text; calls and notes their note; others their detail.
    return this.expanded() ? e.body : (e.detail ?? null);
  });
  protected readonly replyChannel = computed((): ComposerChannel | null => {
    const m = this.entry().message;
    const channels: readonly string[] = this.replyChannels();
    return m && channels.includes(m.channel) ? (m.channel as ComposerChannel) : null;
  });
}
