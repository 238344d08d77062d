import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Apollo } from 'apollo-angular';
import { interval, switchMap } from 'rxjs';
import { messageOf } from '../core/errors';
import { Reconnects } from '../core/reconnects';
import { SessionStore } from '../core/session.store';
import {
  ArrivalBoardDocument,
  ArrivalBoardGQL,
  ArrivalChangedGQL,
  ArrivalMovedGQL,
  type ArrivalBoardQuery,
  type ArrivalBoardQueryVariables,
  type ReadinessStatus,
} from '../generated/graphql';
import { ErrorBanner } from '../shared/error-banner';
import { Flasher } from '../shared/flasher';
import { formatDate } from '../shared/format';
import { liveQuery } from '../shared/query-state';
import { ArrivalActions } from './arrival-actions';
import {
  applyArrival,
  boardWindow,
  countReadiness,
  dropIfLeft,
  ETA_EDITORS,
  filtersFromParams,
  paramsFromFilters,
  ROOM_STATE_EDITORS,
  type ArrivalRow,
  type BoardDay,
  type BoardFilters,
} from './arrival-board.model';
import { ArrivalFilters, type FilterChange } from './arrival-filters';
import { ArrivalSummary } from './arrival-summary';
import { ArrivalTable } from './arrival-table';
import { sameJson } from '../shared/same-json';
import { queryParamsWriter } from '../shared/url-filters';

const EMPTY: Record<BoardDay, string> = {
  today: 'No arrivals today',
  tomorrow: 'No arrivals tomorrow',
  both: 'No arrivals today or tomorrow',
};

/** /arrivals: today's and tomorrow's arrivals and whether each guest can be welcomed, live. */
@Component({
  selector: 'att-arrival-board',
  imports: [
    MatButtonToggleModule,
    MatProgressBarModule,
    ErrorBanner,
    ArrivalFilters,
    ArrivalSummary,
    ArrivalTable,
  ],
  providers: [ArrivalActions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="head">
      <h1>
        Arrivals <span class="dates" data-testid="arrival-dates">{{ dates() }}</span>
      </h1>
      <mat-button-toggle-group
        [value]="filters().day"
        (change)="setDay($event.value)"
        aria-label="Days shown"
        data-testid="arrival-day"
      >
        <mat-button-toggle value="today" data-testid="arrival-day-today">Today</mat-button-toggle>
        <mat-button-toggle value="tomorrow" data-testid="arrival-day-tomorrow"
          >Tomorrow</mat-button-toggle
        >
        <mat-button-toggle value="both" data-testid="arrival-day-both">Both</mat-button-toggle>
      </mat-button-toggle-group>
    </header>

    <att-arrival-summary
      [counts]="counts()"
      [selected]="filters().readiness"
      (toggle)="toggleReadiness($event)"
    />
    <att-arrival-filters [filters]="filters()" (filterChange)="setFilters($event)" />

    @if (error(); as message) {
      <att-error-banner [message]="message" (retry)="board.refetch()" data-testid="arrival-error" />
    }
    <div class="progress">
      @if (board.loading() && allRows().length > 0) {
        <mat-progress-bar mode="indeterminate" />
      }
    </div>

    <att-arrival-table
      [rows]="rows()"
      [loading]="board.loading()"
      [canEditEta]="canEditEta()"
      [canChangeRoom]="canChangeRoom()"
      [busy]="actions.busy()"
      [highlighted]="flasher.active()"
      (etaChange)="actions.setEta($event)"
      (roomStateChange)="actions.setRoomState($event)"
    />

    @if (!board.loading() && !error() && rows().length === 0) {
      <p class="empty" data-testid="arrival-empty">{{ emptyMessage() }}</p>
    }
  `,
  styles: `
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
      flex-wrap: wrap;
      margin-bottom: 12px;
    }
    h1 {
      font: var(--mat-sys-headline-small);
      margin: 8px 0;
    }
    .dates {
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-on-surface-variant);
      margin-left: 8px;
    }
    .progress {
      height: 4px;
    }
    .empty {
      padding: 32px 16px;
      text-align: center;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-large);
    }
  `,
})
export class ArrivalBoardPage {
  /** Query parameters (bound by the router): `?day=both&readiness=NOT_READY&vip=1&q=…`. */
  readonly day = input<string>();
  readonly readiness = input<string>();
  readonly vip = input<string>();
  readonly q = input<string>();

  private readonly writeParams = queryParamsWriter();
  private readonly store = inject(SessionStore);
  private readonly gql = inject(ArrivalBoardGQL);
  protected readonly actions = inject(ArrivalActions);
  protected readonly flasher = new Flasher(2500);
  protected readonly canEditEta = computed(() => this.store.hasAnyRole(ETA_EDITORS));
  protected readonly canChangeRoom = computed(() => this.store.hasAnyRole(ROOM_STATE_EDITORS));

  protected readonly filters = computed<BoardFilters>(() =>
    filtersFromParams({
      day: this.day(),
      readiness: this.readiness(),
      vip: this.vip(),
      q: this.q(),
    }),
  );
  /** Re-read every minute so the board rolls over to the next day at local midnight. */
  private readonly now = signal(new Date());
  private readonly window = computed(() => boardWindow(this.filters().day, this.now()), {
    equal: (a, b) => a.from === b.from && a.to === b.to,
  });
  private readonly variables = computed<ArrivalBoardQueryVariables>(
    () => {
      const { vipOnly, search } = this.filters();
      const filter = { ...(vipOnly ? { vipOnly } : {}), ...(search ? { search } : {}) };
      return { ...this.window(), filter };
    },
    { equal: sameJson },
  );
  protected readonly board = liveQuery(this.variables, (variables) =>
    this.gql.watch({ variables, notifyOnNetworkStatusChange: true }),
  );
  protected readonly allRows = computed<readonly ArrivalRow[]>(
    () => this.board.data()?.arrivalBoard ?? [],
  );
  // Readiness is filtered here rather than by the API: the counters then count the whole board,
  // and a row whose readiness changes live moves in or out of the filter without a refetch.
  protected readonly rows = computed(() => {
    const wanted = this.filters().readiness;
    const all = this.allRows();
    return wanted.length ? all.filter((r) => wanted.includes(r.readiness.status)) : all;
  });
  protected readonly counts = computed(() => countReadiness(this.allRows()));
  protected readonly error = computed(() =>
    this.board.error() ? messageOf(this.board.error()) : null,
  );
  protected readonly dates = computed(() => {
    const { from, to } = this.window();
    const last = new Date(Date.parse(to) - 1).toISOString();
    return this.filters().day === 'both'
      ? `${formatDate(from)} – ${formatDate(last)}`
      : formatDate(from);
  });
  protected readonly emptyMessage = computed(() => {
    const f = this.filters();
    if (f.readiness.length || f.vipOnly || f.search) return 'No arrivals match these filters';
    return EMPTY[f.day];
  });

  constructor() {
    // Rows change in place through the normalized cache by themselves; joining and leaving the
    // board is a change to the cached list, so a later cache read or refetch agrees with it.
    const cache = inject(Apollo).client.cache;
    const update = (change: (rows: readonly ArrivalRow[]) => readonly ArrivalRow[]) =>
      cache.updateQuery<ArrivalBoardQuery, ArrivalBoardQueryVariables>(
        { query: ArrivalBoardDocument, variables: this.variables() },
        (data) => (data ? { arrivalBoard: [...change(data.arrivalBoard)] } : data),
      );

    const changed = inject(ArrivalChangedGQL);
    toObservable(this.window)
      .pipe(
        switchMap((w) => changed.subscribe({ variables: w })),
        takeUntilDestroyed(),
      )
      .subscribe(({ data }) => {
        const row = data?.reservationChanged;
        if (!row) return;
        const { vipOnly, search } = this.filters();
        update((rows) => applyArrival(rows, row, { ...this.window(), vipOnly, search }));
        this.flasher.flash(row.id);
      });
    inject(ArrivalMovedGQL)
      .subscribe()
      .pipe(takeUntilDestroyed())
      .subscribe(({ data }) => {
        const moved = data?.reservationChanged;
        if (moved) update((rows) => dropIfLeft(rows, moved, this.window()));
      });
    inject(Reconnects)
      .events.pipe(takeUntilDestroyed())
      .subscribe(() => this.board.refetch());
    interval(60_000)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.now.set(new Date()));
  }

  protected setDay(day: BoardDay): void {
    this.navigate({ ...this.filters(), day });
  }

  protected setFilters(change: FilterChange): void {
    this.navigate({ ...this.filters(), ...change });
  }

  protected toggleReadiness(status: ReadinessStatus): void {
    const current = this.filters().readiness;
    const readiness = current.includes(status)
      ? current.filter((r) => r !== status)
      : [...current, status];
    this.navigate({ ...this.filters(), readiness });
  }

  private navigate(filters: BoardFilters): void {
    this.writeParams(paramsFromFilters(filters));
  }
}
