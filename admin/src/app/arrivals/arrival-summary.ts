import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { ReadinessStatus } from '../generated/graphql';
import type { BoardCounts } from './arrival-board.model';

const TILES: readonly { key: ReadinessStatus; label: string }[] = [
  { key: 'READY', label: 'Ready' },
  { key: 'ATTENTION', label: 'Attention' },
  { key: 'NOT_READY', label: 'Not ready' },
  { key: 'ARRIVED', label: 'Arrived' },
];

/** Counters of the whole board; a counter toggles its readiness filter. */
@Component({
  selector: 'att-arrival-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tile total" data-testid="arrival-count-total">
      <span class="n">{{ counts().total }}</span><span class="label">Arrivals</span>
    </div>
    @for (t of tiles; track t.key) {
      <button
        type="button"
        class="tile"
        [class]="'tone-' + t.key"
        [class.active]="selected().includes(t.key)"
        [attr.aria-pressed]="selected().includes(t.key)"
        (click)="toggle.emit(t.key)"
        [attr.data-testid]="'arrival-count-' + t.key"
      >
        <span class="n">{{ counts()[t.key] }}</span><span class="label">{{ t.label }}</span>
      </button>
    }
  `,
  styleUrl: './arrival-summary.scss',
})
export class ArrivalSummary {
  readonly counts = input.required<BoardCounts>();
  readonly selected = input<readonly ReadinessStatus[]>([]);
  readonly toggle = output<ReadinessStatus>();
  protected readonly tiles = TILES;
}
