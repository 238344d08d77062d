import type { GuestConsentFragment, GuestMessageFragment } from '../generated/graphql';
import {
  channelsFor,
  emailAddress,
  consentSummary,
  consentText,
  consentWarning,
  isE164,
  mergeMessages,
  phoneAddress,
} from './guest-messages';

let seq = 0;
const message = (patch: Partial<GuestMessageFragment> = {}): GuestMessageFragment => ({
  id: `m${++seq}`,
  channel: 'SMS',
  direction: 'OUTBOUND',
  status: 'QUEUED',
  subject: null,
  body: 'Your room is ready',
  to: '+15557770123',
  from: null,
  purpose: 'TRANSACTIONAL',
  refusedReason: null,
  errorCode: null,
  errorMessage: null,
  segments: 1,
  encoding: 'GSM-7',
  scheduledFor: null,
  sentAt: null,
  deliveredAt: null,
  failedAt: null,
  statusUpdatedAt: '2026-11-22T10:00:00.000Z',
  createdAt: '2026-11-22T10:00:00.000Z',
  conversationId: 'c1',
  ...patch,
});
const consent = (patch: Partial<GuestConsentFragment> = {}): GuestConsentFragment => ({
  id: `k${++seq}`,
  channel: 'SMS',
  status: 'OPTED_OUT',
  source: 'keyword',
  purpose: null,
  keyword: 'STOP',
  recordedAt: '2026-11-22T10:05:00.000Z',
  ...patch,
});

describe('guest messages: timeline and composer logic', () => {
  it('should spell a phone number like the server when it has spaces or dashes', () => {
    expect(phoneAddress(' +1 (555) 777-0123 ')).toBe('+15557770123');
    expect(phoneAddress('  ')).toBeNull();
    expect(phoneAddress(null)).toBeNull();
    expect(isE164('+15557770123')).toBe(true);
    expect(isE164('0301234567')).toBe(false);
  });

  it('should offer SMS and WhatsApp only when the guest has a phone number', () => {
    expect(channelsFor('+15557770123')).toEqual(['SMS', 'WHATSAPP']);
    expect(channelsFor(null)).toEqual([]);
  });

  it('should offer email when the guest has an email address, with or without a phone', () => {
    expect(channelsFor('+15557770123', 'Ann@Example.com')).toEqual(['SMS', 'WHATSAPP', 'EMAIL']);
    expect(channelsFor(null, 'ann@example.com')).toEqual(['EMAIL']);
    expect(channelsFor(null, '  ')).toEqual([]);
    expect(emailAddress(' Ann@Example.COM ')).toBe('ann@example.com');
  });

  it('should warn before marketing email to a guest who unsubscribed', () => {
    const unsubscribed = consent({
      channel: 'EMAIL',
      purpose: 'MARKETING',
      keyword: null,
      source: 'unsubscribe link',
    });
    expect(consentWarning([unsubscribed], 'MARKETING', 'EMAIL')).toBe(
      'This guest opted out of marketing Email (unsubscribe link). The platform will refuse to send.',
    );
    expect(consentWarning([unsubscribed], 'TRANSACTIONAL', 'EMAIL')).toBeNull();
  });

  it('should keep the most advanced state of a message when a stale copy arrives later', () => {
    const delivered = message({ status: 'DELIVERED', statusUpdatedAt: '2026-11-22T10:00:03Z' });
    const queued = { ...delivered, status: 'QUEUED' as const, statusUpdatedAt: null };
    expect(mergeMessages([delivered], [queued])).toEqual([delivered]);
    expect(mergeMessages([queued], [delivered])).toEqual([delivered]);
    const other = message();
    expect(mergeMessages([delivered], [other]).map((m) => m.id)).toEqual([delivered.id, other.id]);
  });

  it('should summarise the consent in force when the newest record is an opt-out by keyword', () => {
    const ledger = [
      consent(),
      consent({ status: 'OPTED_IN', keyword: null, source: 'booking form' }),
    ];
    expect(consentSummary(ledger)).toEqual({
      status: 'OPTED_OUT',
      since: '2026-11-22T10:05:00.000Z',
      keyword: 'STOP',
      source: 'keyword',
      purpose: null,
    });
    expect(consentSummary([]).status).toBe('NONE');
    const at = (iso: string | null) => `[${iso}]`;
    expect(consentText(consentSummary(ledger), at)).toBe(
      'opted out since [2026-11-22T10:05:00.000Z] via STOP',
    );
    expect(
      consentText(
        consentSummary([consent({ status: 'OPTED_IN', purpose: 'MARKETING', keyword: null })]),
        at,
      ),
    ).toBe('opted in to marketing since [2026-11-22T10:05:00.000Z] via keyword');
    expect(consentText(consentSummary([]), at)).toBe('no opt-in or opt-out on record');
  });

  it('should warn before a send the server will refuse when the guest opted out or marketing lacks an opt-in', () => {
    expect(consentWarning([consent()], 'TRANSACTIONAL', 'SMS')).toMatch(
      /opted out of SMS by replying STOP/,
    );
    expect(
      consentWarning([consent({ status: 'OPTED_IN', keyword: 'START' })], 'TRANSACTIONAL', 'SMS'),
    ).toBeNull();
    expect(consentWarning([], 'TRANSACTIONAL', 'WHATSAPP')).toBeNull();
    expect(consentWarning([], 'MARKETING', 'SMS')).toMatch(/not opted in to marketing SMS/);
    // A marketing opt-out does not hold back transactional messages.
    expect(consentWarning([consent({ purpose: 'MARKETING' })], 'TRANSACTIONAL', 'SMS')).toBeNull();
    expect(
      consentWarning(
        [consent({ status: 'OPTED_IN', purpose: 'MARKETING', keyword: null })],
        'MARKETING',
        'SMS',
      ),
    ).toBeNull();
  });
});
