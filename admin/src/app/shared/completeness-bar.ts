import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** A guest profile's completeness 0–100 as a small bar, coloured by band; gaps in the tooltip. */
@Component({
  selector: 'att-completeness-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[class.good]': 'score() >= 80',
    '[class.fair]': 'score() >= 50 && score() < 80',
    '[class.poor]': 'score() < 50',
    '[attr.title]': 'tooltip()',
    role: 'meter',
    'aria-valuemin': '0',
    'aria-valuemax': '100',
    '[attr.aria-valuenow]': 'score()',
    'aria-label': 'Profile completeness',
    'data-testid': 'completeness',
  },
  template: `<span class="track"><span class="fill" [style.width.%]="clamped()"></span></span
    ><span class="value">{{ score() }}%</span>`,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
    }
    .track {
      display: inline-block;
      width: 56px;
      height: 6px;
      border-radius: 3px;
      background: var(--mat-sys-surface-container-highest);
      overflow: hidden;
    }
    .fill {
      display: block;
      height: 100%;
      border-radius: 3px;
    }
    :host(.good) .fill {
      background: #2e7d32;
    }
    :host(.fair) .fill {
      background: #ef9a00;
    }
    :host(.poor) .fill {
      background: #c62828;
    }
  `,
})
export class CompletenessBar {
  readonly score = input.required<number>();
  readonly gaps = input<readonly string[]>([]);
  protected readonly clamped = computed(() => Math.max(0, Math.min(100, this.score())));
  protected readonly tooltip = computed(() => {
    const gaps = this.gaps();
    return `Profile ${this.score()}% complete${gaps.length ? ` · ${gaps.join(', ')}` : ''}`;
  });
}
