import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { ConflictLike } from './dispatch-board.model';

export interface ForceData {
  summary: string;
  conflicts: readonly ConflictLike[];
}

/** Asks why a refused schedule should go ahead anyway; closes with the reason. */
@Component({
  selector: 'att-dispatch-force-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Assign anyway?</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="force-form">
      <mat-dialog-content>
        <p class="summary">{{ data.summary }} despite:</p>
        <ul class="conflicts">
          @for (c of data.conflicts; track $index) {
            <li>{{ c.message }}</li>
          }
        </ul>
        <mat-form-field class="reason">
          <mat-label>Reason</mat-label>
          <textarea
            matInput
            formControlName="reason"
            rows="3"
            cdkFocusInitial
            placeholder="e.g. Guest agreed to the later slot"
            data-testid="force-reason"
          ></textarea>
          <mat-hint>Recorded with the change</mat-hint>
          @if (form.controls.reason.hasError('maxlength')) {
            <mat-error data-testid="force-reason-error"
              >Keep the reason under 500 characters</mat-error
            >
          } @else {
            <mat-error data-testid="force-reason-error"
              >Say why the conflicts are acceptable</mat-error
            >
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close data-testid="force-cancel">Cancel</button>
        <button mat-flat-button type="submit" class="danger" data-testid="force-submit">
          Assign anyway
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .summary {
      margin: 0 0 4px;
    }
    .conflicts {
      margin: 0 0 16px;
      padding-left: 20px;
      color: var(--mat-sys-error);
    }
    .reason {
      width: 100%;
    }
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class ForceDialog {
  protected readonly data = inject<ForceData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ForceDialog, string>>(MatDialogRef);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    reason: ['', [Validators.required, Validators.pattern(/\S/), Validators.maxLength(500)]],
  });
  protected submit(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    this.ref.close(this.form.getRawValue().reason.trim());
  }
}
