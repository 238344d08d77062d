import type { Channel, MessagePurpose } from '@attendant/db';

/** A message for the send job to hand to Twilio. */
export interface SendJob {
  messageId: string;
  organizationId: string;
}

/** Puts a send job on the queue, to run at `startAfter` (now when null). */
export type Enqueue = (job: SendJob, startAfter: Date | null) => Promise<void>;

export type Clock = () => Date;

export interface SendMessageCommand {
  guestId?: string | null;
  workOrderId?: string | null;
  channel: Channel;
  to: string;
  body: string;
  /** Email only: the subject (required) and the HTML part (made from the body when absent). */
  subject?: string | null;
  html?: string | null;
  purpose: MessagePurpose;
  idempotencyKey?: string | null;
  recipientTimeZone?: string | null;
  /**
   * WhatsApp: the approved template to send instead of the body when the 24-hour window is
   * closed at sending time (without one, such a message is refused).
   */
  whatsappContent?: WhatsAppContent | null;
}

/** A Twilio Content template and its numbered variables (`{"1": "Ana"}`). */
export interface WhatsAppContent {
  contentSid: string;
  variables: Record<string, string>;
}

export const WHATSAPP_PREFIX = 'whatsapp:';
// WhatsApp allows free-form business messages only within 24 h of the customer's last message.
export const WHATSAPP_SESSION_MS = 24 * 60 * 60 * 1000;

/** The address Twilio expects on a channel (`whatsapp:+1555…` for WhatsApp). */
export const providerAddress = (channel: Channel, address: string): string =>
  channel === 'WHATSAPP' && !address.startsWith(WHATSAPP_PREFIX)
    ? `${WHATSAPP_PREFIX}${address}`
    : address;

/** An address from Twilio without its channel prefix, as this domain stores it. */
export const plainAddress = (address: string): string =>
  address.startsWith(WHATSAPP_PREFIX) ? address.slice(WHATSAPP_PREFIX.length) : address;
