import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import type { WorkOrderSlaFieldsFragment } from '../generated/graphql';
import { DateTimePipe } from '../shared/pipes';
import { WorkOrderSlaChip } from './work-order-sla-chip';
import { remainingText, slaTone, usedBar } from './work-order-sla.model';

/** Where the work order stands against its SLA: state, deadlines, time left and used. */
@Component({
  selector: 'att-work-order-sla-card',
  imports: [MatCardModule, DateTimePipe, WorkOrderSlaChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let s = sla();
    <mat-card appearance="outlined" data-testid="sla-card">
      <mat-card-header>
        <mat-card-title>SLA</mat-card-title>
        <att-work-order-sla-chip class="state" [state]="s.state" data-testid="sla-state" />
      </mat-card-header>
      <mat-card-content>
        @if (s.state === 'NONE') {
          <p class="muted" data-testid="sla-none">
            No SLA policy applies to this work order.
            @if (slaDueAt()) {
              It is due by {{ slaDueAt() | dateTime }}.
            }
          </p>
        } @else {
          @if (s.policyName) {
            <p class="policy" data-testid="sla-policy">Policy: {{ s.policyName }}</p>
          }
          <dl>
            <dt>Response due</dt>
            <dd data-testid="sla-response-due" [class.late]="s.responseBreached">
              {{ s.responseDueAt | dateTime }}
              @if (s.respondedAt) {
                <span class="sub">· responded {{ s.respondedAt | dateTime }}</span>
              }
              @if (s.responseBreached) {
                <span class="sub">· late</span>
              }
            </dd>
            <dt>Resolution due</dt>
            <dd data-testid="sla-resolution-due">{{ s.resolutionDueAt | dateTime }}</dd>
            <dt>Time left</dt>
            <dd data-testid="sla-remaining" [class.late]="(s.minutesRemaining ?? 0) < 0">
              {{ remaining() }}
            </dd>
          </dl>
          @if (s.percentUsed != null) {
            <div class="used">
              <div
                class="bar"
                role="progressbar"
                aria-label="Share of the resolution time used"
                [attr.aria-valuenow]="round(s.percentUsed)"
                aria-valuemin="0"
                aria-valuemax="100"
                data-testid="sla-percent"
              >
                <span [class]="'fill tone-' + tone()" [style.width.%]="bar().width"></span>
              </div>
              <span class="pct">{{ round(s.percentUsed) }}% used</span>
            </div>
          }
          <p class="note">Counted in business minutes of the policy's calendar.</p>
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    mat-card-header {
      align-items: center;
    }
    .state {
      margin-left: auto;
    }
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
    .late {
      color: var(--mat-sys-error);
    }
    .sub {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .policy {
      margin: 8px 0 0;
      font: var(--mat-sys-title-small);
    }
    .used {
      display: flex;
      align-items: center;
      gap: 12px;
      margin-top: 8px;
    }
    .bar {
      flex: 1;
      height: 8px;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-highest);
      overflow: hidden;
    }
    .fill {
      display: block;
      height: 100%;
      border-radius: 4px;
    }
    .tone-success {
      background: #2e7d32;
    }
    .tone-warning {
      background: #ef8f00;
    }
    .tone-danger {
      background: #c62828;
    }
    .tone-neutral {
      background: var(--mat-sys-outline);
    }
    .pct {
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
    }
    .note,
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
      margin: 8px 0 0;
    }
  `,
})
export class WorkOrderSlaCard {
  readonly sla = input.required<WorkOrderSlaFieldsFragment>();
  /** A deadline set by hand, shown when no policy applies. */
  readonly slaDueAt = input<string | null>(null);

  protected readonly tone = computed(() => slaTone(this.sla().state));
  protected readonly bar = computed(() => usedBar(this.sla().percentUsed));
  protected readonly remaining = computed(() => remainingText(this.sla()));
  protected readonly round = Math.round;
}
