import { ChangeDetectionStrategy, Component, effect, inject, input } from '@angular/core';
import { outputFromObservable } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { debounceTime, filter, map, merge, tap } from 'rxjs';
import { sameVendorFilters, type VendorFilters } from './vendor.model';

/** Search, service type and "include inactive" of the vendor list; the URL owns the values. */
@Component({
  selector: 'att-vendor-filters',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="search" subscriptSizing="dynamic">
      <mat-label>Search</mat-label>
      <input
        matInput
        type="search"
        [formControl]="search"
        placeholder="Name or email"
        data-testid="vendor-search"
      />
    </mat-form-field>
    <form [formGroup]="form" class="filters">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Service type</mat-label>
        <mat-select formControlName="serviceTypeId" data-testid="vendor-filter-type">
          <mat-option value="">Any service</mat-option>
          @for (t of serviceTypes(); track t.id) {
            <mat-option [value]="t.id">{{ t.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-slide-toggle formControlName="includeInactive" data-testid="vendor-filter-inactive">
        Include inactive
      </mat-slide-toggle>
      <button mat-button type="button" (click)="clear()" data-testid="vendor-filter-clear">
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
      flex: 1 1 260px;
    }
    mat-form-field {
      flex: 0 1 220px;
      min-width: 180px;
    }
  `,
})
export class VendorFilterBar {
  readonly filters = input.required<VendorFilters>();
  readonly serviceTypes = input<readonly { id: string; name: string }[]>([]);

  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly search = this.fb.control('');
  protected readonly form = this.fb.group({ serviceTypeId: '', includeInactive: false });
  private lastSearch: string | null = null;

  readonly filterChange = outputFromObservable(
    merge(this.form.valueChanges, this.search.valueChanges.pipe(debounceTime(300))).pipe(
      map(() => this.current()),
      filter((next) => !sameVendorFilters(next, this.filters())),
      tap((next) => (this.lastSearch = next.search)),
    ),
  );

  constructor() {
    effect(() => {
      const f = this.filters();
      if (f.search !== this.lastSearch) {
        this.lastSearch = f.search;
        if (f.search !== this.search.value.trim())
          this.search.setValue(f.search, { emitEvent: false });
      }
      this.form.setValue(
        { serviceTypeId: f.serviceTypeId, includeInactive: f.includeInactive },
        { emitEvent: false },
      );
    });
  }

  protected clear(): void {
    this.search.setValue('', { emitEvent: false });
    this.form.setValue({ serviceTypeId: '', includeInactive: false });
  }

  private current(): VendorFilters {
    return { search: this.search.value.trim(), ...this.form.getRawValue() };
  }
}
