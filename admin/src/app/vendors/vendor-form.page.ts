import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  signal,
  type OnInit,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { CreateVendorGQL, UpdateVendorGQL, VendorDetailGQL } from '../generated/graphql';
import { ErrorBanner } from '../shared/error-banner';
import { FormRules } from '../shared/form-rules';
import { RecordForm } from '../shared/record-form';
import {
  createVendorInput,
  newVendorForm,
  updateVendorInput,
  validateVendor,
  vendorFieldOf,
  vendorFormOf,
  type VendorField,
  type VendorFormValue,
} from './vendor.model';

/** /vendors/new and /vendors/:id/edit: name, contact and service area. */
@Component({
  selector: 'att-vendor-form',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ErrorBanner,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './vendor-form.page.html',
  styleUrl: './vendor-form.page.scss',
})
export class VendorFormPage implements OnInit {
  /** Route parameter `:id` when editing. */
  readonly id = input<string>();

  private readonly detailGql = inject(VendorDetailGQL);
  private readonly createGql = inject(CreateVendorGQL);
  private readonly updateGql = inject(UpdateVendorGQL);

  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly form = this.fb.group({
    name: '',
    email: '',
    phone: '',
    baseLat: this.fb.control<number | null>(null),
    baseLng: this.fb.control<number | null>(null),
    serviceRadiusKm: this.fb.control<number | null>(null),
  });
  protected readonly rules = new FormRules<VendorFormValue, VendorField>(
    this.form,
    validateVendor,
    inject(DestroyRef),
  );

  protected readonly editing = computed(() => !!this.id());
  protected readonly title = signal('New vendor');
  protected readonly record = new RecordForm(this.form, this.rules, newVendorForm(), {
    path: '/vendors',
    notFound: 'This vendor does not exist.',
    fieldOf: vendorFieldOf,
  });

  ngOnInit(): void {
    if (this.id()) void this.load();
  }

  protected async load(): Promise<void> {
    const id = this.id();
    if (!id) return;
    await this.record.load(async () => {
      const res = await firstValueFrom(
        this.detailGql.fetch({ variables: { id }, fetchPolicy: 'network-only' }),
      );
      const vendor = res.data?.vendor;
      if (!vendor) throw res.error ?? new Error('Vendor not found');
      this.title.set(`Edit ${vendor.name}`);
      return vendorFormOf(vendor);
    });
  }

  protected save(): Promise<void> {
    const id = this.id();
    return this.record.save(async (value) => {
      if (id) {
        const input = updateVendorInput(value, this.record.before);
        if (Object.keys(input).length > 0)
          await firstValueFrom(this.updateGql.mutate({ variables: { id, input } }));
        this.form.markAsPristine();
        return id;
      }
      const res = await firstValueFrom(
        this.createGql.mutate({ variables: { input: createVendorInput(value) } }),
      );
      return res.data?.createVendor?.id;
    });
  }

  protected cancel(): void {
    this.record.leave(this.id());
  }
}
