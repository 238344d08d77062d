import type {
  Channel,
  ConsentLedgerEntryFragment,
  MessagingSettingsFieldsFragment,
  UpdateMessagingSettingsInput,
} from '../../generated/graphql';
import { clockOf, fromTimeInput, toTimeInput } from '../../shared/time-of-day';

export const E164 = /^\+[1-9]\d{6,14}$/;
export const MESSAGING_SERVICE = /^MG[0-9a-f]{32}$/i;
export const HELP_MAX = 320;

/** A phone number as people type it, in the one spelling the server keeps. */
export const normalizePhone = (s: string) => s.trim().replace(/[\s\-.()]/g, '');

export interface MessagingFormValue {
  fromNumber: string;
  messagingServiceSid: string;
  whatsappFrom: string;
  helpText: string;
  quietEnabled: boolean;
  /** "HH:mm" */
  quietStart: string;
  quietEnd: string;
  timeZone: string;
  senderName: string;
  defaultLanguage: string;
}

export function messagingFormValueOf(s: MessagingSettingsFieldsFragment): MessagingFormValue {
  const quiet = s.quietHoursStart != null && s.quietHoursEnd != null;
  return {
    fromNumber: s.fromNumber ?? '',
    messagingServiceSid: s.messagingServiceSid ?? '',
    whatsappFrom: s.whatsappFrom ?? '',
    helpText: s.helpText,
    quietEnabled: quiet,
    quietStart: quiet ? toTimeInput(s.quietHoursStart) : '21:00',
    quietEnd: quiet ? toTimeInput(s.quietHoursEnd) : '08:00',
    timeZone: s.timeZone,
    senderName: s.senderName ?? '',
    defaultLanguage: s.defaultLanguage,
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

export function messagingInputOf(v: MessagingFormValue): UpdateMessagingSettingsInput {
  return {
    fromNumber: orNull(v.fromNumber) && normalizePhone(v.fromNumber),
    messagingServiceSid: orNull(v.messagingServiceSid),
    whatsappFrom: orNull(v.whatsappFrom) && normalizePhone(v.whatsappFrom),
    helpText: v.helpText.trim(),
    quietHoursStart: v.quietEnabled ? fromTimeInput(v.quietStart) : null,
    quietHoursEnd: v.quietEnabled ? fromTimeInput(v.quietEnd) : null,
    timeZone: v.timeZone.trim(),
    senderName: orNull(v.senderName),
    defaultLanguage: v.defaultLanguage.trim(),
  };
}

export function messagingControlOf(field: string): string | null {
  if (field === 'quietHoursStart') return 'quietStart';
  if (field === 'quietHoursEnd') return 'quietEnd';
  return [
    'fromNumber',
    'messagingServiceSid',
    'whatsappFrom',
    'helpText',
    'timeZone',
    'senderName',
    'defaultLanguage',
  ].includes(field)
    ? field
    : null;
}

/** The client check of a phone field; empty is allowed (not configured). */
export function phoneProblem(value: string): string | null {
  if (!value.trim()) return null;
  return E164.test(normalizePhone(value))
    ? null
    : 'Use international format with the country code, like +15551234567';
}

/** "Marketing is held 21:00–08:00 (Europe/Prague)", or that nothing is held. */
export function quietHoursSummary(s: MessagingSettingsFieldsFragment): string {
  if (s.quietHoursStart == null || s.quietHoursEnd == null)
    return 'No quiet hours: marketing goes out at any time';
  return `Marketing is held ${clockOf(s.quietHoursStart)}–${clockOf(s.quietHoursEnd)} (${s.timeZone}, or the recipient's zone)`;
}

/** What a consent search is: a phone number (SMS and WhatsApp) or an email address. */
export type ConsentQuery =
  | { kind: 'phone'; address: string }
  | { kind: 'email'; address: string }
  | { kind: 'invalid'; message: string };

export function consentQueryOf(raw: string): ConsentQuery | null {
  const s = raw.trim();
  if (!s) return null;
  if (s.includes('@'))
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)
      ? { kind: 'email', address: s.toLowerCase() }
      : { kind: 'invalid', message: 'Not an email address' };
  const phone = normalizePhone(s);
  return E164.test(phone)
    ? { kind: 'phone', address: phone }
    : { kind: 'invalid', message: 'Give a phone number like +15551234567 or an email address' };
}

export interface ChannelLedger {
  channel: Channel;
  /** The newest record: the one in force (none: never asked, transactional may go). */
  current: ConsentLedgerEntryFragment | null;
  entries: readonly ConsentLedgerEntryFragment[];
}

/** The ledger per channel, newest first; the first record is the one in force. */
export function ledgersOf(data: {
  sms?: readonly ConsentLedgerEntryFragment[] | null;
  whatsapp?: readonly ConsentLedgerEntryFragment[] | null;
  email?: readonly ConsentLedgerEntryFragment[] | null;
}): ChannelLedger[] {
  const out: ChannelLedger[] = [];
  const add = (
    channel: Channel,
    entries: readonly ConsentLedgerEntryFragment[] | null | undefined,
  ) => {
    if (entries) out.push({ channel, current: entries[0] ?? null, entries });
  };
  add('SMS', data.sms);
  add('WHATSAPP', data.whatsapp);
  add('EMAIL', data.email);
  return out;
}

/** "Opted in (marketing)" / "Opted out (replied STOP)" / "No record". */
export function consentLabel(entry: ConsentLedgerEntryFragment | null): string {
  if (!entry) return 'No record';
  const state = entry.status === 'OPTED_IN' ? 'Opted in' : 'Opted out';
  const scope = entry.purpose ? ` (${entry.purpose.toLowerCase()})` : '';
  const how = entry.keyword ? ` · replied ${entry.keyword}` : '';
  return `${state}${scope}${how}`;
}
