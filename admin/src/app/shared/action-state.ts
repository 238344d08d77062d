import { signal } from '@angular/core';
import { messageOf } from '../core/errors';

/**
 * The busy flag and the last failure of the changes a view makes one at a time (save, delete,
 * deactivate): busy while one runs, and its failure as a message a person can act on.
 */
export class ActionState {
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);

  /** Runs a change, clearing the last failure first; true when it succeeded. */
  async run(change: () => Promise<unknown>): Promise<boolean> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await change();
      return true;
    } catch (err) {
      this.error.set(messageOf(err));
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}
