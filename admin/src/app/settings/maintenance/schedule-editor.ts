import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import {
  ReactiveFormsModule,
  Validators,
  type FormBuilder,
  type FormControl,
  type FormGroup,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { map, merge, startWith, switchMap } from 'rxjs';
import { check, errorOf } from '../form-errors';
import type { ScheduleMode } from './maintenance.model';
import {
  buildRule,
  MONTHS,
  ruleProblem,
  scheduleSummary,
  WEEKDAY_CODES,
  type RuleBuilder,
  type RuleKind,
  type WeekdayCode,
} from './schedule.model';

export type RuleGroup = FormGroup<{
  kind: FormControl<RuleKind>;
  interval: FormControl<number>;
  monthDay: FormControl<number>;
  weekdays: FormControl<WeekdayCode[]>;
  month: FormControl<number>;
  raw: FormControl<string>;
}>;

export function ruleGroup(fb: FormBuilder, b: RuleBuilder): RuleGroup {
  const nn = fb.nonNullable;
  return nn.group(
    {
      kind: nn.control<RuleKind>(b.kind),
      interval: nn.control(b.interval, [Validators.required, Validators.min(1)]),
      monthDay: nn.control(b.monthDay, [Validators.min(1), Validators.max(31)]),
      weekdays: nn.control<WeekdayCode[]>(b.weekdays),
      month: nn.control(b.month),
      raw: nn.control(b.raw, Validators.maxLength(500)),
    },
    { validators: check<RuleBuilder>(ruleProblem) },
  );
}

const KINDS: readonly { kind: RuleKind; label: string; unit: string }[] = [
  { kind: 'MONTHLY', label: 'Monthly on a day', unit: 'months' },
  { kind: 'WEEKLY', label: 'Weekly on weekdays', unit: 'weeks' },
  { kind: 'YEARLY', label: 'Yearly on a date', unit: 'years' },
  { kind: 'CUSTOM', label: 'Custom rule (RRULE)', unit: '' },
];

/** Every N days, or a calendar rule from a small builder (or typed as an RRULE). */
@Component({
  selector: 'att-schedule-editor',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './schedule-editor.html',
  styleUrl: '../settings-editor.scss',
  styles: `
    .modes {
      display: flex;
      gap: 16px;
      flex-wrap: wrap;
    }
    .narrow {
      width: 140px;
    }
    .rrule {
      font-family: ui-monospace, monospace;
      font-size: 12px;
      word-break: break-all;
    }
  `,
})
export class ScheduleEditor {
  readonly mode = input.required<FormControl<ScheduleMode>>();
  readonly intervalDays = input.required<FormControl<number | null>>();
  readonly rule = input.required<RuleGroup>();

  protected readonly kinds = KINDS;
  protected readonly weekdays = WEEKDAY_CODES;
  protected readonly months = MONTHS;
  protected readonly days = Array.from({ length: 31 }, (_, i) => i + 1);
  protected readonly errorOf = errorOf;

  private readonly modeValue = toSignal(
    toObservable(this.mode).pipe(switchMap((c) => c.valueChanges.pipe(startWith(c.value)))),
  );
  protected readonly byRule = computed(() => this.modeValue() === 'rule');
  private readonly ruleState = toSignal(
    toObservable(this.rule).pipe(
      switchMap((g) =>
        merge(g.valueChanges, g.statusChanges).pipe(
          startWith(null),
          map(() => ({ value: g.getRawValue(), errors: g.errors })),
        ),
      ),
    ),
  );
  protected readonly kind = computed(() => this.ruleState()?.value.kind ?? 'MONTHLY');
  protected readonly unit = computed(() => KINDS.find((k) => k.kind === this.kind())?.unit ?? '');
  protected readonly problem = computed(
    () =>
      (this.ruleState()?.errors?.['server'] as string | undefined) ??
      (this.ruleState()?.errors?.['message'] as string | undefined) ??
      null,
  );
  protected readonly built = computed(() => {
    const state = this.ruleState();
    return state && !this.problem() ? buildRule(state.value) : null;
  });
  protected readonly summary = computed(() => {
    const rule = this.built();
    return rule ? scheduleSummary({ rrule: rule }) : null;
  });

  /** Switches to the raw rule, starting from what the builder made. */
  protected editAsRule(): void {
    const g = this.rule();
    const rule = this.built() ?? '';
    g.patchValue({ kind: 'CUSTOM', raw: rule });
    g.markAsDirty();
  }
}
