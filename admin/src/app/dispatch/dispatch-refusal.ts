import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { MoveFailure } from './dispatch-actions';

/** Why the last drop or assignment did not happen; planners may assign anyway. */
@Component({
  selector: 'att-dispatch-refusal',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'alert', 'data-testid': 'dispatch-refusal' },
  template: `
    <div class="text">
      @if (failure().conflicts.length) {
        <strong data-testid="dispatch-refusal-title"
          >Not scheduled: {{ failure().request.summary }}</strong
        >
        <ul class="list">
          @for (c of failure().conflicts; track $index) {
            <li data-testid="dispatch-refusal-conflict" [attr.data-kind]="c.kind">
              {{ c.message }}
            </li>
          }
          @for (w of failure().warnings; track $index) {
            <li class="warning" data-testid="dispatch-refusal-warning" [attr.data-kind]="w.kind">
              Also: {{ w.message }}
            </li>
          }
        </ul>
      } @else {
        <strong data-testid="dispatch-refusal-title">Not scheduled</strong>
        <p class="message" data-testid="dispatch-refusal-message">{{ failure().message }}</p>
      }
    </div>
    <div class="actions">
      @if (canForce() && failure().conflicts.length) {
        <button
          mat-flat-button
          type="button"
          class="danger"
          (click)="force.emit()"
          data-testid="assign-anyway"
        >
          Assign anyway…
        </button>
      }
      <button
        mat-button
        type="button"
        (click)="dismiss.emit()"
        data-testid="dispatch-refusal-dismiss"
      >
        Dismiss
      </button>
    </div>
  `,
  styles: `
    :host {
      display: flex;
      gap: 12px;
      align-items: flex-start;
      flex-wrap: wrap;
      padding: 10px 16px;
      margin: 8px 0;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-body-medium);
    }
    .text {
      flex: 1;
      min-width: 240px;
    }
    .list {
      margin: 4px 0 0;
      padding-left: 20px;
    }
    .warning {
      opacity: 0.85;
    }
    .message {
      margin: 4px 0 0;
    }
    .actions {
      display: flex;
      gap: 8px;
    }
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class DispatchRefusal {
  readonly failure = input.required<MoveFailure>();
  readonly canForce = input(false);
  readonly force = output<void>();
  readonly dismiss = output<void>();
}
