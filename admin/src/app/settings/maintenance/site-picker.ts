import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { FormControl } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { startWith, switchMap } from 'rxjs';
import type { MaintenanceSitesQuery } from '../../generated/graphql';

export type SiteOption = MaintenanceSitesQuery['sites']['nodes'][number];

const labelOf = (s: SiteOption) => (s.city ? `${s.name}, ${s.city}` : s.name);

/** A site chosen by typing part of its name or city. */
@Component({
  selector: 'att-site-picker',
  imports: [MatAutocompleteModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="full">
      <mat-label>Site</mat-label>
      <input
        matInput
        [value]="display()"
        (input)="typed.set($any($event.target).value)"
        (blur)="onBlur()"
        [matAutocomplete]="auto"
        [disabled]="control().disabled"
        placeholder="None"
        autocomplete="off"
        data-testid="maintenance-site"
      />
      <mat-autocomplete
        #auto="matAutocomplete"
        [displayWith]="labelOfId"
        (optionSelected)="pick($event.option.value)"
      >
        <mat-option [value]="null" data-testid="maintenance-site-none">None</mat-option>
        @for (s of filtered(); track s.id) {
          <mat-option [value]="s.id" data-testid="maintenance-site-option">{{
            label(s)
          }}</mat-option>
        }
      </mat-autocomplete>
      <mat-hint>{{ loading() ? 'Loading sites…' : hint() }}</mat-hint>
    </mat-form-field>
  `,
  styles: `
    .full {
      width: 100%;
    }
  `,
})
export class SitePicker {
  readonly control = input.required<FormControl<string | null>>();
  readonly sites = input.required<readonly SiteOption[]>();
  readonly loading = input(false);

  protected readonly label = labelOf;
  /** What the user typed since the last choice; null shows the chosen site. */
  protected readonly typed = signal<string | null>(null);
  private readonly value = toSignal(
    toObservable(this.control).pipe(switchMap((c) => c.valueChanges.pipe(startWith(c.value)))),
  );
  protected readonly display = computed(() => this.typed() ?? this.labelOfId(this.value() ?? null));
  protected readonly filtered = computed(() => {
    const q = (this.typed() ?? '').trim().toLowerCase();
    const hits = q
      ? this.sites().filter((s) => labelOf(s).toLowerCase().includes(q))
      : this.sites();
    return hits.slice(0, 50);
  });
  protected readonly hint = computed(() =>
    this.sites().length === 0 ? 'No sites yet' : 'Type to search by name or city',
  );

  protected readonly labelOfId = (id: string | null): string => {
    const site = id ? this.sites().find((s) => s.id === id) : undefined;
    return site ? labelOf(site) : '';
  };

  protected pick(id: string | null): void {
    const c = this.control();
    c.setValue(id);
    c.markAsDirty();
    this.typed.set(null);
  }

  /** Leaving an emptied box clears the site; leaving a half-typed name keeps the choice. */
  protected onBlur(): void {
    const text = this.typed();
    if (text !== null && !text.trim()) this.pick(null);
    else if (text !== null) setTimeout(() => this.typed.set(null), 200);
  }
}
