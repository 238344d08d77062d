import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule, type MatCheckboxChange } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { firstValueFrom } from 'rxjs';
import { fieldErrorsOf } from '../core/errors';
import {
  WorkOrderAddChecklistItemGQL,
  WorkOrderRemoveChecklistItemGQL,
  WorkOrderSetChecklistItemDoneGQL,
  type WorkOrderChecklistItemFieldsFragment,
} from '../generated/graphql';
import { confirmAction } from '../shared/confirm-dialog';
import { ErrorBanner } from '../shared/error-banner';
import { actionMessage } from './work-order-errors';

type Item = WorkOrderChecklistItemFieldsFragment;

/** The work order's checklist: tick items off, add and remove them. */
@Component({
  selector: 'att-work-order-checklist',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    ErrorBanner,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" data-testid="wo-checklist">
      <mat-card-header>
        <mat-card-title>Checklist</mat-card-title>
        @if (items().length) {
          <span class="count" data-testid="checklist-progress"
            >{{ done() }} / {{ items().length }}</span
          >
        }
      </mat-card-header>
      <mat-card-content>
        @if (error(); as message) {
          <att-error-banner [message]="message" [retryLabel]="null" data-testid="checklist-error" />
        }
        <ul>
          @for (item of sorted(); track item.id; let i = $index) {
            <li [attr.data-testid]="'checklist-item-' + i" [class.done]="item.done">
              <mat-checkbox
                [checked]="item.done"
                [disabled]="!editable() || busy()"
                (change)="toggle(item, $event)"
                [attr.data-testid]="'checklist-done-' + i"
                >{{ item.label }}</mat-checkbox
              >
              @if (editable()) {
                <button
                  mat-button
                  type="button"
                  class="remove"
                  [disabled]="busy()"
                  (click)="remove(item)"
                  [attr.aria-label]="'Remove ' + item.label"
                  [attr.data-testid]="'checklist-remove-' + i"
                >
                  Remove
                </button>
              }
            </li>
          } @empty {
            <li class="muted" data-testid="checklist-empty">No checklist items.</li>
          }
        </ul>
        @if (editable()) {
          <form class="add" (submit)="$event.preventDefault(); add()" data-testid="checklist-form">
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>New item</mat-label>
              <input matInput [formControl]="label" maxlength="200" data-testid="checklist-input" />
              @if (label.touched && label.invalid) {
                <mat-error data-testid="field-error-label">{{ labelError() }}</mat-error>
              }
            </mat-form-field>
            <button
              mat-stroked-button
              type="submit"
              [disabled]="busy()"
              data-testid="checklist-add"
            >
              Add
            </button>
          </form>
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    mat-card-header {
      align-items: center;
    }
    .count {
      margin-left: auto;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    ul {
      list-style: none;
      margin: 8px 0;
      padding: 0;
    }
    li {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    li.done mat-checkbox {
      text-decoration: line-through;
      color: var(--mat-sys-on-surface-variant);
    }
    .remove {
      color: var(--mat-sys-error);
    }
    .add {
      display: flex;
      gap: 8px;
      align-items: center;
    }
    .add mat-form-field {
      flex: 1;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      border: none;
      padding: 8px 0;
    }
  `,
})
export class WorkOrderChecklist {
  readonly workOrderId = input.required<string>();
  readonly items = input.required<readonly Item[]>();
  /** False for readers and for closed work orders. */
  readonly editable = input(false);

  private readonly dialog = inject(MatDialog);
  private readonly addGql = inject(WorkOrderAddChecklistItemGQL);
  private readonly doneGql = inject(WorkOrderSetChecklistItemDoneGQL);
  private readonly removeGql = inject(WorkOrderRemoveChecklistItemGQL);

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly serverLabelError = signal<string | null>(null);
  protected readonly label = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.pattern(/\S/)],
  });
  protected readonly sorted = computed(() =>
    [...this.items()].sort((a, b) => a.position - b.position),
  );
  protected readonly done = computed(() => this.items().filter((i) => i.done).length);

  protected labelError(): string {
    return this.serverLabelError() ?? 'Give a label of 1 to 200 characters';
  }

  protected async add(): Promise<void> {
    this.label.markAsTouched();
    if (this.label.invalid) return;
    await this.run(async () => {
      await firstValueFrom(
        this.addGql.mutate({
          variables: { workOrderId: this.workOrderId(), label: this.label.value.trim() },
        }),
      );
      this.label.reset();
    });
  }

  protected async toggle(item: Item, event: MatCheckboxChange): Promise<void> {
    const ok = await this.run(() =>
      firstValueFrom(this.doneGql.mutate({ variables: { id: item.id, done: event.checked } })),
    );
    // The binding did not change, so put the box back by hand when the server refused.
    if (!ok) event.source.checked = item.done;
  }

  protected async remove(item: Item): Promise<void> {
    const ok = await confirmAction(this.dialog, {
      title: 'Remove checklist item?',
      message: `"${item.label}" will be removed from the checklist.`,
      confirm: 'Remove',
      danger: true,
    });
    if (!ok) return;
    await this.run(() => firstValueFrom(this.removeGql.mutate({ variables: { id: item.id } })));
  }

  /** Runs a change; true when it succeeded. */
  private async run(action: () => Promise<unknown>): Promise<boolean> {
    this.busy.set(true);
    this.error.set(null);
    this.serverLabelError.set(null);
    try {
      await action();
      return true;
    } catch (err) {
      const fieldError = fieldErrorsOf(err)['label'];
      if (fieldError) {
        this.serverLabelError.set(fieldError);
        this.label.setErrors({ server: true });
      } else {
        this.error.set(actionMessage(err));
      }
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}
