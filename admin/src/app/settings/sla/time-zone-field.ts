import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule, type FormControl } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { startWith, switchMap } from 'rxjs';
import { errorOf } from '../form-errors';

/** An IANA time zone, typed with suggestions from the browser's list. */
@Component({
  selector: 'att-time-zone-field',
  imports: [ReactiveFormsModule, MatAutocompleteModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="full" subscriptSizing="dynamic">
      <mat-label>Time zone</mat-label>
      <input
        matInput
        [formControl]="control()"
        [matAutocomplete]="auto"
        autocomplete="off"
        spellcheck="false"
        data-testid="sla-timezone"
      />
      <mat-autocomplete #auto="matAutocomplete">
        @for (z of suggestions(); track z) {
          <mat-option [value]="z">{{ z }}</mat-option>
        }
      </mat-autocomplete>
      <mat-hint>{{ hint() }}</mat-hint>
      @if (errorOf(control()); as e) {
        <mat-error data-testid="field-error-timezone">{{ e }}</mat-error>
      }
    </mat-form-field>
  `,
  styles: `
    .full {
      width: 100%;
    }
  `,
})
export class TimeZoneField {
  readonly control = input.required<FormControl<string>>();
  readonly zones = input.required<readonly string[]>();
  readonly hint = input('');
  protected readonly errorOf = errorOf;

  private readonly text = toSignal(
    toObservable(this.control).pipe(switchMap((c) => c.valueChanges.pipe(startWith(c.value)))),
    { initialValue: '' },
  );
  /** At most 50 zones containing what was typed; all of a region once "Europe/" is typed. */
  protected readonly suggestions = computed(() => {
    const q = (this.text() ?? '').trim().toLowerCase().replace(/ /g, '_');
    const all = this.zones();
    const hits =
      q && !all.some((z) => z.toLowerCase() === q)
        ? all.filter((z) => z.toLowerCase().includes(q))
        : all;
    return hits.slice(0, 50);
  });
}
