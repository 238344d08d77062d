import { inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AbstractControl } from '@angular/forms';
import { MatDialogRef } from '@angular/material/dialog';
import { applyServerErrors, clearServerErrors } from './form-errors';

/**
 * Saving a create/edit dialog of the settings tabs (catalog, SLA, maintenance, automation): the
 * whole form is checked first, a refusal puts each server message under its control and the
 * rest above the buttons, and the saved record closes the dialog with it. Create it in a field
 * initializer after the form (it injects the dialog ref).
 */
export class SettingsDialogSave<T> {
  private readonly ref = inject<MatDialogRef<unknown, T>>(MatDialogRef);
  readonly saving = signal(false);
  /** Set by the first save, so checks that wait for it show. */
  readonly submitted = signal(false);
  /** The message above the buttons; editing again clears it. */
  readonly error = signal<string | null>(null);

  constructor(
    private readonly form: AbstractControl,
    /** Server field name → control path (null: shown above the buttons). */
    private readonly controlOf: (field: string) => string | null,
  ) {
    form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.error.set(null));
  }

  /** Checks the form, then runs `persist`, which answers the saved record or throws. */
  async save(persist: () => Promise<T>): Promise<void> {
    clearServerErrors(this.form);
    this.submitted.set(true);
    this.error.set(null);
    this.form.markAllAsTouched();
    if (this.form.invalid) {
      this.error.set('Some fields need fixing; see the highlighted ones.');
      return;
    }
    this.saving.set(true);
    try {
      this.ref.close(await persist());
    } catch (err) {
      this.error.set(
        applyServerErrors(this.form, err, this.controlOf) ??
          'The server refused some fields; see the highlighted ones.',
      );
    } finally {
      this.saving.set(false);
    }
  }
}
