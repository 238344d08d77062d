import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { firstValueFrom, map, merge, startWith } from 'rxjs';
import {
  CreateMessageTriggerGQL,
  MessageTriggerTemplatesGQL,
  UpdateMessageTriggerGQL,
  type MessageTriggerFieldsFragment,
} from '../../generated/graphql';
import { HumanizePipe } from '../../shared/pipes';
import { check, errorOf } from '../form-errors';
import { SettingsDialogSave } from '../settings-dialog-save';
import { channelLabel, TEMPLATE_CHANNELS } from '../templates/templates.model';
import {
  createTriggerInputOf,
  KINDS,
  offsetLabel,
  offsetOf,
  offsetProblem,
  PRIORITIES,
  STAY_EVENTS,
  TRIGGER_EVENTS,
  triggerControlOf,
  triggerFormValueOf,
  updateTriggerInputOf,
  type TriggerFormValue,
} from './triggers.model';

/** What the dialog closes with: the trigger, named after its template for the snack bar. */
export type SavedTrigger = MessageTriggerFieldsFragment & { name: string };

export interface TriggerDialogData {
  /** Null to create a new trigger. */
  trigger: MessageTriggerFieldsFragment | null;
}

/** Creates or edits a trigger: on this event, send this template on its channel, then. */
@Component({
  selector: 'att-trigger-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    HumanizePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './trigger.dialog.html',
  styleUrl: '../settings-dialog.scss',
})
export class TriggerDialog {
  protected readonly data = inject<TriggerDialogData>(MAT_DIALOG_DATA);
  private readonly fb = inject(FormBuilder);
  private readonly createGql = inject(CreateMessageTriggerGQL);
  private readonly updateGql = inject(UpdateMessageTriggerGQL);

  protected readonly events = TRIGGER_EVENTS;
  protected readonly channels = TEMPLATE_CHANNELS;
  protected readonly priorities = PRIORITIES;
  protected readonly kinds = KINDS;
  protected readonly channelLabel = channelLabel;
  protected readonly form = this.build(triggerFormValueOf(this.data.trigger));
  protected readonly editor = new SettingsDialogSave<SavedTrigger>(this.form, triggerControlOf);

  private readonly value = toSignal(
    this.form.valueChanges.pipe(
      startWith(null),
      map(() => this.form.getRawValue()),
    ),
    { initialValue: this.form.getRawValue() },
  );
  private readonly allTemplates = toSignal(
    inject(MessageTriggerTemplatesGQL)
      .fetch({ fetchPolicy: 'network-only' })
      .pipe(map((r) => r.data?.templates ?? [])),
    { initialValue: [] },
  );
  /** Templates of the chosen channel: a trigger sends its template's channel. */
  protected readonly templates = computed(() =>
    this.allTemplates().filter((t) => t.channel === this.value().channel),
  );
  protected readonly stay = computed(() => STAY_EVENTS.has(this.value().event));
  protected readonly timing = computed(() => {
    const v = this.value();
    return offsetProblem(v.event, offsetOf(v)) ? null : offsetLabel(v.event, offsetOf(v));
  });

  constructor() {
    // A template of another channel no longer fits: choose again.
    this.form.controls.channel.valueChanges.subscribe(() => {
      const id = this.form.controls.templateId.value;
      if (id && !this.templates().some((t) => t.id === id))
        this.form.controls.templateId.setValue('');
    });
  }

  protected err(path: string): string | null {
    return errorOf(this.form.get(path));
  }

  protected save(): Promise<void> {
    return this.editor.save(async () => {
      const value = this.form.getRawValue();
      const id = this.data.trigger?.id;
      if (id) {
        const res = await firstValueFrom(
          this.updateGql.mutate({ variables: { id, input: updateTriggerInputOf(value) } }),
        );
        const saved = res.data?.updateTrigger;
        if (!saved) throw res.error ?? new Error('The trigger was not saved');
        return { ...saved, name: saved.template?.name ?? 'trigger' };
      }
      const res = await firstValueFrom(
        this.createGql.mutate({ variables: { input: createTriggerInputOf(value) } }),
      );
      const saved = res.data?.createTrigger;
      if (!saved) throw res.error ?? new Error('The trigger was not saved');
      return { ...saved, name: saved.template?.name ?? 'trigger' };
    });
  }

  private build(v: TriggerFormValue) {
    const nn = this.fb.nonNullable;
    const group = nn.group({
      event: [v.event],
      channel: [v.channel],
      templateId: [v.templateId, Validators.required],
      amount: nn.control<number | null>(v.amount, [Validators.required, Validators.min(0)]),
      unit: [v.unit],
      direction: [v.direction],
      priorities: nn.control<string[]>(v.priorities),
      kinds: nn.control<string[]>(v.kinds),
      vipOnly: [v.vipOnly],
      enabled: [v.enabled],
    });
    // The offset's rule depends on the event, unit and direction: checked again when they change.
    group.controls.amount.addValidators(
      check<number | null>(() => {
        const g = group.getRawValue();
        return g.amount == null ? null : offsetProblem(g.event, offsetOf(g));
      }),
    );
    const c = group.controls;
    merge(c.event.valueChanges, c.unit.valueChanges, c.direction.valueChanges).subscribe(() =>
      c.amount.updateValueAndValidity(),
    );
    if (this.data.trigger) group.controls.event.disable();
    return group;
  }
}
