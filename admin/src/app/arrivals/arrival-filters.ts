import { ChangeDetectionStrategy, Component, effect, inject, input } from '@angular/core';
import { outputFromObservable } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { debounceTime, filter, map, merge, tap } from 'rxjs';
import type { ReadinessStatus } from '../generated/graphql';
import { HumanizePipe } from '../shared/pipes';
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
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: center;
      margin-bottom: 8px;
    }
    .filters {
      display: contents;
    }
    .search {
      flex: 1 1 280px;
    }
    mat-form-field {
      flex: 0 1 220px;
      min-width: 180px;
    }
  `,
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

  /** The search last sent out (or taken from the URL), to tell the URL catching up from navigation. */
  private lastSearch: string | null = null;

  readonly filterChange = outputFromObservable(
    merge(this.form.valueChanges, this.search.valueChanges.pipe(debounceTime(300))).pipe(
      map(() => this.current()),
      // Compared with the URL rather than the last emission: back/forward change it under the form.
      filter((next) => !sameFilters(next, this.filters())),
      tap((next) => (this.lastSearch = next.search)),
    ),
  );

  constructor() {
    effect(() => {
      const f = this.filters();
      // Follow the URL without echoing it back. The search box only follows a search that came
      // from elsewhere, so the URL catching up with an earlier keystroke never undoes typing.
      if (f.search !== this.lastSearch) {
        this.lastSearch = f.search;
        if (f.search !== this.search.value.trim())
          this.search.setValue(f.search, { emitEvent: false });
      }
      this.form.setValue({ readiness: [...f.readiness], vipOnly: f.vipOnly }, { emitEvent: false });
    });
  }

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
