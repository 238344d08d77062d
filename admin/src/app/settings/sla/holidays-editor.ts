import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import type { FormControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { DateTimePipe } from '../../shared/pipes';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Local dates the SLA clock stops, kept sorted and without repeats. */
@Component({
  selector: 'att-holidays-editor',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset data-testid="sla-holidays">
      <legend>Holidays</legend>
      <div class="add">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Date</mat-label>
          <input
            matInput
            type="date"
            [value]="draft()"
            (input)="draft.set($any($event.target).value)"
            (keydown.enter)="$event.preventDefault(); add()"
            [disabled]="control().disabled"
            data-testid="sla-holiday-date"
          />
        </mat-form-field>
        <button
          mat-stroked-button
          type="button"
          (click)="add()"
          [disabled]="!valid() || control().disabled"
          data-testid="sla-holiday-add"
        >
          Add holiday
        </button>
      </div>
      @if (control().value.length === 0) {
        <p class="hint">No holidays: the clock runs on every business day.</p>
      }
      <ul class="list">
        @for (d of control().value; track d) {
          <li data-testid="sla-holiday">
            <span>{{ d | dateTime: 'date' }}</span>
            <button
              mat-icon-button
              type="button"
              (click)="remove(d)"
              [disabled]="control().disabled"
              [attr.aria-label]="'Remove holiday ' + d"
              data-testid="sla-holiday-remove"
            >
              ×
            </button>
          </li>
        }
      </ul>
      @if (hint(); as h) {
        <p class="hint">{{ h }}</p>
      }
      @if (error(); as e) {
        <p class="error" role="alert" data-testid="field-error-holidays">{{ e }}</p>
      }
    </fieldset>
  `,
  styleUrl: '../settings-editor.scss',
  styles: `
    .list {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      display: inline-flex;
      align-items: center;
      padding-left: 10px;
      border-radius: 16px;
      background: var(--mat-sys-surface-container-highest);
      font: var(--mat-sys-label-large);
      --mat-icon-button-state-layer-size: 28px;
    }
  `,
})
export class HolidaysEditor {
  readonly control = input.required<FormControl<string[]>>();
  readonly hint = input<string | null>(null);
  readonly error = input<string | null>(null);
  protected readonly draft = signal('');
  protected valid(): boolean {
    return DATE.test(this.draft());
  }

  protected add(): void {
    const day = this.draft();
    if (!DATE.test(day)) return;
    const c = this.control();
    c.setValue([...new Set([...c.value, day])].sort());
    c.markAsDirty();
    this.draft.set('');
  }

  protected remove(day: string): void {
    const c = this.control();
    c.setValue(c.value.filter((d) => d !== day));
    c.markAsDirty();
  }
}
