import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import {
  ReactiveFormsModule,
  type FormBuilder,
  type FormControl,
  type FormGroup,
} from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatChipsModule, type MatChipInputEvent } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { map, merge, startWith, switchMap } from 'rxjs';
import { check, errorOf } from '../form-errors';
import { fromTimeInput } from '../../shared/time-of-day';
import {
  conditionsOf,
  hasAnyCondition,
  normalizeProducts,
  PRODUCT_MAX,
  PRODUCTS_MAX,
  type ConditionsFormValue,
} from './automation.model';

export type ConditionsGroup = FormGroup<{
  vip: FormControl<boolean>;
  products: FormControl<string[]>;
  earlyCheckIn: FormControl<boolean>;
  earlyBefore: FormControl<string>;
  specialRequest: FormControl<boolean>;
}>;

export function conditionsGroup(fb: FormBuilder, v: ConditionsFormValue): ConditionsGroup {
  const nn = fb.nonNullable;
  return nn.group(
    {
      vip: v.vip,
      products: nn.control<string[]>(
        v.products,
        check<string[]>((list) =>
          list.length > PRODUCTS_MAX
            ? `List at most ${PRODUCTS_MAX} products`
            : list.some((p) => p.length > PRODUCT_MAX)
              ? `A product name has at most ${PRODUCT_MAX} characters`
              : null,
        ),
      ),
      earlyCheckIn: v.earlyCheckIn,
      earlyBefore: nn.control(
        v.earlyBefore,
        check<string>((t) => (fromTimeInput(t) === null ? 'Give a time, e.g. 14:00' : null)),
      ),
      specialRequest: v.specialRequest,
    },
    {
      validators: check<ConditionsFormValue>((c) =>
        hasAnyCondition(conditionsOf(c))
          ? null
          : 'Choose at least one condition: VIP, a product, early check-in or a special request',
      ),
    },
  );
}

/** When a rule fires: all the conditions ticked must hold (any of the products). */
@Component({
  selector: 'att-rule-conditions-editor',
  imports: [
    ReactiveFormsModule,
    MatCheckboxModule,
    MatChipsModule,
    MatFormFieldModule,
    MatInputModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset [formGroup]="group()" data-testid="automation-conditions">
      <legend>When a reservation arriving in the next days…</legend>
      <mat-checkbox formControlName="vip" data-testid="automation-vip"
        >is for a VIP guest</mat-checkbox
      >
      <mat-form-field class="grow">
        <mat-label>has any of these products</mat-label>
        <mat-chip-grid #chips formControlName="products" aria-label="Products">
          @for (p of group().controls.products.value; track p) {
            <mat-chip-row (removed)="remove(p)" data-testid="automation-product">
              {{ p }}
              <button matChipRemove [attr.aria-label]="'Remove ' + p">×</button>
            </mat-chip-row>
          }
          <input
            placeholder="Add a product…"
            [matChipInputFor]="chips"
            (matChipInputTokenEnd)="add($event)"
            [attr.maxlength]="productMax"
            data-testid="automation-products"
          />
        </mat-chip-grid>
        <mat-hint>As named in the PMS, e.g. Champagne on arrival; press Enter to add</mat-hint>
        @if (errorOf(group().controls.products); as e) {
          <mat-error data-testid="field-error-products">{{ e }}</mat-error>
        }
      </mat-form-field>
      <div class="row">
        <mat-checkbox formControlName="earlyCheckIn" data-testid="automation-early"
          >expects to arrive before</mat-checkbox
        >
        <mat-form-field subscriptSizing="dynamic" class="time">
          <mat-label>Time</mat-label>
          <input
            matInput
            type="time"
            formControlName="earlyBefore"
            [readonly]="!early()"
            data-testid="automation-early-before"
          />
        </mat-form-field>
        @if (errorOf(group().controls.earlyBefore); as e) {
          <span class="error" data-testid="field-error-earlyBefore">{{ e }}</span>
        }
      </div>
      <mat-checkbox formControlName="specialRequest" data-testid="automation-special-request"
        >has a special request (notes)</mat-checkbox
      >
      @if (problem(); as e) {
        <p class="error" role="alert" data-testid="field-error-conditions">{{ e }}</p>
      }
    </fieldset>
  `,
  styleUrl: '../settings-editor.scss',
})
export class RuleConditionsEditor {
  readonly group = input.required<ConditionsGroup>();
  /** Shows the "at least one" message (after a save was tried). */
  readonly showProblem = input(false);

  protected readonly productMax = PRODUCT_MAX;
  protected readonly errorOf = errorOf;
  private readonly state = toSignal(
    toObservable(this.group).pipe(
      switchMap((g) =>
        merge(g.valueChanges, g.statusChanges).pipe(
          startWith(null),
          map(() => ({ early: g.controls.earlyCheckIn.value, errors: g.errors })),
        ),
      ),
    ),
  );
  protected readonly early = computed(() => this.state()?.early ?? false);
  protected readonly problem = computed(() => {
    const errors = this.state()?.errors;
    const server = errors?.['server'] as string | undefined;
    return server ?? (this.showProblem() ? ((errors?.['message'] as string) ?? null) : null);
  });

  protected add(event: MatChipInputEvent): void {
    const control = this.group().controls.products;
    const next = normalizeProducts([...control.value, event.value]);
    if (next.length !== control.value.length) {
      control.setValue(next);
      control.markAsDirty();
    }
    event.chipInput.clear();
  }

  protected remove(product: string): void {
    const control = this.group().controls.products;
    control.setValue(control.value.filter((p) => p !== product));
    control.markAsDirty();
  }
}
