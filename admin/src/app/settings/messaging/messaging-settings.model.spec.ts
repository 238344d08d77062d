import type { MessagingSettingsFieldsFragment } from '../../generated/graphql';
import {
  consentLabel,
  consentQueryOf,
  ledgersOf,
  messagingControlOf,
  messagingFormValueOf,
  messagingInputOf,
  phoneProblem,
  quietHoursSummary,
} from './messaging-settings.model';

const settings = (
  over: Partial<MessagingSettingsFieldsFragment> = {},
): MessagingSettingsFieldsFragment => ({
  fromNumber: '+15550100000',
  messagingServiceSid: null,
  whatsappFrom: null,
  helpText: 'Reply STOP to unsubscribe.',
  quietHoursStart: 1260,
  quietHoursEnd: 480,
  timeZone: 'Europe/Prague',
  senderName: null,
  defaultLanguage: 'en',
  updatedAt: null,
  ...over,
});

const entry = (status: 'OPTED_IN' | 'OPTED_OUT', over = {}) => ({
  id: status,
  channel: 'SMS' as const,
  address: '+15557770123',
  status,
  source: 'keyword',
  purpose: null,
  keyword: null,
  recordedAt: '2026-11-20T10:00:00Z',
  ...over,
});

describe('messaging settings form', () => {
  it('should round-trip settings with quiet hours as times of day', () => {
    const v = messagingFormValueOf(settings());
    expect(v).toMatchObject({ quietEnabled: true, quietStart: '21:00', quietEnd: '08:00' });
    expect(messagingInputOf({ ...v, whatsappFrom: '+1 555 010-0001' })).toEqual({
      fromNumber: '+15550100000',
      messagingServiceSid: null,
      whatsappFrom: '+15550100001',
      helpText: 'Reply STOP to unsubscribe.',
      quietHoursStart: 1260,
      quietHoursEnd: 480,
      timeZone: 'Europe/Prague',
      senderName: null,
      defaultLanguage: 'en',
    });
  });

  it('should clear both quiet hours when they are turned off', () => {
    const v = messagingFormValueOf(settings({ quietHoursStart: null, quietHoursEnd: null }));
    expect(v).toMatchObject({ quietEnabled: false, quietStart: '21:00' });
    expect(messagingInputOf(v)).toMatchObject({ quietHoursStart: null, quietHoursEnd: null });
    expect(quietHoursSummary(settings({ quietHoursEnd: null }))).toMatch(/^No quiet hours/);
    expect(quietHoursSummary(settings())).toBe(
      "Marketing is held 21:00–08:00 (Europe/Prague, or the recipient's zone)",
    );
  });

  it('should check phone numbers and map server fields to controls', () => {
    expect(phoneProblem('')).toBeNull();
    expect(phoneProblem('+1 (555) 010-0000')).toBeNull();
    expect(phoneProblem('555-0100')).toMatch(/international format/);
    expect(messagingControlOf('quietHoursEnd')).toBe('quietEnd');
    expect(messagingControlOf('webhookToken')).toBeNull();
  });
});

describe('consent lookup', () => {
  it('should tell phone numbers from email addresses', () => {
    expect(consentQueryOf(' +1 555 777 0123 ')).toEqual({ kind: 'phone', address: '+15557770123' });
    expect(consentQueryOf('Ana@Example.com')).toEqual({
      kind: 'email',
      address: 'ana@example.com',
    });
    expect(consentQueryOf('12')).toMatchObject({ kind: 'invalid' });
    expect(consentQueryOf('  ')).toBeNull();
  });

  it('should put the newest record in force per channel and describe it', () => {
    const ledgers = ledgersOf({
      sms: [entry('OPTED_OUT', { keyword: 'STOP' }), entry('OPTED_IN')],
      whatsapp: [],
    });
    expect(ledgers.map((l) => [l.channel, l.current?.status ?? null, l.entries.length])).toEqual([
      ['SMS', 'OPTED_OUT', 2],
      ['WHATSAPP', null, 0],
    ]);
    expect(consentLabel(ledgers[0]!.current)).toBe('Opted out · replied STOP');
    expect(consentLabel(entry('OPTED_IN', { purpose: 'MARKETING' }))).toBe('Opted in (marketing)');
    expect(consentLabel(null)).toBe('No record');
  });
});
