import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { outputFromObservable } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { ReadinessStatus } from '../generated/graphql';
import { HumanizePipe } from '../shared/pipes';
import { urlFilterChanges } from '../shared/url-filters';
import { READINESS, type BoardFilters } from './arrival-board.model';

export type FilterChange = Omit<BoardFilters, 'day'>;

/**
 * Readiness, VIP and search filters of the arrival board. The URL owns the values: `filters`
 * comes from it and the form follows it (back/forward, reload); edits go out as `filterChange`.
 */
@Component({
  selector: 'att-arrival-filters',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    HumanizePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="search" subscriptSizing="dynamic">
      <mat-label>Search</mat-label>
      <input
        matInput
        type="search"
        [formControl]="search"
        placeholder="Guest name, confirmation code or room"
        data-testid="arrival-search"
      />
    </mat-form-field>
    <form [formGroup]="form" class="filters">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Readiness</mat-label>
        <mat-select formControlName="readiness" multiple data-testid="arrival-filter-readiness">
          @for (r of readinessOptions; track r) {
            <mat-option [value]="r" [attr.data-testid]="'readiness-option-' + r">{{
              r | humanize
            }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-slide-toggle formControlName="vipOnly" data-testid="arrival-filter-vip"
        >VIP only</mat-slide-toggle
      >
      <button mat-button type="button" (click)="clear()" data-testid="arrival-filter-clear">
        Clear filters
      </button>
    </form>
  `,
  styleUrl: './arrival-filters.scss',
})
export class ArrivalFilters {
  readonly filters = input.required<BoardFilters>();

  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly readinessOptions = READINESS;
  protected readonly search = this.fb.control('');
  protected readonly form = this.fb.group({
    readiness: this.fb.control<ReadinessStatus[]>([]),
    vipOnly: false,
  });

  readonly filterChange = outputFromObservable(
    urlFilterChanges<FilterChange, { readiness: ReadinessStatus[]; vipOnly: boolean }>({
      filters: this.filters,
      search: this.search,
      form: this.form,
      formValue: (f) => ({ readiness: [...f.readiness], vipOnly: f.vipOnly }),
      current: () => this.current(),
      same: sameFilters,
    }),
  );

  protected clear(): void {
    this.search.setValue('', { emitEvent: false });
    this.form.setValue({ readiness: [], vipOnly: false });
  }

  private current(): FilterChange {
    const { readiness, vipOnly } = this.form.getRawValue();
    return { readiness, vipOnly, search: this.search.value.trim() };
  }
}

function sameFilters(a: FilterChange, b: FilterChange): boolean {
  return (
    a.search === b.search &&
    a.vipOnly === b.vipOnly &&
    a.readiness.length === b.readiness.length &&
    a.readiness.every((r) => b.readiness.includes(r))
  );
}
