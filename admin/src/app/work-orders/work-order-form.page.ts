import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
  type OnInit,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { codeOf, fieldErrorsOf, messageOf } from '../core/errors';
import { SessionStore } from '../core/session.store';
import { CreateWorkOrderGQL, UpdateWorkOrderGQL, WorkOrderGQL } from '../generated/graphql';
import { ErrorBanner } from '../shared/error-banner';
import { HumanizePipe, WoNumberPipe } from '../shared/pipes';
import {
  buildWorkOrderForm,
  clientMessage,
  controlOfServerField,
  createInputOf,
  formValueOf,
  updateInputOf,
  type WorkOrderFormField,
} from './work-order-form.model';
import { isVersionConflict } from './work-order-candidate.model';
import { WorkOrderFormAssignment } from './work-order-form-assignment';
import { CONFLICT_MESSAGE, WORK_ORDER_KINDS, WORK_ORDER_PRIORITIES } from './work-order.constants';

/** /work-orders/new and /work-orders/:id/edit. */
@Component({
  selector: 'att-work-order-form',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatProgressBarModule,
    ErrorBanner,
    WorkOrderFormAssignment,
    HumanizePipe,
    WoNumberPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './work-order-form.page.html',
  styleUrl: './work-order-form.page.scss',
})
export class WorkOrderFormPage implements OnInit {
  /** Route parameter `:id` when editing. */
  readonly id = input<string>();
  /** Optional `?guestId=` to link a new work order to a guest. */
  readonly guestId = input<string>();

  private readonly router = inject(Router);
  private readonly store = inject(SessionStore);
  private readonly workOrderGql = inject(WorkOrderGQL);
  private readonly createGql = inject(CreateWorkOrderGQL);
  private readonly updateGql = inject(UpdateWorkOrderGQL);

  private readonly org = this.store.user()?.organization;
  private readonly currency = this.org?.currency ?? 'EUR';
  protected readonly form = buildWorkOrderForm(inject(FormBuilder), {
    kind: this.org?.kind === 'HOTEL' ? 'HOTEL_SERVICE' : 'FIELD_JOB',
    currency: this.currency,
  });
  protected readonly kinds = WORK_ORDER_KINDS;
  protected readonly priorities = WORK_ORDER_PRIORITIES;

  protected readonly editing = computed(() => !!this.id());
  protected readonly number = signal<number | null>(null);
  private version: number | null = null;
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly conflict = signal(false);
  /** Server messages by control; the control also carries a `server` error until edited. */
  private readonly serverErrors = signal<Partial<Record<WorkOrderFormField, string>>>({});
  /** Bumped whenever validity may have changed outside an event handler, to re-render messages. */
  private readonly revision = signal(0);

  constructor() {
    this.form.controls.windowStart.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.windowEnd.updateValueAndValidity({ emitEvent: false }));
  }

  ngOnInit(): void {
    if (this.id()) void this.load();
  }

  /** errorOf for child components. */
  protected readonly messageFor = (field: WorkOrderFormField) => this.errorOf(field);

  /** The message under a field, or null. */
  protected errorOf(field: WorkOrderFormField): string | null {
    this.revision();
    const control = this.form.controls[field];
    if (control.hasError('server'))
      return this.serverErrors()[field] ?? (control.getError('server') as string);
    return clientMessage(field, control.errors);
  }

  protected async load(): Promise<void> {
    const id = this.id();
    if (!id) return;
    this.loading.set(true);
    this.formError.set(null);
    this.conflict.set(false);
    try {
      const res = await firstValueFrom(
        this.workOrderGql.fetch({ variables: { id }, fetchPolicy: 'network-only' }),
      );
      const wo = res.data?.workOrder;
      if (!wo) throw res.error ?? new Error('Work order not found');
      this.version = wo.version;
      this.number.set(wo.number);
      this.form.reset(formValueOf(wo, this.currency));
      this.form.controls.kind.disable();
      this.serverErrors.set({});
    } catch (err) {
      this.formError.set(messageOf(err));
    } finally {
      this.loading.set(false);
      this.revision.update((n) => n + 1);
    }
  }

  protected async save(): Promise<void> {
    this.formError.set(null);
    this.conflict.set(false);
    this.clearServerErrors();
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const id = this.id();
    this.saving.set(true);
    try {
      if (id) {
        const input = updateInputOf(this.form);
        if (Object.keys(input).length > 0) {
          await firstValueFrom(
            this.updateGql.mutate({ variables: { id, input, expectedVersion: this.version } }),
          );
        }
        this.form.markAsPristine();
        await this.router.navigate(['/work-orders', id]);
      } else {
        const res = await firstValueFrom(
          this.createGql.mutate({ variables: { input: createInputOf(this.form, this.guestId()) } }),
        );
        const created = res.data?.createWorkOrder;
        await this.router.navigate(created ? ['/work-orders', created.id] : ['/work-orders']);
      }
    } catch (err) {
      this.showError(err);
    } finally {
      this.saving.set(false);
      this.revision.update((n) => n + 1);
    }
  }

  protected cancel(): void {
    const id = this.id();
    void this.router.navigate(id ? ['/work-orders', id] : ['/work-orders']);
  }

  private clearServerErrors(): void {
    for (const control of Object.values(this.form.controls)) {
      if (control.hasError('server')) control.updateValueAndValidity({ emitEvent: false });
    }
    this.serverErrors.set({});
  }

  private showError(err: unknown): void {
    if (codeOf(err) === 'CONFLICT') {
      // A stale version needs a reload; other conflicts (e.g. a closed order) say why.
      this.conflict.set(true);
      this.formError.set(isVersionConflict(err) ? CONFLICT_MESSAGE : messageOf(err));
      return;
    }
    const shown: Partial<Record<WorkOrderFormField, string>> = {};
    const rest: string[] = [];
    for (const [field, message] of Object.entries(fieldErrorsOf(err))) {
      const name = controlOfServerField(field);
      const control = name ? this.form.controls[name] : null;
      if (name && control && control.enabled) {
        control.setErrors({ ...(control.errors ?? {}), server: message });
        control.markAsTouched();
        shown[name] = message;
      } else {
        rest.push(message);
      }
    }
    this.serverErrors.set(shown);
    if (rest.length > 0) this.formError.set(rest.join('; '));
    else if (Object.keys(shown).length === 0) this.formError.set(messageOf(err));
  }
}
