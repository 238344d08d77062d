import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { firstValueFrom } from 'rxjs';
import { codeOf, fieldErrorsOf, messageOf } from '../core/errors';
import { TaskCreateGQL, TaskUpdateGQL, type WorkOrderPriority } from '../generated/graphql';
import { HumanizePipe } from '../shared/pipes';
import type { AssigneeOption } from './task-filters';
import {
  createInput,
  formValueOf,
  TASK_PRIORITIES,
  updateInput,
  validateTask,
  type TaskFormValue,
  type TaskRow,
} from './task-queue.model';

export interface TaskFormData {
  task: TaskRow | null;
  users: readonly AssigneeOption[];
}

/** Creates a task, or edits one (with its version, so concurrent edits are caught). */
@Component({
  selector: 'att-task-form-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    HumanizePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './task-form.dialog.html',
  styles: `
    mat-dialog-content {
      display: grid;
      gap: 4px;
      min-width: min(480px, 80vw);
    }
    .row {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 12px;
    }
    .error {
      color: var(--mat-sys-error);
      margin: 0;
    }
    mat-hint.error {
      color: var(--mat-sys-error);
    }
  `,
})
export class TaskFormDialog {
  protected readonly data = inject<TaskFormData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<TaskFormDialog, TaskRow>>(MatDialogRef);
  private readonly createGql = inject(TaskCreateGQL);
  private readonly updateGql = inject(TaskUpdateGQL);
  protected readonly priorities = TASK_PRIORITIES;
  protected readonly editing = this.data.task !== null;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    ...formValueOf(this.data.task),
    priority: [formValueOf(this.data.task).priority as WorkOrderPriority],
  });
  protected readonly busy = signal(false);
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly error = signal<string | null>(null);

  protected async submit(): Promise<void> {
    this.error.set(null);
    const value: TaskFormValue = this.form.getRawValue();
    const errors = validateTask(value);
    this.errors.set(errors);
    if (Object.keys(errors).length) return;
    const task = this.data.task;
    this.busy.set(true);
    try {
      let saved: TaskRow | undefined;
      if (task) {
        const input = updateInput(task, value);
        if (Object.keys(input).length === 0) {
          this.ref.close(task);
          return;
        }
        const res = await firstValueFrom(
          this.updateGql.mutate({
            variables: { id: task.id, input, expectedVersion: task.version },
          }),
        );
        saved = res.data?.updateStaffTask;
      } else {
        const res = await firstValueFrom(
          this.createGql.mutate({ variables: { input: createInput(value) } }),
        );
        saved = res.data?.createStaffTask;
      }
      if (!saved) throw new Error('The task was not saved');
      this.ref.close(saved);
    } catch (err) {
      const fields = fieldErrorsOf(err);
      this.errors.set(fields);
      if (Object.keys(fields).length === 0) {
        this.error.set(
          codeOf(err) === 'CONFLICT'
            ? `${messageOf(err)}. Close this dialog to see the latest version.`
            : messageOf(err),
        );
      }
    } finally {
      this.busy.set(false);
    }
  }
}
