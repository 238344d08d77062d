import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import {
  FormBuilder,
  ReactiveFormsModule,
  Validators,
  type AbstractControl,
  type ValidationErrors,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { firstValueFrom } from 'rxjs';
import { fieldErrorsOf, messageOf } from '../../core/errors';
import { ResyncMewsWindowGQL, type SyncRunFieldsFragment } from '../../generated/graphql';
import { fromLocalInput, toLocalInput } from '../../shared/format';
import { windowProblem } from './mews.model';

const WEEK_MS = 7 * 86_400_000;

function windowValid(group: AbstractControl): ValidationErrors | null {
  const problem = windowProblem(
    group.get('from')?.value as string,
    group.get('to')?.value as string,
  );
  return problem ? { [problem]: true } : null;
}

/** Asks for a time window and re-reads everything Mews changed in it; closes with the new run. */
@Component({
  selector: 'att-resync-window-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Re-sync a time window</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="resync-form">
      <mat-dialog-content>
        <p class="hint">
          Everything Mews changed between these times is read again. At most one year at a time.
        </p>
        <mat-form-field>
          <mat-label>From</mat-label>
          <input matInput type="datetime-local" formControlName="from" data-testid="resync-from" />
          @if (serverErrors()['from']; as e) {
            <mat-hint class="error" data-testid="field-error-from">{{ e }}</mat-hint>
          }
          <mat-error>Choose when the window starts</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>To</mat-label>
          <input matInput type="datetime-local" formControlName="to" data-testid="resync-to" />
          @if (serverErrors()['to']; as e) {
            <mat-hint class="error" data-testid="field-error-to">{{ e }}</mat-hint>
          }
          <mat-error>Choose when the window ends</mat-error>
        </mat-form-field>
        @if (submitted() && form.hasError('order')) {
          <p class="error" role="alert" data-testid="resync-window-error">
            The window must end after it starts.
          </p>
        }
        @if (submitted() && form.hasError('tooLong')) {
          <p class="error" role="alert" data-testid="resync-window-error">
            Re-sync at most one year at a time.
          </p>
        }
        @if (error(); as message) {
          <p class="error" role="alert" data-testid="resync-error">{{ message }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="busy()">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="resync-submit">
          {{ busy() ? 'Starting…' : 'Re-sync' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-dialog-content {
      display: grid;
      gap: 4px;
      min-width: min(360px, 80vw);
    }
    .hint {
      margin: 0 0 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
      margin: 0;
    }
  `,
})
export class ResyncWindowDialog {
  private readonly ref =
    inject<MatDialogRef<ResyncWindowDialog, SyncRunFieldsFragment>>(MatDialogRef);
  private readonly gql = inject(ResyncMewsWindowGQL);
  private readonly fb = inject(FormBuilder).nonNullable;
  private readonly now = Date.now();
  protected readonly form = this.fb.group(
    {
      from: [toLocalInput(new Date(this.now - WEEK_MS).toISOString()), Validators.required],
      to: [toLocalInput(new Date(this.now).toISOString()), Validators.required],
    },
    { validators: windowValid },
  );
  protected readonly busy = signal(false);
  protected readonly submitted = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly serverErrors = signal<Record<string, string>>({});

  protected async submit(): Promise<void> {
    this.submitted.set(true);
    this.error.set(null);
    this.serverErrors.set({});
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const v = this.form.getRawValue();
    this.busy.set(true);
    try {
      const res = await firstValueFrom(
        this.gql.mutate({
          variables: { input: { from: fromLocalInput(v.from)!, to: fromLocalInput(v.to)! } },
        }),
      );
      const run = res.data?.resyncMewsWindow;
      if (!run) throw res.error ?? new Error('The re-sync did not start');
      this.ref.close(run);
    } catch (err) {
      const fields = fieldErrorsOf(err);
      this.serverErrors.set(fields);
      if (Object.keys(fields).length === 0) this.error.set(messageOf(err));
    } finally {
      this.busy.set(false);
    }
  }
}
