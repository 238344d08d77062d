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
  styles: `
    :host {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(120px, 1fr));
      gap: 8px;
      margin-bottom: 12px;
    }
    .tile {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 2px;
      padding: 10px 14px;
      border-radius: 10px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-low);
      color: var(--mat-sys-on-surface);
      font: inherit;
      text-align: left;
    }
    button.tile {
      cursor: pointer;
    }
    button.tile:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
    }
    .tile.active {
      border-color: var(--mat-sys-primary);
      box-shadow: inset 0 0 0 1px var(--mat-sys-primary);
    }
    .n {
      font: var(--mat-sys-headline-small);
    }
    .label {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .tone-READY .n {
      color: #13532a;
    }
    .tone-ATTENTION .n {
      color: #7a4300;
    }
    .tone-NOT_READY .n {
      color: #8c1d18;
    }
    .tone-ARRIVED .n {
      color: #3b1d8f;
    }
  `,
})
export class ArrivalSummary {
  readonly counts = input.required<BoardCounts>();
  readonly selected = input<readonly ReadinessStatus[]>([]);
  readonly toggle = output<ReadinessStatus>();
  protected readonly tiles = TILES;
}
