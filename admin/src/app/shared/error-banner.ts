import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/** A failure the user should see, with an optional Retry. */
@Component({
  selector: 'att-error-banner',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'alert' },
  template: `
    <span class="message">{{ message() }}</span>
    @if (retryLabel()) {
      <button mat-button type="button" (click)="retry.emit()" data-testid="error-retry">
        {{ retryLabel() }}
      </button>
    }
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: 12px;
      flex-wrap: wrap;
      padding: 8px 16px;
      margin: 8px 0;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-body-medium);
    }
    .message {
      flex: 1;
      min-width: 200px;
    }
  `,
})
export class ErrorBanner {
  readonly message = input.required<string>();
  /** Label of the retry button; none without it. */
  readonly retryLabel = input<string | null>('Retry');
  readonly retry = output<void>();
}
