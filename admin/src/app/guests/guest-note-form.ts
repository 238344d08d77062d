import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
  type OnInit,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../core/errors';
import {
  AddGuestNoteGQL,
  EditGuestNoteGQL,
  type CallDirection,
  type CallOutcome,
  type GuestNoteFieldsFragment,
  type GuestNoteKind,
} from '../generated/graphql';
import { newKey } from './guest-composer';
import {
  CALL_DIRECTIONS,
  CALL_OUTCOMES,
  formatDuration,
  parseDuration,
} from './guest-timeline.model';

const MAX_LENGTH = 5000;

/**
 * Log a call or write an internal note on the guest, or edit one. A retry of the same note after
 * a lost answer reuses its idempotency key, so it is never added twice.
 */
@Component({
  selector: 'att-guest-note-form',
  imports: [
    FormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="note-form" data-testid="note-form" [attr.data-kind]="kind()" (ngSubmit)="save()">
      <h4>{{ title() }}</h4>
      @if (kind() === 'CALL') {
        <div class="call">
          <mat-button-toggle-group
            [value]="direction()"
            (change)="direction.set($event.value)"
            aria-label="Who called"
          >
            @for (d of directions; track d.value) {
              <mat-button-toggle [value]="d.value" [attr.data-testid]="'note-direction-' + d.value">
                {{ d.label }}
              </mat-button-toggle>
            }
          </mat-button-toggle-group>
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="duration">
            <mat-label>Duration</mat-label>
            <input
              matInput
              name="duration"
              placeholder="m:ss"
              [ngModel]="duration()"
              (ngModelChange)="duration.set($event)"
              data-testid="note-duration"
            />
            <mat-hint>minutes, or m:ss</mat-hint>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Outcome</mat-label>
            <mat-select
              [value]="outcome()"
              (selectionChange)="outcome.set($event.value)"
              data-testid="note-outcome"
            >
              <mat-option [value]="null">Not recorded</mat-option>
              @for (o of outcomes; track o.value) {
                <mat-option [value]="o.value">{{ o.label }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </div>
      }
      <mat-form-field appearance="outline" subscriptSizing="dynamic" class="body">
        <mat-label>{{ kind() === 'CALL' ? 'What was said' : 'Note (staff only)' }}</mat-label>
        <textarea
          matInput
          rows="3"
          name="body"
          [ngModel]="body()"
          (ngModelChange)="body.set($event)"
          data-testid="note-body"
        ></textarea>
        <mat-hint align="end">{{ body().length }} / {{ maxLength }}</mat-hint>
      </mat-form-field>
      @for (problem of problems(); track problem) {
        <p class="error" data-testid="note-invalid">{{ problem }}</p>
      }
      @if (error(); as message) {
        <p class="error" role="alert" data-testid="note-error">{{ message }}</p>
      }
      <div class="actions">
        <button mat-button type="button" (click)="cancelled.emit()" data-testid="note-cancel">
          Cancel
        </button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="note-save">
          {{
            busy()
              ? 'Saving…'
              : note()
                ? 'Save changes'
                : kind() === 'CALL'
                  ? 'Log call'
                  : 'Add note'
          }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .note-form {
      display: grid;
      gap: 8px;
      padding: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    h4 {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .call {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .duration {
      width: 140px;
    }
    .body {
      width: 100%;
    }
    .error {
      margin: 0;
      color: var(--mat-sys-error);
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
  `,
})
export class GuestNoteForm implements OnInit {
  readonly guestId = input.required<string>();
  readonly kind = input.required<GuestNoteKind>();
  /** Set to edit this note instead of adding one. */
  readonly note = input<GuestNoteFieldsFragment | null>(null);
  readonly saved = output<GuestNoteFieldsFragment>();
  readonly cancelled = output<void>();

  protected readonly directions = CALL_DIRECTIONS;
  protected readonly outcomes = CALL_OUTCOMES;
  protected readonly maxLength = MAX_LENGTH;
  protected readonly body = signal('');
  protected readonly direction = signal<CallDirection | null>(null);
  protected readonly duration = signal('');
  protected readonly outcome = signal<CallOutcome | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly submitted = signal(false);
  private pending: { payload: string; key: string } | null = null;

  private readonly addGql = inject(AddGuestNoteGQL);
  private readonly editGql = inject(EditGuestNoteGQL);

  protected readonly title = computed(() => {
    if (this.note()) return this.kind() === 'CALL' ? 'Edit call' : 'Edit note';
    return this.kind() === 'CALL' ? 'Log a call' : 'Add an internal note';
  });

  /** What is wrong with the form, shown once the manager tried to save. */
  protected readonly problems = computed(() => {
    if (!this.submitted()) return [];
    const out: string[] = [];
    const body = this.body().trim();
    if (!body) out.push('Write something in the note.');
    if (body.length > MAX_LENGTH) out.push(`A note can be at most ${MAX_LENGTH} characters.`);
    if (this.kind() === 'CALL') {
      if (!this.direction()) out.push('Say whether the guest called or you called them.');
      if (Number.isNaN(parseDuration(this.duration())))
        out.push('Enter the duration in minutes (12) or as m:ss (4:05).');
    }
    return out;
  });

  ngOnInit(): void {
    const n = this.note();
    if (!n) return;
    this.body.set(n.body);
    this.direction.set(n.callDirection ?? null);
    this.duration.set(formatDuration(n.callDurationSeconds));
    this.outcome.set(n.callOutcome ?? null);
  }

  protected async save(): Promise<void> {
    this.submitted.set(true);
    if (this.problems().length || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    const call =
      this.kind() === 'CALL'
        ? {
            callDirection: this.direction(),
            callDurationSeconds: parseDuration(this.duration()),
            callOutcome: this.outcome(),
          }
        : {};
    try {
      const existing = this.note();
      if (existing) {
        const res = await firstValueFrom(
          this.editGql.mutate({
            variables: { input: { id: existing.id, body: this.body().trim(), ...call } },
          }),
        );
        const note = res.data?.editGuestNote;
        if (!note) throw res.error ?? new Error('The server did not answer');
        this.saved.emit(note);
      } else {
        const input = {
          guestId: this.guestId(),
          kind: this.kind(),
          body: this.body().trim(),
          ...call,
        };
        const payload = JSON.stringify(input);
        if (this.pending?.payload !== payload) this.pending = { payload, key: newKey() };
        const res = await firstValueFrom(
          this.addGql.mutate({
            variables: { input: { ...input, idempotencyKey: this.pending.key } },
          }),
        );
        const note = res.data?.addGuestNote;
        if (!note) throw res.error ?? new Error('The server did not answer');
        this.pending = null;
        this.saved.emit(note);
      }
    } catch (err) {
      this.error.set(messageOf(err));
    } finally {
      this.busy.set(false);
    }
  }
}
