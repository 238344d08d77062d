import { DestroyRef, inject, signal } from '@angular/core';

/**
 * Remembers which items changed recently, for a short highlight (class `changed`). Create it in
 * a field initializer (it needs the injection context to clear its timers on destroy).
 */
export class Flasher {
  private readonly ids = signal<ReadonlySet<string>>(new Set());
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The ids highlighted right now. */
  readonly active = this.ids.asReadonly();

  constructor(private readonly ms = 2000) {
    inject(DestroyRef).onDestroy(() => this.timers.forEach((t) => clearTimeout(t)));
  }

  has(id: string | null | undefined): boolean {
    return !!id && this.ids().has(id);
  }

  flash(id: string): void {
    clearTimeout(this.timers.get(id));
    this.ids.update((s) => new Set(s).add(id));
    this.timers.set(
      id,
      setTimeout(() => {
        this.timers.delete(id);
        this.ids.update((s) => {
          const next = new Set(s);
          next.delete(id);
          return next;
        });
      }, this.ms),
    );
  }
}
