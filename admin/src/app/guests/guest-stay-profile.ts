import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { GuestDetailQuery } from '../generated/graphql';
import { MoneyPipe } from '../shared/pipes';

type Guest = GuestDetailQuery['guest'];

/** The hotel's view of a guest: VIP and why, stays and spend, PMS classifications, preferences. */
@Component({
  selector: 'att-guest-stay-profile',
  imports: [MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dl data-testid="guest-stay-profile">
      <dt>VIP</dt>
      <dd data-testid="guest-vip-reason">
        @if (guest().vip) {
          {{ guest().vipReason ?? 'Yes' }}
          @if (guest().vipManual) {
            <span class="muted">(marked by staff)</span>
          }
        } @else {
          No
        }
      </dd>
      <dt>Stays</dt>
      <dd data-testid="guest-stays">{{ guest().stayCount }}</dd>
      <dt>Spend</dt>
      <dd data-testid="guest-spend">{{ guest().totalSpend | money }}</dd>
      <dt>Classifications</dt>
      <dd>
        <span class="tags" data-testid="guest-classifications">
          @for (c of guest().classifications; track c) {
            <span class="tag">{{ c }}</span>
          } @empty {
            —
          }
        </span>
      </dd>
      <dt>Preferences</dt>
      <dd>
        <span class="tags" data-testid="guest-preferences">
          @for (p of guest().preferences; track p) {
            <span class="tag">{{ p }}</span>
          } @empty {
            —
          }
        </span>
      </dd>
    </dl>
  `,
  styles: `
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 6px 16px;
      margin: 8px 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    .tags {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    .tag {
      padding: 1px 8px;
      border-radius: 10px;
      background: var(--mat-sys-surface-container-high);
      font: var(--mat-sys-label-medium);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class GuestStayProfile {
  readonly guest = input.required<Guest>();
}
