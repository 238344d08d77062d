import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { SyncRunFieldsFragment, SyncRunKind, SyncRunStatus } from '../../generated/graphql';
import { DateTimePipe } from '../../shared/pipes';
import { phaseCountLabel } from './mews.model';

const KIND: Record<SyncRunKind, string> = {
  IMPORT: 'Import',
  WINDOW: 'Window re-sync',
  RESYNC: 'Re-sync',
};
const STATUS: Record<SyncRunStatus, string> = {
  RUNNING: 'Running',
  COMPLETED: 'Completed',
  FAILED: 'Failed',
};

/** Progress of an import or re-sync: bar, phase, per-phase counts, and how it ended. */
@Component({
  selector: 'att-mews-import-progress',
  imports: [MatProgressBarModule, DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': '"status-" + run().status.toLowerCase()' },
  template: `
    <div class="head">
      <span class="title">{{ kind() }}</span>
      <span
        class="status"
        data-testid="mews-import-status"
        [attr.data-status]="run().status"
        aria-live="polite"
        >{{ status() }}</span
      >
      <span class="percent">{{ run().percent }} %</span>
    </div>
    <mat-progress-bar
      mode="determinate"
      [value]="run().percent"
      [attr.data-percent]="run().percent"
      [attr.aria-label]="kind() + ' progress'"
      data-testid="mews-import-progress"
    />
    <div class="detail">
      @if (run().status === 'RUNNING' && run().phase) {
        <span
          >Phase: <strong data-testid="mews-import-phase">{{ run().phase }}</strong></span
        >
      }
      @for (c of counts(); track c) {
        <span class="count" data-testid="mews-import-count">{{ c }}</span>
      }
      <span class="muted">{{ run().requestCount }} Mews requests</span>
      <span class="muted"
        >started {{ run().startedAt | dateTime }}
        @if (run().finishedAt) {
          · finished {{ run().finishedAt | dateTime }}
        }
      </span>
    </div>
    @if (run().status === 'FAILED') {
      <p class="error" role="alert" data-testid="mews-import-error">
        {{ run().error ?? 'The run failed without a message.' }}
      </p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .head {
      display: flex;
      align-items: baseline;
      gap: 12px;
      margin-bottom: 8px;
    }
    .title {
      font: var(--mat-sys-title-medium);
    }
    .status {
      font: var(--mat-sys-label-large);
      padding: 2px 10px;
      border-radius: 12px;
      background: #e3dcff;
      color: #3b1d8f;
    }
    :host(.status-completed) .status {
      background: #d6f2dd;
      color: #13532a;
    }
    :host(.status-failed) .status {
      background: #ffdad6;
      color: #8c1d18;
    }
    :host(.status-failed) mat-progress-bar {
      --mat-progress-bar-active-indicator-color: var(--mat-sys-error);
    }
    .percent {
      margin-left: auto;
      font: var(--mat-sys-title-medium);
    }
    .detail {
      display: flex;
      flex-wrap: wrap;
      gap: 6px 16px;
      margin-top: 8px;
      font: var(--mat-sys-body-medium);
    }
    .count {
      font-variant-numeric: tabular-nums;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      margin: 8px 0 0;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      overflow-wrap: anywhere;
    }
  `,
})
export class MewsImportProgress {
  readonly run = input.required<SyncRunFieldsFragment>();
  protected readonly kind = computed(() => KIND[this.run().kind]);
  protected readonly status = computed(() => STATUS[this.run().status]);
  protected readonly counts = computed(() => this.run().counts.map(phaseCountLabel));
}
