import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { firstValueFrom, map } from 'rxjs';
import { SessionStore } from '../../core/session.store';
import {
  SlaCreatePolicyGQL,
  SlaServiceTypeOptionsGQL,
  SlaUpdatePolicyGQL,
  type SlaPolicyFieldsFragment,
  type WorkOrderPriority,
} from '../../generated/graphql';
import { HumanizePipe } from '../../shared/pipes';
import { check, errorOf } from '../form-errors';
import { SettingsDialogSave } from '../settings-dialog-save';
import { BusinessHoursEditor, hoursRowGroup } from './business-hours-editor';
import { HolidaysEditor } from './holidays-editor';
import {
  hoursProblem,
  PRIORITIES,
  slaControlOf,
  slaFormValueOf,
  slaInputOf,
  timeZones,
  type HoursRow,
  type SlaFormValue,
} from './sla.model';
import { SlaTargetField, targetGroup } from './sla-target-field';
import { TimeZoneField } from './time-zone-field';

export interface SlaPolicyDialogData {
  /** Null to create a new policy. */
  policy: SlaPolicyFieldsFragment | null;
}

/** Creates or edits an SLA policy; closes with the saved policy. */
@Component({
  selector: 'att-sla-policy-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    HumanizePipe,
    BusinessHoursEditor,
    HolidaysEditor,
    SlaTargetField,
    TimeZoneField,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sla-policy.dialog.html',
  styleUrl: '../settings-dialog.scss',
  styles: `
    .toggles {
      display: flex;
      gap: 24px;
      flex-wrap: wrap;
      padding: 4px 0 12px;
    }
  `,
})
export class SlaPolicyDialog {
  protected readonly data = inject<SlaPolicyDialogData>(MAT_DIALOG_DATA);
  private readonly fb = inject(FormBuilder);
  private readonly createGql = inject(SlaCreatePolicyGQL);
  private readonly updateGql = inject(SlaUpdatePolicyGQL);
  protected readonly orgZone = inject(SessionStore).user()?.organization?.timezone ?? 'UTC';

  protected readonly priorities = PRIORITIES;
  protected readonly zones = timeZones([this.orgZone, this.data.policy?.timezone]);
  protected readonly form = this.build(slaFormValueOf(this.data.policy, this.orgZone));
  protected readonly editor = new SettingsDialogSave<SlaPolicyFieldsFragment>(
    this.form,
    slaControlOf,
  );

  protected readonly serviceTypes = toSignal(
    inject(SlaServiceTypeOptionsGQL)
      .fetch()
      .pipe(map((r) => r.data?.serviceTypes ?? [])),
    { initialValue: [] },
  );
  protected readonly allDay = toSignal(this.form.controls.allDay.valueChanges, {
    initialValue: this.form.controls.allDay.value,
  });
  private readonly status = toSignal(this.form.statusChanges, { initialValue: this.form.status });
  protected readonly orderError = computed(() => {
    this.status();
    return this.editor.submitted() || this.form.controls.resolution.touched
      ? ((this.form.errors?.['message'] as string | undefined) ?? null)
      : null;
  });
  protected readonly hoursError = computed(() => {
    this.status();
    this.editor.submitted();
    const hours = this.form.controls.hours;
    return (
      (hours.errors?.['server'] as string | undefined) ??
      (hours.touched || hours.dirty || this.editor.submitted()
        ? ((hours.errors?.['message'] as string | undefined) ?? null)
        : null)
    );
  });

  constructor() {
    this.form.controls.allDay.valueChanges.subscribe((allDay) => this.syncHours(allDay));
    this.syncHours(this.form.controls.allDay.value);
  }

  protected err(path: string): string | null {
    return errorOf(this.form.get(path));
  }

  protected serverError(path: string): string | null {
    this.status();
    return (this.form.get(path)?.errors?.['server'] as string | undefined) ?? null;
  }

  protected save(): Promise<void> {
    return this.editor.save(async () => {
      const input = slaInputOf(this.form.getRawValue());
      const id = this.data.policy?.id;
      const res = id
        ? await firstValueFrom(this.updateGql.mutate({ variables: { id, input } }))
        : await firstValueFrom(this.createGql.mutate({ variables: { input } }));
      const data = res.data as
        | { updateSlaPolicy?: SlaPolicyFieldsFragment; createSlaPolicy?: SlaPolicyFieldsFragment }
        | null
        | undefined;
      const saved = data?.updateSlaPolicy ?? data?.createSlaPolicy;
      if (!saved) throw res.error ?? new Error('The policy was not saved');
      return saved;
    });
  }

  /** The week is only checked (and sent) when the clock follows business hours. */
  private syncHours(allDay: boolean): void {
    const hours = this.form.controls.hours;
    if (allDay) hours.disable({ emitEvent: false });
    else hours.enable({ emitEvent: false });
    this.form.updateValueAndValidity();
  }

  private build(v: SlaFormValue) {
    const nn = this.fb.nonNullable;
    const zones = new Set(this.zones);
    return nn.group(
      {
        name: [v.name, [Validators.required, check<string>(nameProblem)]],
        serviceTypeId: nn.control(v.serviceTypeId),
        priority: nn.control<WorkOrderPriority | ''>(v.priority),
        response: targetGroup(this.fb, v.response),
        resolution: targetGroup(this.fb, v.resolution),
        allDay: v.allDay,
        hours: nn.array(
          v.hours.map((row) => hoursRowGroup(this.fb, row)),
          check<HoursRow[]>(hoursProblem),
        ),
        timezone: [
          v.timezone,
          [
            Validators.required,
            check<string>((z) =>
              zones.has(z.trim()) ? null : 'Choose a time zone from the list, e.g. Europe/Prague',
            ),
          ],
        ],
        holidays: nn.control<string[]>(v.holidays),
        warnAtPercent: nn.control<number | null>(v.warnAtPercent, [
          Validators.required,
          Validators.min(1),
          Validators.max(99),
          check<number | null>((p) =>
            p == null || Number.isInteger(p) ? null : 'A whole percentage',
          ),
        ]),
        active: v.active,
      },
      { validators: check<SlaFormValue>(targetsInOrder) },
    );
  }
}

function nameProblem(name: string): string | null {
  const n = name.trim().replace(/\s+/g, ' ');
  return n.length >= 2 && n.length <= 80 ? null : 'Give a name of 2 to 80 characters';
}

function targetsInOrder(v: SlaFormValue): string | null {
  const total = (t: { hours: number | null; minutes: number | null }) =>
    (t.hours ?? 0) * 60 + (t.minutes ?? 0);
  return total(v.response) > total(v.resolution)
    ? 'The response target cannot be longer than the resolution target'
    : null;
}
