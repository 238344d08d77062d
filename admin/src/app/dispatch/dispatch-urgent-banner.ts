import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { urgentText, type Suggestion } from './dispatch-optimizer.model';

/** An emergency the server fitted into the plan: where it can go, with Apply / Dismiss. */
@Component({
  selector: 'att-dispatch-urgent-banner',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    role: 'alert',
    'data-testid': 'urgent-suggestion',
    '[attr.data-suggestion]': 'suggestion().id',
  },
  template: `
    <span class="icon" aria-hidden="true">⚡</span>
    <span class="text" data-testid="urgent-suggestion-text">{{ text() }}</span>
    <button
      mat-flat-button
      type="button"
      [disabled]="!canPlan() || busy()"
      (click)="apply.emit()"
      data-testid="urgent-apply"
    >
      Apply
    </button>
    <button mat-button type="button" (click)="dismiss.emit()" data-testid="urgent-dismiss">
      Dismiss
    </button>
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: 10px;
      flex-wrap: wrap;
      padding: 8px 12px;
      margin-bottom: 8px;
      border-radius: 8px;
      border-left: 4px solid #c62828;
      background: #ffdad6;
      color: #410002;
      font: var(--mat-sys-body-medium);
    }
    .text {
      flex: 1;
      min-width: 200px;
      font-weight: 500;
    }
  `,
})
export class DispatchUrgentBanner {
  readonly suggestion = input.required<Suggestion>();
  readonly timezone = input.required<string>();
  readonly canPlan = input(false);
  readonly busy = input(false);
  readonly apply = output<void>();
  readonly dismiss = output<void>();

  protected readonly text = computed(() => urgentText(this.suggestion(), this.timezone()));
}
