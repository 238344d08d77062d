import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../../core/errors';
import { SessionStore } from '../../core/session.store';
import {
  SlaDeletePolicyGQL,
  SlaPoliciesGQL,
  type SlaPolicyFieldsFragment,
} from '../../generated/graphql';
import { confirmAction } from '../../shared/confirm-dialog';
import { ErrorBanner } from '../../shared/error-banner';
import { queryState } from '../../shared/query-state';
import { scopeOf, SETTINGS_WRITERS } from './sla.model';
import { SlaPolicyDialog, type SlaPolicyDialogData } from './sla-policy.dialog';
import { SlaPolicyTable } from './sla-policy-table';

/** /settings/sla: response and resolution targets per service type and priority. */
@Component({
  selector: 'att-sla-page',
  imports: [MatButtonModule, MatProgressBarModule, ErrorBanner, SlaPolicyTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="head">
      <div>
        <h2>SLA policies</h2>
        <p class="muted" data-testid="sla-precedence-hint">
          A new work order gets the targets of the most specific active policy: service type and
          priority beats service type, which beats priority, which beats the catch-all. Changes
          apply to new work orders; existing ones keep their deadlines.
        </p>
      </div>
      @if (canEdit()) {
        <button mat-flat-button type="button" (click)="edit(null)" data-testid="sla-new">
          New SLA policy
        </button>
      }
    </header>

    @if (error(); as message) {
      <att-error-banner [message]="message" (retry)="retry()" data-testid="sla-error" />
    }
    <div class="progress">
      @if (state.loading() || busy()) {
        <mat-progress-bar mode="indeterminate" />
      }
    </div>

    @if (rows().length > 0) {
      <att-sla-policy-table
        [rows]="rows()"
        [canEdit]="canEdit()"
        [busy]="busy()"
        (edit)="edit($event)"
        (remove)="remove($event)"
      />
    } @else if (!state.loading() && !state.error()) {
      <p class="empty" data-testid="sla-empty">
        No SLA policies yet. Without one, work orders have no deadline unless one is given.
      </p>
    }
  `,
  styleUrl: '../catalog/settings-page.scss',
})
export class SlaPage {
  private readonly query = inject(SlaPoliciesGQL).watch({ notifyOnNetworkStatusChange: true });
  private readonly deleteGql = inject(SlaDeletePolicyGQL);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  private readonly store = inject(SessionStore);

  protected readonly canEdit = computed(() => this.store.hasAnyRole(SETTINGS_WRITERS));
  protected readonly state = queryState(this.query.valueChanges);
  /** Most specific first, the order in which they win. */
  protected readonly rows = computed(() =>
    [...(this.state.data()?.slaPolicies ?? [])].sort(
      (a, b) => scopeOf(a).rank - scopeOf(b).rank || a.name.localeCompare(b.name),
    ),
  );
  protected readonly busy = signal(false);
  private readonly actionError = signal<string | null>(null);
  protected readonly error = computed(
    () => this.actionError() ?? (this.state.error() ? messageOf(this.state.error()) : null),
  );

  protected retry(): void {
    this.actionError.set(null);
    void this.query.refetch().catch(() => undefined);
  }

  protected async edit(policy: SlaPolicyFieldsFragment | null): Promise<void> {
    const ref = this.dialog.open<SlaPolicyDialog, SlaPolicyDialogData, SlaPolicyFieldsFragment>(
      SlaPolicyDialog,
      { data: { policy }, width: 'min(820px, 96vw)', maxWidth: '96vw', maxHeight: '92vh' },
    );
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    this.snack.open(`Saved ${saved.name}`, undefined, { duration: 3000 });
    void this.query.refetch().catch(() => undefined);
  }

  protected async remove(policy: SlaPolicyFieldsFragment): Promise<void> {
    const ok = await confirmAction(this.dialog, {
      title: `Delete ${policy.name}?`,
      message:
        'New work orders stop getting its targets. Existing work orders keep their deadlines.',
      confirm: 'Delete',
      danger: true,
    });
    if (!ok) return;
    this.busy.set(true);
    this.actionError.set(null);
    try {
      const res = await firstValueFrom(this.deleteGql.mutate({ variables: { id: policy.id } }));
      if (!res.data?.deleteSlaPolicy) throw res.error ?? new Error('The policy was not deleted');
      this.snack.open(`Deleted ${policy.name}`, undefined, { duration: 3000 });
      await this.query.refetch();
    } catch (err) {
      this.actionError.set(messageOf(err));
    } finally {
      this.busy.set(false);
    }
  }
}
