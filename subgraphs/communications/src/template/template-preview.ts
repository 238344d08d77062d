import type { Channel, TriggerEvent } from '@attendant/db';
import { renderEmail } from '../email/email-render';
import { countSegments, type SegmentCount } from '../sms/segments';
import { fieldProblems, type FieldProblem } from './merge-field-catalog';
import {
  emptyFields,
  MERGE_FIELD_NAMES,
  renderTemplate,
  unknownFields,
  type MergeContext,
  type RenderOptions,
} from './merge-fields';

/** The texts of a template (saved or draft) that a preview renders. */
export interface TemplateParts {
  channel: Channel;
  body: string;
  subject: string | null;
  html: string | null;
}

export interface TemplatePreviewResult {
  text: string;
  subject: string | null;
  html: string | null;
  unknownFields: string[];
  emptyFields: string[];
  availableFields: string[];
  segments: number | null;
  sms: SegmentCount | null;
  problems: (FieldProblem & { part: string })[];
}

/**
 * Renders each part with the sample data. The SMS count is of the rendered text (what is sent
 * and billed), and email parts are checked like the body: an unknown field anywhere blocks saving.
 */
export function previewParts(
  parts: TemplateParts,
  ctx: MergeContext,
  opts: RenderOptions,
  event?: TriggerEvent | null,
): TemplatePreviewResult {
  const email = parts.channel === 'EMAIL';
  const texts: [string, string | null][] = [
    ['body', parts.body],
    ['subject', email ? parts.subject : null],
    ['html', email ? parts.html : null],
  ];
  const problems = texts.flatMap(([part, t]) =>
    t ? fieldProblems(t, event).map((p) => ({ ...p, part })) : [],
  );
  const present = texts.flatMap(([, t]) => (t ? [t] : []));
  const each = (f: (t: string) => string[]) => [...new Set(present.flatMap(f))];
  // An email exactly as it is sent: merged values HTML-escaped, and without an HTML part, the one
  // made from the text.
  const mail = email ? renderEmail(parts, ctx, opts) : null;
  const text = mail?.text ?? renderTemplate(parts.body, ctx, opts);
  const sms = parts.channel === 'SMS' ? countSegments(text) : null;
  return {
    text,
    subject: mail && parts.subject ? mail.subject : null,
    html: mail?.html ?? null,
    unknownFields: each(unknownFields),
    emptyFields: each((t) => emptyFields(t, ctx, opts)),
    availableFields: MERGE_FIELD_NAMES,
    segments: sms?.segments ?? null,
    sms,
    problems,
  };
}
