import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import {
  headline,
  isImprovement,
  kpiRows,
  pendingChanges,
  selectedCount,
  type Suggestion,
} from './dispatch-optimizer.model';

export interface ChangeToggle {
  workOrderId: string;
  checked: boolean;
}

/** The open suggestion: KPIs now and proposed, the changes to pick from, apply or reject. */
@Component({
  selector: 'att-dispatch-suggestion-panel',
  imports: [MatButtonModule, MatCheckboxModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    'data-testid': 'suggestion-panel',
    '[attr.data-suggestion]': 'suggestion().id',
    '[attr.data-status]': 'suggestion().status',
    role: 'region',
    'aria-label': 'Suggested schedule',
  },
  template: `
    <header>
      <h2>Suggested schedule</h2>
      <span
        class="headline"
        [class.good]="improves()"
        data-testid="suggestion-headline"
        [attr.data-improves]="improves()"
        >{{ headline() }}</span
      >
    </header>
    <div class="body">
      <table class="kpis" data-testid="suggestion-kpis">
        <thead>
          <tr>
            <th scope="col"></th>
            <th scope="col">Current</th>
            <th scope="col">Proposed</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.key) {
            <tr [attr.data-testid]="'suggestion-kpi-' + row.key">
              <th scope="row">{{ row.label }}</th>
              <td>{{ row.values[0] }}</td>
              <td>{{ row.values[1] }}</td>
              <td
                class="delta"
                [class.better]="row.better === true"
                [class.worse]="row.better === false"
              >
                {{ row.delta }}
              </td>
            </tr>
          }
        </tbody>
      </table>
      <div class="lists">
        @if (changes().length) {
          <h3>Changes ({{ changes().length }})</h3>
          <ul class="changes">
            @for (c of changes(); track c.workOrderId) {
              <li [attr.data-kind]="c.kind">
                <mat-checkbox
                  [checked]="!unchecked().has(c.workOrderId)"
                  [disabled]="!canPlan() || busy()"
                  (change)="toggle.emit({ workOrderId: c.workOrderId, checked: $event.checked })"
                  [attr.data-testid]="'suggestion-change-' + (c.workOrder?.number ?? c.workOrderId)"
                  >{{ c.summary }}</mat-checkbox
                >
              </li>
            }
          </ul>
        }
        @if (suggestion().unassigned.length) {
          <h3>Left unassigned ({{ suggestion().unassigned.length }})</h3>
          <ul class="unassigned" data-testid="suggestion-unassigned">
            @for (u of suggestion().unassigned; track $index) {
              <li>
                <strong>{{ u.label }}</strong> — {{ u.reason }}
              </li>
            }
          </ul>
        }
      </div>
    </div>
    <p class="fine" data-testid="suggestion-meta">
      Searched {{ seconds() }} s · travel times: {{ suggestion().matrixProvider }}
      @if (suggestion().status === 'PARTLY_APPLIED') {
        · partly applied
      }
    </p>
    <div class="actions">
      @if (changes().length) {
        <button
          mat-flat-button
          type="button"
          [disabled]="!canPlan() || busy() || count() === 0"
          (click)="apply.emit()"
          data-testid="apply-suggestion"
        >
          Apply {{ count() }} {{ count() === 1 ? 'change' : 'changes' }}
        </button>
      }
      <button
        mat-stroked-button
        type="button"
        [disabled]="!canPlan() || busy()"
        (click)="reject.emit()"
        data-testid="reject-suggestion"
      >
        {{ changes().length ? 'Reject' : 'Dismiss' }}
      </button>
    </div>
  `,
  styles: `
    :host {
      display: block;
      padding: 12px 14px;
      border: 1px dashed var(--mat-sys-primary);
      border-radius: 8px;
      background: var(--mat-sys-surface-container-low);
      font: var(--mat-sys-body-medium);
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 4px 12px;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 10px 0 4px;
    }
    .headline {
      font-weight: 600;
    }
    .headline.good {
      color: #1b5e20;
    }
    .body {
      display: grid;
      grid-template-columns: max-content minmax(0, 1fr);
      gap: 0 24px;
      align-items: start;
    }
    @media (max-width: 1100px) {
      .body {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .kpis {
      border-collapse: collapse;
      margin-top: 8px;
      font: var(--mat-sys-body-small);
    }
    .kpis th,
    .kpis td {
      padding: 2px 10px 2px 0;
      text-align: right;
      white-space: nowrap;
    }
    .kpis th[scope='row'] {
      text-align: left;
      font-weight: 500;
    }
    .delta.better {
      color: #1b5e20;
      font-weight: 600;
    }
    .delta.worse {
      color: #8c1d18;
    }
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
      max-height: 180px;
      overflow-y: auto;
    }
    .unassigned li {
      padding: 2px 0;
      font: var(--mat-sys-body-small);
    }
    .fine {
      margin: 8px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      gap: 8px;
      margin-top: 8px;
    }
  `,
})
export class DispatchSuggestionPanel {
  readonly suggestion = input.required<Suggestion>();
  readonly unchecked = input<ReadonlySet<string>>(new Set());
  readonly canPlan = input(false);
  readonly busy = input(false);
  readonly toggle = output<ChangeToggle>();
  readonly apply = output<void>();
  readonly reject = output<void>();

  protected readonly changes = computed(() => pendingChanges(this.suggestion()));
  protected readonly count = computed(() => selectedCount(this.suggestion(), this.unchecked()));
  protected readonly rows = computed(() =>
    kpiRows([this.suggestion().current, this.suggestion().proposed]),
  );
  protected readonly headline = computed(() =>
    headline(this.suggestion().current, this.suggestion().proposed, this.changes().length),
  );
  protected readonly improves = computed(() =>
    isImprovement(this.suggestion().current, this.suggestion().proposed),
  );
  protected readonly seconds = computed(() => (this.suggestion().searchMs / 1000).toFixed(1));
}
