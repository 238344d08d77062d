import type { Prisma, SmsSettings as SmsSettingsRow } from '@attendant/db';
import { requireRoles, type Actor, type Db } from '@attendant/kit';
import { randomBytes } from 'node:crypto';
import { messageReader } from '../shared/actors';
import { isValidAddress, normalizeAddress } from '../shared/address';
import { isValidTimeZone } from '../sms/quiet-hours';
import { TEMPLATE_EDITORS } from '../template/template.service';
import { plainAddress } from '../messaging/messaging.types';
import { MessagingSettingsError, MessagingSettingsErrorCode } from './messaging-settings.errors';
import { MessagingSettingsRepository } from './messaging-settings.repository';
import type { MessagingSettings, UpdateMessagingSettingsInput } from './messaging-settings.type';

const MESSAGING_SERVICE = /^MG[0-9a-f]{32}$/i;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const HELP_MAX = 320;

/** What an organization without a saved row sends with (the model's defaults). */
const DEFAULTS: MessagingSettings = {
  fromNumber: null,
  messagingServiceSid: null,
  whatsappFrom: null,
  helpText: 'Reply STOP to unsubscribe. Msg&Data Rates May Apply.',
  quietHoursStart: null,
  quietHoursEnd: null,
  timeZone: 'UTC',
  senderName: null,
  defaultLanguage: 'en',
  updatedAt: null,
};

const invalid = (field: string, message: string) =>
  new MessagingSettingsError(MessagingSettingsErrorCode.Invalid, message, { field });

const blankToNull = (v: string | null | undefined) =>
  v === undefined ? undefined : v?.trim() ? v.trim() : null;

function phone(field: string, value: string | null | undefined): string | null | undefined {
  const v = blankToNull(value);
  if (!v) return v;
  const n = normalizeAddress('SMS', plainAddress(v));
  if (!isValidAddress('SMS', n))
    throw invalid(field, `${v} is not a phone number in international format, like +15551234567`);
  return n;
}

function minuteOfDay(field: string, value: number | null | undefined) {
  if (value != null && (!Number.isInteger(value) || value < 0 || value > 1439))
    throw invalid(field, 'Quiet hours are a time of day between 00:00 and 23:59');
  return value;
}

/** The validated change; throws with the field for the first problem found. */
export function settingsChange(
  input: UpdateMessagingSettingsInput,
  current: Pick<MessagingSettings, 'quietHoursStart' | 'quietHoursEnd'>,
): Prisma.SmsSettingsUncheckedUpdateInput {
  const data: Prisma.SmsSettingsUncheckedUpdateInput = {};
  const fromNumber = phone('fromNumber', input.fromNumber);
  if (fromNumber !== undefined) data.fromNumber = fromNumber;
  const whatsappFrom = phone('whatsappFrom', input.whatsappFrom);
  if (whatsappFrom !== undefined) data.whatsappFrom = whatsappFrom;
  const service = blankToNull(input.messagingServiceSid);
  if (service && !MESSAGING_SERVICE.test(service))
    throw invalid('messagingServiceSid', 'A messaging service id is MG followed by 32 hex digits');
  if (service !== undefined) data.messagingServiceSid = service;
  if (input.helpText != null) {
    const help = input.helpText.trim();
    if (!help || help.length > HELP_MAX)
      throw invalid('helpText', `The help text must be 1 to ${HELP_MAX} characters`);
    data.helpText = help;
  }
  if (input.timeZone != null) {
    if (!isValidTimeZone(input.timeZone.trim()) || !input.timeZone.trim())
      throw invalid(
        'timeZone',
        `${input.timeZone} is not a time zone (use one like Europe/Prague)`,
      );
    data.timeZone = input.timeZone.trim();
  }
  const senderName = blankToNull(input.senderName);
  if (senderName && senderName.length > 100)
    throw invalid('senderName', 'The sender name must be at most 100 characters');
  if (senderName !== undefined) data.senderName = senderName;
  if (input.defaultLanguage != null) {
    if (!LANGUAGE.test(input.defaultLanguage.trim()))
      throw invalid('defaultLanguage', 'Language must be a tag like "en" or "de-CH"');
    data.defaultLanguage = input.defaultLanguage.trim();
  }
  const start = minuteOfDay('quietHoursStart', input.quietHoursStart);
  const end = minuteOfDay('quietHoursEnd', input.quietHoursEnd);
  const nextStart = start === undefined ? current.quietHoursStart : start;
  const nextEnd = end === undefined ? current.quietHoursEnd : end;
  if ((nextStart == null) !== (nextEnd == null))
    throw invalid(
      nextStart == null ? 'quietHoursStart' : 'quietHoursEnd',
      'Give quiet hours both a start and an end, or clear both',
    );
  if (nextStart != null && nextStart === nextEnd)
    throw invalid('quietHoursEnd', 'Quiet hours cannot start and end at the same time');
  if (start !== undefined) data.quietHoursStart = start;
  if (end !== undefined) data.quietHoursEnd = end;
  return data;
}

const view = (row: SmsSettingsRow | null): MessagingSettings =>
  row
    ? {
        fromNumber: row.fromNumber,
        messagingServiceSid: row.messagingServiceSid,
        whatsappFrom: row.whatsappFrom ? plainAddress(row.whatsappFrom) : null,
        helpText: row.helpText,
        quietHoursStart: row.quietHoursStart,
        quietHoursEnd: row.quietHoursEnd,
        timeZone: row.timeZone,
        senderName: row.senderName,
        defaultLanguage: row.defaultLanguage,
        updatedAt: row.updatedAt,
      }
    : DEFAULTS;

/** SMS and WhatsApp settings: office staff read them, ADMIN and MANAGER change them. */
export class MessagingSettingsService {
  private readonly repo: MessagingSettingsRepository;

  constructor(db: Db) {
    this.repo = new MessagingSettingsRepository(db);
  }

  async get(actor: Actor): Promise<MessagingSettings> {
    return view(await this.repo.get(messageReader(actor)));
  }

  /** Saving the same values again changes nothing else (the webhook token stays). */
  async update(actor: Actor, input: UpdateMessagingSettingsInput): Promise<MessagingSettings> {
    const t = requireRoles(actor, TEMPLATE_EDITORS);
    const data = settingsChange(input, view(await this.repo.get(t)));
    return view(await this.repo.upsert(t, data, () => randomBytes(24).toString('base64url')));
  }
}
