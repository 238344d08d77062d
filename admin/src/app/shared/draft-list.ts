import { computed, linkedSignal, type Signal, type WritableSignal } from '@angular/core';
import { sameJson } from './same-json';

/**
 * An editable copy of a list a record holds (a vendor's offers or windows, a technician's
 * skills), saved as a whole. It goes back to what is stored whenever the record changes; stored
 * values are compared by value, so a refetch of the record for another reason (saving the other
 * editor) keeps unsaved edits.
 */
export class DraftList<T> {
  readonly stored: Signal<T[]>;
  /** The edited list. */
  readonly items: WritableSignal<T[]>;
  /** Whether the edited list differs from what is stored. */
  readonly dirty: Signal<boolean>;

  constructor(
    stored: () => T[],
    changed: (items: T[], stored: T[]) => boolean = (a, b) => !sameJson(a, b),
  ) {
    this.stored = computed(stored, { equal: sameJson });
    this.items = linkedSignal(() => this.stored());
    this.dirty = computed(() => changed(this.items(), this.stored()));
  }

  patch(index: number, change: Partial<T>): void {
    this.items.update((list) => list.map((d, j) => (j === index ? { ...d, ...change } : d)));
  }

  add(item: T): void {
    this.items.update((list) => [...list, item]);
  }

  removeAt(index: number): void {
    this.items.update((list) => list.filter((_, j) => j !== index));
  }

  /** Back to what is stored. */
  reset(): void {
    this.items.set(this.stored());
  }
}

/** The text of the input an event came from. */
export function textOf(event: Event): string {
  return (event.target as HTMLInputElement).value;
}

/** The number in the input an event came from; null when empty or not a number. */
export function numberOf(event: Event): number | null {
  const value = (event.target as HTMLInputElement).valueAsNumber;
  return Number.isNaN(value) ? null : value;
}
