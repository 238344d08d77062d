import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { TaskQueueCountsQuery } from '../generated/graphql';
import type { CountChip } from './task-queue.model';

type Counts = TaskQueueCountsQuery['staffTaskCounts'];

const CHIPS: readonly { key: CountChip; label: string }[] = [
  { key: 'open', label: 'Open' },
  { key: 'overdue', label: 'Overdue' },
  { key: 'mine', label: 'Mine' },
];

/** Counters of the open queue; Open, Overdue and Mine filter the list. */
@Component({
  selector: 'att-task-counts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (c of chips; track c.key) {
      <button
        type="button"
        class="tile"
        [class]="'tone-' + c.key"
        [class.active]="active() === c.key"
        [attr.aria-pressed]="active() === c.key"
        (click)="pick.emit(c.key)"
        [attr.data-testid]="'task-count-' + c.key"
      >
        <span class="n">{{ counts()?.[c.key] ?? '–' }}</span>
        <span class="label">{{ c.label }}</span>
      </button>
    }
    <div
      class="tile tone-escalated"
      data-testid="task-count-escalated"
      title="Open tasks that have escalated (past due and reported)"
    >
      <span class="n">{{ counts()?.escalated ?? '–' }}</span>
      <span class="label">Escalated</span>
    </div>
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
    .tone-overdue .n {
      color: #8c1d18;
    }
    .tone-escalated .n {
      color: #7a4300;
    }
  `,
})
export class TaskCounts {
  readonly counts = input<Counts | null>(null);
  readonly active = input<CountChip | null>(null);
  readonly pick = output<CountChip>();
  protected readonly chips = CHIPS;
}
