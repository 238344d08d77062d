import type {
  Channel,
  GuestConsentFragment,
  GuestMessageFragment,
  MessagePurpose,
  MessageStatus,
} from '../generated/graphql';

/** Channels a manager can text from the timeline (both go to the guest's phone number). */
export type TextChannel = Extract<Channel, 'SMS' | 'WHATSAPP'>;
export const TEXT_CHANNELS: readonly TextChannel[] = ['SMS', 'WHATSAPP'];
/** Channels of the timeline composer: texts to the phone, email to the email address. */
export type ComposerChannel = TextChannel | 'EMAIL';
export const CHANNEL_LABEL: Record<Channel, string> = {
  SMS: 'SMS',
  WHATSAPP: 'WhatsApp',
  EMAIL: 'Email',
  IN_APP: 'In-app',
};

/** The server's spelling of a phone number (no spaces, dashes, dots or brackets); null when none. */
export function phoneAddress(phone: string | null | undefined): string | null {
  const normalized = phone?.trim().replace(/[\s\-.()]/g, '') ?? '';
  return normalized || null;
}

export const isE164 = (address: string) => /^\+[1-9]\d{6,14}$/.test(address);

/** The server's spelling of an email address (trimmed, lower case); null when none. */
export function emailAddress(email: string | null | undefined): string | null {
  return email?.trim().toLowerCase() || null;
}

/** SMS and WhatsApp need a phone number, email an email address. */
export function channelsFor(
  phone: string | null | undefined,
  email: string | null | undefined = null,
): ComposerChannel[] {
  return [
    ...(phoneAddress(phone) ? TEXT_CHANNELS : []),
    ...(emailAddress(email) ? (['EMAIL'] as const) : []),
  ];
}

// How far along a message is; a status only ever moves up (the server guarantees it, and a late
// subscription event or a stale cached list must not move it back on screen either).
const RANK: Record<MessageStatus, number> = {
  DRAFT: 0,
  REFUSED: 1,
  RECEIVED: 1,
  QUEUED: 1,
  SENDING: 2,
  SENT: 3,
  DELIVERED: 4,
  UNDELIVERED: 4,
  FAILED: 4,
  READ: 5,
};

/** The more advanced of two states of one message. */
export function newer(a: GuestMessageFragment, b: GuestMessageFragment): GuestMessageFragment {
  const byRank = RANK[b.status] - RANK[a.status];
  if (byRank !== 0) return byRank > 0 ? b : a;
  return (b.statusUpdatedAt ?? '') > (a.statusUpdatedAt ?? '') ? b : a;
}

/** Messages from the list query and those pushed since (sent here or live), one per id. */
export function mergeMessages(
  listed: readonly GuestMessageFragment[],
  pushed: readonly GuestMessageFragment[],
): GuestMessageFragment[] {
  const byId = new Map<string, GuestMessageFragment>();
  for (const m of [...listed, ...pushed]) {
    const seen = byId.get(m.id);
    byId.set(m.id, seen ? newer(seen, m) : m);
  }
  return [...byId.values()];
}

export interface ConsentSummary {
  status: 'OPTED_IN' | 'OPTED_OUT' | 'NONE';
  /** When the record in force was made. */
  since: string | null;
  keyword: string | null;
  source: string | null;
  /** Null when it covers every message (a STOP reply). */
  purpose: MessagePurpose | null;
}

/** The newest consent record on a channel (the ledger comes newest first). */
export function consentSummary(
  ledger: readonly GuestConsentFragment[] | undefined,
): ConsentSummary {
  const newest = ledger?.[0];
  if (!newest) return { status: 'NONE', since: null, keyword: null, source: null, purpose: null };
  return {
    status: newest.status,
    since: newest.recordedAt,
    keyword: newest.keyword,
    source: newest.source,
    purpose: newest.purpose,
  };
}

/** "opted out since Nov 22, 2026, 1:44 PM via STOP", for the consent line of a channel. */
export function consentText(c: ConsentSummary, at: (iso: string | null) => string): string {
  const marketing = c.purpose === 'MARKETING';
  const since = `since ${at(c.since)} via ${c.keyword ?? c.source}`;
  switch (c.status) {
    case 'OPTED_OUT':
      return `opted out${marketing ? ' of marketing' : ''} ${since}`;
    case 'OPTED_IN':
      return `opted in${marketing ? ' to marketing' : ''} ${since}`;
    case 'NONE':
      return 'no opt-in or opt-out on record';
  }
}

/**
 * Why the server will probably refuse this send, for a warning before it is tried (the server
 * decides; this mirrors its consent rule: the newest record for the purpose, or one without a
 * purpose, must not be an opt-out; marketing needs an explicit opt-in).
 */
export function consentWarning(
  ledger: readonly GuestConsentFragment[] | undefined,
  purpose: MessagePurpose,
  channel: ComposerChannel,
): string | null {
  const applicable = (ledger ?? []).filter((r) => r.purpose === null || r.purpose === purpose);
  const newest = applicable[0];
  const label = CHANNEL_LABEL[channel];
  if (newest?.status === 'OPTED_OUT') {
    const how = newest.keyword ? ` by replying ${newest.keyword}` : ` (${newest.source})`;
    const scope = newest.purpose === 'MARKETING' ? 'marketing ' : '';
    return `This guest opted out of ${scope}${label}${how}. The platform will refuse to send.`;
  }
  if (
    purpose === 'MARKETING' &&
    !applicable.some((r) => r.purpose === 'MARKETING' && r.status === 'OPTED_IN')
  ) {
    return `This guest has not opted in to marketing ${label}. The platform will refuse to send.`;
  }
  return null;
}
