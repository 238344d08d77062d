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
import { Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { codeOf, fieldErrorsOf, messageOf } from '../core/errors';
import { CreateVendorGQL, UpdateVendorGQL, VendorDetailGQL } from '../generated/graphql';
import { ErrorBanner } from '../shared/error-banner';
import { FormRules } from '../technicians/form-rules';
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
  styleUrl: '../technicians/technician-form.page.scss',
})
export class VendorFormPage implements OnInit {
  /** Route parameter `:id` when editing. */
  readonly id = input<string>();

  private readonly router = inject(Router);
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
  private before: VendorFormValue = newVendorForm();
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);

  ngOnInit(): void {
    if (this.id()) void this.load();
  }

  protected async load(): Promise<void> {
    const id = this.id();
    if (!id) return;
    this.loading.set(true);
    this.formError.set(null);
    try {
      const res = await firstValueFrom(
        this.detailGql.fetch({ variables: { id }, fetchPolicy: 'network-only' }),
      );
      const vendor = res.data?.vendor;
      if (!vendor) throw res.error ?? new Error('Vendor not found');
      this.before = vendorFormOf(vendor);
      this.title.set(`Edit ${vendor.name}`);
      this.form.reset(this.before);
    } catch (err) {
      this.formError.set(
        codeOf(err) === 'NOT_FOUND' ? 'This vendor does not exist.' : messageOf(err),
      );
    } finally {
      this.loading.set(false);
    }
  }

  protected async save(): Promise<void> {
    this.formError.set(null);
    this.rules.server.set({});
    this.rules.revalidate();
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const value = this.form.getRawValue();
    const id = this.id();
    this.saving.set(true);
    try {
      if (id) {
        const input = updateVendorInput(value, this.before);
        if (Object.keys(input).length > 0)
          await firstValueFrom(this.updateGql.mutate({ variables: { id, input } }));
        this.form.markAsPristine();
        await this.router.navigate(['/vendors', id]);
      } else {
        const res = await firstValueFrom(
          this.createGql.mutate({ variables: { input: createVendorInput(value) } }),
        );
        const created = res.data?.createVendor;
        await this.router.navigate(created ? ['/vendors', created.id] : ['/vendors']);
      }
    } catch (err) {
      const rest = this.rules.showServer(fieldErrorsOf(err), vendorFieldOf);
      if (rest.length > 0) this.formError.set(rest.join('; '));
      else if (Object.keys(this.rules.server()).length === 0) this.formError.set(messageOf(err));
    } finally {
      this.saving.set(false);
    }
  }

  protected cancel(): void {
    const id = this.id();
    void this.router.navigate(id ? ['/vendors', id] : ['/vendors']);
  }
}
