import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { WorkOrderStatus } from '../generated/graphql';
import { NEEDS_REASON } from './work-order.constants';

export interface StatusChange {
  status: WorkOrderStatus;
  reason: string | null;
}

const VERB: Record<WorkOrderStatus, string> = {
  NEW: 'Reopen',
  SCHEDULED: 'Schedule',
  DISPATCHED: 'Dispatch',
  EN_ROUTE: 'En route',
  ARRIVED: 'Arrived',
  IN_PROGRESS: 'Start work',
  ON_HOLD: 'Put on hold',
  COMPLETED: 'Complete',
  CANCELLED: 'Cancel work order',
};

/** One button per allowed transition; ON_HOLD and CANCELLED ask for a reason inline first. */
@Component({
  selector: 'att-work-order-status-actions',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (pending(); as status) {
      <form
        class="reason"
        (submit)="$event.preventDefault(); confirm()"
        data-testid="wo-reason-form"
      >
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Reason for {{ verb[status].toLowerCase() }}</mat-label>
          <input matInput [formControl]="reason" maxlength="500" data-testid="wo-reason" />
          @if (reason.touched && reason.invalid) {
            <mat-error data-testid="field-error-reason">Give a reason</mat-error>
          }
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="wo-reason-confirm">
          {{ verb[status] }}
        </button>
        <button mat-button type="button" (click)="pending.set(null)" data-testid="wo-reason-cancel">
          Back
        </button>
      </form>
    } @else {
      @for (status of allowed(); track status) {
        <button
          mat-stroked-button
          type="button"
          [class.danger]="status === 'CANCELLED'"
          [disabled]="busy()"
          (click)="choose(status)"
          [attr.data-testid]="'wo-transition-' + status"
        >
          {{ verb[status] }}
        </button>
      } @empty {
        <span class="none">No further status changes.</span>
      }
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .reason {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      width: 100%;
    }
    .reason mat-form-field {
      flex: 1 1 280px;
    }
    .danger {
      color: var(--mat-sys-error);
    }
    .none {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class WorkOrderStatusActions {
  readonly allowed = input.required<readonly WorkOrderStatus[]>();
  readonly busy = input(false);
  readonly changeStatus = output<StatusChange>();

  protected readonly verb = VERB;
  protected readonly pending = signal<WorkOrderStatus | null>(null);
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.pattern(/\S/)],
  });

  protected choose(status: WorkOrderStatus): void {
    if (NEEDS_REASON.includes(status)) {
      this.reason.reset();
      this.pending.set(status);
      return;
    }
    this.changeStatus.emit({ status, reason: null });
  }

  protected confirm(): void {
    const status = this.pending();
    this.reason.markAsTouched();
    if (!status || this.reason.invalid) return;
    this.changeStatus.emit({ status, reason: this.reason.value.trim() });
    this.pending.set(null);
  }
}
