import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { firstValueFrom } from 'rxjs';
import { fieldErrorsOf, messageOf } from '../core/errors';
import { AddTechnicianTimeOffGQL } from '../generated/graphql';
import { ErrorBanner } from '../shared/error-banner';
import type { FieldErrors } from '../shared/form-rules';
import { fromZonedInput } from './zoned-date.model';
import { validateTimeOff, type TimeOffFormValue } from './technician.model';

type Field = keyof TimeOffFormValue;

/** Adds an absence; times are read on the organization's wall clock. */
@Component({
  selector: 'att-time-off-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, ErrorBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="time-off-form">
      @if (error(); as message) {
        <att-error-banner [message]="message" [retryLabel]="null" data-testid="time-off-error" />
      }
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>From</mat-label>
        <input
          matInput
          type="datetime-local"
          formControlName="startsAt"
          data-testid="time-off-startsAt"
        />
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Until</mat-label>
        <input
          matInput
          type="datetime-local"
          formControlName="endsAt"
          data-testid="time-off-endsAt"
        />
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic" class="reason">
        <mat-label>Reason</mat-label>
        <input
          matInput
          formControlName="reason"
          maxlength="200"
          placeholder="Vacation, sick leave, training…"
          data-testid="time-off-reason"
        />
      </mat-form-field>
      <button mat-flat-button type="submit" [disabled]="busy()" data-testid="time-off-save">
        Add time off
      </button>
      @for (field of fields; track field) {
        @if (errors()[field]; as e) {
          <p class="field-error" role="alert" [attr.data-testid]="'time-off-error-' + field">
            {{ e }}
          </p>
        }
      }
      <p class="hint">Times in {{ timezone() }}.</p>
    </form>
  `,
  styles: `
    form {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
    }
    att-error-banner {
      flex-basis: 100%;
    }
    mat-form-field {
      flex: 0 1 220px;
    }
    .reason {
      flex: 1 1 240px;
    }
    .field-error {
      flex-basis: 100%;
      margin: 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
    .hint {
      flex-basis: 100%;
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class TimeOffForm {
  readonly technicianId = input.required<string>();
  readonly timezone = input.required<string>();
  readonly added = output<void>();

  private readonly gql = inject(AddTechnicianTimeOffGQL);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    startsAt: '',
    endsAt: '',
    reason: '',
  });
  protected readonly fields: readonly Field[] = ['startsAt', 'endsAt', 'reason'];
  protected readonly errors = signal<FieldErrors<Field>>({});
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);

  protected async submit(): Promise<void> {
    const v = this.form.getRawValue();
    const startsAt = fromZonedInput(v.startsAt, this.timezone());
    const endsAt = fromZonedInput(v.endsAt, this.timezone());
    const errors = validateTimeOff({ startsAt, endsAt, reason: v.reason });
    this.errors.set(errors);
    this.error.set(null);
    if (Object.keys(errors).length > 0 || !startsAt || !endsAt) return;
    this.busy.set(true);
    try {
      await firstValueFrom(
        this.gql.mutate({
          variables: {
            technicianId: this.technicianId(),
            input: { startsAt, endsAt, reason: v.reason.trim() },
          },
        }),
      );
      this.form.reset();
      this.added.emit();
    } catch (err) {
      const server: FieldErrors<Field> = {};
      const rest: string[] = [];
      for (const [name, message] of Object.entries(fieldErrorsOf(err))) {
        if ((this.fields as string[]).includes(name)) server[name as Field] = message;
        else rest.push(message);
      }
      this.errors.set(server);
      if (rest.length) this.error.set(rest.join('; '));
      else if (Object.keys(server).length === 0) this.error.set(messageOf(err));
    } finally {
      this.busy.set(false);
    }
  }
}
