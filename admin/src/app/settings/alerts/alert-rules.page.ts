import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { messageOf } from '../../core/errors';
import { AlertRulesGQL } from '../../generated/graphql';
import { ErrorBanner } from '../../shared/error-banner';
import { queryState } from '../../shared/query-state';
import { AlertRuleEditor } from './alert-rule-editor';

/** /settings/alerts: one rule per kind of alert — routing, timeout and escalation chain. */
@Component({
  selector: 'att-alert-rules-page',
  imports: [MatProgressBarModule, ErrorBanner, AlertRuleEditor],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="lead">
      Each kind of alert notifies its roles and people first. When nobody acknowledges it in time,
      the next person in the chain is notified, one timeout later the next, then every manager.
    </p>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" />
    } @else if (error(); as e) {
      <att-error-banner [message]="e" retryLabel="Retry" (retry)="retry()" />
    } @else {
      <div class="rules">
        @for (rule of data()!.alertRules; track rule.kind) {
          <att-alert-rule-editor [rule]="rule" [staff]="data()!.alertStaff" />
        }
      </div>
    }
  `,
  styles: `
    .lead {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
      max-width: 760px;
    }
    .rules {
      display: grid;
      gap: 12px;
      max-width: 960px;
    }
  `,
})
export class AlertRulesPage {
  private readonly ref = inject(AlertRulesGQL).watch({ fetchPolicy: 'network-only' });
  private readonly state = queryState(this.ref.valueChanges);
  protected readonly data = this.state.data;
  protected readonly loading = computed(() => !this.data() && this.state.loading());
  protected readonly error = computed(() =>
    !this.data() && this.state.error() ? messageOf(this.state.error()) : null,
  );

  protected retry(): void {
    void this.ref.refetch().catch(() => undefined);
  }
}
