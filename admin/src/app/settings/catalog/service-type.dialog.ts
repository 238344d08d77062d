import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators, type FormArray } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { firstValueFrom, map, startWith } from 'rxjs';
import { SessionStore } from '../../core/session.store';
import {
  CatalogCreateServiceTypeGQL,
  CatalogSkillsGQL,
  CatalogUpdateServiceTypeGQL,
  type CatalogServiceTypeFragment,
} from '../../generated/graphql';
import { formatMinutes } from '../duration.model';
import {
  catalogControlOf,
  DESCRIPTION_MAX,
  duplicateSkills,
  KIND_CHOICES,
  MINUTES_MAX,
  MINUTES_MIN,
  NAME_MAX,
  NAME_MIN,
  serviceTypeFormValueOf,
  serviceTypeInputOf,
  type KindChoice,
  type SkillRow,
} from './catalog.model';
import { checklistItem, ChecklistEditor } from './checklist-editor';
import { check, errorOf } from '../form-errors';
import { SettingsDialogSave } from '../settings-dialog-save';
import {
  RequiredSkillsEditor,
  skillRow,
  type SkillOption,
  type SkillRowGroup,
} from './required-skills-editor';

export interface ServiceTypeDialogData {
  /** Null to create a new type. */
  type: CatalogServiceTypeFragment | null;
}

const PRICE = /^\s*\d+([.,]\d+)?\s*$/;

/** Creates or edits a service type; closes with the saved type. */
@Component({
  selector: 'att-service-type-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    RequiredSkillsEditor,
    ChecklistEditor,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './service-type.dialog.html',
  styleUrl: '../settings-dialog.scss',
})
export class ServiceTypeDialog {
  protected readonly data = inject<ServiceTypeDialogData>(MAT_DIALOG_DATA);
  private readonly fb = inject(FormBuilder);
  private readonly createGql = inject(CatalogCreateServiceTypeGQL);
  private readonly updateGql = inject(CatalogUpdateServiceTypeGQL);
  private readonly currency = inject(SessionStore).user()?.organization?.currency ?? 'EUR';

  protected readonly kinds = KIND_CHOICES;
  protected readonly minutesMin = MINUTES_MIN;
  protected readonly minutesMax = MINUTES_MAX;
  protected readonly form = this.build();
  protected readonly editor = new SettingsDialogSave<CatalogServiceTypeFragment>(
    this.form,
    catalogControlOf,
  );

  private readonly loaded = toSignal(
    inject(CatalogSkillsGQL)
      .fetch({ fetchPolicy: 'network-only' })
      .pipe(map((r) => r.data?.skills ?? [])),
    { initialValue: [] as SkillOption[] },
  );
  protected readonly created = signal<SkillOption[]>([]);
  /** The organization's skills, plus those of the type (in case the list failed) and new ones. */
  protected readonly skills = computed(() => {
    const all = new Map<string, SkillOption>();
    for (const s of this.data.type?.requiredSkills ?? []) all.set(s.skill.id, s.skill);
    for (const s of [...this.loaded(), ...this.created()]) all.set(s.id, s);
    return [...all.values()].sort((a, b) => a.name.localeCompare(b.name));
  });
  private readonly minutes = toSignal(
    this.form.controls.defaultMinutes.valueChanges.pipe(
      startWith(this.form.controls.defaultMinutes.value),
    ),
  );
  protected readonly durationHint = computed(() => {
    const m = this.minutes();
    return m ? formatMinutes(m) : `${MINUTES_MIN} to ${MINUTES_MAX} minutes`;
  });
  private readonly status = toSignal(this.form.statusChanges, { initialValue: this.form.status });
  protected readonly skillsError = computed(() => {
    this.status();
    const skills = this.form.controls.skills;
    return (
      (skills.errors?.['message'] as string | undefined) ??
      (skills.errors?.['server'] as string | undefined) ??
      null
    );
  });
  protected readonly checklistError = computed(() => {
    this.status();
    return (this.form.controls.checklist.errors?.['server'] as string | undefined) ?? null;
  });

  protected err(path: string): string | null {
    return errorOf(this.form.get(path));
  }

  protected save(): Promise<void> {
    return this.editor.save(async () => {
      const input = serviceTypeInputOf(this.form.getRawValue());
      const id = this.data.type?.id;
      const res = id
        ? await firstValueFrom(this.updateGql.mutate({ variables: { id, input } }))
        : await firstValueFrom(this.createGql.mutate({ variables: { input } }));
      const data = res.data as
        | {
            updateServiceType?: CatalogServiceTypeFragment;
            createServiceType?: CatalogServiceTypeFragment;
          }
        | null
        | undefined;
      const saved = data?.updateServiceType ?? data?.createServiceType;
      if (!saved) throw res.error ?? new Error('The service type was not saved');
      return saved;
    });
  }

  private build() {
    const v = serviceTypeFormValueOf(this.data.type, this.currency);
    const nn = this.fb.nonNullable;
    return nn.group({
      name: [v.name, [Validators.required, check<string>((s) => nameProblem(s))]],
      description: [v.description, Validators.maxLength(DESCRIPTION_MAX)],
      kind: nn.control<KindChoice>(v.kind),
      defaultMinutes: nn.control<number | null>(v.defaultMinutes, [
        Validators.required,
        Validators.min(MINUTES_MIN),
        Validators.max(MINUTES_MAX),
        check<number | null>((m) => (m == null || Number.isInteger(m) ? null : 'Whole minutes')),
      ]),
      price: [
        v.price,
        check<string>((p) => (!p.trim() || PRICE.test(p) ? null : 'Enter an amount like 49.90')),
      ],
      currency: [
        v.currency,
        check<string>((c) => (/^[A-Za-z]{3}$/.test(c.trim()) ? null : 'A 3-letter code, e.g. EUR')),
      ],
      skills: nn.array<SkillRowGroup>(
        v.skills.map((s) => skillRow(this.fb, s.skillId, s.minLevel)),
        check<SkillRow[]>((rows) =>
          duplicateSkills(rows).length ? 'Each skill can be required only once' : null,
        ),
      ),
      checklist: nn.array(v.checklist.map((c) => checklistItem(c))) as FormArray<
        ReturnType<typeof checklistItem>
      >,
    });
  }
}

function nameProblem(name: string): string | null {
  const n = name.trim().replace(/\s+/g, ' ');
  return n.length >= NAME_MIN && n.length <= NAME_MAX
    ? null
    : `Give a name of ${NAME_MIN} to ${NAME_MAX} characters`;
}
