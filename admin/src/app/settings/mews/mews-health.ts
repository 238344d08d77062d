import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import type { MewsConnectionFieldsFragment } from '../../generated/graphql';
import { DateTimePipe } from '../../shared/pipes';
import { RelativeTimePipe } from '../../shared/relative-time.pipe';
import { LAG_WARN_INTERVALS, lagIsHigh } from './mews.model';

type Health = MewsConnectionFieldsFragment['health'];

/** How the link is doing: when Mews was last heard from, how far behind, what needs attention. */
@Component({
  selector: 'att-mews-health',
  imports: [MatCardModule, DateTimePipe, RelativeTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" data-testid="mews-health">
      <mat-card-header><mat-card-title>Sync health</mat-card-title></mat-card-header>
      <mat-card-content>
        <dl>
          <dt>Last event</dt>
          <dd
            data-testid="mews-health-last-event"
            [attr.title]="health().lastEventAt | dateTime"
            [attr.data-at]="health().lastEventAt"
          >
            {{ health().lastEventAt | relativeTime: now() }}
          </dd>
          <dt>Last poll</dt>
          <dd
            data-testid="mews-health-last-poll"
            [attr.title]="health().lastPollAt | dateTime"
            [attr.data-at]="health().lastPollAt"
          >
            {{ health().lastPollAt | relativeTime: now() }}
          </dd>
          <dt>Lag</dt>
          <dd data-testid="mews-health-lag" [class.warn]="lagHigh()">
            @if (health().lagSeconds == null) {
              —
            } @else {
              {{ health().lagSeconds }} s
              @if (lagHigh()) {
                <span class="note"
                  >· over {{ warnIntervals }} poll intervals ({{ pollIntervalSeconds() }} s)</span
                >
              }
            }
          </dd>
        </dl>
        <div class="counts">
          <div class="count" [class.attention]="health().openDeadLetters > 0">
            <span class="n" data-testid="mews-health-dead-letters">{{
              health().openDeadLetters
            }}</span>
            dead letters
          </div>
          <div class="count" [class.attention]="health().openConflicts > 0">
            <span class="n" data-testid="mews-health-conflicts">{{ health().openConflicts }}</span>
            open conflicts
          </div>
          <div class="count">
            <span class="n" data-testid="mews-health-pending">{{ health().pendingGuests }}</span>
            guests waiting to sync
          </div>
        </div>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 6px 16px;
      margin: 8px 0 16px;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    .warn {
      color: #8c1d18;
      font-weight: 500;
    }
    .note {
      font: var(--mat-sys-body-small);
    }
    .counts {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
    }
    .count {
      flex: 1 1 120px;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .count.attention {
      background: #ffe8c2;
      color: #7a4300;
    }
    .n {
      display: block;
      font: var(--mat-sys-headline-small);
      color: var(--mat-sys-on-surface);
    }
  `,
})
export class MewsHealth {
  readonly health = input.required<Health>();
  readonly pollIntervalSeconds = input.required<number>();
  /** A ticking clock, so relative times age while the page is open. */
  readonly now = input.required<number>();
  protected readonly warnIntervals = LAG_WARN_INTERVALS;
  protected readonly lagHigh = computed(() =>
    lagIsHigh(this.health().lagSeconds, this.pollIntervalSeconds()),
  );
}
