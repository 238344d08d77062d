import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { IonButton } from '@ionic/angular';
import type { LocalJob } from '../../core/offline/ops';
import { SyncService } from '../../core/offline/sync.service';

const stamp = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** Notes on the job, oldest first, and a box to add one. */
@Component({
  selector: 'app-job-notes',
  imports: [IonButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (job().notes.length === 0) {
      <p class="empty">No notes yet.</p>
    }
    <ul class="list">
      @for (note of job().notes; track note.id) {
        <li data-testid="note" [attr.data-pending]="note.pending ? 'true' : 'false'">
          <div class="note">
            <p class="body">{{ note.body }}</p>
            <p class="muted">{{ note.authorName }} · {{ when(note.createdAt) }}</p>
          </div>
          @if (note.pending) {
            <span class="badge">not sent</span>
          }
        </li>
      }
    </ul>
    <textarea
      class="field"
      data-testid="note-body"
      placeholder="Write a note for the office"
      maxlength="5000"
      aria-label="New note"
      [value]="body()"
      (input)="body.set($any($event.target).value)"
    ></textarea>
    <ion-button
      class="add"
      size="small"
      data-testid="add-note"
      [disabled]="!body().trim()"
      (click)="add()"
    >
      Add note
    </ion-button>
  `,
  styleUrl: './edit.scss',
  styles: `
    .note {
      flex: 1;
    }
    .body {
      margin: 0;
      white-space: pre-line;
    }
    .add {
      margin-top: 6px;
    }
  `,
})
export class JobNotesComponent {
  private readonly sync = inject(SyncService);
  readonly job = input.required<LocalJob>();
  readonly body = signal('');

  when(iso: string): string {
    return stamp.format(new Date(iso));
  }

  async add(): Promise<void> {
    const body = this.body().trim();
    if (!body) return;
    this.body.set('');
    await this.sync.enqueue(this.job(), { kind: 'note', body });
  }
}
