import type { ConsentStatus, MessagePurpose } from '@attendant/db';

/*
 * Consent policy for one address on one channel, from its ledger (newest record first).
 * - A record without a purpose applies to everything: a STOP reply stops transactional and
 *   marketing messages alike, and START lifts it again.
 * - Transactional messages (about a booking or a job the person asked for) may go unless the
 *   newest applicable record is an opt-out.
 * - Marketing also needs an explicit marketing opt-in, and the newest applicable record must not
 *   be an opt-out.
 */

export interface ConsentEntry {
  status: ConsentStatus;
  purpose: MessagePurpose | null;
  recordedAt: Date;
  keyword?: string | null;
}

export type ConsentDecision = { allowed: true } | { allowed: false; reason: string };

export function consentDecision(
  history: readonly ConsentEntry[],
  purpose: MessagePurpose,
  label: { address: string; channel: string },
): ConsentDecision {
  const applicable = history.filter((r) => r.purpose === null || r.purpose === purpose);
  const newest = applicable[0];
  if (newest?.status === 'OPTED_OUT') {
    const how = newest.keyword ? ` (replied ${newest.keyword})` : '';
    const scope = newest.purpose === 'MARKETING' ? ' marketing' : '';
    return {
      allowed: false,
      reason: `${label.address} opted out of${scope} ${label.channel}${how} on ${newest.recordedAt.toISOString()}`,
    };
  }
  if (
    purpose === 'MARKETING' &&
    !applicable.some((r) => r.purpose === 'MARKETING' && r.status === 'OPTED_IN')
  ) {
    return {
      allowed: false,
      reason: `${label.address} has not opted in to marketing ${label.channel}`,
    };
  }
  return { allowed: true };
}
