import { computed, signal } from '@angular/core';

/**
 * Cursor pagination state: a stack of the `after` cursors of the pages visited, so Previous
 * goes back without the server supporting backwards paging.
 */
export class CursorPager {
  private readonly stack = signal<(string | null)[]>([null]);

  constructor(readonly pageSize = 25) {}

  /** The cursor to ask for the current page with. */
  readonly after = computed(() => this.stack().at(-1) ?? null);
  /** 1-based page number. */
  readonly page = computed(() => this.stack().length);
  readonly hasPrevious = computed(() => this.stack().length > 1);

  next(endCursor: string | null | undefined): void {
    if (endCursor) this.stack.update((s) => [...s, endCursor]);
  }

  previous(): void {
    this.stack.update((s) => (s.length > 1 ? s.slice(0, -1) : s));
  }

  reset(): void {
    if (this.stack().length > 1) this.stack.set([null]);
  }
}
