import type { MessageStatus } from '@attendant/db';
import { nextStatus, type DeliveryStatus } from '../sms/status';

/*
 * Our message statuses and Twilio's. Before Twilio took a message it is QUEUED (waiting for the
 * send job); accepted/queued/sending at Twilio are all SENDING here. Statuses only move forward
 * (nextStatus), whatever order callbacks arrive in.
 */

const FROM_TWILIO: Record<DeliveryStatus, MessageStatus> = {
  accepted: 'SENDING',
  queued: 'SENDING',
  sending: 'SENDING',
  sent: 'SENT',
  delivered: 'DELIVERED',
  undelivered: 'UNDELIVERED',
  failed: 'FAILED',
  read: 'READ',
};

/** Where a message stands in Twilio's terms, or null when callbacks do not apply to it. */
export function toTwilioStatus(status: MessageStatus): DeliveryStatus | null {
  switch (status) {
    case 'QUEUED':
    case 'SENDING':
      return 'queued';
    case 'SENT':
      return 'sent';
    case 'DELIVERED':
      return 'delivered';
    case 'UNDELIVERED':
      return 'undelivered';
    case 'FAILED':
      return 'failed';
    case 'READ':
      return 'read';
    case 'DRAFT':
    case 'REFUSED':
    case 'RECEIVED':
      return null;
  }
}

export const fromTwilioStatus = (status: DeliveryStatus): MessageStatus => FROM_TWILIO[status];

/** The status after folding reported statuses into the current one (never backwards). */
export function foldStatuses(current: MessageStatus, reported: DeliveryStatus[]): MessageStatus {
  const start = toTwilioStatus(current);
  if (start === null) return current;
  const folded = reported.reduce<DeliveryStatus>((acc, s) => nextStatus(acc, s), start);
  const next = fromTwilioStatus(folded);
  // SENDING → QUEUED never happens: a message waiting for its job stays as it is.
  return current === 'QUEUED' && next === 'SENDING' ? current : next;
}
