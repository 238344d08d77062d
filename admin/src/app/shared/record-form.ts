import { inject, signal } from '@angular/core';
import type { FormGroup } from '@angular/forms';
import { Router } from '@angular/router';
import { fieldErrorsOf, loadErrorOf, messageOf } from '../core/errors';
import type { FormRules } from './form-rules';

export interface RecordFormOptions<F> {
  /** The list route, e.g. `/technicians`; a record opens at `<path>/<id>`. */
  path: string;
  /** The message when the record to edit does not exist. */
  notFound: string;
  /** Server field name → form field (null: shown above the form). */
  fieldOf: (name: string) => F | null;
}

/**
 * The create/edit page of one record (technician, vendor): loads the record to edit, checks the
 * form before saving, puts the server's field messages under their fields and the rest above
 * the form, and opens the record after saving. Create it in a field initializer (it injects
 * the router).
 */
export class RecordForm<V, F extends keyof V & string> {
  private readonly router = inject(Router);
  readonly loading = signal(false);
  readonly saving = signal(false);
  /** The message above the form. */
  readonly error = signal<string | null>(null);

  constructor(
    private readonly form: FormGroup,
    private readonly rules: FormRules<V, F>,
    /** The values as loaded (or of a new record), to send only what changed. */
    public before: V,
    private readonly options: RecordFormOptions<F>,
  ) {}

  /** Loads the record to edit: `fetch` answers its form values or throws. */
  async load(fetch: () => Promise<V>): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.before = await fetch();
      this.form.reset(this.before);
    } catch (err) {
      this.error.set(loadErrorOf(err, this.options.notFound));
    } finally {
      this.loading.set(false);
    }
  }

  /**
   * Checks the form, then runs `persist`, which answers the id of the record to open (none:
   * the list); a refusal shows under the fields it names.
   */
  async save(persist: (value: V) => Promise<string | null | undefined>): Promise<void> {
    this.error.set(null);
    this.rules.server.set({});
    this.rules.revalidate();
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const value = this.form.getRawValue() as V;
    this.saving.set(true);
    try {
      const id = await persist(value);
      await this.open(id);
    } catch (err) {
      const rest = this.rules.showServer(fieldErrorsOf(err), this.options.fieldOf);
      if (rest.length > 0) this.error.set(rest.join('; '));
      else if (Object.keys(this.rules.server()).length === 0) this.error.set(messageOf(err));
    } finally {
      this.saving.set(false);
    }
  }

  /** Leaves the form for the record (or the list when there is none). */
  leave(id: string | null | undefined): void {
    void this.open(id);
  }

  private open(id: string | null | undefined): Promise<boolean> {
    return this.router.navigate(id ? [this.options.path, id] : [this.options.path]);
  }
}
