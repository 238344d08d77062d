import { computed, type Signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { ObservableQuery } from '@apollo/client';
import { switchMap, type Observable } from 'rxjs';

export interface QueryState<T> {
  /** Complete data of the latest result; undefined while loading fresh or after an error without data. */
  data: Signal<T | undefined>;
  loading: Signal<boolean>;
  error: Signal<unknown>;
}

export interface LiveQuery<T> extends QueryState<T> {
  /** Fetches the current variables again from the network (retry, reconnect). */
  refetch(): void;
}

/** What we need of an apollo-angular QueryRef. */
interface Watched<T> {
  valueChanges: Observable<ObservableQuery.Result<T>>;
  refetch(): Promise<unknown>;
}

/** Signals for the results of a watched query (call in an injection context). */
export function queryState<T>(results: Observable<ObservableQuery.Result<T>>): QueryState<T> {
  const result = toSignal(results);
  return {
    data: computed(() => {
      const r = result();
      return r && (r.dataState === 'complete' || r.dataState === 'streaming')
        ? (r.data as T)
        : undefined;
    }),
    loading: computed(() => result()?.loading ?? true),
    error: computed(() => result()?.error ?? null),
  };
}

/**
 * Watches a query whose variables come from a signal: a new watch for every change of the
 * variables (call in an injection context).
 *
 *   readonly orders = liveQuery(this.variables, (variables) => this.gql.watch({ variables }));
 */
export function liveQuery<T, V>(
  variables: Signal<V>,
  watch: (variables: V) => Watched<T>,
): LiveQuery<T> {
  let current: Watched<T> | undefined;
  const state = queryState(
    toObservable(variables).pipe(
      switchMap((v) => {
        current = watch(v);
        return current.valueChanges;
      }),
    ),
  );
  return { ...state, refetch: () => void current?.refetch().catch(() => undefined) };
}
