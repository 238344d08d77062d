import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  ViewEncapsulation,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { CdkDropListGroup, type CdkDragDrop } from '@angular/cdk/drag-drop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { DateTime } from 'luxon';
import { debounceTime, interval, merge, retry } from 'rxjs';
import { messageOf } from '../core/errors';
import { Reconnects } from '../core/reconnects';
import { SessionStore } from '../core/session.store';
import {
  DispatchBoardGQL,
  DispatchTeamsGQL,
  DispatchWorkOrderChangedGQL,
} from '../generated/graphql';
import { ErrorBanner } from '../shared/error-banner';
import { liveQuery, queryState } from '../shared/query-state';
import { queryParamsWriter } from '../shared/url-filters';
import { DispatchActions } from './dispatch-actions';
import {
  applyPending,
  conflictsByOrder,
  isSettled,
  mapPoints,
  paramsOf,
  PLANNERS,
  queryParamsOf,
  type BoardParams,
} from './dispatch-board.model';
import { DispatchDrag, type DragItem } from './dispatch-drag';
import { DispatchPlanner } from './dispatch-planner';
import type { LaneJobAction } from './dispatch-lane';
import { DispatchMap } from './dispatch-map';
import { DispatchQueue } from './dispatch-queue';
import { DispatchRefusal } from './dispatch-refusal';
import { DispatchTimeline } from './dispatch-timeline';
import {
  initialScrollX,
  localTime,
  shiftDay,
  timeScale,
  todayIn,
  workingWindow,
  xOf,
  type TimeScale,
} from './dispatch-timeline.model';
import { DispatchToolbar, type Zoom } from './dispatch-toolbar';
import { DispatchOptimizer } from './dispatch-optimizer';
import {
  currentRoutes,
  ghostsByTechnician,
  leavingJobs,
  proposedRoutes,
  queueHints,
  routeColor,
  type Suggestion,
} from './dispatch-optimizer.model';
import { DispatchSuggestionPanel } from './dispatch-suggestion-panel';
import { DispatchUrgentBanner } from './dispatch-urgent-banner';
import { DispatchWhatIf, type WhatIfJob, type WhatIfSite } from './dispatch-what-if';
import { woNumber } from '../shared/format';

/** "Whole day" scrolls sideways at this scale; "Work hours" fits the planned hours. */
const DAY_PX_PER_HOUR = 64;
const MIN_PX_PER_HOUR = 28;
const HOUR = 3_600_000;

/** /dispatch: technicians' timelines for a day, the unassigned queue, drag and drop, live. */
@Component({
  selector: 'att-dispatch-board',
  imports: [
    CdkDropListGroup,
    MatProgressBarModule,
    RouterLink,
    ErrorBanner,
    DispatchToolbar,
    DispatchRefusal,
    DispatchQueue,
    DispatchTimeline,
    DispatchMap,
    DispatchSuggestionPanel,
    DispatchUrgentBanner,
    DispatchWhatIf,
  ],
  providers: [DispatchActions, DispatchDrag, DispatchPlanner, DispatchOptimizer],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Drag previews and placeholders live outside the components that style them.
  encapsulation: ViewEncapsulation.None,
  templateUrl: './dispatch-board.page.html',
  styleUrl: './dispatch-board.page.scss',
})
export class DispatchBoardPage {
  /** Query parameters (bound by the router): `?day=2026-05-12&team=<id>&map=1`. */
  readonly day = input<string>();
  readonly team = input<string>();
  readonly map = input<string>();

  private readonly router = inject(Router);
  private readonly writeParams = queryParamsWriter();
  private readonly store = inject(SessionStore);
  protected readonly actions = inject(DispatchActions);
  protected readonly drag = inject(DispatchDrag);
  protected readonly planner = inject(DispatchPlanner);
  protected readonly optimizer = inject(DispatchOptimizer);
  protected readonly canPlan = computed(() => this.store.hasAnyRole(PLANNERS));

  private readonly now = signal(new Date());
  protected readonly params = computed<BoardParams>(() =>
    paramsOf({ day: this.day(), team: this.team(), map: this.map() }),
  );
  /** The organization's zone from the session, for "today" before the board answers. */
  private readonly orgZone = computed<string>(
    () =>
      this.store.user()?.organization.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
  );
  protected readonly shownDay = computed<string>(
    () => this.params().day ?? todayIn(this.orgZone(), this.now()),
  );
  private readonly variables = computed(
    () => ({ day: this.shownDay(), teamId: this.params().teamId }),
    { equal: (a, b) => a.day === b.day && a.teamId === b.teamId },
  );
  private readonly boardGql = inject(DispatchBoardGQL);
  protected readonly board = liveQuery(this.variables, (variables) =>
    this.boardGql.watch({ variables, notifyOnNetworkStatusChange: true }),
  );
  private readonly teamsState = queryState(inject(DispatchTeamsGQL).watch().valueChanges);
  protected readonly teams = computed(() => this.teamsState.data()?.teams ?? []);

  protected readonly data = computed(() => this.board.data()?.dispatchBoard ?? null);
  /** Times on the board are read in the zone the board answers with. */
  private readonly zone = computed(() => this.data()?.timezone ?? this.orgZone());
  protected readonly view = computed(() => {
    const b = this.data();
    return b ? applyPending(b, this.actions.pending()) : { lanes: [], queue: [] };
  });
  protected readonly conflicts = computed(() => conflictsByOrder(this.data()?.conflicts ?? []));
  protected readonly pendingIds = computed(() => new Set(this.actions.pending().keys()));
  protected readonly error = computed(() =>
    this.board.error() ? messageOf(this.board.error()) : null,
  );
  protected readonly dayLabel = computed(() =>
    DateTime.fromISO(this.shownDay()).toLocaleString({
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }),
  );
  protected readonly stats = computed(() => {
    const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
    const b = this.data();
    return b
      ? [
          n(this.view().lanes.length, 'technician', 'technicians'),
          `${this.view().queue.length} unassigned`,
          n(b.conflicts.length, 'conflict', 'conflicts'),
        ].join(' · ')
      : '';
  });
  protected readonly points = computed(() => {
    const b = this.data();
    return b ? mapPoints(this.view(), b) : { homes: [], jobs: [] };
  });

  protected readonly zoom = signal<Zoom>('fit');
  protected readonly width = signal(960);
  protected readonly scale = computed<TimeScale>(
    () => {
      const b = this.data();
      const local = DateTime.fromISO(this.shownDay(), { zone: this.zone() });
      const start = b ? Date.parse(b.start) : local.toMillis();
      const end = b ? Date.parse(b.end) : local.plus({ days: 1 }).toMillis();
      if (this.zoom() === 'day') return timeScale(start, end, DAY_PX_PER_HOUR);
      const spans = this.view().lanes.flatMap((l) => [
        { start: l.shiftStart, end: l.shiftEnd },
        ...l.jobs.map((j) => ({ start: j.scheduledStart, end: j.scheduledEnd })),
      ]);
      const hours = workingWindow(start, end, spans);
      const fit = (this.width() / (hours.end - hours.start)) * HOUR;
      return timeScale(hours.start, hours.end, Math.max(MIN_PX_PER_HOUR, Math.floor(fit)));
    },
    {
      equal: (a, b) =>
        a.startMs === b.startMs && a.endMs === b.endMs && a.pxPerMinute === b.pxPerMinute,
    },
  );
  protected readonly scrollTo = computed(() =>
    this.zoom() === 'day'
      ? initialScrollX(
          this.scale(),
          this.zone(),
          this.view().lanes.map((l) => l.shiftStart),
        )
      : 0,
  );
  protected readonly nowX = computed(() => {
    const s = this.scale();
    const t = this.now().getTime();
    return t >= s.startMs && t < s.endMs ? xOf(s, t) : null;
  });
  /** The open suggestion as a ghost layer: proposed blocks, leaving jobs, queue hints. */
  protected readonly ghosts = computed(() => ghostsByTechnician(this.optimizer.ghostSource()));
  protected readonly leaving = computed(() => leavingJobs(this.optimizer.ghostSource()));
  protected readonly hints = computed(() => queueHints(this.optimizer.ghostSource(), this.zone()));
  protected readonly timezone = this.zone;
  /** One colour per technician, the same for the current and the proposed route. */
  private readonly colors = computed(
    () => new Map(this.view().lanes.map((l, i) => [l.technician.id, routeColor(i)])),
  );
  protected readonly mapCurrentRoutes = computed(() =>
    currentRoutes(this.view().lanes, this.data()?.locations ?? [], this.colors()),
  );
  protected readonly mapProposedRoutes = computed(() =>
    proposedRoutes(this.optimizer.ghostSource()?.routes ?? [], this.colors()),
  );
  protected readonly whatIfOpen = signal(false);
  protected readonly whatIfTechnicians = computed(() =>
    this.view().lanes.map((l) => ({
      id: l.technician.id,
      name: l.technician.name,
      shiftStart: l.shiftStart ? localTime(l.shiftStart, this.zone()) : '',
      shiftEnd: l.shiftEnd ? localTime(l.shiftEnd, this.zone()) : '',
    })),
  );
  protected readonly whatIfJobs = computed<WhatIfJob[]>(() => [
    ...this.view().lanes.flatMap((l) =>
      l.jobs.map((j) => ({
        id: j.id,
        label: `${woNumber(j.number)} ${j.title} (${l.technician.name})`,
      })),
    ),
    ...this.view().queue.map((j) => ({
      id: j.id,
      label: `${woNumber(j.number)} ${j.title} (queue)`,
    })),
  ]);
  protected readonly whatIfSites = computed<WhatIfSite[]>(() => {
    const sites = new Map<string, WhatIfSite>();
    for (const j of this.view().queue) {
      if (j.site) sites.set(j.site.id, { id: j.site.id, name: j.site.name });
    }
    return [...sites.values()];
  });
  protected readonly target = this.drag.target;
  protected readonly targetConflicts = computed(() => this.drag.conflictsFor(this.target()));

  constructor() {
    this.drag.useScale(this.scale);
    this.planner.use(
      computed(() => {
        const b = this.data();
        return b ? { lanes: this.view().lanes, day: b.day, timezone: b.timezone } : null;
      }),
    );
    this.optimizer.use(
      computed(() => ({ day: this.shownDay(), teamId: this.params().teamId }), {
        equal: (a, b) => a.day === b.day && a.teamId === b.teamId,
      }),
    );
    merge(
      this.actions.changed,
      this.optimizer.changed,
      inject(Reconnects).events,
      // Resubscribe after a fatal socket error; the client retries ordinary drops itself.
      inject(DispatchWorkOrderChangedGQL)
        .subscribe()
        .pipe(retry({ delay: 5000 })),
    )
      .pipe(debounceTime(400), takeUntilDestroyed())
      .subscribe(() => this.board.refetch());
    interval(60_000)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.now.set(new Date()));
    // Forget optimistic moves once the board shows them.
    effect(() => {
      const b = this.data();
      if (b) this.actions.prune((m) => isSettled(m, b));
    });
  }

  protected applySuggestion(s: Suggestion): void {
    void this.optimizer.apply(s);
  }

  protected rejectSuggestion(s: Suggestion): void {
    void this.optimizer.reject(s);
  }

  protected refresh(): void {
    this.board.refetch();
  }

  protected step(delta: number): void {
    this.navigate({ ...this.params(), day: shiftDay(this.shownDay(), delta) });
  }

  protected today(): void {
    this.navigate({ ...this.params(), day: null });
  }

  protected pick(day: string): void {
    this.navigate({ ...this.params(), day });
  }

  protected setTeam(teamId: string | null): void {
    this.navigate({ ...this.params(), teamId });
  }

  protected toggleMap(): void {
    this.navigate({ ...this.params(), map: !this.params().map });
  }

  protected laneDropped(event: CdkDragDrop<string, unknown, DragItem>): void {
    if (!event.isPointerOverContainer) return;
    const { job, technicianId: from } = event.item.data;
    const to = event.container.data;
    const start = this.drag.startAt(event.container.element.nativeElement, event.dropPoint.x);
    if (!start) return;
    const unchanged =
      from === to && job.scheduledStart && Date.parse(job.scheduledStart) === Date.parse(start);
    if (!unchanged) void this.planner.moveTo(job, from, to, start);
  }

  protected queueDropped(event: CdkDragDrop<null, unknown, DragItem>): void {
    const { job, technicianId: from } = event.item.data;
    if (event.isPointerOverContainer && from !== null)
      void this.planner.moveTo(job, from, null, null);
  }

  protected jobAction({ job, technicianId, action }: LaneJobAction): void {
    switch (action) {
      case 'open':
        void this.router.navigate(['/work-orders', job.id]);
        return;
      case 'move':
        void this.planner.assign(job, technicianId);
        return;
      case 'unassign':
        void this.planner.moveTo(job, technicianId, null, null);
        return;
    }
  }

  private navigate(p: BoardParams): void {
    this.writeParams(queryParamsOf(p));
  }
}
