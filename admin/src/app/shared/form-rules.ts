import { signal, type DestroyRef } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AbstractControl, FormGroup } from '@angular/forms';

/** A message per field that breaks a rule; empty when the value is valid. */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * Puts a pure validation function (the model's mirror of the server rules) behind a reactive
 * form: each control is invalid with the message for its field, re-checked whenever any field
 * changes (rules span fields: an end after a start, latitude with longitude). Messages the
 * server sent win until the field is edited.
 */
export class FormRules<V, F extends keyof V & string> {
  /** Messages from the server's last refusal, by field. */
  readonly server = signal<FieldErrors<F>>({});

  constructor(
    private readonly group: FormGroup,
    private readonly validate: (value: V) => FieldErrors<F>,
    destroyRef: DestroyRef,
  ) {
    for (const [field, control] of this.entries()) {
      control.addValidators(() => {
        const message = this.server()[field] ?? this.validate(this.group.getRawValue() as V)[field];
        return message ? { rule: message } : null;
      });
      control.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => {
        if (this.server()[field] === undefined) return;
        this.server.update((all) => {
          const rest = { ...all };
          delete rest[field];
          return rest;
        });
      });
    }
    this.group.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => this.revalidate());
    this.revalidate();
  }

  /** The message under a field, or null. */
  message(field: F): string | null {
    this.server();
    return (this.group.get(field)?.getError('rule') as string | undefined) ?? null;
  }

  /** Shows the server's field messages; returns the ones no field could show. */
  showServer(errors: Record<string, string>, fieldOf: (name: string) => F | null): string[] {
    const shown: FieldErrors<F> = {};
    const rest: string[] = [];
    for (const [name, message] of Object.entries(errors)) {
      const field = fieldOf(name);
      const control = field ? this.group.get(field) : null;
      if (field && control?.enabled) {
        shown[field] = message;
        control.markAsTouched();
      } else rest.push(message);
    }
    this.server.set(shown);
    this.revalidate();
    return rest;
  }

  revalidate(): void {
    for (const [, control] of this.entries())
      control.updateValueAndValidity({ onlySelf: true, emitEvent: false });
    this.group.updateValueAndValidity({ emitEvent: false });
  }

  private entries(): [F, AbstractControl][] {
    return Object.entries(this.group.controls) as [F, AbstractControl][];
  }
}
