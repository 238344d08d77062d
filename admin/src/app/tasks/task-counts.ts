import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { TaskQueueCountsQuery } from '../generated/graphql';
import type { CountChip } from './task-queue.model';

type Counts = TaskQueueCountsQuery['staffTaskCounts'];

const CHIPS: readonly { key: CountChip; label: string }[] = [
  { key: 'open', label: 'Open' },
  { key: 'overdue', label: 'Overdue' },
  { key: 'mine', label: 'Mine' },
  { key: 'escalated', label: 'Escalated' },
];

/** Counters of the open queue; each filters the list. */
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
  `,
  styleUrl: './task-counts.scss',
})
export class TaskCounts {
  readonly counts = input<Counts | null>(null);
  readonly active = input<CountChip | null>(null);
  readonly pick = output<CountChip>();
  protected readonly chips = CHIPS;
}
