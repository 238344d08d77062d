import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { firstValueFrom, interval, map } from 'rxjs';
import {
  AutomationDeleteRuleGQL,
  AutomationRulesGQL,
  AutomationRunRulesGQL,
  AutomationSetRuleActiveGQL,
  type AutomationRuleFieldsFragment,
} from '../../generated/graphql';
import { ErrorBanner } from '../../shared/error-banner';
import { queryState } from '../../shared/query-state';
import { SettingsList } from '../settings-list';
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
      @if (list.canEdit()) {
        <div class="head-actions">
          <button
            mat-stroked-button
            type="button"
            (click)="run()"
            [disabled]="list.busy()"
            data-testid="automation-run"
          >
            {{ list.running() ? 'Running…' : 'Run now' }}
          </button>
          <button mat-flat-button type="button" (click)="edit(null)" data-testid="automation-new">
            New rule
          </button>
        </div>
      }
    </header>

    @if (list.result(); as r) {
      <p class="result" role="status" data-testid="automation-run-result">{{ r }}</p>
    }
    @if (list.error(); as message) {
      <att-error-banner [message]="message" (retry)="list.retry()" data-testid="automation-error" />
    }
    <div class="progress">
      @if (state.loading() || list.busy()) {
        <mat-progress-bar mode="indeterminate" />
      }
    </div>

    @if (rows().length > 0) {
      <att-automation-rule-table
        [rows]="rows()"
        [canEdit]="list.canEdit()"
        [busy]="list.busy()"
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
  styleUrl: '../settings-page.scss',
})
export class AutomationPage {
  private readonly query = inject(AutomationRulesGQL).watch({ notifyOnNetworkStatusChange: true });
  private readonly activeGql = inject(AutomationSetRuleActiveGQL);
  private readonly deleteGql = inject(AutomationDeleteRuleGQL);
  private readonly runGql = inject(AutomationRunRulesGQL);

  protected readonly state = queryState(this.query.valueChanges);
  protected readonly list = new SettingsList({
    error: this.state.error,
    refetch: () => void this.query.refetch().catch(() => undefined),
  });
  protected readonly rows = computed(() => this.state.data()?.automationRules ?? []);
  /** Ticks so "last fired" ages while the page stays open. */
  protected readonly now = toSignal(interval(30_000).pipe(map(() => Date.now())), {
    initialValue: Date.now(),
  });

  protected edit(rule: AutomationRuleFieldsFragment | null): Promise<void> {
    return this.list.edit<
      AutomationRuleDialog,
      AutomationRuleDialogData,
      AutomationRuleFieldsFragment
    >(AutomationRuleDialog, { data: { rule }, width: 'min(1040px, 96vw)' });
  }

  protected toggleActive(rule: AutomationRuleFieldsFragment): Promise<void> {
    const consequence =
      'No orders are created from it while it is paused. Orders already made stay.';
    return this.list.pauseOrResume(rule, consequence, async (active) => {
      const res = await firstValueFrom(
        this.activeGql.mutate({ variables: { id: rule.id, active } }),
      );
      if (!res.data?.setAutomationRuleActive) throw res.error ?? new Error('Nothing changed');
    });
  }

  protected remove(rule: AutomationRuleFieldsFragment): Promise<void> {
    const consequence = 'No more orders are created from it. Orders it already created stay.';
    return this.list.delete(rule, consequence, async () => {
      const res = await firstValueFrom(this.deleteGql.mutate({ variables: { id: rule.id } }));
      if (!res.data?.deleteAutomationRule) throw res.error ?? new Error('The rule was not deleted');
    });
  }

  protected run(): Promise<void> {
    return this.list.runNow(async () => {
      const res = await firstValueFrom(this.runGql.mutate());
      const outcome = res.data?.runAutomationRules;
      if (!outcome) throw res.error ?? new Error('The rules did not run');
      return runSummary(outcome);
    });
  }
}
