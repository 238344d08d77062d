import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { IonButton } from '@ionic/angular';
import { isClosed, type LocalChecklistItem, type LocalJob } from '../../core/offline/ops';
import { SyncService } from '../../core/offline/sync.service';

/** The job's checklist: tick items off and add new ones, offline too. */
@Component({
  selector: 'app-job-checklist',
  imports: [IonButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (job().checklist.length === 0) {
      <p class="empty">No checklist on this job.</p>
    }
    <ul class="list">
      @for (item of job().checklist; track item.id; let i = $index) {
        <li>
          <label class="check">
            <input
              type="checkbox"
              [attr.data-testid]="'checklist-item-' + i"
              [attr.data-label]="item.label"
              [checked]="item.done"
              [disabled]="closed()"
              (change)="toggle(item, $any($event.target).checked)"
            />
            <span [class.done]="item.done">{{ item.label }}</span>
          </label>
          @if (item.pending) {
            <span class="badge">not sent</span>
          }
        </li>
      }
    </ul>
    @if (!closed()) {
      <form class="row" (submit)="$event.preventDefault(); add()">
        <input
          class="field"
          data-testid="checklist-new"
          placeholder="Add a step"
          maxlength="200"
          aria-label="New checklist step"
          [value]="label()"
          (input)="label.set($any($event.target).value)"
        />
        <ion-button type="submit" data-testid="add-checklist-item" [disabled]="!label().trim()">
          Add
        </ion-button>
      </form>
    }
  `,
  styleUrl: './edit.scss',
  styles: `
    .check {
      flex: 1;
      display: flex;
      align-items: center;
      gap: 10px;
      min-height: 32px;
    }
    input[type='checkbox'] {
      width: 22px;
      height: 22px;
      flex: none;
    }
    .done {
      text-decoration: line-through;
      color: var(--app-muted);
    }
  `,
})
export class JobChecklistComponent {
  private readonly sync = inject(SyncService);
  readonly job = input.required<LocalJob>();
  readonly label = signal('');
  readonly closed = computed(() => isClosed(this.job()));

  toggle(item: LocalChecklistItem, done: boolean): Promise<unknown> {
    return this.sync.enqueue(this.job(), { kind: 'checklistDone', itemId: item.id, done });
  }

  async add(): Promise<void> {
    const label = this.label().trim();
    if (!label) return;
    this.label.set('');
    await this.sync.enqueue(this.job(), { kind: 'checklistAdd', label });
  }
}
