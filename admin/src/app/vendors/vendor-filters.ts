import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { outputFromObservable } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { urlFilterChanges } from '../shared/url-filters';
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
  styleUrl: './vendor-filters.scss',
})
export class VendorFilterBar {
  readonly filters = input.required<VendorFilters>();
  readonly serviceTypes = input<readonly { id: string; name: string }[]>([]);

  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly search = this.fb.control('');
  protected readonly form = this.fb.group({ serviceTypeId: '', includeInactive: false });
  readonly filterChange = outputFromObservable(
    urlFilterChanges({
      filters: this.filters,
      search: this.search,
      form: this.form,
      formValue: (f) => ({ serviceTypeId: f.serviceTypeId, includeInactive: f.includeInactive }),
      current: () => this.current(),
      same: sameVendorFilters,
    }),
  );

  protected clear(): void {
    this.search.setValue('', { emitEvent: false });
    this.form.setValue({ serviceTypeId: '', includeInactive: false });
  }

  private current(): VendorFilters {
    return { search: this.search.value.trim(), ...this.form.getRawValue() };
  }
}
