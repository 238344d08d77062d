import {
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { ArrivalRowFragment } from '../generated/graphql';
import { parseEta, toTimeInput } from './arrival-board.model';

export interface EtaChange {
  row: ArrivalRowFragment;
  etaAt: string | null;
}

/** The guest's ETA on the board, edited in place (Enter saves, Escape cancels). */
@Component({
  selector: 'att-arrival-eta',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (editing()) {
      <form class="edit" (submit)="$event.preventDefault(); save()" novalidate>
        <input
          #field
          type="time"
          class="field"
          [value]="initial()"
          [class.invalid]="error()"
          [attr.aria-invalid]="!!error()"
          aria-label="Expected arrival time"
          (keydown.escape)="cancel()"
          (input)="error.set(null)"
          data-testid="eta-input"
        />
        <button mat-button type="submit" data-testid="eta-save">Save</button>
        <button mat-button type="button" (click)="cancel()" data-testid="eta-cancel">Cancel</button>
        @if (error(); as message) {
          <span class="error" role="alert" data-testid="eta-error">{{ message }}</span>
        }
      </form>
    } @else {
      <span class="value" data-testid="eta-value">{{ display() }}</span>
      @if (canEdit()) {
        <button
          mat-button
          type="button"
          class="change"
          [disabled]="busy()"
          (click)="edit()"
          [attr.aria-label]="'Set ETA for ' + row().guest.fullName"
          data-testid="eta-edit"
        >
          {{ row().etaAt ? 'Change' : 'Set' }}
        </button>
      }
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      white-space: nowrap;
    }
    .edit {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px;
    }
    .field {
      font: var(--mat-sys-body-medium);
      padding: 4px 6px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    .field.invalid {
      border-color: var(--mat-sys-error);
    }
    .error {
      flex-basis: 100%;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
    .value {
      min-width: 3em;
    }
    .change {
      min-width: 0;
      padding: 0 8px;
    }
  `,
})
export class ArrivalEta {
  readonly row = input.required<ArrivalRowFragment>();
  readonly canEdit = input(false);
  readonly busy = input(false);
  readonly etaChange = output<EtaChange>();

  private readonly field = viewChild<ElementRef<HTMLInputElement>>('field');
  protected readonly editing = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly initial = computed(() => toTimeInput(this.row().etaAt));
  protected readonly display = computed(() => this.initial() || '—');

  protected edit(): void {
    this.error.set(null);
    this.editing.set(true);
    // Focus once the input is rendered.
    setTimeout(() => this.field()?.nativeElement.focus());
  }

  protected cancel(): void {
    this.editing.set(false);
    this.error.set(null);
  }

  protected save(): void {
    const input = this.field()?.nativeElement;
    const row = this.row();
    // A half-typed time input reports "" with badInput set: not the same as clearing the ETA.
    if (input?.validity.badInput) {
      this.error.set('Enter a time like 14:30');
      return;
    }
    const result = parseEta(input?.value ?? '', row.arrivalAt, row.departureAt);
    if (!result.ok) {
      this.error.set(result.error);
      return;
    }
    this.editing.set(false);
    if (result.etaAt !== row.etaAt) this.etaChange.emit({ row, etaAt: result.etaAt });
  }
}
