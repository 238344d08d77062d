import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { firstValueFrom } from 'rxjs';
import { fieldErrorsOf } from '../core/errors';
import { WorkOrderAddNoteGQL, type WorkOrderNoteFieldsFragment } from '../generated/graphql';
import { ErrorBanner } from '../shared/error-banner';
import { DateTimePipe } from '../shared/pipes';
import { actionMessage } from './work-order-errors';

const NOTE_RULE = 'Write a note of 1 to 5000 characters';

/** The notes thread, oldest first; notes can be added to closed work orders too. */
@Component({
  selector: 'att-work-order-notes',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    ErrorBanner,
    DateTimePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" data-testid="wo-notes">
      <mat-card-header><mat-card-title>Notes</mat-card-title></mat-card-header>
      <mat-card-content>
        <ol class="thread">
          @for (n of notes(); track n.id; let i = $index) {
            <li [attr.data-testid]="'note-' + i">
              <div class="meta">
                <strong>{{ n.authorName }}</strong>
                <span>{{ n.createdAt | dateTime }}</span>
              </div>
              <p class="body">{{ n.body }}</p>
            </li>
          } @empty {
            <li class="muted" data-testid="notes-empty">No notes yet.</li>
          }
        </ol>
        @if (error(); as message) {
          <att-error-banner [message]="message" [retryLabel]="null" data-testid="note-error" />
        }
        @if (canWrite()) {
          <form (submit)="$event.preventDefault(); add()" data-testid="note-form">
            <mat-form-field class="field" subscriptSizing="dynamic">
              <mat-label>Add a note</mat-label>
              <textarea
                matInput
                rows="2"
                [formControl]="body"
                maxlength="5000"
                data-testid="note-input"
              ></textarea>
              @if (body.touched && body.invalid) {
                <mat-error data-testid="field-error-note">{{ bodyError() ?? rule }}</mat-error>
              }
            </mat-form-field>
            <button mat-stroked-button type="submit" [disabled]="busy()" data-testid="note-add">
              Add note
            </button>
          </form>
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .thread {
      list-style: none;
      margin: 8px 0;
      padding: 0;
      display: grid;
      gap: 10px;
      max-height: 360px;
      overflow-y: auto;
    }
    .thread li {
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
    }
    .meta {
      display: flex;
      justify-content: space-between;
      gap: 8px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .body {
      margin: 4px 0 0;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .thread li.muted {
      background: none;
      padding: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    form {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      flex-wrap: wrap;
    }
    .field {
      flex: 1 1 240px;
    }
    form button {
      margin-top: 8px;
    }
  `,
})
export class WorkOrderNotes {
  readonly workOrderId = input.required<string>();
  readonly notes = input.required<readonly WorkOrderNoteFieldsFragment[]>();
  readonly canWrite = input(false);

  private readonly addGql = inject(WorkOrderAddNoteGQL);
  protected readonly rule = NOTE_RULE;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly bodyError = signal<string | null>(null);
  protected readonly body = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.pattern(/\S/), Validators.maxLength(5000)],
  });

  protected async add(): Promise<void> {
    this.body.markAsTouched();
    this.bodyError.set(null);
    if (this.body.invalid) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(
        this.addGql.mutate({
          variables: { workOrderId: this.workOrderId(), body: this.body.value.trim() },
        }),
      );
      this.body.reset();
    } catch (err) {
      const fields = fieldErrorsOf(err);
      const message = fields['body'] ?? fields['note'];
      if (message) {
        this.bodyError.set(message);
        this.body.setErrors({ server: true });
      } else {
        this.error.set(actionMessage(err));
      }
    } finally {
      this.busy.set(false);
    }
  }
}
