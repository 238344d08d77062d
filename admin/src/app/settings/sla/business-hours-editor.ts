import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import {
  FormBuilder,
  ReactiveFormsModule,
  type FormArray,
  type FormControl,
  type FormGroup,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { check } from '../form-errors';
import { weekdayName } from '../../shared/weekdays';
import { rowProblem, type HoursRow } from './sla.model';

export type HoursRowGroup = FormGroup<{
  day: FormControl<number>;
  enabled: FormControl<boolean>;
  start: FormControl<string>;
  end: FormControl<string>;
}>;

/** A business-hours row of the form; its validator says what is wrong with the range. */
export function hoursRowGroup(fb: FormBuilder, row: HoursRow): HoursRowGroup {
  return fb.nonNullable.group(
    { day: row.day, enabled: row.enabled, start: row.start, end: row.end },
    { validators: check<HoursRow>(rowProblem) },
  );
}

/** Per weekday: ticked or not, from–to; a day can be split into several ranges. */
@Component({
  selector: 'att-business-hours-editor',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset data-testid="sla-hours">
      <legend>Business hours</legend>
      @for (row of array().controls; track row; let i = $index) {
        <div
          class="row"
          [class.off]="!row.controls.enabled.value"
          [formGroup]="row"
          [attr.data-testid]="'sla-hours-row-' + row.controls.day.value"
        >
          @if (firstOfDay(i)) {
            <mat-checkbox
              class="day"
              formControlName="enabled"
              [attr.data-testid]="'sla-hours-day-' + row.controls.day.value"
              >{{ dayName(row.controls.day.value) }}</mat-checkbox
            >
          } @else {
            <span class="day and">and</span>
          }
          <mat-form-field subscriptSizing="dynamic" class="time">
            <mat-label>From</mat-label>
            <input
              matInput
              type="time"
              formControlName="start"
              [readonly]="!row.controls.enabled.value"
              data-testid="sla-hours-start"
            />
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic" class="time">
            <mat-label>To</mat-label>
            <input
              matInput
              type="time"
              formControlName="end"
              [readonly]="!row.controls.enabled.value"
              data-testid="sla-hours-end"
            />
          </mat-form-field>
          @if (firstOfDay(i)) {
            <button
              mat-button
              type="button"
              (click)="split(i)"
              [disabled]="!row.controls.enabled.value"
              [attr.aria-label]="'Add another range on ' + dayName(row.controls.day.value)"
              data-testid="sla-hours-split"
            >
              + Range
            </button>
          } @else {
            <button
              mat-icon-button
              type="button"
              (click)="array().removeAt(i)"
              [attr.aria-label]="'Remove this range on ' + dayName(row.controls.day.value)"
              data-testid="sla-hours-remove"
            >
              ×
            </button>
          }
          @if (rowError(row); as e) {
            <span class="error" role="alert" data-testid="sla-hours-row-error">{{ e }}</span>
          }
        </div>
      }
      <p class="hint">An end of 00:00 means midnight at the end of the day.</p>
      @if (problem(); as e) {
        <p class="error" role="alert" data-testid="field-error-hours">{{ e }}</p>
      }
    </fieldset>
  `,
  styleUrl: '../settings-editor.scss',
  styles: `
    .off mat-form-field {
      opacity: 0.45;
    }
  `,
})
export class BusinessHoursEditor {
  private readonly fb = inject(FormBuilder);
  readonly array = input.required<FormArray<HoursRowGroup>>();
  /** The week's problem (no day ticked, overlaps) or the server's message. */
  readonly problem = input<string | null>(null);

  protected rowError(row: HoursRowGroup): string | null {
    return row.touched || row.dirty
      ? ((row.errors?.['message'] as string | undefined) ?? null)
      : null;
  }

  protected dayName(day: number): string {
    return weekdayName(day);
  }

  protected firstOfDay(index: number): boolean {
    const rows = this.array().controls;
    return index === 0 || rows[index - 1]!.controls.day.value !== rows[index]!.controls.day.value;
  }

  /** Adds an afternoon range after the day's last one (e.g. after a lunch break). */
  protected split(index: number): void {
    const rows = this.array().controls;
    const day = rows[index]!.controls.day.value;
    let last = index;
    while (last + 1 < rows.length && rows[last + 1]!.controls.day.value === day) last++;
    const after = rows[last]!.controls.end.value || '12:00';
    this.array().insert(
      last + 1,
      hoursRowGroup(this.fb, {
        day,
        enabled: true,
        start: after,
        end: after < '17:00' ? '17:00' : '00:00',
      }),
    );
    this.array().markAsDirty();
  }
}
