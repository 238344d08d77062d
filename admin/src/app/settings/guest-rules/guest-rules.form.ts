import { CombinedGraphQLErrors } from '@apollo/client';
import {
  Validators,
  type AbstractControl,
  type FormArray,
  type FormBuilder,
  type ValidationErrors,
} from '@angular/forms';
import type { GuestProfileField } from '../../generated/graphql';
import { PROFILE_FIELDS, totalWeight } from './guest-rules.model';

function wholeNumber(control: AbstractControl): ValidationErrors | null {
  const v = control.value as number | null;
  return v == null || Number.isInteger(v) ? null : { wholeNumber: true };
}

function notBlank(control: AbstractControl): ValidationErrors | null {
  return /\S/.test((control.value as string | null) ?? '') ? null : { required: true };
}

function validRegex(control: AbstractControl): ValidationErrors | null {
  const v = ((control.value as string | null) ?? '').trim();
  if (!v) return null;
  try {
    new RegExp(v);
    return null;
  } catch {
    return { regex: true };
  }
}

function weightsAboveZero(array: AbstractControl): ValidationErrors | null {
  const rows = (array as FormArray).getRawValue() as { weight: number | null }[];
  return totalWeight(rows) > 0 ? null : { totalZero: true };
}

/** The same ranges the server checks; its messages still win when they differ. */
export function buildGuestRulesForm(fb: FormBuilder) {
  const nn = fb.nonNullable;
  const count = (min: number, max: number, required: boolean) =>
    nn.control<number | null>(null, [
      ...(required ? [Validators.required] : []),
      Validators.min(min),
      Validators.max(max),
      wholeNumber,
    ]);
  return nn.group({
    completeness: nn.array(
      PROFILE_FIELDS.map((field) =>
        nn.group({
          field: nn.control<GuestProfileField>(field),
          weight: count(0, 100, true),
          label: nn.control('', [notBlank, Validators.maxLength(60)]),
        }),
      ),
      { validators: weightsAboveZero },
    ),
    validation: nn.group({
      emailFormat: true,
      phoneFormat: true,
      phonePattern: nn.control('', [Validators.maxLength(200), validRegex]),
      required: nn.group({
        HOTEL_GUEST: nn.control<GuestProfileField[]>([]),
        CUSTOMER: nn.control<GuestProfileField[]>([]),
      }),
    }),
    enrichment: nn.group({
      languageFromNationality: true,
      companyFromEmailDomain: true,
      flagRepeatGuest: nn.group({ enabled: true, minStays: count(1, 1000, true) }),
    }),
    vip: nn.group({
      classifications: nn.control<string[]>([]),
      minStays: count(1, 100_000, false),
      minSpend: nn.control('', Validators.pattern(/^\s*\d+([.,]\d+)?\s*$/)),
      honourManualFlag: true,
    }),
  });
}

export type GuestRulesForm = ReturnType<typeof buildGuestRulesForm>;

/** The message under a control: the server's, else the client check that failed. */
export function messageOfControl(control: AbstractControl | null): string | null {
  const e = control?.errors;
  if (!e) return null;
  if (e['server']) return e['server'] as string;
  if (e['required']) return 'Required';
  if (e['totalZero']) return 'The weights must add up to more than 0';
  if (e['min'] || e['max'] || e['wholeNumber']) {
    const min = (e['min'] as { min: number } | undefined)?.min;
    const max = (e['max'] as { max: number } | undefined)?.max;
    if (min !== undefined) return `At least ${min}`;
    if (max !== undefined) return `At most ${max}`;
    return 'Enter a whole number';
  }
  if (e['maxlength'])
    return `At most ${(e['maxlength'] as { requiredLength: number }).requiredLength} characters`;
  if (e['regex']) return 'Not a valid regular expression';
  if (e['pattern']) return 'Enter an amount like 1500 or 1500.50';
  return 'Invalid';
}

export interface RuleIssue {
  field: string;
  message: string;
}

/** The issues of a refused save: `extensions.issues` (all of them), else the single field. */
export function issuesOf(error: unknown): RuleIssue[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  return error.errors.flatMap((e): RuleIssue[] => {
    const ext = e.extensions ?? {};
    if (Array.isArray(ext['issues'])) return ext['issues'] as RuleIssue[];
    if (Array.isArray(ext['fields'])) return ext['fields'] as RuleIssue[];
    return typeof ext['field'] === 'string' ? [{ field: ext['field'], message: e.message }] : [];
  });
}
