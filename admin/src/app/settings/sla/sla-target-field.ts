import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import {
  ReactiveFormsModule,
  type FormBuilder,
  type FormControl,
  type FormGroup,
} from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { startWith, switchMap } from 'rxjs';
import { check } from '../form-errors';
import { formatMinutes, joinMinutes } from '../duration.model';
import { TARGET_MAX_MINUTES } from './sla.model';

export type TargetGroup = FormGroup<{
  hours: FormControl<number | null>;
  minutes: FormControl<number | null>;
}>;

type Target = { hours: number | null; minutes: number | null };

/** The server's range: 1 minute to 365 days. */
export function targetProblem(t: Target): string | null {
  const total = joinMinutes(t.hours, t.minutes);
  if (total === null) {
    return t.hours == null && t.minutes == null
      ? 'Give a target'
      : 'Whole hours, and 0 to 59 minutes';
  }
  return total >= 1 && total <= TARGET_MAX_MINUTES ? null : 'A target is 1 minute to 8760 hours';
}

export function targetGroup(fb: FormBuilder, t: Target): TargetGroup {
  return fb.nonNullable.group(
    {
      hours: fb.nonNullable.control<number | null>(t.hours),
      minutes: fb.nonNullable.control<number | null>(t.minutes),
    },
    { validators: check<Target>(targetProblem) },
  );
}

/** A target entered as hours + minutes. */
@Component({
  selector: 'att-sla-target-field',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset [formGroup]="group()" [attr.data-testid]="testid()">
      <legend>{{ label() }}</legend>
      <div class="pair">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Hours</mat-label>
          <input
            matInput
            type="number"
            min="0"
            formControlName="hours"
            [attr.data-testid]="testid() + '-hours'"
          />
          <span matTextSuffix>h</span>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Minutes</mat-label>
          <input
            matInput
            type="number"
            min="0"
            max="59"
            formControlName="minutes"
            [attr.data-testid]="testid() + '-minutes'"
          />
          <span matTextSuffix>min</span>
        </mat-form-field>
      </div>
      @if (error(); as e) {
        <p class="error" role="alert" [attr.data-testid]="'field-error-' + testid()">{{ e }}</p>
      } @else {
        <p class="hint">{{ summary() }}</p>
      }
    </fieldset>
  `,
  styles: `
    fieldset {
      border: 0;
      padding: 0;
      margin: 0 0 8px;
      min-width: 0;
    }
    legend {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
      padding: 0 0 4px;
    }
    .pair {
      display: flex;
      gap: 8px;
    }
    .pair mat-form-field {
      flex: 1 1 0;
      min-width: 0;
    }
    .hint,
    .error {
      margin: 4px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class SlaTargetField {
  readonly group = input.required<TargetGroup>();
  readonly label = input.required<string>();
  readonly testid = input.required<string>();

  private readonly state = toSignal(
    toObservable(this.group).pipe(switchMap((g) => g.valueChanges.pipe(startWith(g.value)))),
  );
  private readonly status = toSignal(
    toObservable(this.group).pipe(switchMap((g) => g.statusChanges.pipe(startWith(g.status)))),
  );
  protected readonly summary = computed(() => {
    const v = this.state();
    const total = v ? joinMinutes(v.hours, v.minutes) : null;
    return total ? `${formatMinutes(total)} on the SLA clock` : '';
  });
  protected readonly error = computed(() => {
    this.status();
    this.state();
    const g = this.group();
    if (!(g.touched || g.dirty)) return null;
    return (
      (g.errors?.['server'] as string | undefined) ??
      (g.errors?.['message'] as string | undefined) ??
      null
    );
  });
}
