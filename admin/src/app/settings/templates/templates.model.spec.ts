import type { MessageTemplateFieldsFragment } from '../../generated/graphql';
import {
  createInputOf,
  errorsOf,
  insertField,
  previewInputOf,
  SAMPLE,
  segmentsLabel,
  templateControlOf,
  templateFormValueOf,
  ucs2Note,
  updateInputOf,
  usageLabel,
} from './templates.model';

const template = (
  over: Partial<MessageTemplateFieldsFragment> = {},
): MessageTemplateFieldsFragment => ({
  id: 't1',
  name: 'Reminder',
  channel: 'SMS',
  language: 'en',
  purpose: 'TRANSACTIONAL',
  subject: null,
  body: 'Hi {{guest.firstName}}',
  html: null,
  whatsappContentSid: null,
  active: true,
  version: 3,
  updatedAt: '2026-11-20T10:00:00Z',
  triggerCount: 2,
  ...over,
});

describe('template form', () => {
  it('should round-trip an SMS template without email parts when nothing was edited', () => {
    const value = templateFormValueOf(template());
    expect(createInputOf(value)).toEqual({
      name: 'Reminder',
      channel: 'SMS',
      language: 'en',
      purpose: 'TRANSACTIONAL',
      body: 'Hi {{guest.firstName}}',
    });
    expect(updateInputOf(value)).not.toHaveProperty('channel');
  });

  it('should send subject and HTML for email and clear blank ones', () => {
    const value = templateFormValueOf(template({ channel: 'EMAIL', subject: 'Hello', html: '' }));
    expect(createInputOf(value)).toMatchObject({ subject: 'Hello', html: null });
    expect(templateFormValueOf(null, 'de')).toMatchObject({ language: 'de', channel: 'SMS' });
  });

  it('should send the approved Content SID for WhatsApp only, trimmed, and clear a blank one', () => {
    const sid = 'HX0123456789abcdef0123456789abcdef';
    const whatsapp = templateFormValueOf(
      template({ channel: 'WHATSAPP', whatsappContentSid: sid }),
    );
    expect(createInputOf({ ...whatsapp, whatsappContentSid: ` ${sid} ` })).toMatchObject({
      whatsappContentSid: sid,
    });
    expect(updateInputOf({ ...whatsapp, whatsappContentSid: '  ' })).toMatchObject({
      whatsappContentSid: null,
    });
    expect(createInputOf({ ...whatsapp, channel: 'SMS' })).not.toHaveProperty('whatsappContentSid');
    expect(templateControlOf('whatsappContentSid')).toBe('whatsappContentSid');
  });

  it('should map server fields to controls and the rest above the buttons', () => {
    expect(templateControlOf('body')).toBe('body');
    expect(templateControlOf('id')).toBeNull();
  });

  it('should ask for a preview only once there is a body', () => {
    expect(previewInputOf(templateFormValueOf(null))).toBeNull();
    const input = previewInputOf({ ...templateFormValueOf(null), body: 'Hi' });
    expect(input).toEqual({ body: 'Hi', channel: 'SMS', sample: SAMPLE });
    const forEvent = previewInputOf({ ...templateFormValueOf(null), body: 'Hi' }, 'PRE_ARRIVAL');
    expect(forEvent).toMatchObject({ event: 'PRE_ARRIVAL' });
  });
});

describe('template preview', () => {
  it('should describe the segment count and why a text is Unicode', () => {
    const gsm = {
      encoding: 'GSM-7',
      segments: 2,
      units: 165,
      charactersLeft: 141,
      ucs2Characters: [],
    };
    expect(segmentsLabel(gsm)).toBe('GSM-7 · 2 segments · 165 characters · 141 left');
    expect(ucs2Note(gsm)).toBeNull();
    const ucs = {
      encoding: 'UCS-2',
      segments: 1,
      units: 3,
      charactersLeft: 67,
      ucs2Characters: ['✓'],
    };
    expect(segmentsLabel(ucs)).toBe('UCS-2 · 1 segment · 3 characters · 67 left');
    expect(ucs2Note(ucs)).toBe('Unicode because of "✓": 70 characters per segment');
  });

  it('should keep only the errors of one part', () => {
    const p = (part: string, severity: string) => ({
      part,
      severity,
      message: '',
      text: '',
      line: 1,
      column: 1,
    });
    expect(
      errorsOf([p('body', 'ERROR'), p('body', 'WARNING'), p('html', 'ERROR')], 'body'),
    ).toEqual([p('body', 'ERROR')]);
  });

  it('should insert a field at the caret with a space before it when needed', () => {
    expect(insertField('Hi', 'guest.firstName')).toEqual({
      text: 'Hi {{guest.firstName}}',
      caret: 22,
    });
    expect(insertField('Hi , welcome', 'guest.firstName', 3)).toEqual({
      text: 'Hi {{guest.firstName}}, welcome',
      caret: 22,
    });
    expect(insertField('', 'job.eta', 5).text).toBe('{{job.eta}}');
  });

  it('should say how many triggers use a template', () => {
    expect(usageLabel(0)).toBe('Not used by a trigger');
    expect(usageLabel(1)).toBe('Used by 1 trigger');
    expect(usageLabel(3)).toBe('Used by 3 triggers');
  });
});
