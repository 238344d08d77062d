import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { SlaState } from '../generated/graphql';
import { slaLabel, slaTone } from './work-order-sla.model';

/**
 * The SLA state as a coloured chip. Like the status chip, its text is the API value (e.g.
 * `AT_RISK`) so tests see what the server said; the tooltip and label say it in words.
 */
@Component({
  selector: 'att-work-order-sla-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    class: 'att-chip',
    '[class]': '"tone-" + tone()',
    '[attr.title]': 'label()',
    '[attr.aria-label]': '"SLA " + label()',
  },
  template: `{{ state() }}`,
  styles: `
    :host {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-medium);
      letter-spacing: 0.02em;
      white-space: nowrap;
      line-height: 20px;
    }
    :host(.tone-neutral) {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
    }
    :host(.tone-success) {
      background: #d6f2dd;
      color: #13532a;
    }
    :host(.tone-warning) {
      background: #ffe8c2;
      color: #7a4300;
    }
    :host(.tone-danger) {
      background: #ffdad6;
      color: #8c1d18;
    }
  `,
})
export class WorkOrderSlaChip {
  readonly state = input.required<SlaState>();
  protected readonly tone = computed(() => slaTone(this.state()));
  protected readonly label = computed(() => slaLabel(this.state()));
}
