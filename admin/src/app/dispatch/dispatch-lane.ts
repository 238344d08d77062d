import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import {
  CdkDrag,
  CdkDropList,
  type CdkDragDrop,
  type CdkDragMove,
  type CdkDragStart,
} from '@angular/cdk/drag-drop';
import { MatTooltipModule } from '@angular/material/tooltip';
import { utilizationLabel, type Conflict, type LaneJob, type Lane } from './dispatch-board.model';
import type { DragItem, DropTarget } from './dispatch-drag';
import { DispatchJobBlock, MOVABLE, type JobAction } from './dispatch-job';
import { placeGhosts, type Ghost } from './dispatch-optimizer.model';
import {
  ROW_HEIGHT,
  spanOf,
  stackLane,
  timeRange,
  type TimeScale,
} from './dispatch-timeline.model';

export interface LaneJobAction {
  job: LaneJob;
  technicianId: string;
  action: JobAction;
}

const PAD = 4;
const MIN_HEIGHT = 60;

/** One technician's day: shift band, time off, jobs as blocks; a drop target. */
@Component({
  selector: 'att-dispatch-lane',
  imports: [CdkDropList, CdkDrag, MatTooltipModule, DispatchJobBlock],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    class: 'att-lane',
    '[class.off-day]': '!lane().working',
    '[attr.data-testid]': '"lane-" + technician().id',
    '[attr.data-working]': 'lane().working',
  },
  template: `
    <div class="head" [style.height.px]="height()">
      <div class="name" data-testid="lane-name">{{ technician().name }}</div>
      <div class="sub">
        @if (technician().team; as team) {
          <span>{{ team.name }}</span>
        }
        @if (lane().working) {
          <span
            data-testid="lane-utilization"
            [class.over]="(lane().utilization ?? 0) > 1"
            matTooltip="Share of working time booked"
            >{{ utilization() }}</span
          >
          <span>{{ lane().jobs.length }}/{{ technician().maxJobsPerDay }} jobs</span>
        } @else {
          <span class="off-label" data-testid="lane-off">Off</span>
        }
      </div>
    </div>
    <div
      class="att-dispatch-track"
      cdkDropList
      cdkDropListSortingDisabled
      [cdkDropListData]="technician().id"
      (cdkDropListDropped)="dropped.emit($event)"
      [attr.data-lane-track]="technician().id"
      [attr.data-from]="from()"
      [attr.data-to]="to()"
      [attr.data-testid]="'lane-track-' + technician().id"
      [attr.aria-label]="technician().name + ' timeline'"
      [style.width.px]="scale().width"
      [style.height.px]="height()"
      [style.background-size]="gridSize()"
    >
      @if (shift(); as s) {
        <div class="shift" [style.left.px]="s.left" [style.width.px]="s.width"></div>
      }
      @for (off of timeOff(); track $index) {
        <div
          class="time-off"
          [style.left.px]="off.left"
          [style.width.px]="off.width"
          [matTooltip]="off.label"
          [attr.aria-label]="off.label"
          tabindex="0"
          data-testid="lane-time-off"
        ></div>
      }
      @if (nowX() !== null) {
        <div class="now" [style.left.px]="nowX()" aria-hidden="true"></div>
      }
      @if (ghost(); as g) {
        <div
          class="ghost"
          [class.bad]="ghostBlocking()"
          [style.left.px]="g.left"
          [style.width.px]="g.width"
          data-testid="drop-preview"
        >
          <span class="ghost-time">{{ ghostLabel() }}</span>
          @for (c of targetConflicts() ?? []; track $index) {
            <span class="ghost-conflict" data-testid="drop-preview-conflict">{{ c.message }}</span>
          }
        </div>
      }
      @for (g of ghostLayout().blocks; track g.item.workOrderId) {
        <div
          class="proposal"
          [class]="'kind-' + g.item.kind"
          [style.left.px]="g.left"
          [style.width.px]="g.width"
          [style.top.px]="top(g.row)"
          [style.height.px]="rowHeight - 4"
          [matTooltip]="g.item.summary"
          [attr.aria-label]="'Suggested: ' + g.item.summary"
          [attr.data-start]="g.item.start"
          [attr.data-testid]="'ghost-job-' + (g.item.number ?? g.item.workOrderId)"
          tabindex="0"
        >
          <strong>{{ g.item.label }}</strong>
          <span class="proposal-time">{{ ghostTime(g.item) }}</span>
        </div>
      }
      @for (b of layout().blocks; track b.item.id) {
        <att-dispatch-job
          [class.leaving]="leaving().has(b.item.id)"
          [attr.data-leaving]="leaving().get(b.item.id) ?? null"
          cdkDrag
          [cdkDragData]="{ job: b.item, technicianId: technician().id }"
          [cdkDragDisabled]="!canPlan() || !movable(b.item)"
          (cdkDragStarted)="dragStarted.emit($event)"
          (cdkDragMoved)="dragMoved.emit($event)"
          (cdkDragEnded)="dragEnded.emit()"
          [style.left.px]="b.left"
          [style.width.px]="b.width"
          [style.top.px]="top(b.row)"
          [style.height.px]="rowHeight - 4"
          [job]="b.item"
          [timezone]="timezone()"
          [conflicts]="conflicts().get(b.item.id) ?? []"
          [canPlan]="canPlan()"
          [pending]="pending().has(b.item.id)"
          (action)="jobAction.emit({ job: b.item, technicianId: technician().id, action: $event })"
        />
      }
    </div>
  `,
  styleUrl: './dispatch-lane.scss',
})
export class DispatchLane {
  readonly lane = input.required<Lane>();
  readonly scale = input.required<TimeScale>();
  readonly timezone = input.required<string>();
  readonly conflicts = input<ReadonlyMap<string, Conflict[]>>(new Map());
  readonly pending = input<ReadonlySet<string>>(new Set());
  readonly canPlan = input(false);
  /** Where a dragged order would land in this lane. */
  readonly target = input<DropTarget | null>(null);
  readonly targetConflicts = input<readonly Conflict[] | null>(null);
  readonly nowX = input<number | null>(null);
  /** The open suggestion's jobs proposed for this lane. */
  readonly ghosts = input<readonly Ghost[]>([]);
  /** Jobs the open suggestion would take from where they are, with what would happen. */
  readonly leaving = input<ReadonlyMap<string, string>>(new Map());
  readonly dropped = output<CdkDragDrop<string, unknown, DragItem>>();
  readonly dragStarted = output<CdkDragStart<DragItem>>();
  readonly dragMoved = output<CdkDragMove<DragItem>>();
  readonly dragEnded = output<void>();
  readonly jobAction = output<LaneJobAction>();

  protected readonly rowHeight = ROW_HEIGHT;
  protected readonly technician = computed(() => this.lane().technician);
  protected readonly utilization = computed(() => utilizationLabel(this.lane().utilization));
  protected readonly layout = computed(() =>
    stackLane(
      this.scale(),
      this.lane().jobs,
      (j) => j.scheduledStart,
      (j) => j.scheduledEnd,
    ),
  );
  protected readonly ghostLayout = computed(() =>
    placeGhosts(this.scale(), this.ghosts(), this.layout().rows),
  );
  protected readonly height = computed(() =>
    Math.max(MIN_HEIGHT, this.ghostLayout().rows * ROW_HEIGHT + PAD * 2),
  );
  /** The instants at the track's left and right edges, for tests and tools that aim drops. */
  protected readonly from = computed(() => new Date(this.scale().startMs).toISOString());
  protected readonly to = computed(() => new Date(this.scale().endMs).toISOString());
  protected readonly gridSize = computed(() => `${this.scale().pxPerMinute * 60}px 100%`);
  protected readonly shift = computed(() => {
    const { shiftStart, shiftEnd, working } = this.lane();
    return working && shiftStart && shiftEnd ? spanOf(this.scale(), shiftStart, shiftEnd) : null;
  });
  protected readonly timeOff = computed(() =>
    this.lane().timeOff.flatMap((o) => {
      const span = spanOf(this.scale(), o.startsAt, o.endsAt);
      const when = timeRange(o.startsAt, o.endsAt, this.timezone());
      return span ? [{ ...span, label: `Time off ${when}: ${o.reason}` }] : [];
    }),
  );
  protected readonly ghost = computed(() => {
    const t = this.target();
    return t ? spanOf(this.scale(), t.start, t.end) : null;
  });
  protected readonly ghostLabel = computed(() => {
    const t = this.target();
    return t ? timeRange(t.start, t.end, this.timezone()) : '';
  });
  protected readonly ghostBlocking = computed(
    () => this.targetConflicts()?.some((c) => c.blocking) ?? false,
  );

  protected top(row: number): number {
    return PAD + row * ROW_HEIGHT + 2;
  }

  protected ghostTime(g: Ghost): string {
    return timeRange(g.start, g.end, this.timezone());
  }

  protected movable(job: LaneJob): boolean {
    return MOVABLE.includes(job.status);
  }
}
