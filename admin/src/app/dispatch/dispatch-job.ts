import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatMenuModule } from '@angular/material/menu';
import { MatTooltipModule } from '@angular/material/tooltip';
import { woNumber } from '../shared/format';
import { placeOf, type Conflict, type LaneJob } from './dispatch-board.model';
import { timeRange } from './dispatch-timeline.model';

export type JobAction = 'open' | 'move' | 'unassign';

/** Statuses the board may still move (later ones are underway). */
export const MOVABLE = ['NEW', 'SCHEDULED', 'DISPATCHED'];

/** A job on a technician's timeline: number, title, time, conflicts, and a menu. */
@Component({
  selector: 'att-dispatch-job',
  imports: [MatMenuModule, MatTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    class: 'att-job-block',
    '[class.blocking]': 'blocking()',
    '[class.pending]': 'pending()',
    '[class.locked]': '!movable()',
    '[attr.data-priority]': 'job().priority',
    '[attr.data-status]': 'job().status',
    '[attr.data-start]': 'job().scheduledStart',
    '[attr.data-testid]': '"job-" + job().number',
    '[attr.title]': 'tooltip()',
  },
  template: `
    <div class="line">
      <strong class="number">{{ label() }}</strong>
      @if (conflicts().length) {
        <span
          class="badge"
          [class.blocking]="blocking()"
          [matTooltip]="conflictText()"
          data-testid="job-conflicts"
          [attr.aria-label]="conflictText()"
          >⚠{{ conflicts().length }}</span
        >
      }
      <span class="time" data-testid="job-time">{{ time() }}</span>
      @if (canPlan()) {
        <button
          type="button"
          class="more"
          [matMenuTriggerFor]="menu"
          [attr.aria-label]="'Actions for ' + label()"
          [attr.data-testid]="'job-menu-' + job().number"
        >
          ⋮
        </button>
      }
    </div>
    <div class="title">{{ job().title }}</div>
    <mat-menu #menu="matMenu">
      <button mat-menu-item type="button" (click)="action.emit('open')" data-testid="job-open">
        Open work order
      </button>
      <button
        mat-menu-item
        type="button"
        [disabled]="!movable()"
        (click)="action.emit('move')"
        data-testid="job-move"
      >
        Move…
      </button>
      <button
        mat-menu-item
        type="button"
        [disabled]="!movable()"
        (click)="action.emit('unassign')"
        data-testid="job-unassign"
      >
        Back to the queue
      </button>
    </mat-menu>
  `,
  styles: `
    :host {
      display: block;
      box-sizing: border-box;
      overflow: hidden;
      padding: 2px 4px 2px 6px;
      border-radius: 6px;
      border-left: 4px solid var(--att-priority, #1565c0);
      background: var(--att-priority-bg, #dbe7ff);
      color: #1b1b1f;
      font: var(--mat-sys-label-small);
      cursor: grab;
      box-shadow: 0 1px 2px rgb(0 0 0 / 20%);
    }
    :host([data-priority='EMERGENCY']) {
      --att-priority: #c62828;
      --att-priority-bg: #ffdad6;
    }
    :host([data-priority='HIGH']) {
      --att-priority: #ef6c00;
      --att-priority-bg: #ffe8c2;
    }
    :host([data-priority='LOW']) {
      --att-priority: #78909c;
      --att-priority-bg: #e7edf0;
    }
    :host(.blocking) {
      outline: 2px solid #c62828;
      outline-offset: -2px;
    }
    :host(.pending) {
      opacity: 0.6;
    }
    :host(.locked) {
      cursor: default;
      background-image: linear-gradient(to right, rgb(255 255 255 / 0%), rgb(255 255 255 / 35%));
    }
    .line {
      display: flex;
      align-items: center;
      gap: 4px;
      white-space: nowrap;
    }
    .time {
      color: #44474e;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .title {
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .badge {
      padding: 0 4px;
      border-radius: 6px;
      background: #ffe8c2;
      color: #7a4300;
    }
    .badge.blocking {
      background: #c62828;
      color: #fff;
    }
    .more {
      margin-left: auto;
      border: 0;
      background: transparent;
      cursor: pointer;
      padding: 0 2px;
      font-size: 14px;
      line-height: 1;
      color: inherit;
    }
    .more:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
    }
  `,
})
export class DispatchJobBlock {
  readonly job = input.required<LaneJob>();
  readonly conflicts = input<readonly Conflict[]>([]);
  readonly timezone = input.required<string>();
  readonly canPlan = input(false);
  readonly pending = input(false);
  readonly action = output<JobAction>();

  protected readonly label = computed(() => woNumber(this.job().number));
  protected readonly movable = computed(() => MOVABLE.includes(this.job().status));
  protected readonly blocking = computed(() => this.conflicts().some((c) => c.blocking));
  protected readonly time = computed(() => {
    const { scheduledStart: a, scheduledEnd: b } = this.job();
    return a && b ? timeRange(a, b, this.timezone()) : '';
  });
  protected readonly conflictText = computed(() =>
    this.conflicts()
      .map((c) => c.message)
      .join('\n'),
  );
  protected readonly tooltip = computed(() => {
    const j = this.job();
    const lines = [`${this.label()} ${j.title}`, this.time(), placeOf(j), j.status];
    if (!this.movable()) lines.push('Underway: it cannot be moved from the board');
    return lines.filter(Boolean).join('\n');
  });
}
