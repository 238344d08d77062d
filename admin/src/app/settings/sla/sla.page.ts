import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { firstValueFrom } from 'rxjs';
import {
  SlaDeletePolicyGQL,
  SlaPoliciesGQL,
  type SlaPolicyFieldsFragment,
} from '../../generated/graphql';
import { ErrorBanner } from '../../shared/error-banner';
import { queryState } from '../../shared/query-state';
import { SettingsList } from '../settings-list';
import { scopeOf } from './sla.model';
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
      @if (list.canEdit()) {
        <button mat-flat-button type="button" (click)="edit(null)" data-testid="sla-new">
          New SLA policy
        </button>
      }
    </header>

    @if (list.error(); as message) {
      <att-error-banner [message]="message" (retry)="list.retry()" data-testid="sla-error" />
    }
    <div class="progress">
      @if (state.loading() || list.busy()) {
        <mat-progress-bar mode="indeterminate" />
      }
    </div>

    @if (rows().length > 0) {
      <att-sla-policy-table
        [rows]="rows()"
        [canEdit]="list.canEdit()"
        [busy]="list.busy()"
        (edit)="edit($event)"
        (remove)="remove($event)"
      />
    } @else if (!state.loading() && !state.error()) {
      <p class="empty" data-testid="sla-empty">
        No SLA policies yet. Without one, work orders have no deadline unless one is given.
      </p>
    }
  `,
  styleUrl: '../settings-page.scss',
})
export class SlaPage {
  private readonly query = inject(SlaPoliciesGQL).watch({ notifyOnNetworkStatusChange: true });
  private readonly deleteGql = inject(SlaDeletePolicyGQL);

  protected readonly state = queryState(this.query.valueChanges);
  protected readonly list = new SettingsList({
    error: this.state.error,
    refetch: () => void this.query.refetch().catch(() => undefined),
  });
  /** Most specific first, the order in which they win. */
  protected readonly rows = computed(() =>
    [...(this.state.data()?.slaPolicies ?? [])].sort(
      (a, b) => scopeOf(a).rank - scopeOf(b).rank || a.name.localeCompare(b.name),
    ),
  );

  protected edit(policy: SlaPolicyFieldsFragment | null): Promise<void> {
    return this.list.edit<SlaPolicyDialog, SlaPolicyDialogData, SlaPolicyFieldsFragment>(
      SlaPolicyDialog,
      { data: { policy }, width: 'min(820px, 96vw)' },
    );
  }

  protected remove(policy: SlaPolicyFieldsFragment): Promise<void> {
    const consequence =
      'New work orders stop getting its targets. Existing work orders keep their deadlines.';
    return this.list.delete(policy, consequence, async () => {
      const res = await firstValueFrom(this.deleteGql.mutate({ variables: { id: policy.id } }));
      if (!res.data?.deleteSlaPolicy) throw res.error ?? new Error('The policy was not deleted');
    });
  }
}
