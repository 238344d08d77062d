import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { CompletenessBar } from '../shared/completeness-bar';
import { GuestSparkline, type SparkPoint } from './guest-sparkline';

/** How complete and valid a guest profile is: score, 90-day trend, gaps and validation errors. */
@Component({
  selector: 'att-guest-completeness',
  imports: [CompletenessBar, GuestSparkline],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="score">
      <span class="big" data-testid="guest-completeness">{{ score() }}%</span>
      <att-completeness-bar [score]="score()" [gaps]="gaps()" />
      <att-guest-sparkline [points]="trend()" />
    </div>
    <h3>Gaps</h3>
    <ul class="plain" data-testid="guest-gaps">
      @for (g of gaps(); track g) {
        <li>{{ g }}</li>
      } @empty {
        <li class="muted">None: the profile is complete.</li>
      }
    </ul>
    <h3>Validation</h3>
    <ul class="plain" data-testid="guest-validation-errors">
      @for (e of validationErrors(); track e) {
        <li class="error">{{ e }}</li>
      } @empty {
        <li class="muted">No problems found.</li>
      }
    </ul>
  `,
  styles: `
    .score {
      display: flex;
      align-items: center;
      gap: 12px;
      flex-wrap: wrap;
      margin: 8px 0;
    }
    .big {
      font: var(--mat-sys-headline-medium);
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 12px 0 4px;
    }
    .plain {
      margin: 0;
      padding-left: 18px;
      display: grid;
      gap: 2px;
    }
    .muted {
      list-style: none;
      margin-left: -18px;
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class GuestCompleteness {
  readonly score = input.required<number>();
  readonly gaps = input<readonly string[]>([]);
  readonly validationErrors = input<readonly string[]>([]);
  readonly trend = input<readonly SparkPoint[]>([]);
}
