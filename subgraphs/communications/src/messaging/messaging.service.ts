import { Prisma, type Channel, type MessagePurpose } from '@attendant/db';
import { requireRoles, type Actor, type Db, type TenantActor } from '@attendant/kit';
import { ConsentRepository } from '../consent/consent.repository';
import { oneLine, textToHtml } from '../email/email-render';
import type { MessageRow } from '../message/message.repository';
import { MessageError, MessageErrorCode } from '../message/message.errors';
import { MESSAGE_WRITERS } from '../shared/actors';
import { channelLabel, isValidAddress, normalizeAddress } from '../shared/address';
import { quietHoursRelease, isValidTimeZone } from '../sms/quiet-hours';
import { countSegments, type SegmentCount } from '../sms/segments';
import { consentDecision } from './consent-policy';
import {
  MessagingRepository,
  recordMessageEvent,
  type SmsSettingsRow,
} from './messaging.repository';
import {
  plainAddress,
  WHATSAPP_SESSION_MS,
  type Clock,
  type Enqueue,
  type SendMessageCommand,
} from './messaging.types';

const CONSENT_HISTORY = 50;
const SMS_MAX_BODY = 1600;

/** An email's subject and HTML part: the subject is required; HTML is made from the text if absent. */
function emailParts(input: SendMessageCommand): { subject: string; html: string } {
  const subject = oneLine(input.subject ?? '');
  if (!subject)
    throw new MessageError(MessageErrorCode.InvalidContent, 'An email needs a subject', {
      field: 'subject',
    });
  return { subject, html: input.html?.trim() ? input.html : textToHtml(input.body) };
}

/** The sender of a channel in the settings: a number, or a messaging service for SMS. */
export function senderOf(settings: SmsSettingsRow | null, channel: Channel): string | null {
  if (!settings) return null;
  if (channel === 'WHATSAPP')
    return settings.whatsappFrom ? plainAddress(settings.whatsappFrom) : null;
  return settings.fromNumber ?? settings.messagingServiceSid ?? null;
}

/**
 * Sending SMS, WhatsApp and email. A message is checked against the consent ledger (and the WhatsApp
 * window) first: when it may not go, it is stored REFUSED with the reason and no provider is
 * called. Otherwise it is stored QUEUED and a job sends it (marketing waits out quiet hours).
 */
export class MessagingService {
  private readonly repo: MessagingRepository;
  private readonly consent: ConsentRepository;

  constructor(
    private readonly db: Db,
    private readonly enqueue: Enqueue,
    private readonly now: Clock = () => new Date(),
    /** The email sender address, or null when SMTP is not configured. */
    private readonly emailFrom: () => string | null = () => null,
  ) {
    this.repo = new MessagingRepository(db);
    this.consent = new ConsentRepository(db);
  }

  segments(body: string): SegmentCount {
    return countSegments(body);
  }

  async send(actor: Actor, input: SendMessageCommand): Promise<MessageRow> {
    const t = requireRoles(actor, MESSAGE_WRITERS);
    const { channel } = input;
    if (channel !== 'SMS' && channel !== 'WHATSAPP' && channel !== 'EMAIL')
      throw new MessageError(
        MessageErrorCode.ChannelNotSupported,
        `sendMessage sends SMS, WhatsApp and email, not ${channelLabel(channel)}`,
        { field: 'channel' },
      );
    const to = normalizeAddress(channel, plainAddress(input.to));
    if (!isValidAddress(channel, to))
      throw new MessageError(
        MessageErrorCode.InvalidAddress,
        channel === 'EMAIL'
          ? 'Enter an email address, like ann@example.com, as the recipient'
          : 'Enter a phone number in international format, like +15551234567, as the recipient',
        { field: 'to' },
      );
    const email = channel === 'EMAIL' ? emailParts(input) : null;
    if (channel !== 'EMAIL' && input.body.length > SMS_MAX_BODY)
      throw new MessageError(
        MessageErrorCode.InvalidContent,
        `Body must be 1 to ${SMS_MAX_BODY} characters`,
        { field: 'body' },
      );
    if (input.recipientTimeZone && !isValidTimeZone(input.recipientTimeZone))
      throw new MessageError(
        MessageErrorCode.InvalidAddress,
        `${input.recipientTimeZone} is not a time zone (use one like Europe/Prague)`,
        { field: 'recipientTimeZone' },
      );
    if (input.idempotencyKey) {
      const earlier = await this.repo.messageByIdempotencyKey(t, input.idempotencyKey);
      if (earlier) return earlier;
    }
    const settings = await this.repo.settings(t);
    const sender = channel === 'EMAIL' ? this.emailFrom() : senderOf(settings, channel);
    if (!sender || (!settings && channel !== 'EMAIL'))
      throw new MessageError(
        MessageErrorCode.NotConfigured,
        channel === 'EMAIL'
          ? 'Email is not configured on this server (SMTP_URL or SMTP_HOST is missing)'
          : `${channelLabel(channel)} has no sender configured for this organization`,
        { field: 'channel' },
      );
    const now = this.now();
    const content = channel === 'WHATSAPP' ? (input.whatsappContent ?? null) : null;
    const refusedReason = await this.refusal(
      t,
      { channel, to, purpose: input.purpose, sender, contentSid: content?.contentSid ?? null },
      now,
    );
    const release =
      input.purpose === 'MARKETING' &&
      settings &&
      settings.quietHoursStart !== null &&
      settings.quietHoursEnd !== null
        ? quietHoursRelease(now, {
            start: settings.quietHoursStart,
            end: settings.quietHoursEnd,
            timeZone: input.recipientTimeZone ?? settings.timeZone,
          })
        : now;
    const scheduledFor = !refusedReason && release > now ? release : null;
    const count = channel === 'SMS' ? countSegments(input.body) : null;
    let row: MessageRow;
    try {
      row = await this.db.$transaction(async (tx) => {
        const repo = this.repo.with(tx);
        const conversation = await repo.touchConversation(
          t,
          { channel, contactAddress: to, businessAddress: sender },
          { at: now, inbound: false, guestId: input.guestId ?? null },
        );
        if (!conversation.guestId && input.guestId)
          await repo.linkConversationGuest(t, conversation.id, input.guestId);
        const created = await repo.createMessage({
          organizationId: t.organizationId,
          guestId: input.guestId ?? conversation.guestId ?? null,
          workOrderId: input.workOrderId ?? null,
          conversationId: conversation.id,
          channel,
          direction: 'OUTBOUND',
          status: refusedReason ? 'REFUSED' : 'QUEUED',
          refusedReason,
          purpose: input.purpose,
          toAddress: to,
          fromAddress:
            channel === 'WHATSAPP' || channel === 'EMAIL' || sender.startsWith('+') ? sender : null,
          body: input.body,
          subject: email?.subject ?? null,
          html: email?.html ?? null,
          contentSid: content?.contentSid ?? null,
          ...(content ? { contentVariables: content.variables } : {}),
          segments: count?.segments ?? null,
          encoding: count?.encoding ?? null,
          scheduledFor,
          idempotencyKey: input.idempotencyKey ?? null,
          statusUpdatedAt: now,
          createdById: t.userId,
          createdAt: now,
        });
        await recordMessageEvent(tx, refusedReason ? 'MessageRefused' : 'MessageQueued', created);
        return created;
      });
    } catch (error) {
      // Two requests with one idempotency key: the second answers with the first's message.
      if (
        input.idempotencyKey &&
        error instanceof Prisma.PrismaClientKnownRequestError &&
        error.code === 'P2002'
      ) {
        const earlier = await this.repo.messageByIdempotencyKey(t, input.idempotencyKey);
        if (earlier) return earlier;
      }
      throw error;
    }
    if (row.status === 'QUEUED')
      await this.enqueue({ messageId: row.id, organizationId: row.organizationId }, scheduledFor);
    return row;
  }

  /** Why a message may not go now, or null. Also asked again by the send job right before sending. */
  async refusal(
    t: TenantActor,
    m: {
      channel: Channel;
      to: string;
      purpose: MessagePurpose;
      sender: string;
      /** An approved WhatsApp template that may be sent outside the window. */
      contentSid?: string | null;
    },
    now: Date,
  ): Promise<string | null> {
    const history = await this.consent.history(t, m.channel, m.to, CONSENT_HISTORY);
    const decision = consentDecision(history, m.purpose, {
      address: m.to,
      channel: channelLabel(m.channel),
    });
    if (!decision.allowed) return decision.reason;
    if (m.channel === 'WHATSAPP' && !m.contentSid) {
      const window = await this.whatsappWindow(t, m.to, m.sender, now);
      if (!window.open)
        return `WhatsApp allows free-form messages only within 24 hours of the customer's last message (${
          window.lastInboundAt
            ? `last one ${window.lastInboundAt.toISOString()}`
            : 'they have not written yet'
        }), and this message has no approved WhatsApp template (a template with a WhatsApp content SID)`;
    }
    return null;
  }

  /**
   * WhatsApp's customer-service window: open for 24 hours after the customer's last message.
   * Outside it, a business may only send a template WhatsApp approved (Twilio's ContentSid).
   */
  async whatsappWindow(
    t: TenantActor,
    to: string,
    sender: string,
    now: Date,
  ): Promise<{ open: boolean; lastInboundAt: Date | null }> {
    const conversation = await this.repo.conversation(t, {
      channel: 'WHATSAPP',
      contactAddress: to,
      businessAddress: sender,
    });
    const last = conversation?.lastInboundAt ?? null;
    return {
      open: last !== null && now.getTime() - last.getTime() <= WHATSAPP_SESSION_MS,
      lastInboundAt: last,
    };
  }
}
