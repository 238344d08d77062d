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
  purpose: MessagePurpose;
  idempotencyKey?: string | null;
  recipientTimeZone?: string | null;
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
