import { eventActor, type Db, type TenantActor } from '@attendant/kit';
import type { Channel } from '@attendant/db';
import { normalizeAddress } from '../shared/address';
import { classifyKeyword } from '../sms/keywords';
import { countSegments } from '../sms/segments';
import { isValidTwilioSignature, publicWebhookUrl, type WebhookParams } from '../sms/signature';
import { parseDeliveryStatus } from '../sms/status';
import type { MessagingConfig } from './messaging.config';
import {
  MessagingRepository,
  recordMessageEvent,
  type SmsSettingsRow,
} from './messaging.repository';
import { plainAddress, WHATSAPP_PREFIX, type Clock } from './messaging.types';
import { applyReportedStatuses } from './status-updates';

export type WebhookCheck =
  { ok: true; settings: SmsSettingsRow } | { ok: false; status: 403 | 404 | 503; message: string };

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

const xmlEscape = (text: string): string =>
  text.replace(
    /[<>&'"]/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c]};`,
  );

const twimlMessage = (text: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${xmlEscape(text)}</Message></Response>`;

const param = (params: WebhookParams, name: string): string | undefined => {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Twilio's webhooks, as the gateway forwards them: the organization comes from the token in the
 * path, the signature is checked against the public URL Twilio called, then
 * - status callbacks are recorded once per (message, status) and folded in, never backwards;
 * - inbound messages are threaded into their conversation, linked to a guest when this domain
 *   already knows the number, and consent keywords are written to the ledger.
 */
export class TwilioWebhookService {
  private readonly repo: MessagingRepository;

  constructor(
    private readonly db: Db,
    private readonly config: () => MessagingConfig,
    private readonly now: Clock = () => new Date(),
  ) {
    this.repo = new MessagingRepository(db);
  }

  async check(
    token: string,
    request: { url: string; signature?: string | undefined; params: WebhookParams },
  ): Promise<WebhookCheck> {
    const settings = /^[A-Za-z0-9_-]{16,100}$/.test(token)
      ? await this.repo.settingsByWebhookToken(token)
      : null;
    if (!settings) return { ok: false, status: 404, message: 'Unknown webhook' };
    const { twilio, webhookBaseUrl } = this.config();
    if (!twilio) return { ok: false, status: 503, message: 'SMS is not configured' };
    const valid = isValidTwilioSignature({
      authToken: twilio.authToken,
      signature: request.signature,
      url: publicWebhookUrl(webhookBaseUrl, request.url),
      params: request.params,
    });
    return valid
      ? { ok: true, settings }
      : { ok: false, status: 403, message: 'Invalid signature' };
  }

  /** A status callback; unknown statuses and messages of other senders are ignored. */
  async status(settings: SmsSettingsRow, params: WebhookParams): Promise<void> {
    const sid = param(params, 'MessageSid') ?? param(params, 'SmsSid');
    const status = parseDeliveryStatus(
      param(params, 'MessageStatus') ?? param(params, 'SmsStatus'),
    );
    if (!sid || !status) return;
    const errorCode = param(params, 'ErrorCode') || null;
    const t = eventActor(settings.organizationId);
    const now = this.now();
    await this.db.$transaction(async (tx) => {
      const repo = this.repo.with(tx);
      await repo.lockProviderId(sid);
      const fresh = await repo.recordStatusEvent(t, {
        providerId: sid,
        status,
        errorCode,
        receivedAt: now,
      });
      if (!fresh) return; // a duplicate callback
      const message = await repo.messageByProviderId(t, sid);
      // Not saved yet: the send job folds this event in when it saves the id.
      if (!message) return;
      await applyReportedStatuses(tx, repo, t, message, [{ status, errorCode }], now);
    });
  }

  /** An inbound message; answers TwiML (the help text for HELP, else nothing). */
  async inbound(settings: SmsSettingsRow, params: WebhookParams): Promise<string> {
    const sid = param(params, 'MessageSid') ?? param(params, 'SmsSid');
    const fromRaw = param(params, 'From');
    const toRaw = param(params, 'To');
    if (!sid || !fromRaw || !toRaw) return EMPTY_TWIML;
    const channel: Channel = fromRaw.startsWith(WHATSAPP_PREFIX) ? 'WHATSAPP' : 'SMS';
    const from = normalizeAddress(channel, plainAddress(fromRaw));
    const to = normalizeAddress(channel, plainAddress(toRaw));
    const body = param(params, 'Body') ?? '';
    const keyword = classifyKeyword(body);
    const t = eventActor(settings.organizationId);
    const now = this.now();
    await this.db.$transaction(async (tx) => {
      const repo = this.repo.with(tx);
      await repo.lockProviderId(sid);
      // Twilio retries a webhook it got no answer to: the second delivery changes nothing.
      if (await repo.messageByProviderId(t, sid)) return;
      const known = await repo.conversation(t, {
        channel,
        contactAddress: from,
        businessAddress: to,
      });
      const guestId = known?.guestId ?? (await repo.guestOfAddress(t, channel, from));
      const conversation = await repo.touchConversation(
        t,
        { channel, contactAddress: from, businessAddress: to },
        { at: now, inbound: true, guestId },
      );
      if (!conversation.guestId && guestId)
        await repo.linkConversationGuest(t, conversation.id, guestId);
      const count = channel === 'SMS' ? countSegments(body) : null;
      const message = await repo.createMessage({
        organizationId: t.organizationId,
        guestId,
        conversationId: conversation.id,
        channel,
        direction: 'INBOUND',
        status: 'RECEIVED',
        toAddress: to,
        fromAddress: from,
        body,
        providerId: sid,
        segments: count?.segments ?? null,
        encoding: count?.encoding ?? null,
        statusUpdatedAt: now,
        createdAt: now,
      });
      if (keyword === 'OPT_OUT' || keyword === 'OPT_IN')
        await this.recordKeyword(repo, t, {
          channel,
          address: from,
          guestId,
          messageId: message.id,
          body,
          now,
        });
      await recordMessageEvent(tx, 'MessageReceived', message);
    });
    return keyword === 'HELP' ? twimlMessage(settings.helpText) : EMPTY_TWIML;
  }

  private recordKeyword(
    repo: MessagingRepository,
    t: TenantActor,
    k: {
      channel: Channel;
      address: string;
      guestId: string | null;
      messageId: string;
      body: string;
      now: Date;
    },
  ) {
    const word = k.body.trim().toUpperCase();
    return repo.createConsent({
      organizationId: t.organizationId,
      guestId: k.guestId,
      channel: k.channel,
      address: k.address,
      status: classifyKeyword(word) === 'OPT_OUT' ? 'OPTED_OUT' : 'OPTED_IN',
      // No purpose: a keyword covers every kind of message on the channel.
      purpose: null,
      source: 'keyword',
      keyword: word,
      messageId: k.messageId,
      recordedAt: k.now,
    });
  }
}
