import { computed, DestroyRef, inject, Injectable, signal, type Signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom, interval, retry, Subject, switchMap, takeWhile } from 'rxjs';
import { messageOf } from '../core/errors';
import { Reconnects } from '../core/reconnects';
import {
  ApplyScheduleSuggestionGQL,
  RejectScheduleSuggestionGQL,
  ScheduleSuggestionChangedGQL,
  ScheduleSuggestionsGQL,
  SuggestScheduleGQL,
} from '../generated/graphql';
import { woNumber } from '../shared/format';
import { liveQuery } from '../shared/query-state';
import {
  applySummary,
  DEFAULT_BUDGET,
  isShown,
  selectedWorkOrderIds,
  SHOWN_STATUSES,
  shownSuggestions,
  type Suggestion,
} from './dispatch-optimizer.model';

export interface OptimizerScope {
  day: string;
  teamId: string | null;
}

/** What the last apply did, for the board to show until dismissed. */
export interface ApplyOutcome {
  title: string;
  skipped: string[];
}

const TICK_MS = 100;

/**
 * The board's optimizer: the open suggestions of the shown day (loaded, asked for, and arriving
 * live), the running search with its progress, and applying or rejecting. Provided by the board
 * page, so its state lives and dies with it.
 */
@Injectable()
export class DispatchOptimizer {
  private readonly suggestGql = inject(SuggestScheduleGQL);
  private readonly applyGql = inject(ApplyScheduleSuggestionGQL);
  private readonly rejectGql = inject(RejectScheduleSuggestionGQL);
  private readonly listGql = inject(ScheduleSuggestionsGQL);
  private readonly changedGql = inject(ScheduleSuggestionChangedGQL);
  private readonly snackBar = inject(MatSnackBar);
  private readonly reconnects = inject(Reconnects);
  private readonly destroyRef = inject(DestroyRef);
  private readonly changes = new Subject<void>();

  private scope: Signal<OptimizerScope> = signal({ day: '', teamId: null });
  private list?: ReturnType<
    typeof liveQuery<{ scheduleSuggestions: Suggestion[] }, OptimizerScope>
  >;
  /** The newest copy of each suggestion seen in a mutation's answer or a live event. */
  private readonly seen = signal<ReadonlyMap<string, Suggestion>>(new Map());
  private readonly listed = signal<readonly Suggestion[]>([]);

  /** Seconds the next search may take. */
  readonly budget = signal<number>(DEFAULT_BUDGET);
  readonly running = signal(false);
  /** 0–100 while a search runs: the share of the budget gone. */
  readonly progress = signal(0);
  readonly error = signal<string | null>(null);
  readonly busy = signal(false);
  readonly outcome = signal<ApplyOutcome | null>(null);
  /** Per suggestion, the changes the dispatcher unchecked. */
  private readonly uncheckedById = signal<ReadonlyMap<string, ReadonlySet<string>>>(new Map());
  /** Suggestions dismissed here (an emergency's banner) without rejecting them. */
  private readonly dismissed = signal<ReadonlySet<string>>(new Set());
  /** Emits when the board should be fetched again (after an apply). */
  readonly changed = this.changes.asObservable();

  /** Open suggestions of the day and team, newest first. */
  readonly shown = computed(() => {
    const { day, teamId } = this.scope();
    return shownSuggestions(this.listed(), this.seen(), day, teamId);
  });
  /** The newest optimisation, for the panel. */
  readonly optimization = computed(() => this.shown().find((s) => s.kind === 'OPTIMIZE') ?? null);
  /** The newest emergency not dismissed here, for the banner. */
  readonly urgent = computed(
    () =>
      this.shown().find((s) => s.kind === 'URGENT_INSERTION' && !this.dismissed().has(s.id)) ??
      null,
  );
  /** The suggestion drawn as ghosts on the lanes and routes on the map: the newest shown. */
  readonly ghostSource = computed(() => {
    const shown = this.shown().filter((s) => !this.dismissed().has(s.id));
    return shown[0] ?? null;
  });

  /** Starts following a day and team (call once, in an injection context). */
  use(scope: Signal<OptimizerScope>): void {
    this.scope = scope;
    this.list = liveQuery(
      computed(() => scope(), { equal: (a, b) => a.day === b.day && a.teamId === b.teamId }),
      ({ day }) =>
        this.listGql.watch({
          variables: { day, status: [...SHOWN_STATUSES] },
          fetchPolicy: 'network-only',
        }),
    );
    const list = this.list;
    // Mirror the query into a signal so live events can add to it.
    const listedSignal = computed(() => list.data()?.scheduleSuggestions ?? []);
    toObservable(listedSignal)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((l) => {
        this.listed.set(l);
        // The list is the word on what is open; copies seen earlier only still tell what closed.
        this.seen.update((m) => new Map([...m].filter(([, s]) => !isShown(s))));
      });
    toObservable(computed(() => scope().day))
      .pipe(
        switchMap((day) =>
          this.changedGql
            .subscribe({ variables: { filter: { day } } })
            .pipe(retry({ delay: 5000 })),
        ),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((res) => {
        const s = res.data?.scheduleSuggestionChanged;
        if (s) this.remember(s);
      });
    this.reconnects.events
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.list?.refetch());
  }

  unchecked(id: string): ReadonlySet<string> {
    return this.uncheckedById().get(id) ?? new Set();
  }

  toggle(id: string, workOrderId: string, checked: boolean): void {
    this.uncheckedById.update((all) => {
      const set = new Set(all.get(id) ?? []);
      if (checked) set.delete(workOrderId);
      else set.add(workOrderId);
      return new Map(all).set(id, set);
    });
  }

  dismiss(id: string): void {
    this.dismissed.update((d) => new Set(d).add(id));
  }

  dismissOutcome(): void {
    this.outcome.set(null);
  }

  /** Runs the optimizer over the shown day and team for the chosen budget. */
  async suggest(): Promise<Suggestion | null> {
    if (this.running()) return null;
    const { day, teamId } = this.scope();
    const budget = this.budget();
    this.error.set(null);
    this.outcome.set(null);
    this.running.set(true);
    this.progress.set(0);
    const started = Date.now();
    const ticker = interval(TICK_MS)
      .pipe(takeWhile(() => this.running()))
      .subscribe(() =>
        this.progress.set(Math.min(98, ((Date.now() - started) / (budget * 1000)) * 100)),
      );
    try {
      const res = await firstValueFrom(
        this.suggestGql.mutate({
          variables: { input: { day, teamId, timeBudgetSeconds: budget } },
        }),
      );
      const s = res.data?.suggestSchedule;
      if (!s) throw res.error ?? new Error('The optimizer did not answer');
      this.progress.set(100);
      this.remember(s);
      return s;
    } catch (err) {
      this.error.set(messageOf(err));
      return null;
    } finally {
      this.running.set(false);
      ticker.unsubscribe();
    }
  }

  /** Applies the checked changes of a suggestion (all of them when all are checked). */
  async apply(s: Suggestion): Promise<boolean> {
    const workOrderIds = selectedWorkOrderIds(s, this.unchecked(s.id));
    if (workOrderIds && workOrderIds.length === 0) return false;
    this.busy.set(true);
    this.error.set(null);
    try {
      const res = await firstValueFrom(
        this.applyGql.mutate({
          variables: { input: workOrderIds ? { id: s.id, workOrderIds } : { id: s.id } },
        }),
      );
      const out = res.data?.applyScheduleSuggestion;
      if (!out) throw res.error ?? new Error('The suggestion could not be applied');
      this.remember(out.suggestion);
      const labels = new Map(
        s.changes.map((c) => [
          c.workOrderId,
          c.workOrder ? woNumber(c.workOrder.number) : c.summary.split(':')[0]!,
        ]),
      );
      const summary = applySummary(out.applied.length, out.skipped, labels);
      this.outcome.set(summary);
      this.snackBar.open(summary.title, undefined, { duration: 5000 });
      this.changes.next();
      this.list?.refetch();
      return true;
    } catch (err) {
      this.error.set(messageOf(err));
      this.list?.refetch();
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  async reject(s: Suggestion): Promise<boolean> {
    this.busy.set(true);
    this.error.set(null);
    try {
      const res = await firstValueFrom(this.rejectGql.mutate({ variables: { id: s.id } }));
      const out = res.data?.rejectScheduleSuggestion;
      if (!out) throw res.error ?? new Error('The suggestion could not be rejected');
      this.remember({ ...s, status: out.status });
      this.snackBar.open('Suggestion rejected', undefined, { duration: 3000 });
      return true;
    } catch (err) {
      this.error.set(messageOf(err));
      this.list?.refetch();
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  dismissError(): void {
    this.error.set(null);
  }

  private remember(s: Suggestion): void {
    this.seen.update((m) => new Map(m).set(s.id, s));
    // A newer optimisation of the same day and team supersedes the older open ones.
    if (s.kind === 'OPTIMIZE' && s.status === 'OPEN') this.list?.refetch();
  }
}
