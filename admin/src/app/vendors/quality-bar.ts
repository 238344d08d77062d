import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { qualityTone } from './vendor.model';

/** A vendor's 0–100 quality score as a bar, green / amber / red; "no jobs yet" without a score. */
@Component({
  selector: 'att-quality-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[class]': '"tone-" + tone()',
    role: 'meter',
    'aria-valuemin': '0',
    'aria-valuemax': '100',
    '[attr.aria-valuenow]': 'score()',
    '[attr.aria-label]': 'label()',
    'data-testid': 'quality-score',
  },
  template: `
    <span class="track"><span class="fill" [style.width.%]="score() ?? 0"></span></span>
    <span class="value">{{ score() ?? '—' }}</span>
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      min-width: 120px;
    }
    .track {
      flex: 1 1 80px;
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
    :host(.tone-good) .fill {
      background: #2e7d32;
    }
    :host(.tone-fair) .fill {
      background: #c77700;
    }
    :host(.tone-poor) .fill {
      background: #b3261e;
    }
    .value {
      min-width: 2ch;
      text-align: right;
      font: var(--mat-sys-label-large);
    }
  `,
})
export class QualityBar {
  readonly score = input<number | null | undefined>(null);
  protected readonly tone = computed(() => qualityTone(this.score()));
  protected readonly label = computed(() => {
    const s = this.score();
    return s == null ? 'No quality score yet' : `Quality score ${s} of 100`;
  });
}
