import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTooltipModule } from '@angular/material/tooltip';
import { firstValueFrom, map, startWith, switchMap } from 'rxjs';
import {
  CreateMessageTemplateGQL,
  MessageMergeFieldsGQL,
  UpdateMessageTemplateGQL,
  type MessageTemplateFieldsFragment,
  type TriggerEvent,
} from '../../generated/graphql';
import { HumanizePipe } from '../../shared/pipes';
import { check, errorOf } from '../form-errors';
import { SettingsDialogSave } from '../settings-dialog-save';
import { TRIGGER_EVENTS } from '../triggers/triggers.model';
import { TemplatePreview, templatePreview } from './template-preview';
import {
  BODY_MAX,
  channelLabel,
  createInputOf,
  errorsOf,
  insertField,
  CONTENT_SID_PATTERN,
  LANGUAGE_PATTERN,
  NAME_MAX,
  previewInputOf,
  PURPOSES,
  SUBJECT_MAX,
  TEMPLATE_CHANNELS,
  templateControlOf,
  templateFormValueOf,
  updateInputOf,
  type TemplateFormValue,
} from './templates.model';

export interface TemplateDialogData {
  /** Null to create a new template. */
  template: MessageTemplateFieldsFragment | null;
}

type TextPart = 'body' | 'subject' | 'html';

/** Creates or edits a message template beside the server's live preview; closes with it saved. */
@Component({
  selector: 'att-template-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTooltipModule,
    HumanizePipe,
    TemplatePreview,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './template.dialog.html',
  styleUrl: '../settings-dialog.scss',
  styles: `
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(260px, 2fr);
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
      margin: 0 0 8px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .merge mat-form-field {
      width: 220px;
    }
    .merge button {
      --mat-button-text-horizontal-padding: 6px;
    }
    .problems {
      margin: -12px 0 8px;
      padding-left: 18px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-error);
    }
    textarea {
      font-family: inherit;
    }
  `,
})
export class TemplateDialog {
  protected readonly data = inject<TemplateDialogData>(MAT_DIALOG_DATA);
  private readonly fb = inject(FormBuilder);
  private readonly createGql = inject(CreateMessageTemplateGQL);
  private readonly updateGql = inject(UpdateMessageTemplateGQL);
  private readonly fieldsGql = inject(MessageMergeFieldsGQL);

  protected readonly channels = TEMPLATE_CHANNELS;
  protected readonly purposes = PURPOSES;
  protected readonly events = TRIGGER_EVENTS;
  protected readonly channelLabel = channelLabel;
  protected readonly bodyMax = BODY_MAX;
  protected readonly form = this.build(templateFormValueOf(this.data.template));
  protected readonly editor = new SettingsDialogSave<MessageTemplateFieldsFragment>(
    this.form,
    templateControlOf,
  );

  private readonly value = toSignal(
    this.form.valueChanges.pipe(
      startWith(null),
      map(() => this.form.getRawValue()),
    ),
    { initialValue: this.form.getRawValue() },
  );
  protected readonly isEmail = computed(() => this.value().channel === 'EMAIL');
  protected readonly isWhatsApp = computed(() => this.value().channel === 'WHATSAPP');
  /** The merge field picker: every field, or those one trigger event has data for. */
  protected readonly pickerEvent = signal<TriggerEvent | null>(null);
  protected readonly preview = templatePreview(
    computed(() => previewInputOf(this.value(), this.pickerEvent())),
  );
  /** The preview's errors per part, shown under the text they are in. */
  protected readonly problems = computed(() => {
    const s = this.preview();
    return s.kind === 'done' ? s.preview.problems : [];
  });

  protected readonly fields = toSignal(
    toObservable(this.pickerEvent).pipe(
      switchMap((event) => this.fieldsGql.fetch({ variables: { event } })),
      map((r) => r.data?.mergeFields ?? []),
    ),
    { initialValue: [] },
  );
  /** The text a picked field goes into: the last one focused (its caret is read on insert). */
  private target: { part: TextPart; el: HTMLInputElement | HTMLTextAreaElement | null } = {
    part: 'body',
    el: null,
  };

  protected braced(name: string): string {
    return `{{${name}}}`;
  }

  protected err(path: string): string | null {
    return errorOf(this.form.get(path));
  }

  protected errorsIn(part: TextPart) {
    return errorsOf(this.problems(), part);
  }

  protected track(part: TextPart, el: HTMLInputElement | HTMLTextAreaElement): void {
    this.target = { part, el };
  }

  protected insert(name: string): void {
    const part = this.isEmail() ? this.target.part : 'body';
    const el = this.target.part === part ? this.target.el : null;
    const control = this.form.controls[part];
    const next = insertField(control.value, name, el?.selectionStart ?? null);
    control.setValue(next.text);
    control.markAsDirty();
    // Typing goes on right after the field.
    el?.focus();
    el?.setSelectionRange(next.caret, next.caret);
  }

  protected save(): Promise<void> {
    return this.editor.save(async () => {
      const value = this.form.getRawValue();
      const id = this.data.template?.id;
      if (id) {
        const res = await firstValueFrom(
          this.updateGql.mutate({ variables: { id, input: updateInputOf(value) } }),
        );
        const saved = res.data?.updateTemplate;
        if (!saved) throw res.error ?? new Error('The template was not saved');
        return saved;
      }
      const res = await firstValueFrom(
        this.createGql.mutate({ variables: { input: createInputOf(value) } }),
      );
      const saved = res.data?.createTemplate;
      if (!saved) throw res.error ?? new Error('The template was not saved');
      return saved;
    });
  }

  private build(v: TemplateFormValue) {
    const nn = this.fb.nonNullable;
    const notBlank = (what: string) =>
      check<string>((s) => (s.trim() ? null : `${what} cannot be blank`));
    const group = nn.group({
      name: [v.name, [Validators.required, notBlank('The name'), Validators.maxLength(NAME_MAX)]],
      channel: [v.channel],
      language: [
        v.language,
        [
          Validators.required,
          check<string>((s) =>
            LANGUAGE_PATTERN.test(s.trim()) ? null : 'Use a language tag like "en" or "de-CH"',
          ),
        ],
      ],
      purpose: [v.purpose],
      subject: [v.subject, [Validators.maxLength(SUBJECT_MAX)]],
      body: [v.body, [Validators.required, notBlank('The text'), Validators.maxLength(BODY_MAX)]],
      html: [v.html],
      whatsappContentSid: [
        v.whatsappContentSid,
        [
          check<string>((s) =>
            !s.trim() || CONTENT_SID_PATTERN.test(s.trim())
              ? null
              : 'A Content SID is HX followed by 32 hexadecimal characters',
          ),
        ],
      ],
    });
    // A template's channel is part of what it is: another channel is another template.
    if (this.data.template) group.controls.channel.disable();
    return group;
  }
}
