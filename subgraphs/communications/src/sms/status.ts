/*
 * Delivery status of an outbound message, as Twilio reports it in status callbacks. Callbacks
 * arrive out of order and more than once, so a status only ever moves forward:
 *   accepted < queued < sending < sent < delivered | undelivered | failed
 * and the three outcomes are final — except that WhatsApp reports `read` after `delivered`.
 */

export const DELIVERY_STATUSES = [
  'accepted',
  'queued',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'read',
] as const;

export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

const RANK: Record<DeliveryStatus, number> = {
  accepted: 0,
  queued: 1,
  sending: 2,
  sent: 3,
  delivered: 4,
  undelivered: 4,
  failed: 4,
  read: 5,
};

/** A status from a callback (`MessageStatus`), or null for one we do not track. */
export function parseDeliveryStatus(value: string | undefined): DeliveryStatus | null {
  return DELIVERY_STATUSES.find((s) => s === value) ?? null;
}

export function isFinalStatus(status: DeliveryStatus): boolean {
  return RANK[status] >= RANK.delivered;
}

/** The status to keep when `incoming` is reported for a message that is `current`. */
export function nextStatus(
  current: DeliveryStatus | null,
  incoming: DeliveryStatus,
): DeliveryStatus {
  if (current === null) return incoming;
  if (isFinalStatus(current))
    return current === 'delivered' && incoming === 'read' ? 'read' : current;
  return RANK[incoming] > RANK[current] ? incoming : current;
}

const DELIVERY_ERRORS: Record<number, string> = {
  30001: 'the carrier queue overflowed',
  30002: 'the Twilio account is suspended',
  30003: "the recipient's phone is switched off or unreachable",
  30004: 'the recipient blocked the message',
  30005: 'the number is unknown or no longer in service',
  30006: 'the number is a landline or its carrier cannot receive SMS',
  30007: 'the carrier filtered the message as spam',
  30008: 'the carrier reported an unknown error',
  63016:
    'WhatsApp only allows templates more than 24 hours after the customer last wrote; send an approved template',
};

/** Why a message failed, in words a manager understands, from the callback's `ErrorCode`. */
export function describeDeliveryError(code: number): string {
  return DELIVERY_ERRORS[code] ?? `delivery failed with Twilio error ${code}`;
}
