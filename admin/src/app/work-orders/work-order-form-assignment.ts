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
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import {
  WorkOrderServiceTypeOptionsGQL,
  WorkOrderSlaPolicyOptionsGQL,
  WorkOrderTeamOptionsGQL,
  WorkOrderTechnicianOptionsGQL,
  WorkOrderVendorOptionsGQL,
} from '../generated/graphql';
import { MoneyPipe } from '../shared/pipes';
import { queryState } from '../shared/query-state';
import { formatDuration } from './work-order-format';
import { prefillOf, requiredSkillsText, serviceTypeChoices } from './work-order-catalog.model';
import type { WorkOrderForm, WorkOrderFormField } from './work-order-form.model';
import { applicablePolicy, slaHint } from './work-order-sla.model';

/**
 * The service type (which fills in duration and price), team and assignee of the work order
 * form. A job goes to a technician or to a vendor: choosing one clears the other.
 */
@Component({
  selector: 'att-work-order-form-assignment',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatSelectModule, MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container [formGroup]="form()">
      <mat-form-field class="wide">
        <mat-label>Service type</mat-label>
        <mat-select
          formControlName="serviceTypeId"
          (selectionChange)="chooseType($event.value)"
          data-testid="wo-form-serviceType"
        >
          <mat-option value="">None</mat-option>
          @for (t of types(); track t.id) {
            <mat-option [value]="t.id" [attr.data-testid]="'wo-form-serviceType-' + t.id">
              {{ t.name }} · {{ duration(t.defaultMinutes) }}
              @if (t.price) {
                · {{ t.price | money }}
              }
              @if (!t.active) {
                (no longer offered)
              }
            </mat-option>
          }
        </mat-select>
        @if (skillsText(); as skills) {
          <mat-hint data-testid="wo-form-skills">{{ skills }}</mat-hint>
        } @else if (typeOptions.error()) {
          <mat-hint>Service types could not be loaded</mat-hint>
        }
        @if (errorOf()('serviceTypeId'); as e) {
          <mat-error data-testid="field-error-serviceTypeId">{{ e }}</mat-error>
        }
      </mat-form-field>

      @if (slaText(); as sla) {
        <p class="hint wide" data-testid="wo-form-sla-hint">{{ sla }}</p>
      }

      <mat-form-field>
        <mat-label>Team</mat-label>
        <mat-select formControlName="teamId" data-testid="wo-form-team">
          <mat-option value="">No team</mat-option>
          @for (t of teams(); track t.id) {
            <mat-option [value]="t.id">{{ t.name }}</mat-option>
          }
        </mat-select>
        @if (errorOf()('teamId'); as e) {
          <mat-error data-testid="field-error-teamId">{{ e }}</mat-error>
        }
      </mat-form-field>

      <mat-form-field>
        <mat-label>Technician</mat-label>
        <mat-select
          formControlName="technicianId"
          (selectionChange)="chooseTechnician($event.value)"
          data-testid="wo-form-technician"
        >
          <mat-option value="">Unassigned</mat-option>
          @for (t of technicians(); track t.id) {
            <mat-option [value]="t.id">{{ t.name }}</mat-option>
          }
        </mat-select>
        @if (errorOf()('technicianId'); as e) {
          <mat-error data-testid="field-error-technicianId">{{ e }}</mat-error>
        }
      </mat-form-field>

      <mat-form-field>
        <mat-label>Or a vendor</mat-label>
        <mat-select
          formControlName="vendorId"
          (selectionChange)="chooseVendor($event.value)"
          data-testid="wo-form-vendor"
        >
          <mat-option value="">No vendor</mat-option>
          @for (v of vendors(); track v.id) {
            <mat-option [value]="v.id">{{ v.name }}</mat-option>
          }
        </mat-select>
        <mat-hint>Unassigns the technician</mat-hint>
        @if (errorOf()('vendorId'); as e) {
          <mat-error data-testid="field-error-vendorId">{{ e }}</mat-error>
        }
      </mat-form-field>
    </ng-container>
  `,
  styles: `
    :host {
      display: contents;
    }
    .wide {
      grid-column: 1 / -1;
    }
    .hint {
      margin: -4px 0 12px;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class WorkOrderFormAssignment implements OnInit {
  readonly form = input.required<WorkOrderForm>();
  /** The parent's message for a field (client check or server error). */
  readonly errorOf = input.required<(field: WorkOrderFormField) => string | null>();

  private readonly destroyRef = inject(DestroyRef);
  protected readonly typeOptions = queryState(
    inject(WorkOrderServiceTypeOptionsGQL).watch().valueChanges,
  );
  private readonly teamOptions = queryState(inject(WorkOrderTeamOptionsGQL).watch().valueChanges);
  private readonly technicianOptions = queryState(
    inject(WorkOrderTechnicianOptionsGQL).watch().valueChanges,
  );
  private readonly vendorOptions = queryState(
    inject(WorkOrderVendorOptionsGQL).watch().valueChanges,
  );
  private readonly policyOptions = queryState(
    inject(WorkOrderSlaPolicyOptionsGQL).watch().valueChanges,
  );

  /** The form's values as a signal (kept current in ngOnInit). */
  private readonly values = signal<ReturnType<WorkOrderForm['getRawValue']> | null>(null);

  protected readonly types = computed(() => {
    const v = this.values();
    const all = this.typeOptions.data()?.serviceTypes ?? [];
    return v ? serviceTypeChoices(all, v.kind, v.serviceTypeId) : all.filter((t) => t.active);
  });
  protected readonly teams = computed(() => this.teamOptions.data()?.teams ?? []);
  protected readonly technicians = computed(
    () => this.technicianOptions.data()?.technicians.nodes ?? [],
  );
  protected readonly vendors = computed(() => {
    const current = this.values()?.vendorId;
    return (this.vendorOptions.data()?.vendors.nodes ?? []).filter(
      (v) => v.active || v.id === current,
    );
  });
  private readonly chosenType = computed(() => {
    const id = this.values()?.serviceTypeId;
    return id ? (this.typeOptions.data()?.serviceTypes.find((t) => t.id === id) ?? null) : null;
  });
  protected readonly skillsText = computed(() => requiredSkillsText(this.chosenType()));
  protected readonly slaText = computed(() => {
    const v = this.values();
    const policies = this.policyOptions.data()?.slaPolicies;
    if (!v || !policies) return null;
    return slaHint(applicablePolicy(policies, v.serviceTypeId || null, v.priority));
  });
  protected readonly duration = formatDuration;

  ngOnInit(): void {
    const form = this.form();
    this.values.set(form.getRawValue());
    form.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.values.set(form.getRawValue()));
  }

  /** A type picked by the user fills in its duration and price (still editable). */
  protected chooseType(id: string): void {
    const type = this.typeOptions.data()?.serviceTypes.find((t) => t.id === id);
    if (!type) return;
    const c = this.form().controls;
    const prefill = prefillOf(type);
    c.estimatedMinutes.setValue(prefill.estimatedMinutes);
    c.estimatedMinutes.markAsDirty();
    if (prefill.price !== undefined && prefill.currency) {
      c.price.setValue(prefill.price);
      c.currency.setValue(prefill.currency);
      c.price.markAsDirty();
      c.currency.markAsDirty();
    }
  }

  protected chooseTechnician(id: string): void {
    const vendor = this.form().controls.vendorId;
    if (id && vendor.value) {
      vendor.setValue('');
      vendor.markAsDirty();
    }
    vendor.updateValueAndValidity();
  }

  protected chooseVendor(id: string): void {
    const technician = this.form().controls.technicianId;
    if (id && technician.value) {
      technician.setValue('');
      technician.markAsDirty();
    }
    this.form().controls.vendorId.updateValueAndValidity();
  }
}
