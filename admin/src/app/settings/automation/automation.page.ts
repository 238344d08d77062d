import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom, interval, map } from 'rxjs';
import { messageOf } from '../../core/errors';
import { SessionStore } from '../../core/session.store';
import {
  AutomationDeleteRuleGQL,
  AutomationRulesGQL,
  AutomationRunRulesGQL,
  AutomationSetRuleActiveGQL,
  type AutomationRuleFieldsFragment,
} from '../../generated/graphql';
import { confirmAction } from '../../shared/confirm-dialog';
import { ErrorBanner } from '../../shared/error-banner';
import { queryState } from '../../shared/query-state';
import { SETTINGS_WRITERS } from '../sla/sla.model';
import { runSummary } from './automation.model';
import { AutomationRuleDialog, type AutomationRuleDialogData } from './automation-rule.dialog';
import { AutomationRuleTable } from './automation-rule-table';

/** /settings/automation: pre-arrival service orders created from reservation facts. */
@Component({
  selector: 'att-automation-page',
  imports: [MatButtonModule, MatProgressBarModule, ErrorBanner, AutomationRuleTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="head">
      <div>
        <h2>Automation rules</h2>
        <p class="muted">
          When an upcoming reservation meets a rule's conditions, a service order is created before
          the guest arrives, once per reservation. Rules run when reservations sync and every few
          minutes.
        </p>
      </div>
      @if (canEdit()) {
        <div class="head-actions">
          <button
            mat-stroked-button
            type="button"
            (click)="run()"
            [disabled]="busy()"
            data-testid="automation-run"
          >
            {{ running() ? 'Running…' : 'Run now' }}
          </button>
          <button mat-flat-button type="button" (click)="edit(null)" data-testid="automation-new">
            New rule
          </button>
        </div>
      }
    </header>

    @if (result(); as r) {
      <p class="result" role="status" data-testid="automation-run-result">{{ r }}</p>
    }
    @if (error(); as message) {
      <att-error-banner [message]="message" (retry)="retry()" data-testid="automation-error" />
    }
    <div class="progress">
      @if (state.loading() || busy()) {
        <mat-progress-bar mode="indeterminate" />
      }
    </div>

    @if (rows().length > 0) {
      <att-automation-rule-table
        [rows]="rows()"
        [canEdit]="canEdit()"
        [busy]="busy()"
        [now]="now()"
        (edit)="edit($event)"
        (toggleActive)="toggleActive($event)"
        (remove)="remove($event)"
      />
    } @else if (!state.loading() && !state.error()) {
      <p class="empty" data-testid="automation-empty">
        No automation rules yet. For example: when a VIP arrives, deliver champagne 3 hours before
        arrival.
      </p>
    }
  `,
  styleUrl: '../catalog/settings-page.scss',
})
export class AutomationPage {
  private readonly query = inject(AutomationRulesGQL).watch({ notifyOnNetworkStatusChange: true });
  private readonly activeGql = inject(AutomationSetRuleActiveGQL);
  private readonly deleteGql = inject(AutomationDeleteRuleGQL);
  private readonly runGql = inject(AutomationRunRulesGQL);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  private readonly store = inject(SessionStore);

  protected readonly canEdit = computed(() => this.store.hasAnyRole(SETTINGS_WRITERS));
  protected readonly state = queryState(this.query.valueChanges);
  protected readonly rows = computed(() => this.state.data()?.automationRules ?? []);
  /** Ticks so "last fired" ages while the page stays open. */
  protected readonly now = toSignal(interval(30_000).pipe(map(() => Date.now())), {
    initialValue: Date.now(),
  });
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

  protected async edit(rule: AutomationRuleFieldsFragment | null): Promise<void> {
    const ref = this.dialog.open<
      AutomationRuleDialog,
      AutomationRuleDialogData,
      AutomationRuleFieldsFragment
    >(AutomationRuleDialog, {
      data: { rule },
      width: 'min(1040px, 96vw)',
      maxWidth: '96vw',
      maxHeight: '92vh',
    });
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    this.snack.open(`Saved ${saved.name}`, undefined, { duration: 3000 });
    this.refetch();
  }

  protected async toggleActive(rule: AutomationRuleFieldsFragment): Promise<void> {
    const pausing = rule.active;
    if (pausing) {
      const ok = await confirmAction(this.dialog, {
        title: `Pause ${rule.name}?`,
        message: 'No orders are created from it while it is paused. Orders already made stay.',
        confirm: 'Pause',
      });
      if (!ok) return;
    }
    await this.act(async () => {
      const res = await firstValueFrom(
        this.activeGql.mutate({ variables: { id: rule.id, active: !pausing } }),
      );
      if (!res.data?.setAutomationRuleActive) throw res.error ?? new Error('Nothing changed');
      this.snack.open(`${pausing ? 'Paused' : 'Resumed'} ${rule.name}`, undefined, {
        duration: 3000,
      });
    });
  }

  protected async remove(rule: AutomationRuleFieldsFragment): Promise<void> {
    const ok = await confirmAction(this.dialog, {
      title: `Delete ${rule.name}?`,
      message: 'No more orders are created from it. Orders it already created stay.',
      confirm: 'Delete',
      danger: true,
    });
    if (!ok) return;
    await this.act(async () => {
      const res = await firstValueFrom(this.deleteGql.mutate({ variables: { id: rule.id } }));
      if (!res.data?.deleteAutomationRule) throw res.error ?? new Error('The rule was not deleted');
      this.snack.open(`Deleted ${rule.name}`, undefined, { duration: 3000 });
    });
  }

  protected async run(): Promise<void> {
    this.running.set(true);
    this.result.set(null);
    await this.act(async () => {
      const res = await firstValueFrom(this.runGql.mutate());
      const outcome = res.data?.runAutomationRules;
      if (!outcome) throw res.error ?? new Error('The rules did not run');
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
