import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { DateTimePipe, WoNumberPipe } from '../shared/pipes';
import { StatusChip } from '../shared/status-chip';
import { placeOf, slaLabel, type Conflict, type Job } from './dispatch-board.model';

/** One unassigned order in the queue: what, how urgent, how long, where; draggable. */
@Component({
  selector: 'att-dispatch-queue-card',
  imports: [MatButtonModule, MatTooltipModule, RouterLink, StatusChip, DateTimePipe, WoNumberPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    class: 'att-queue-card',
    '[class.pending]': 'pending()',
    '[attr.data-priority]': 'job().priority',
    '[attr.data-testid]': '"queue-card-" + job().number',
  },
  template: `
    <div class="top">
      <att-status-chip [value]="job().priority" data-testid="queue-card-priority" />
      <a class="number" [routerLink]="['/work-orders', job().id]">{{ job().number | woNumber }}</a>
      @if (conflicts().length) {
        <span
          class="badge"
          [class.blocking]="blocking()"
          tabindex="0"
          [matTooltip]="conflictText()"
          [attr.aria-label]="conflictText()"
          data-testid="queue-card-conflicts"
          >⚠ {{ conflicts().length }}</span
        >
      }
      <span class="spacer"></span>
      @if (canPlan()) {
        <button
          mat-stroked-button
          type="button"
          class="assign"
          (click)="assign.emit(job())"
          [attr.aria-label]="'Assign ' + (job().number | woNumber)"
          [attr.data-testid]="'queue-assign-' + job().number"
        >
          Assign…
        </button>
      }
    </div>
    <div class="title">{{ job().title }}</div>
    @if (hint(); as h) {
      <div class="hint" data-testid="queue-card-hint">{{ h }}</div>
    }
    <div class="meta">
      <span
        class="sla"
        [class]="'sla-' + job().sla.state"
        data-testid="queue-card-sla"
        [attr.data-state]="job().sla.state"
        >{{ sla() }}</span
      >
      @if (job().sla.resolutionDueAt; as due) {
        <span>due {{ due | dateTime }}</span>
      }
    </div>
    <div class="meta">
      <span>{{ job().estimatedMinutes }} min</span>
      @if (job().serviceType; as type) {
        <span>{{ type.name }}</span>
      }
      @if (place()) {
        <span>{{ place() }}</span>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
      padding: 8px 10px;
      border-radius: 8px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-left: 4px solid var(--att-priority, #9e9e9e);
      background: var(--mat-sys-surface);
      cursor: grab;
      font: var(--mat-sys-body-small);
    }
    :host(.pending) {
      opacity: 0.6;
    }
    :host([data-priority='EMERGENCY']) {
      --att-priority: #c62828;
    }
    :host([data-priority='HIGH']) {
      --att-priority: #ef6c00;
    }
    :host([data-priority='NORMAL']) {
      --att-priority: #1565c0;
    }
    :host([data-priority='LOW']) {
      --att-priority: #78909c;
    }
    .top {
      display: flex;
      align-items: center;
      gap: 6px;
    }
    .number {
      font-weight: 600;
      color: inherit;
    }
    .spacer {
      flex: 1;
    }
    .assign {
      --mat-button-outlined-container-height: 28px;
      padding: 0 10px;
    }
    .title {
      font: var(--mat-sys-body-medium);
      font-weight: 500;
      margin: 4px 0 2px;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 2px 10px;
      color: var(--mat-sys-on-surface-variant);
    }
    .badge {
      padding: 0 6px;
      border-radius: 8px;
      background: #ffe8c2;
      color: #7a4300;
      cursor: help;
    }
    .badge.blocking {
      background: #ffdad6;
      color: #8c1d18;
    }
    .hint {
      display: inline-block;
      margin: 0 0 2px;
      padding: 0 6px;
      border: 1px dashed #6a1b9a;
      border-radius: 6px;
      color: #4a148c;
      background: rgb(106 27 154 / 8%);
      font-weight: 500;
    }
    .sla-AT_RISK {
      color: #7a4300;
      font-weight: 500;
    }
    .sla-BREACHED {
      color: #8c1d18;
      font-weight: 600;
    }
  `,
})
export class DispatchQueueCard {
  readonly job = input.required<Job>();
  readonly conflicts = input<readonly Conflict[]>([]);
  readonly canPlan = input(false);
  readonly pending = input(false);
  readonly hint = input<string | null>(null);
  readonly assign = output<Job>();

  protected readonly sla = computed(() => slaLabel(this.job().sla));
  protected readonly place = computed(() => placeOf(this.job()));
  protected readonly blocking = computed(() => this.conflicts().some((c) => c.blocking));
  protected readonly conflictText = computed(() =>
    this.conflicts()
      .map((c) => c.message)
      .join('\n'),
  );
}
