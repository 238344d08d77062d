import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { debounceTime, distinctUntilChanged, firstValueFrom, map } from 'rxjs';
import { messageOf } from '../../core/errors';
import { SessionStore } from '../../core/session.store';
import {
  CatalogServiceTypesGQL,
  CatalogSetServiceTypeActiveGQL,
  type CatalogServiceTypeFragment,
} from '../../generated/graphql';
import { confirmAction } from '../../shared/confirm-dialog';
import { ErrorBanner } from '../../shared/error-banner';
import { liveQuery } from '../../shared/query-state';
import { SETTINGS_WRITERS } from '../sla/sla.model';
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
      @if (canEdit()) {
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

    @if (error(); as message) {
      <att-error-banner [message]="message" (retry)="retry()" data-testid="catalog-error" />
    }
    <div class="progress">
      @if (types.loading() || busy()) {
        <mat-progress-bar mode="indeterminate" />
      }
    </div>

    @if (rows().length > 0) {
      <att-service-type-table
        [rows]="rows()"
        [canEdit]="canEdit()"
        [busy]="busy()"
        (edit)="edit($event)"
        (toggleActive)="toggleActive($event)"
      />
    } @else if (!types.loading() && !error()) {
      <p class="empty" data-testid="catalog-empty">
        @if (searchText() || includeInactive()) {
          No service types match.
        } @else {
          No service types yet. Add the services you offer so work orders can use them.
        }
      </p>
    }
  `,
  styleUrl: './settings-page.scss',
})
export class CatalogPage {
  private readonly gql = inject(CatalogServiceTypesGQL);
  private readonly activeGql = inject(CatalogSetServiceTypeActiveGQL);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  private readonly store = inject(SessionStore);

  protected readonly canEdit = computed(() => this.store.hasAnyRole(SETTINGS_WRITERS));
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
  protected readonly busy = signal(false);

  private readonly variables = computed(() => ({
    search: this.searchText() || null,
    includeInactive: this.includeInactive(),
  }));
  protected readonly types = liveQuery(this.variables, (variables) =>
    this.gql.watch({ variables, notifyOnNetworkStatusChange: true }),
  );
  protected readonly rows = computed(() =>
    (this.types.data()?.serviceTypes ?? []).filter(
      (t) => (this.includeInactive() || t.active) && matchesSearch(t, this.searchText()),
    ),
  );
  protected readonly actionError = signal<string | null>(null);
  protected readonly error = computed(
    () => this.actionError() ?? (this.types.error() ? messageOf(this.types.error()) : null),
  );

  protected retry(): void {
    this.actionError.set(null);
    this.types.refetch();
  }

  protected async edit(type: CatalogServiceTypeFragment | null): Promise<void> {
    const ref = this.dialog.open<
      ServiceTypeDialog,
      ServiceTypeDialogData,
      CatalogServiceTypeFragment
    >(ServiceTypeDialog, {
      data: { type },
      width: 'min(760px, 96vw)',
      maxWidth: '96vw',
      maxHeight: '92vh',
      autoFocus: 'first-tabbable',
    });
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    this.snack.open(`Saved ${saved.name}`, undefined, { duration: 3000 });
    this.types.refetch();
  }

  protected async toggleActive(type: CatalogServiceTypeFragment): Promise<void> {
    const archiving = type.active;
    const ok = await confirmAction(this.dialog, {
      title: archiving ? `Archive ${type.name}?` : `Restore ${type.name}?`,
      message: archiving
        ? 'It can no longer be chosen for new work orders. Existing orders keep it.'
        : 'It can be chosen for new work orders again.',
      confirm: archiving ? 'Archive' : 'Restore',
      danger: archiving,
    });
    if (!ok) return;
    this.busy.set(true);
    this.actionError.set(null);
    try {
      const res = await firstValueFrom(
        this.activeGql.mutate({ variables: { id: type.id, active: !archiving } }),
      );
      if (!res.data?.setServiceTypeActive) throw res.error ?? new Error('Nothing changed');
      this.snack.open(`${archiving ? 'Archived' : 'Restored'} ${type.name}`, undefined, {
        duration: 3000,
      });
      this.types.refetch();
    } catch (err) {
      this.actionError.set(messageOf(err));
    } finally {
      this.busy.set(false);
    }
  }
}
