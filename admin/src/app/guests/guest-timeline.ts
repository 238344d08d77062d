import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { GuestDetailQuery } from '../generated/graphql';
import { DateTimePipe, HumanizePipe } from '../shared/pipes';

type Entry = GuestDetailQuery['guest']['timeline'][number];

const ICON: Record<string, string> = { MESSAGE_OUT: '→', MESSAGE_IN: '←', ALERT: '!' };

/** Messages either way and alerts about a guest, newest first. */
@Component({
  selector: 'att-guest-timeline',
  imports: [DateTimePipe, HumanizePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol data-testid="guest-timeline">
      @for (e of entries(); track $index) {
        <li [class.alert]="e.kind === 'ALERT'">
          <span class="icon" aria-hidden="true">{{ icon[e.kind] ?? '•' }}</span>
          <div>
            <div class="meta">
              {{ e.at | dateTime }} · {{ e.kind | humanize }}
              @if (e.channel) {
                · {{ e.channel }}
              }
            </div>
            <div class="title">{{ e.title }}</div>
            @if (e.detail) {
              <div class="detail">{{ e.detail }}</div>
            }
          </div>
        </li>
      } @empty {
        <li class="none">No messages or alerts yet.</li>
      }
    </ol>
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
    .alert .icon {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .meta {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .detail {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      white-space: pre-line;
    }
    .none {
      display: block;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class GuestTimeline {
  readonly entries = input.required<readonly Entry[]>();
  protected readonly icon = ICON;
}
