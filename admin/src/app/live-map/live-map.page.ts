import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { debounceTime, interval, retry, switchMap, tap } from 'rxjs';
import { messageOf } from '../core/errors';
import { Reconnects } from '../core/reconnects';
import { SessionStore } from '../core/session.store';
import {
  LiveMapBoardGQL,
  LiveMapLocationChangedGQL,
  LiveMapPositionsGQL,
  LiveMapTeamsGQL,
  LiveMapWorkOrderChangedGQL,
} from '../generated/graphql';
import { ErrorBanner } from '../shared/error-banner';
import { liveQuery, queryState } from '../shared/query-state';
import { formatRelative } from '../shared/relative-time';
import { queryParamsWriter } from '../shared/url-filters';
import { LiveMapList } from './live-map-list';
import { LiveMapPaths } from './live-map-paths';
import { LiveMapView, type MapPath, type MapTechnician } from './live-map-view';
import {
  mapJobs,
  mergePositions,
  pathWindow,
  paramsOf,
  queryParamsOf,
  searchRows,
  technicianRows,
  todayIn,
  type LiveMapParams,
  type Position,
} from './live-map.model';

const DEFAULT_PING_SECONDS = 30;

/**
 * /live-map: where every technician is now, their path today and today's jobs, live. Positions
 * and status changes arrive by subscription; after a reconnect everything is fetched again, since
 * events missed while offline are not replayed.
 */
@Component({
  selector: 'att-live-map-page',
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    MatSlideToggleModule,
    ErrorBanner,
    LiveMapList,
    LiveMapView,
  ],
  providers: [LiveMapPaths],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './live-map.page.html',
  styleUrl: './live-map.page.scss',
})
export class LiveMapPage {
  /** Query parameters (bound by the router): `?team=<id>&paths=1`. */
  readonly team = input<string>();
  readonly paths = input<string>();

  private readonly store = inject(SessionStore);
  private readonly writeParams = queryParamsWriter();
  private readonly trails = inject(LiveMapPaths);
  private readonly view = viewChild(LiveMapView);

  protected readonly params = computed<LiveMapParams>(() =>
    paramsOf({ team: this.team(), paths: this.paths() }),
  );
  protected readonly now = signal(Date.now());
  protected readonly search = signal('');
  protected readonly selectedId = signal<string | null>(null);

  private readonly orgZone = computed<string>(
    () =>
      this.store.user()?.organization.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
  );
  /** Changes at local midnight, not at every tick. */
  private readonly day = computed(() => todayIn(this.orgZone(), new Date(this.now())));
  private readonly teamId = computed(() => this.params().teamId);

  private readonly boardGql = inject(LiveMapBoardGQL);
  private readonly board = liveQuery(
    computed(() => ({ day: this.day(), teamId: this.teamId() }), {
      equal: (a, b) => a.day === b.day && a.teamId === b.teamId,
    }),
    (variables) => this.boardGql.watch({ variables, notifyOnNetworkStatusChange: true }),
  );
  private readonly positionsGql = inject(LiveMapPositionsGQL);
  private readonly positionsQuery = liveQuery(
    computed(() => ({ teamId: this.teamId() })),
    (variables) => this.positionsGql.watch({ variables, notifyOnNetworkStatusChange: true }),
  );
  private readonly teamsState = queryState(inject(LiveMapTeamsGQL).watch().valueChanges);
  protected readonly teams = computed(() => this.teamsState.data()?.teams ?? []);

  /** Positions pushed since the last fetch, by technician. */
  private readonly pushed = signal<ReadonlyMap<string, Position>>(new Map());
  private readonly boardData = computed(() => this.board.data()?.dispatchBoard ?? null);
  private readonly pingSeconds = computed(
    () => this.positionsQuery.data()?.trackingSettings.pingIntervalSeconds ?? DEFAULT_PING_SECONDS,
  );
  private readonly positions = computed(() =>
    mergePositions(this.positionsQuery.data()?.technicianPositions ?? [], this.pushed()),
  );

  protected readonly loaded = computed(() => !!this.boardData() && !!this.positionsQuery.data());
  protected readonly loading = computed(
    () => this.board.loading() || this.positionsQuery.loading(),
  );
  protected readonly error = computed(() => {
    const err = this.positionsQuery.error() ?? this.board.error();
    return err ? messageOf(err) : null;
  });

  private readonly rows = computed(() => {
    const b = this.boardData();
    // Both are needed: without positions every technician would look "not seen today".
    if (!b || !this.loaded()) return [];
    return technicianRows(b.technicians, this.positions(), {
      now: this.now(),
      zone: b.timezone,
      pingIntervalSeconds: this.pingSeconds(),
      dayStart: b.start,
    });
  });
  protected readonly shownRows = computed(() => searchRows(this.rows(), this.search()));
  private readonly located = computed(() => this.rows().filter((r) => r.position));
  /** Loaded, and no technician of the team has shared a position today. */
  protected readonly empty = computed(
    () => this.loaded() && !this.error() && this.located().length === 0,
  );
  protected readonly stats = computed(() => {
    if (!this.loaded()) return '';
    const located = this.located();
    const stale = located.filter((r) => r.stale).length;
    const jobs = this.jobs().length;
    return [
      `${located.length - stale} live`,
      `${stale} stale`,
      `${this.rows().length - located.length} without a position today`,
      `${jobs} ${jobs === 1 ? 'job' : 'jobs'} on the map`,
    ].join(' · ');
  });

  protected readonly markers = computed<MapTechnician[]>(() =>
    this.located().map((r) => {
      const p = r.position!;
      const lines = [`Last seen ${formatRelative(p.recordedAt, this.now())}`];
      if (r.next) lines.push(`Next: ${r.next}`);
      if (r.eta) lines.push(r.eta);
      return {
        id: r.id,
        name: r.name,
        initials: r.initials,
        lat: p.lat,
        lng: p.lng,
        stale: r.stale,
        detail: lines.join('\n'),
      };
    }),
  );
  protected readonly jobs = computed(() => {
    const b = this.boardData();
    return b ? mapJobs(b) : [];
  });
  protected readonly pathLines = computed<MapPath[]>(() => {
    if (!this.params().paths) return [];
    const loaded = this.trails.paths();
    return this.located().flatMap((r) => {
      const points = loaded.get(r.id);
      return points ? [{ id: r.id, stale: r.stale, points }] : [];
    });
  });
  protected readonly pathsFailed = computed(
    () => this.params().paths && this.trails.failed().size > 0,
  );
  /** Who has a path to load, as one comparable key. */
  private readonly pathIds = computed(() => this.located().map((r) => r.id), {
    equal: (a, b) => a.join() === b.join(),
  });

  constructor() {
    const reconnects = inject(Reconnects).events;
    const locations = inject(LiveMapLocationChangedGQL);
    const workOrders = inject(LiveMapWorkOrderChangedGQL);

    // Positions of the team shown; another team starts afresh.
    toObservable(this.teamId)
      .pipe(
        tap(() => this.pushed.set(new Map())),
        switchMap((teamId) =>
          locations
            .subscribe({ variables: { filter: teamId ? { teamId } : null } })
            // Resubscribe after a fatal socket error; the client retries ordinary drops itself.
            .pipe(retry({ delay: 5000 })),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ data }) => {
        const p = data?.technicianLocationChanged;
        if (!p) return;
        this.pushed.update((m) => new Map(m).set(p.id, p));
        this.trails.extend(p.id, p);
      });
    // A status change recolours its job at once (the cache merges it); assignments and the
    // next job behind an ETA need the board and positions again.
    workOrders
      .subscribe()
      .pipe(retry({ delay: 5000 }), debounceTime(1000), takeUntilDestroyed())
      .subscribe(() => {
        this.board.refetch();
        this.positionsQuery.refetch();
      });
    reconnects.pipe(takeUntilDestroyed()).subscribe(() => this.refresh());
    interval(15_000)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.now.set(Date.now()));

    // Paths load per technician once shown; another team or day forgets them.
    let scope = '';
    effect(() => {
      const b = this.boardData();
      const ids = this.pathIds();
      const show = this.params().paths;
      const next = `${this.teamId() ?? ''}|${this.day()}`;
      untracked(() => {
        if (next !== scope) {
          scope = next;
          this.trails.clear();
        }
        if (show && b) this.trails.sync(ids, pathWindow(b.start, b.end, Date.now()));
      });
    });
  }

  protected refresh(): void {
    this.board.refetch();
    this.positionsQuery.refetch();
    this.reloadPaths();
  }

  protected reloadPaths(): void {
    const b = this.boardData();
    if (b && this.params().paths)
      this.trails.reload(this.pathIds(), pathWindow(b.start, b.end, Date.now()));
  }

  protected select(id: string): void {
    this.selectedId.set(id);
    this.view()?.focus(id);
  }

  protected setTeam(teamId: string | null): void {
    this.writeParams(queryParamsOf({ ...this.params(), teamId }));
  }

  protected togglePaths(paths: boolean): void {
    this.writeParams(queryParamsOf({ ...this.params(), paths }));
  }
}
