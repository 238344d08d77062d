import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

export interface SkippedLine {
  id: string;
  title: string;
  reason: string;
}

/** The tasks a bulk action left unchanged, each with the server's reason. */
@Component({
  selector: 'att-task-skipped',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'status', 'data-testid': 'task-bulk-skipped' },
  template: `
    <div class="text">
      <strong
        >{{ lines().length === 1 ? '1 task was' : lines().length + ' tasks were' }} not
        changed</strong
      >
      <ul>
        @for (l of lines(); track l.id) {
          <li data-testid="task-bulk-skipped-item">
            <span class="title">{{ l.title }}</span>: {{ l.reason }}
          </li>
        }
      </ul>
    </div>
    <button
      mat-button
      type="button"
      (click)="dismiss.emit()"
      data-testid="task-bulk-skipped-dismiss"
    >
      Dismiss
    </button>
  `,
  styles: `
    :host {
      display: flex;
      align-items: flex-start;
      gap: 12px;
      padding: 8px 16px;
      margin: 8px 0;
      border-radius: 8px;
      background: #fff3c4;
      color: #5c4400;
      font: var(--mat-sys-body-medium);
    }
    .text {
      flex: 1;
    }
    ul {
      margin: 4px 0 0;
      padding-left: 20px;
    }
    .title {
      font-weight: 500;
    }
  `,
})
export class TaskSkipped {
  readonly lines = input.required<readonly SkippedLine[]>();
  readonly dismiss = output<void>();
}
