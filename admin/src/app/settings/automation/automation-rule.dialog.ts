import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { firstValueFrom, map, startWith } from 'rxjs';
import {
  AutomationCreateRuleGQL,
  AutomationOptionsGQL,
  AutomationUpdateRuleGQL,
  type AutomationPreviewInput,
  type AutomationRuleFieldsFragment,
  type WorkOrderPriority,
} from '../../generated/graphql';
import { HumanizePipe } from '../../shared/pipes';
import { check, errorOf } from '../form-errors';
import { SettingsDialogSave } from '../settings-dialog-save';
import { PRIORITIES } from '../sla/sla.model';
import {
  conditionsOf,
  hasAnyCondition,
  HOURS_MAX,
  NAME_MAX,
  NAME_MIN,
  PLACEHOLDERS,
  ruleControlOf,
  ruleFormValueOf,
  ruleInputOf,
  TITLE_MAX,
  TITLE_MIN,
  unknownPlaceholders,
  type RuleFormValue,
} from './automation.model';
import { AutomationPreview } from './automation-preview';
import { conditionsGroup, RuleConditionsEditor } from './rule-conditions-editor';

export interface AutomationRuleDialogData {
  /** Null to create a new rule. */
  rule: AutomationRuleFieldsFragment | null;
}

/** Creates or edits an automation rule beside a live preview; closes with the saved rule. */
@Component({
  selector: 'att-automation-rule-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    HumanizePipe,
    RuleConditionsEditor,
    AutomationPreview,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './automation-rule.dialog.html',
  styleUrl: '../settings-dialog.scss',
  styles: `
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(240px, 2fr);
      gap: 16px;
      align-items: start;
    }
    @media (max-width: 760px) {
      .layout {
        grid-template-columns: 1fr;
      }
    }
    .merge {
      display: flex;
      gap: 4px;
      flex-wrap: wrap;
      align-items: center;
      margin: -4px 0 8px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class AutomationRuleDialog {
  protected readonly data = inject<AutomationRuleDialogData>(MAT_DIALOG_DATA);
  private readonly fb = inject(FormBuilder);
  private readonly createGql = inject(AutomationCreateRuleGQL);
  private readonly updateGql = inject(AutomationUpdateRuleGQL);

  protected readonly priorities = PRIORITIES;
  protected readonly placeholders = PLACEHOLDERS;
  protected readonly hoursMax = HOURS_MAX;
  protected readonly form = this.build(ruleFormValueOf(this.data.rule));
  protected readonly editor = new SettingsDialogSave<AutomationRuleFieldsFragment>(
    this.form,
    ruleControlOf,
  );

  private readonly options = toSignal(
    inject(AutomationOptionsGQL)
      .fetch({ fetchPolicy: 'network-only' })
      .pipe(map((r) => r.data ?? null)),
    { initialValue: null },
  );
  protected readonly serviceTypes = computed(() => {
    const list = [...(this.options()?.serviceTypes ?? [])];
    const own = this.data.rule?.serviceType;
    if (own && !list.some((t) => t.id === own.id)) list.unshift(own);
    return list;
  });
  protected readonly teams = computed(() => {
    const list = [...(this.options()?.teams ?? [])];
    const own = this.data.rule?.team;
    if (own && !list.some((t) => t.id === own.id)) list.unshift(own);
    return list;
  });

  private readonly value = toSignal(
    this.form.valueChanges.pipe(
      startWith(null),
      map(() => this.form.getRawValue()),
    ),
    { initialValue: this.form.getRawValue() },
  );
  /** What the preview asks about: only with a condition and a valid lead time. */
  protected readonly previewRequest = computed((): AutomationPreviewInput | null => {
    const v = this.value();
    const conditions = conditionsOf(v.conditions);
    const hours = v.hoursBeforeArrival;
    if (!hasAnyCondition(conditions) || this.form.controls.conditions.invalid) return null;
    if (hours == null || !Number.isInteger(hours) || hours < 0 || hours > HOURS_MAX) return null;
    return { conditions, hoursBeforeArrival: hours };
  });

  protected err(path: string): string | null {
    return errorOf(this.form.get(path));
  }

  /** Appends a merge field to the title. */
  protected insert(name: string): void {
    const title = this.form.controls.title;
    const text = title.value;
    title.setValue(`${text}${text && !text.endsWith(' ') ? ' ' : ''}{${name}}`);
    title.markAsDirty();
  }

  protected save(): Promise<void> {
    return this.editor.save(async () => {
      const input = ruleInputOf(this.form.getRawValue());
      const id = this.data.rule?.id;
      const res = id
        ? await firstValueFrom(this.updateGql.mutate({ variables: { id, input } }))
        : await firstValueFrom(this.createGql.mutate({ variables: { input } }));
      const data = res.data as
        | {
            updateAutomationRule?: AutomationRuleFieldsFragment;
            createAutomationRule?: AutomationRuleFieldsFragment;
          }
        | null
        | undefined;
      const saved = data?.updateAutomationRule ?? data?.createAutomationRule;
      if (!saved) throw res.error ?? new Error('The rule was not saved');
      return saved;
    });
  }

  private build(v: RuleFormValue) {
    const nn = this.fb.nonNullable;
    const between = (what: string, min: number, max: number) =>
      check<string>((s) => {
        const n = s.trim().length;
        return n >= min && n <= max ? null : `Give ${what} of ${min} to ${max} characters`;
      });
    return nn.group({
      name: [v.name, [Validators.required, between('a name', NAME_MIN, NAME_MAX)]],
      conditions: conditionsGroup(this.fb, v.conditions),
      serviceTypeId: [v.serviceTypeId, Validators.required],
      title: [
        v.title,
        [
          Validators.required,
          between('a title', TITLE_MIN, TITLE_MAX),
          check<string>((t) => {
            const unknown = unknownPlaceholders(t);
            return unknown.length
              ? `Unknown merge field {${unknown[0]}}; use {guest}, {room} or {arrival}`
              : null;
          }),
        ],
      ],
      priority: nn.control<WorkOrderPriority>(v.priority),
      hoursBeforeArrival: nn.control<number | null>(v.hoursBeforeArrival, [
        Validators.required,
        Validators.min(0),
        Validators.max(HOURS_MAX),
        check<number | null>((n) => (n == null || Number.isInteger(n) ? null : 'Whole hours')),
      ]),
      teamId: nn.control<string | null>(v.teamId),
    });
  }
}
