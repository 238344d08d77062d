import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { debounceTime, distinctUntilChanged, firstValueFrom, map } from 'rxjs';
import {
  CatalogServiceTypesGQL,
  CatalogSetServiceTypeActiveGQL,
  type CatalogServiceTypeFragment,
} from '../../generated/graphql';
import { ErrorBanner } from '../../shared/error-banner';
import { liveQuery } from '../../shared/query-state';
import { SettingsList } from '../settings-list';
import { matchesSearch } from './catalog.model';
import { ServiceTypeDialog, type ServiceTypeDialogData } from './service-type.dialog';
import { ServiceTypeTable } from './service-type-table';

/** /settings/catalog: what can be ordered, how long it takes, who can do it, its price. */
@Component({
  selector: 'att-catalog-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSlideToggleModule,
    ErrorBanner,
    ServiceTypeTable,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="head">
      <div>
        <h2>Service catalog</h2>
        <p class="muted">
          Work orders of a type get its duration, price, checklist and required skills.
        </p>
      </div>
      @if (list.canEdit()) {
        <button mat-flat-button type="button" (click)="edit(null)" data-testid="catalog-new">
          New service type
        </button>
      }
    </header>

    <div class="toolbar">
      <mat-form-field subscriptSizing="dynamic" class="search">
        <mat-label>Search</mat-label>
        <input
          matInput
          type="search"
          [formControl]="search"
          placeholder="Name or description"
          data-testid="catalog-search"
        />
      </mat-form-field>
      <mat-slide-toggle
        [checked]="includeInactive()"
        (change)="includeInactive.set($event.checked)"
        data-testid="catalog-show-inactive"
        >Show archived</mat-slide-toggle
      >
    </div>

    @if (list.error(); as message) {
      <att-error-banner [message]="message" (retry)="list.retry()" data-testid="catalog-error" />
    }
    <div class="progress">
      @if (types.loading() || list.busy()) {
        <mat-progress-bar mode="indeterminate" />
      }
    </div>

    @if (rows().length > 0) {
      <att-service-type-table
        [rows]="rows()"
        [canEdit]="list.canEdit()"
        [busy]="list.busy()"
        (edit)="edit($event)"
        (toggleActive)="toggleActive($event)"
      />
    } @else if (!types.loading() && !list.error()) {
      <p class="empty" data-testid="catalog-empty">
        @if (searchText() || includeInactive()) {
          No service types match.
        } @else {
          No service types yet. Add the services you offer so work orders can use them.
        }
      </p>
    }
  `,
  styleUrl: '../settings-page.scss',
})
export class CatalogPage {
  private readonly gql = inject(CatalogServiceTypesGQL);
  private readonly activeGql = inject(CatalogSetServiceTypeActiveGQL);

  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly searchText = toSignal(
    this.search.valueChanges.pipe(
      debounceTime(250),
      map((s) => s.trim()),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  protected readonly includeInactive = signal(false);

  private readonly variables = computed(() => ({
    search: this.searchText() || null,
    includeInactive: this.includeInactive(),
  }));
  protected readonly types = liveQuery(this.variables, (variables) =>
    this.gql.watch({ variables, notifyOnNetworkStatusChange: true }),
  );
  protected readonly list = new SettingsList(this.types);
  protected readonly rows = computed(() =>
    (this.types.data()?.serviceTypes ?? []).filter(
      (t) => (this.includeInactive() || t.active) && matchesSearch(t, this.searchText()),
    ),
  );

  protected edit(type: CatalogServiceTypeFragment | null): Promise<void> {
    return this.list.edit<ServiceTypeDialog, ServiceTypeDialogData, CatalogServiceTypeFragment>(
      ServiceTypeDialog,
      { data: { type }, width: 'min(760px, 96vw)', autoFocus: 'first-tabbable' },
    );
  }

  protected toggleActive(type: CatalogServiceTypeFragment): Promise<void> {
    const archiving = type.active;
    const question = {
      title: archiving ? `Archive ${type.name}?` : `Restore ${type.name}?`,
      message: archiving
        ? 'It can no longer be chosen for new work orders. Existing orders keep it.'
        : 'It can be chosen for new work orders again.',
      confirm: archiving ? 'Archive' : 'Restore',
      danger: archiving,
    };
    return this.list.change(question, async () => {
      const res = await firstValueFrom(
        this.activeGql.mutate({ variables: { id: type.id, active: !archiving } }),
      );
      if (!res.data?.setServiceTypeActive) throw res.error ?? new Error('Nothing changed');
      this.list.notify(`${archiving ? 'Archived' : 'Restored'} ${type.name}`);
    });
  }
}
