import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Trend } from '../generated/graphql';

const ARROW: Record<Trend, string> = { UP: '↑', FLAT: '→', DOWN: '↓' };

/** A guest's health score 0–100 with its trend, coloured by band. */
@Component({
  selector: 'att-health-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[class.good]': 'score() >= 70',
    '[class.fair]': 'score() >= 40 && score() < 70',
    '[class.poor]': 'score() < 40',
    '[attr.title]': '"Health score " + score() + ", trend " + trend().toLowerCase()',
    'data-testid': 'health-score',
  },
  template: `Health {{ score() }} <span aria-hidden="true">{{ arrow() }}</span>`,
  styles: `
    :host {
      display: inline-block;
      padding: 2px 8px;
      border-radius: 12px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
    }
    :host(.good) {
      background: #d6f2dd;
      color: #13532a;
    }
    :host(.fair) {
      background: #ffe8c2;
      color: #7a4300;
    }
    :host(.poor) {
      background: #ffdad6;
      color: #8c1d18;
    }
  `,
})
export class HealthBadge {
  readonly score = input.required<number>();
  readonly trend = input.required<Trend>();
  protected readonly arrow = computed(() => ARROW[this.trend()]);
}
