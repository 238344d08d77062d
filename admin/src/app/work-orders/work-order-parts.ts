import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { firstValueFrom } from 'rxjs';
import { fieldErrorsOf } from '../core/errors';
import {
  WorkOrderAddPartGQL,
  WorkOrderRemovePartGQL,
  type WorkOrderPartFieldsFragment,
} from '../generated/graphql';
import { confirmAction } from '../shared/confirm-dialog';
import { ErrorBanner } from '../shared/error-banner';
import { toMinor } from '../shared/format';
import { MoneyPipe } from '../shared/pipes';
import { actionMessage } from './work-order-errors';
import { formatQuantity, parseQuantity, partsTotal } from './work-order-items.model';

type Part = WorkOrderPartFieldsFragment;
type PartField = 'description' | 'sku' | 'quantity' | 'unitPrice';

const MESSAGES: Record<PartField, string> = {
  description: 'Describe the part in 1 to 200 characters',
  sku: 'A SKU has at most 64 characters',
  quantity: 'Enter a quantity above 0 and at most 100000',
  unitPrice: 'Enter an amount like 12.50',
};

/** Parts used on the job (placeholder lines until inventory exists) and their total. */
@Component({
  selector: 'att-work-order-parts',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    ErrorBanner,
    MoneyPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './work-order-parts.html',
  styleUrl: './work-order-parts.scss',
})
export class WorkOrderParts {
  readonly workOrderId = input.required<string>();
  readonly parts = input.required<readonly Part[]>();
  /** The work order's (else the organization's) currency, for unit prices. */
  readonly currency = input.required<string>();
  readonly editable = input(false);

  private readonly dialog = inject(MatDialog);
  private readonly addGql = inject(WorkOrderAddPartGQL);
  private readonly removeGql = inject(WorkOrderRemovePartGQL);
  private readonly fb = inject(FormBuilder).nonNullable;

  protected readonly form = this.fb.group({
    description: this.fb.control('', [Validators.required, Validators.pattern(/\S/)]),
    sku: this.fb.control('', Validators.maxLength(64)),
    quantity: this.fb.control('1', Validators.required),
    unitPrice: this.fb.control('', Validators.pattern(/^\s*\d+([.,]\d+)?\s*$/)),
  });
  // resetForm() also clears the submitted state, so the emptied fields do not show as errors.
  private readonly formDirective = viewChild(FormGroupDirective);
  protected readonly total = computed(() => partsTotal(this.parts()));
  protected readonly quantity = formatQuantity;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly serverErrors = signal<Partial<Record<PartField, string>>>({});

  protected errorOf(field: PartField): string | null {
    const control = this.form.controls[field];
    if (!control.touched || control.valid) return null;
    return this.serverErrors()[field] ?? MESSAGES[field];
  }

  protected async add(): Promise<void> {
    this.form.markAllAsTouched();
    const v = this.form.getRawValue();
    const quantity = parseQuantity(v.quantity);
    if (quantity === null) this.form.controls.quantity.setErrors({ quantity: true });
    if (this.form.invalid || quantity === null) return;
    this.busy.set(true);
    this.error.set(null);
    this.serverErrors.set({});
    try {
      const unitPriceMinor = toMinor(v.unitPrice, this.currency());
      await firstValueFrom(
        this.addGql.mutate({
          variables: {
            input: {
              workOrderId: this.workOrderId(),
              description: v.description.trim(),
              sku: v.sku.trim() || null,
              quantity,
              unitPriceMinor,
            },
          },
        }),
      );
      this.formDirective()?.resetForm();
    } catch (err) {
      this.showError(err);
    } finally {
      this.busy.set(false);
    }
  }

  protected async remove(part: Part): Promise<void> {
    const ok = await confirmAction(this.dialog, {
      title: 'Remove part?',
      message: `"${part.description}" will be removed from the parts used.`,
      confirm: 'Remove',
      danger: true,
    });
    if (!ok) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(this.removeGql.mutate({ variables: { id: part.id } }));
    } catch (err) {
      this.error.set(actionMessage(err));
    } finally {
      this.busy.set(false);
    }
  }

  private showError(err: unknown): void {
    const shown: Partial<Record<PartField, string>> = {};
    for (const [field, message] of Object.entries(fieldErrorsOf(err))) {
      const name = (field === 'unitPriceMinor' ? 'unitPrice' : field) as PartField;
      if (name in MESSAGES) {
        shown[name] = message;
        this.form.controls[name].setErrors({ server: true });
      }
    }
    this.serverErrors.set(shown);
    if (Object.keys(shown).length === 0) this.error.set(actionMessage(err));
  }
}
