import { computed, effect, inject, signal, untracked, type Signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { catchError, EMPTY, firstValueFrom, switchMap } from 'rxjs';
import { messageOf } from '../core/errors';
import { Reconnects } from '../core/reconnects';
import {
  GuestTimelineChangedGQL,
  GuestTimelineGQL,
  type GuestMessageFragment,
} from '../generated/graphql';
import { liveQuery } from '../shared/query-state';
import { sameJson } from '../shared/same-json';
import { newer } from './guest-messages';
import {
  filterOf,
  mergeEntries,
  mergeFirstPage,
  type TimelineFilters,
  type TimelineItem,
} from './guest-timeline.model';

export const TIMELINE_PAGE = 20;

export type GuestTimelineState = ReturnType<typeof guestTimelineState>;

/**
 * A guest's timeline as the panel shows it (call in an injection context): the first page,
 * watched (message statuses move live through the cache), and older pages appended by "load
 * more". Every entry seen is remembered until the filters change, so a new message at the top
 * never pushes an entry out between the first page and the next; a fresh first page drops what
 * went from its stretch. Messages pushed live that the timeline does not hold yet refetch the
 * first page; so does `guestTimelineChanged` (notes, changes elsewhere, alerts, by anyone) and a
 * reconnect.
 */
export function guestTimelineState(
  guestId: Signal<string>,
  filters: Signal<TimelineFilters>,
  live: {
    pushed: Signal<readonly GuestMessageFragment[]>;
    messages: Signal<GuestMessageFragment[]>;
  },
) {
  const gql = inject(GuestTimelineGQL);
  const variables = computed(
    () => ({ id: guestId(), first: TIMELINE_PAGE, filter: filterOf(filters()) }),
    { equal: sameJson },
  );
  const query = liveQuery(variables, (v) =>
    gql.watch({ variables: v, notifyOnNetworkStatusChange: true }),
  );
  const remembered = signal<TimelineItem[]>([]);
  const removed = signal<ReadonlySet<string>>(new Set());
  const olderPage = signal<{ hasNextPage: boolean; endCursor: string | null } | null>(null);
  const loadingMore = signal(false);
  const moreError = signal<string | null>(null);
  const asked = new Set<string>();

  toObservable(variables)
    .pipe(takeUntilDestroyed())
    .subscribe(() => {
      remembered.set([]);
      removed.set(new Set());
      olderPage.set(null);
      moreError.set(null);
    });

  const firstPage = computed(() => query.data()?.guest.timeline);
  effect(() => {
    const page = firstPage();
    if (page) untracked(() => remembered.update((known) => mergeFirstPage(known, page)));
  });
  // Someone (here or elsewhere) wrote, changed or removed a note, or another domain's change or
  // an alert reached the timeline: the first page again. The subscription is a hint; a broken one
  // costs only liveness (a reconnect refetches).
  const changed = inject(GuestTimelineChangedGQL);
  toObservable(guestId)
    .pipe(
      switchMap((id) =>
        changed.subscribe({ variables: { guestId: id } }).pipe(catchError(() => EMPTY)),
      ),
      takeUntilDestroyed(),
    )
    .subscribe(() => query.refetch());
  // A message sent here or arriving live that the timeline lacks: fetch the first page again.
  effect(() => {
    const ids = new Set(remembered().map((e) => e.id));
    const missing = live.pushed().filter((m) => !ids.has(m.id) && !asked.has(m.id));
    if (missing.length === 0) return;
    for (const m of missing) asked.add(m.id);
    untracked(() => query.refetch());
  });
  inject(Reconnects)
    .events.pipe(takeUntilDestroyed())
    .subscribe(() => query.refetch());

  const pageInfo = computed(() => olderPage() ?? firstPage()?.pageInfo ?? null);
  // The most advanced state of each message, whichever source saw it last.
  const liveMessages = computed(() => new Map(live.messages().map((m) => [m.id, m])));

  return {
    entries: computed(() => {
      const gone = removed();
      const byId = liveMessages();
      return remembered()
        .filter((e) => !gone.has(e.id))
        .map((e) => {
          const m = e.message && byId.get(e.message.id);
          return m && e.message ? { ...e, message: newer(e.message, m) } : e;
        });
    }),
    totalCount: computed(() => firstPage()?.totalCount ?? null),
    hasMore: computed(() => pageInfo()?.hasNextPage ?? false),
    loading: computed(() => !firstPage() && query.loading()),
    refreshing: computed(() => !!firstPage() && query.loading()),
    error: computed(() => (firstPage() ? null : query.error())),
    loadingMore: loadingMore.asReadonly(),
    moreError: moreError.asReadonly(),
    refetch: () => query.refetch(),

    /** The next, older page, appended below. */
    async loadMore(): Promise<void> {
      const after = pageInfo()?.endCursor;
      if (!after || loadingMore()) return;
      const asked = variables();
      loadingMore.set(true);
      moreError.set(null);
      try {
        const res = await firstValueFrom(
          gql.fetch({ variables: { ...asked, after }, fetchPolicy: 'network-only' }),
        );
        const page = res.data?.guest.timeline;
        if (!page) throw res.error ?? new Error('The server did not answer');
        // The filters changed meanwhile: this page belongs to another list.
        if (!sameJson(asked, variables())) return;
        remembered.update((known) => mergeEntries(known, page.nodes));
        olderPage.set(page.pageInfo);
      } catch (err) {
        moreError.set(messageOf(err));
      } finally {
        loadingMore.set(false);
      }
    },
    /** Hides an entry at once (a deleted note); `show` brings it back (undo). */
    hide: (id: string) => removed.update((s) => new Set([...s, id])),
    show: (id: string) => removed.update((s) => new Set([...s].filter((x) => x !== id))),
    /** Replaces an entry with a newer copy (an edited note). */
    patch: (entry: TimelineItem) => remembered.update((known) => mergeEntries(known, [entry])),
  };
}
