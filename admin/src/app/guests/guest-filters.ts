import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { outputFromObservable } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { debounceTime, distinctUntilChanged, map, merge } from 'rxjs';
import type { GuestFilter, GuestKind } from '../generated/graphql';
import { sameJson } from '../shared/same-json';

/** Search (debounced 300 ms), kind, profile completeness and VIP filters of the guest list. */
@Component({
  selector: 'att-guest-filters',
  imports: [
    ReactiveFormsModule,
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
        type="text"
        [formControl]="search"
        placeholder="Name, email or phone"
        data-testid="guest-search"
      />
    </mat-form-field>
    <form [formGroup]="form" class="filters">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Kind</mat-label>
        <mat-select formControlName="kind" data-testid="guest-filter-kind">
          <mat-option value="">All</mat-option>
          <mat-option value="HOTEL_GUEST">Hotel guests</mat-option>
          <mat-option value="CUSTOMER">Customers</mat-option>
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Profile</mat-label>
        <mat-select formControlName="gaps" data-testid="guest-filter-gaps">
          <mat-option value="">Any</mat-option>
          <mat-option value="gaps">With gaps</mat-option>
          <mat-option value="complete">Complete</mat-option>
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic" class="min">
        <mat-label>Min. completeness</mat-label>
        <mat-select formControlName="minCompleteness" data-testid="guest-filter-min-completeness">
          <mat-option [value]="null">Any</mat-option>
          @for (m of minimums; track m) {
            <mat-option [value]="m">{{ m }}%+</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-slide-toggle formControlName="vipOnly" data-testid="guest-filter-vip"
        >VIP only</mat-slide-toggle
      >
    </form>
  `,
  styleUrl: './guest-filters.scss',
})
export class GuestFilters {
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly search = this.fb.control('');
  protected readonly form = this.fb.group({
    kind: this.fb.control<GuestKind | ''>(''),
    gaps: this.fb.control<'' | 'gaps' | 'complete'>(''),
    minCompleteness: this.fb.control<number | null>(null),
    vipOnly: false,
  });
  protected readonly minimums = [25, 50, 75, 90];

  readonly filterChange = outputFromObservable(
    merge(this.form.valueChanges, this.search.valueChanges.pipe(debounceTime(300))).pipe(
      map((): GuestFilter => {
        const { kind, gaps, minCompleteness, vipOnly } = this.form.getRawValue();
        const search = this.search.value.trim();
        return {
          ...(search ? { search } : {}),
          ...(kind ? { kind } : {}),
          ...(vipOnly ? { vip: true } : {}),
          ...(gaps ? { hasGaps: gaps === 'gaps' } : {}),
          ...(minCompleteness !== null ? { minCompleteness } : {}),
        };
      }),
      distinctUntilChanged(sameJson),
    ),
  );
}
