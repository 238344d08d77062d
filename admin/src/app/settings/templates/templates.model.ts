import type {
  Channel,
  CreateTemplateInput,
  MessagePurpose,
  MessageTemplateFieldsFragment,
  MessageTemplatePreviewQuery,
  PreviewTemplateInput,
  TemplateSampleInput,
  TriggerEvent,
  UpdateTemplateInput,
} from '../../generated/graphql';

/** The channels a template can be written for. */
export const TEMPLATE_CHANNELS: readonly Channel[] = ['SMS', 'WHATSAPP', 'EMAIL'];
export const PURPOSES: readonly MessagePurpose[] = ['TRANSACTIONAL', 'MARKETING'];
export const NAME_MAX = 120;
export const BODY_MAX = 1600;
export const SUBJECT_MAX = 200;
export const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
/** A Twilio Content template's SID, as the server checks it. */
export const CONTENT_SID_PATTERN = /^HX[0-9a-f]{32}$/;

export type TemplatePreviewResult = MessageTemplatePreviewQuery['previewTemplate'];
export type TemplateProblem = TemplatePreviewResult['problems'][number];
export type SmsCount = NonNullable<TemplatePreviewResult['sms']>;

export function channelLabel(channel: Channel): string {
  switch (channel) {
    case 'SMS':
      return 'SMS';
    case 'WHATSAPP':
      return 'WhatsApp';
    case 'EMAIL':
      return 'Email';
    case 'IN_APP':
      return 'In-app';
  }
}

export interface TemplateFormValue {
  name: string;
  channel: Channel;
  language: string;
  purpose: MessagePurpose;
  subject: string;
  body: string;
  html: string;
  /** WhatsApp: the approved Content template sent outside the 24 h window. */
  whatsappContentSid: string;
}

export function templateFormValueOf(
  t: MessageTemplateFieldsFragment | null,
  defaultLanguage = 'en',
): TemplateFormValue {
  return {
    name: t?.name ?? '',
    channel: t?.channel ?? 'SMS',
    language: t?.language ?? defaultLanguage,
    purpose: t?.purpose ?? 'TRANSACTIONAL',
    subject: t?.subject ?? '',
    body: t?.body ?? '',
    html: t?.html ?? '',
    whatsappContentSid: t?.whatsappContentSid ?? '',
  };
}

const isEmail = (v: TemplateFormValue) => v.channel === 'EMAIL';
const isWhatsApp = (v: TemplateFormValue) => v.channel === 'WHATSAPP';
const orNull = (s: string) => (s.trim() ? s : null);

export function createInputOf(v: TemplateFormValue): CreateTemplateInput {
  return {
    name: v.name.trim(),
    channel: v.channel,
    language: v.language.trim(),
    purpose: v.purpose,
    body: v.body,
    ...(isEmail(v) ? { subject: orNull(v.subject), html: orNull(v.html) } : {}),
    ...(isWhatsApp(v) ? { whatsappContentSid: orNull(v.whatsappContentSid.trim()) } : {}),
  };
}

/** The channel stays (a template's channel cannot change; make another one). */
export function updateInputOf(v: TemplateFormValue): UpdateTemplateInput {
  const input: UpdateTemplateInput & { channel?: Channel } = createInputOf(v);
  delete input.channel;
  return input;
}

/** Server field → form control (the rest is shown above the buttons). */
export function templateControlOf(field: string): string | null {
  return [
    'name',
    'channel',
    'language',
    'purpose',
    'subject',
    'body',
    'html',
    'whatsappContentSid',
  ].includes(field)
    ? field
    : null;
}

/** The sample data previews render with: one plausible booking of each kind. */
export const SAMPLE: TemplateSampleInput = {
  guestFirstName: 'Ana',
  guestLastName: 'Novak',
  technicianName: 'Marco Rossi',
  jobNumber: 1042,
  jobTitle: 'Boiler service',
  windowStart: '2026-11-24T09:00:00.000Z',
  windowEnd: '2026-11-24T11:00:00.000Z',
  eta: '2026-11-24T09:35:00.000Z',
  trackingLink: 'https://track.example/t/abc',
  invoiceAmountMinor: 12950,
  currency: 'USD',
  paymentLink: 'https://pay.example/p/1',
};

/**
 * What the server preview is asked about the draft (with the event the picker shows, so fields
 * it has no data for are warned about); null while there is no body yet.
 */
export function previewInputOf(
  v: TemplateFormValue,
  event: TriggerEvent | null = null,
): PreviewTemplateInput | null {
  if (!v.body.trim() || v.body.length > BODY_MAX) return null;
  return {
    body: v.body,
    channel: v.channel,
    ...(isEmail(v) ? { subject: orNull(v.subject), html: orNull(v.html) } : {}),
    ...(event ? { event } : {}),
    sample: SAMPLE,
  };
}

/** "GSM-7 · 2 segments · 165 characters · 141 left" */
export function segmentsLabel(sms: SmsCount): string {
  const segments = `${sms.segments} ${sms.segments === 1 ? 'segment' : 'segments'}`;
  return `${sms.encoding} · ${segments} · ${sms.units} characters · ${sms.charactersLeft} left`;
}

/** Why the text is UCS-2, when it is. */
export function ucs2Note(sms: SmsCount): string | null {
  return sms.ucs2Characters.length
    ? `Unicode because of ${sms.ucs2Characters.map((c) => `"${c}"`).join(' ')}: 70 characters per segment`
    : null;
}

/** The errors of one part (body, subject, html): they block saving. */
export function errorsOf(problems: readonly TemplateProblem[], part: string): TemplateProblem[] {
  return problems.filter((p) => p.part === part && p.severity === 'ERROR');
}

/** Inserts `{{name}}` at the caret (or the end), with a space before it when needed. */
export function insertField(
  text: string,
  name: string,
  at: number | null = null,
): { text: string; caret: number } {
  const pos = at == null || at < 0 || at > text.length ? text.length : at;
  const before = text.slice(0, pos);
  const gap = before && !/\s$/.test(before) ? ' ' : '';
  const field = `${gap}{{${name}}}`;
  return { text: `${before}${field}${text.slice(pos)}`, caret: pos + field.length };
}

/** "Used by 2 triggers" / "Not used by a trigger". */
export function usageLabel(count: number): string {
  if (count === 0) return 'Not used by a trigger';
  return `Used by ${count} ${count === 1 ? 'trigger' : 'triggers'}`;
}
