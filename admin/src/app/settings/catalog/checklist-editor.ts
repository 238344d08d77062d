import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators, type FormArray } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { CHECKLIST_ITEM_MAX, CHECKLIST_MAX_ITEMS, moveItem } from './catalog.model';
import { errorOf } from '../form-errors';

/** A checklist item control (required, at most 200 characters). */
export function checklistItem(label = ''): FormControl<string> {
  return new FormControl(label, {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(CHECKLIST_ITEM_MAX)],
  });
}

/** Checklist items copied onto each new work order: add, edit, remove, move up and down. */
@Component({
  selector: 'att-checklist-editor',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset data-testid="service-type-checklist">
      <legend>Checklist</legend>
      @for (item of array().controls; track item; let i = $index; let last = $last) {
        <div class="row" data-testid="service-type-checklist-item">
          <span class="index">{{ i + 1 }}.</span>
          <mat-form-field subscriptSizing="dynamic" class="grow">
            <input
              matInput
              [formControl]="item"
              [attr.aria-label]="'Checklist item ' + (i + 1)"
              data-testid="service-type-checklist-label"
            />
            @if (errorOf(item); as e) {
              <mat-error>{{ e }}</mat-error>
            }
          </mat-form-field>
          <button
            mat-icon-button
            type="button"
            (click)="move(i, -1)"
            [disabled]="i === 0"
            [attr.aria-label]="'Move item ' + (i + 1) + ' up'"
            data-testid="service-type-checklist-up"
          >
            ↑
          </button>
          <button
            mat-icon-button
            type="button"
            (click)="move(i, 1)"
            [disabled]="last"
            [attr.aria-label]="'Move item ' + (i + 1) + ' down'"
            data-testid="service-type-checklist-down"
          >
            ↓
          </button>
          <button
            mat-icon-button
            type="button"
            (click)="remove(i)"
            [attr.aria-label]="'Remove item ' + (i + 1)"
            data-testid="service-type-checklist-remove"
          >
            ×
          </button>
        </div>
      }
      <div class="add">
        <mat-form-field subscriptSizing="dynamic" class="grow">
          <mat-label>New item</mat-label>
          <input
            matInput
            [value]="draft()"
            (input)="draft.set($any($event.target).value)"
            (keydown.enter)="$event.preventDefault(); add()"
            [attr.maxlength]="itemMax"
            placeholder="e.g. Check the pressure"
            data-testid="service-type-checklist-new"
          />
        </mat-form-field>
        <button
          mat-stroked-button
          type="button"
          (click)="add()"
          [disabled]="!draft().trim() || array().length >= maxItems"
          data-testid="service-type-checklist-add"
        >
          Add item
        </button>
      </div>
      @if (array().length >= maxItems) {
        <p class="hint">A checklist has at most {{ maxItems }} items.</p>
      }
      @if (serverError(); as e) {
        <p class="error" role="alert" data-testid="field-error-checklist">{{ e }}</p>
      }
    </fieldset>
  `,
  styleUrl: '../settings-editor.scss',
})
export class ChecklistEditor {
  readonly array = input.required<FormArray<FormControl<string>>>();
  readonly serverError = input<string | null>(null);

  protected readonly itemMax = CHECKLIST_ITEM_MAX;
  protected readonly maxItems = CHECKLIST_MAX_ITEMS;
  protected readonly draft = signal('');
  protected readonly errorOf = errorOf;

  protected add(): void {
    const label = this.draft().trim();
    if (!label || this.array().length >= this.maxItems) return;
    this.array().push(checklistItem(label));
    this.array().markAsDirty();
    this.draft.set('');
  }

  protected remove(index: number): void {
    this.array().removeAt(index);
    this.array().markAsDirty();
  }

  protected move(index: number, delta: number): void {
    const array = this.array();
    array.setValue(moveItem(array.getRawValue(), index, delta));
    array.markAsDirty();
  }
}
