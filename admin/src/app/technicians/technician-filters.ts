import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { outputFromObservable } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { urlFilterChanges } from '../shared/url-filters';
import { sameTechnicianFilters, type TechnicianFilters } from './technician.model';

interface Option {
  id: string;
  name: string;
}

/**
 * Search, team, skill and "include inactive" of the technician list. The URL owns the values:
 * `filters` comes from it and the form follows; edits go out as `filterChange`.
 */
@Component({
  selector: 'att-technician-filters',
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
        placeholder="Part of the name"
        data-testid="technician-search"
      />
    </mat-form-field>
    <form [formGroup]="form" class="filters">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Team</mat-label>
        <mat-select formControlName="teamId" data-testid="technician-filter-team">
          <mat-option value="">Any team</mat-option>
          @for (t of teams(); track t.id) {
            <mat-option [value]="t.id">{{ t.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Skill</mat-label>
        <mat-select formControlName="skill" data-testid="technician-filter-skill">
          <mat-option value="">Any skill</mat-option>
          @for (s of skills(); track s.id) {
            <mat-option [value]="s.name">{{ s.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-slide-toggle formControlName="includeInactive" data-testid="technician-filter-inactive">
        Include inactive
      </mat-slide-toggle>
      <button mat-button type="button" (click)="clear()" data-testid="technician-filter-clear">
        Clear filters
      </button>
    </form>
  `,
  styleUrl: './technician-filters.scss',
})
export class TechnicianFilterBar {
  readonly filters = input.required<TechnicianFilters>();
  readonly teams = input<readonly Option[]>([]);
  readonly skills = input<readonly Option[]>([]);

  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly search = this.fb.control('');
  protected readonly form = this.fb.group({ teamId: '', skill: '', includeInactive: false });
  readonly filterChange = outputFromObservable(
    urlFilterChanges({
      filters: this.filters,
      search: this.search,
      form: this.form,
      formValue: (f) => ({ teamId: f.teamId, skill: f.skill, includeInactive: f.includeInactive }),
      current: () => this.current(),
      same: sameTechnicianFilters,
    }),
  );

  protected clear(): void {
    this.search.setValue('', { emitEvent: false });
    this.form.setValue({ teamId: '', skill: '', includeInactive: false });
  }

  private current(): TechnicianFilters {
    const v = this.form.getRawValue();
    return { search: this.search.value.trim(), ...v };
  }
}
