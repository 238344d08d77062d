import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { fieldErrorsOf, messageOf } from '../core/errors';

/*
 * Form messages shared by the settings dialogs (catalog, SLA, maintenance, automation): client
 * checks carry their message, and a refused save puts each server message under its control.
 */

/** A validator from a check that answers a message (shown as is) or null. */
export function check<T>(fn: (value: T) => string | null): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const message = fn(control.value as T);
    return message ? { message } : null;
  };
}

/** The message of a control's first error: the server's, a check's, or Angular's built-ins. */
export function messageOfErrors(errors: ValidationErrors | null | undefined): string | null {
  if (!errors) return null;
  if (typeof errors['server'] === 'string') return errors['server'];
  if (typeof errors['message'] === 'string') return errors['message'];
  if (errors['required']) return 'Required';
  if (errors['min']) return `At least ${(errors['min'] as { min: number }).min}`;
  if (errors['max']) return `At most ${(errors['max'] as { max: number }).max}`;
  if (errors['minlength'])
    return `At least ${(errors['minlength'] as { requiredLength: number }).requiredLength} characters`;
  if (errors['maxlength'])
    return `At most ${(errors['maxlength'] as { requiredLength: number }).requiredLength} characters`;
  if (errors['pattern']) return 'Not in the expected format';
  return 'Invalid';
}

/** The message to show under a control once the user has touched it (or the server refused it). */
export function errorOf(control: AbstractControl | null): string | null {
  if (!control || !(control.touched || control.hasError('server'))) return null;
  return messageOfErrors(control.errors);
}

/**
 * Marks each field error of a refused save on the control it names; answers the message for the
 * top of the form (fields without a control, or the whole error when it names no field).
 */
export function applyServerErrors(
  form: AbstractControl,
  error: unknown,
  controlOf: (field: string) => string | null,
): string | null {
  const fields = fieldErrorsOf(error);
  const rest: string[] = [];
  for (const [field, message] of Object.entries(fields)) {
    const path = controlOf(field);
    const control = path ? form.get(path) : null;
    if (!control) {
      rest.push(message);
      continue;
    }
    control.setErrors({ ...(control.errors ?? {}), server: message });
    control.markAsTouched();
  }
  if (rest.length > 0) return rest.join('; ');
  return Object.keys(fields).length > 0 ? null : messageOf(error);
}

/** Clears server messages before another save (client checks run again). */
export function clearServerErrors(form: AbstractControl): void {
  const visit = (c: AbstractControl) => {
    if (c.hasError('server')) c.updateValueAndValidity({ emitEvent: false });
    const children = (c as { controls?: Record<string, AbstractControl> | AbstractControl[] })
      .controls;
    if (children) Object.values(children).forEach(visit);
  };
  visit(form);
}
