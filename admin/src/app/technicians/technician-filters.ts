import { ChangeDetectionStrategy, Component, effect, inject, input } from '@angular/core';
import { outputFromObservable } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { debounceTime, filter, map, merge, tap } from 'rxjs';
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
      flex: 1 1 240px;
    }
    mat-form-field {
      flex: 0 1 200px;
      min-width: 160px;
    }
  `,
})
export class TechnicianFilterBar {
  readonly filters = input.required<TechnicianFilters>();
  readonly teams = input<readonly Option[]>([]);
  readonly skills = input<readonly Option[]>([]);

  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly search = this.fb.control('');
  protected readonly form = this.fb.group({ teamId: '', skill: '', includeInactive: false });
  /** The search last sent out (or read from the URL), so the URL catching up never undoes typing. */
  private lastSearch: string | null = null;

  readonly filterChange = outputFromObservable(
    merge(this.form.valueChanges, this.search.valueChanges.pipe(debounceTime(300))).pipe(
      map(() => this.current()),
      filter((next) => !sameTechnicianFilters(next, this.filters())),
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
        { teamId: f.teamId, skill: f.skill, includeInactive: f.includeInactive },
        { emitEvent: false },
      );
    });
  }

  protected clear(): void {
    this.search.setValue('', { emitEvent: false });
    this.form.setValue({ teamId: '', skill: '', includeInactive: false });
  }

  private current(): TechnicianFilters {
    const v = this.form.getRawValue();
    return { search: this.search.value.trim(), ...v };
  }
}
