import { booleanAttribute, ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/** Labels of the button that takes a row out of use and back, e.g. Pause / Resume. */
export interface ActiveToggle {
  /** Shown while the row is active. */
  off: string;
  /** Shown while it is not. */
  on: string;
}

/**
 * The buttons of a settings table row: Edit, the active toggle (when the table has one) and
 * Delete (when rows can be deleted). Test ids are `<testid>-edit`, `<testid>-<label>` and
 * `<testid>-delete`.
 */
@Component({
  selector: 'att-settings-row-actions',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      mat-button
      type="button"
      (click)="edit.emit()"
      [attr.aria-label]="'Edit ' + name()"
      [attr.data-testid]="testid() + '-edit'"
    >
      Edit
    </button>
    @if (toggle(); as t) {
      <button
        mat-button
        type="button"
        [disabled]="busy()"
        (click)="toggleActive.emit()"
        [attr.data-testid]="testid() + '-' + (active() ? t.off : t.on).toLowerCase()"
      >
        {{ active() ? t.off : t.on }}
      </button>
    }
    @if (removable()) {
      <button
        mat-button
        type="button"
        [disabled]="busy()"
        (click)="remove.emit()"
        [attr.aria-label]="'Delete ' + name()"
        [attr.data-testid]="testid() + '-delete'"
      >
        Delete
      </button>
    }
  `,
  styles: `
    :host {
      display: contents;
    }
    button {
      --mat-button-text-horizontal-padding: 6px;
      min-width: 0;
    }
  `,
})
export class SettingsRowActions {
  /** The row's name, for the buttons' accessible labels. */
  readonly name = input.required<string>();
  readonly active = input(true);
  readonly busy = input(false);
  /** Prefix of the buttons' test ids, e.g. `automation-rule`. */
  readonly testid = input.required<string>();
  readonly toggle = input<ActiveToggle | null>(null);
  readonly removable = input(false, { transform: booleanAttribute });
  readonly edit = output<void>();
  readonly toggleActive = output<void>();
  readonly remove = output<void>();
}
