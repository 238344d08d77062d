import { effect, inject, type Signal } from '@angular/core';
import { ActivatedRoute, Router, type Params } from '@angular/router';
import { debounceTime, filter, map, merge, tap, type Observable } from 'rxjs';

/**
 * Writes a page's filters into the URL's query parameters (null removes one), replacing the
 * history entry; the page reads them back through its route inputs. Call in an injection context.
 */
export function queryParamsWriter(): (params: Params) => void {
  const router = inject(Router);
  const route = inject(ActivatedRoute);
  return (queryParams) =>
    void router.navigate([], {
      relativeTo: route,
      queryParams,
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
}

/** A filter bar whose values the URL owns: a search box and a form for the other filters. */
export interface UrlFilterBar<F extends { search: string }, V> {
  /** The filters from the URL. */
  filters: Signal<F>;
  search: {
    readonly value: string;
    readonly valueChanges: Observable<unknown>;
    setValue(value: string, options: { emitEvent: boolean }): void;
  };
  form: {
    readonly valueChanges: Observable<unknown>;
    setValue(value: V, options: { emitEvent: boolean }): void;
  };
  /** The form's value for filters from the URL. */
  formValue: (filters: F) => V;
  /** The filters as edited. */
  current: () => F;
  same: (a: F, b: F) => boolean;
}

/**
 * The edits of a filter bar whose values the URL owns (the search debounced by 300 ms), for its
 * `filterChange` output; the form follows the URL without echoing it back. Call in an injection
 * context.
 */
export function urlFilterChanges<F extends { search: string }, V>(
  bar: UrlFilterBar<F, V>,
): Observable<F> {
  /** The search last sent out (or taken from the URL), to tell the URL catching up from navigation. */
  let lastSearch: string | null = null;
  effect(() => {
    const f = bar.filters();
    // The search box only follows a search that came from elsewhere, so the URL catching up
    // with an earlier keystroke never undoes typing.
    if (f.search !== lastSearch) {
      lastSearch = f.search;
      if (f.search !== bar.search.value.trim()) bar.search.setValue(f.search, { emitEvent: false });
    }
    bar.form.setValue(bar.formValue(f), { emitEvent: false });
  });
  return merge(bar.form.valueChanges, bar.search.valueChanges.pipe(debounceTime(300))).pipe(
    map(() => bar.current()),
    // Compared with the URL rather than the last emission: back/forward change it under the form.
    filter((next) => !bar.same(next, bar.filters())),
    tap((next) => (lastSearch = next.search)),
  );
}
