import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { firstValueFrom } from 'rxjs';
import {
  MaintenanceDeletePlanGQL,
  MaintenancePlansGQL,
  MaintenanceRunPlansGQL,
  MaintenanceSetPlanActiveGQL,
  type MaintenancePlanFieldsFragment,
} from '../../generated/graphql';
import { ErrorBanner } from '../../shared/error-banner';
import { queryState } from '../../shared/query-state';
import { SettingsList } from '../settings-list';
import { runSummary } from './maintenance.model';
import { MaintenancePlanDialog, type MaintenancePlanDialogData } from './maintenance-plan.dialog';
import { MaintenancePlanTable } from './maintenance-plan-table';

/** /settings/maintenance: preventive work generated ahead of each due day. */
@Component({
  selector: 'att-maintenance-page',
  imports: [MatButtonModule, MatProgressBarModule, ErrorBanner, MaintenancePlanTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="head">
      <div>
        <h2>Maintenance plans</h2>
        <p class="muted">
          Each active plan creates a work order a few days before every due day, once per day even
          when generation runs again.
        </p>
      </div>
      @if (list.canEdit()) {
        <div class="head-actions">
          <button
            mat-stroked-button
            type="button"
            (click)="run()"
            [disabled]="list.busy()"
            data-testid="maintenance-run"
          >
            {{ list.running() ? 'Generating…' : 'Generate now' }}
          </button>
          <button mat-flat-button type="button" (click)="edit(null)" data-testid="maintenance-new">
            New plan
          </button>
        </div>
      }
    </header>

    @if (list.result(); as r) {
      <p class="result" role="status" data-testid="maintenance-run-result">{{ r }}</p>
    }
    @if (list.error(); as message) {
      <att-error-banner
        [message]="message"
        (retry)="list.retry()"
        data-testid="maintenance-error"
      />
    }
    <div class="progress">
      @if (state.loading() || list.busy()) {
        <mat-progress-bar mode="indeterminate" />
      }
    </div>

    @if (rows().length > 0) {
      <att-maintenance-plan-table
        [rows]="rows()"
        [canEdit]="list.canEdit()"
        [busy]="list.busy()"
        (edit)="edit($event)"
        (toggleActive)="toggleActive($event)"
        (remove)="remove($event)"
      />
    } @else if (!state.loading() && !state.error()) {
      <p class="empty" data-testid="maintenance-empty">
        No maintenance plans yet. Add one for each asset, room or site that needs regular care.
      </p>
    }
  `,
  styleUrl: '../settings-page.scss',
})
export class MaintenancePage {
  private readonly query = inject(MaintenancePlansGQL).watch({ notifyOnNetworkStatusChange: true });
  private readonly activeGql = inject(MaintenanceSetPlanActiveGQL);
  private readonly deleteGql = inject(MaintenanceDeletePlanGQL);
  private readonly runGql = inject(MaintenanceRunPlansGQL);

  protected readonly state = queryState(this.query.valueChanges);
  protected readonly list = new SettingsList({
    error: this.state.error,
    refetch: () => void this.query.refetch().catch(() => undefined),
  });
  protected readonly rows = computed(() => this.state.data()?.maintenancePlans ?? []);

  protected edit(plan: MaintenancePlanFieldsFragment | null): Promise<void> {
    return this.list.edit<
      MaintenancePlanDialog,
      MaintenancePlanDialogData,
      MaintenancePlanFieldsFragment
    >(MaintenancePlanDialog, { data: { plan }, width: 'min(860px, 96vw)' });
  }

  protected toggleActive(plan: MaintenancePlanFieldsFragment): Promise<void> {
    const consequence =
      'No work orders are generated while it is paused. Orders already made stay.';
    return this.list.pauseOrResume(plan, consequence, async (active) => {
      const res = await firstValueFrom(
        this.activeGql.mutate({ variables: { id: plan.id, active } }),
      );
      if (!res.data?.setMaintenancePlanActive) throw res.error ?? new Error('Nothing changed');
    });
  }

  protected remove(plan: MaintenancePlanFieldsFragment): Promise<void> {
    const consequence =
      'No more work orders are generated from it. Work orders it already made stay.';
    return this.list.delete(plan, consequence, async () => {
      const res = await firstValueFrom(this.deleteGql.mutate({ variables: { id: plan.id } }));
      if (!res.data?.deleteMaintenancePlan)
        throw res.error ?? new Error('The plan was not deleted');
    });
  }

  protected run(): Promise<void> {
    return this.list.runNow(async () => {
      const res = await firstValueFrom(this.runGql.mutate());
      const outcome = res.data?.runMaintenancePlans;
      if (!outcome) throw res.error ?? new Error('Generation did not run');
      return runSummary(outcome);
    });
  }
}
