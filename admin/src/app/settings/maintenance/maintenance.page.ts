import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../../core/errors';
import { SessionStore } from '../../core/session.store';
import {
  MaintenanceDeletePlanGQL,
  MaintenancePlansGQL,
  MaintenanceRunPlansGQL,
  MaintenanceSetPlanActiveGQL,
  type MaintenancePlanFieldsFragment,
} from '../../generated/graphql';
import { confirmAction } from '../../shared/confirm-dialog';
import { ErrorBanner } from '../../shared/error-banner';
import { queryState } from '../../shared/query-state';
import { SETTINGS_WRITERS } from '../sla/sla.model';
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
      @if (canEdit()) {
        <div class="head-actions">
          <button
            mat-stroked-button
            type="button"
            (click)="run()"
            [disabled]="busy()"
            data-testid="maintenance-run"
          >
            {{ running() ? 'Generating…' : 'Generate now' }}
          </button>
          <button mat-flat-button type="button" (click)="edit(null)" data-testid="maintenance-new">
            New plan
          </button>
        </div>
      }
    </header>

    @if (result(); as r) {
      <p class="result" role="status" data-testid="maintenance-run-result">{{ r }}</p>
    }
    @if (error(); as message) {
      <att-error-banner [message]="message" (retry)="retry()" data-testid="maintenance-error" />
    }
    <div class="progress">
      @if (state.loading() || busy()) {
        <mat-progress-bar mode="indeterminate" />
      }
    </div>

    @if (rows().length > 0) {
      <att-maintenance-plan-table
        [rows]="rows()"
        [canEdit]="canEdit()"
        [busy]="busy()"
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
  styleUrl: '../catalog/settings-page.scss',
})
export class MaintenancePage {
  private readonly query = inject(MaintenancePlansGQL).watch({ notifyOnNetworkStatusChange: true });
  private readonly activeGql = inject(MaintenanceSetPlanActiveGQL);
  private readonly deleteGql = inject(MaintenanceDeletePlanGQL);
  private readonly runGql = inject(MaintenanceRunPlansGQL);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  private readonly store = inject(SessionStore);

  protected readonly canEdit = computed(() => this.store.hasAnyRole(SETTINGS_WRITERS));
  protected readonly state = queryState(this.query.valueChanges);
  protected readonly rows = computed(() => this.state.data()?.maintenancePlans ?? []);
  protected readonly busy = signal(false);
  protected readonly running = signal(false);
  protected readonly result = signal<string | null>(null);
  private readonly actionError = signal<string | null>(null);
  protected readonly error = computed(
    () => this.actionError() ?? (this.state.error() ? messageOf(this.state.error()) : null),
  );

  protected retry(): void {
    this.actionError.set(null);
    this.refetch();
  }

  protected async edit(plan: MaintenancePlanFieldsFragment | null): Promise<void> {
    const ref = this.dialog.open<
      MaintenancePlanDialog,
      MaintenancePlanDialogData,
      MaintenancePlanFieldsFragment
    >(MaintenancePlanDialog, {
      data: { plan },
      width: 'min(860px, 96vw)',
      maxWidth: '96vw',
      maxHeight: '92vh',
    });
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    this.snack.open(`Saved ${saved.name}`, undefined, { duration: 3000 });
    this.refetch();
  }

  protected async toggleActive(plan: MaintenancePlanFieldsFragment): Promise<void> {
    const pausing = plan.active;
    if (pausing) {
      const ok = await confirmAction(this.dialog, {
        title: `Pause ${plan.name}?`,
        message: 'No work orders are generated while it is paused. Orders already made stay.',
        confirm: 'Pause',
      });
      if (!ok) return;
    }
    await this.act(async () => {
      const res = await firstValueFrom(
        this.activeGql.mutate({ variables: { id: plan.id, active: !pausing } }),
      );
      if (!res.data?.setMaintenancePlanActive) throw res.error ?? new Error('Nothing changed');
      this.snack.open(`${pausing ? 'Paused' : 'Resumed'} ${plan.name}`, undefined, {
        duration: 3000,
      });
    });
  }

  protected async remove(plan: MaintenancePlanFieldsFragment): Promise<void> {
    const ok = await confirmAction(this.dialog, {
      title: `Delete ${plan.name}?`,
      message: 'No more work orders are generated from it. Work orders it already made stay.',
      confirm: 'Delete',
      danger: true,
    });
    if (!ok) return;
    await this.act(async () => {
      const res = await firstValueFrom(this.deleteGql.mutate({ variables: { id: plan.id } }));
      if (!res.data?.deleteMaintenancePlan)
        throw res.error ?? new Error('The plan was not deleted');
      this.snack.open(`Deleted ${plan.name}`, undefined, { duration: 3000 });
    });
  }

  protected async run(): Promise<void> {
    this.running.set(true);
    this.result.set(null);
    await this.act(async () => {
      const res = await firstValueFrom(this.runGql.mutate());
      const outcome = res.data?.runMaintenancePlans;
      if (!outcome) throw res.error ?? new Error('Generation did not run');
      this.result.set(runSummary(outcome));
    });
    this.running.set(false);
  }

  private async act(action: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.actionError.set(null);
    try {
      await action();
      this.refetch();
    } catch (err) {
      this.actionError.set(messageOf(err));
    } finally {
      this.busy.set(false);
    }
  }

  private refetch(): void {
    void this.query.refetch().catch(() => undefined);
  }
}
