import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { WorkOrderConflictFieldsFragment } from '../generated/graphql';
import { HumanizePipe } from '../shared/pipes';

/** Problems with the current schedule: blocking ones in red, warnings in amber. */
@Component({
  selector: 'att-work-order-conflicts',
  imports: [HumanizePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    role: 'alert',
    'data-testid': 'conflict-banner',
    '[class.has-blocking]': 'blocking().length > 0',
  },
  template: `
    <strong class="title">
      @if (blocking().length) {
        This schedule has {{ blocking().length }}
        {{ blocking().length === 1 ? 'conflict' : 'conflicts' }}
      } @else {
        Check the schedule
      }
    </strong>
    <ul>
      @for (c of blocking(); track $index) {
        <li class="blocking" data-testid="conflict-blocking" [attr.data-kind]="c.kind">
          <span class="kind">{{ c.kind | humanize }}</span> {{ c.message }}
        </li>
      }
      @for (c of warnings(); track $index) {
        <li class="warning" data-testid="conflict-warning" [attr.data-kind]="c.kind">
          <span class="kind">{{ c.kind | humanize }}</span> {{ c.message }}
        </li>
      }
    </ul>
  `,
  styles: `
    :host {
      display: block;
      padding: 10px 16px;
      margin: 8px 0;
      border-radius: 8px;
      background: #fff4e0;
      color: #5c3300;
      border-left: 4px solid #ef8f00;
      font: var(--mat-sys-body-medium);
    }
    :host(.has-blocking) {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      border-left-color: var(--mat-sys-error);
    }
    ul {
      margin: 4px 0 0;
      padding-left: 20px;
    }
    li {
      margin: 2px 0;
    }
    .blocking .kind {
      background: #ffdad6;
      color: #8c1d18;
    }
    .warning .kind {
      background: #ffe8c2;
      color: #7a4300;
    }
    .kind {
      display: inline-block;
      padding: 0 8px;
      margin-right: 4px;
      border-radius: 10px;
      font: var(--mat-sys-label-small);
    }
  `,
})
export class WorkOrderConflicts {
  readonly conflicts = input.required<readonly WorkOrderConflictFieldsFragment[]>();
  protected readonly blocking = computed(() => this.conflicts().filter((c) => c.blocking));
  protected readonly warnings = computed(() => this.conflicts().filter((c) => !c.blocking));
}
