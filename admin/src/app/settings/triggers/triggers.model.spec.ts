import type { MessageTriggerFieldsFragment } from '../../generated/graphql';
import {
  byEvent,
  conditionChips,
  createTriggerInputOf,
  durationWords,
  offsetLabel,
  offsetOf,
  offsetProblem,
  triggerControlOf,
  triggerFormValueOf,
  updateTriggerInputOf,
} from './triggers.model';

const trigger = (
  over: Partial<MessageTriggerFieldsFragment> = {},
): MessageTriggerFieldsFragment => ({
  id: 'tr1',
  event: 'REMINDER_DAY_BEFORE',
  channel: 'SMS',
  templateId: 't1',
  offsetMinutes: -1440,
  enabled: true,
  implemented: true,
  conditions: { priorities: ['HIGH'], kinds: null, vipOnly: true },
  template: { id: 't1', name: 'Reminder', language: 'en', active: true },
  ...over,
});

describe('trigger timing in words', () => {
  it('should say the offset relative to what the event counts from', () => {
    expect(offsetLabel('REMINDER_DAY_BEFORE', -1440)).toBe('1 day before scheduled start');
    expect(offsetLabel('PRE_ARRIVAL', -150)).toBe('2 hours 30 minutes before arrival');
    expect(offsetLabel('FEEDBACK_REQUEST', 2880)).toBe('2 days after completion');
    expect(offsetLabel('JOB_COMPLETED', 0)).toBe('At completion');
    expect(offsetLabel('ON_MY_WAY', 0)).toBe('When the technician leaves');
    expect(durationWords(61)).toBe('1 hour 1 minute');
  });

  it('should refuse offsets the server refuses, with the reason', () => {
    expect(offsetProblem('REMINDER_DAY_BEFORE', 0)).toMatch(/before the appointment/);
    expect(offsetProblem('ARRIVED', -10)).toMatch(/not before/);
    expect(offsetProblem('ARRIVED', 60 * 24 * 31)).toBe('The offset can be at most 30 days');
    expect(offsetProblem('PRE_ARRIVAL', -1440)).toBeNull();
  });
});

describe('trigger form', () => {
  it('should split an offset into amount, unit and direction and back', () => {
    const v = triggerFormValueOf(trigger());
    expect(v).toMatchObject({ amount: 1, unit: 'DAYS', direction: 'BEFORE' });
    expect(offsetOf(v)).toBe(-1440);
    expect(triggerFormValueOf(trigger({ offsetMinutes: 90 }))).toMatchObject({
      amount: 90,
      unit: 'MINUTES',
      direction: 'AFTER',
    });
    expect(triggerFormValueOf(null)).toMatchObject({ amount: 0, enabled: true, templateId: '' });
  });

  it('should send the channel and conditions, and drop work order ones for stays', () => {
    expect(createTriggerInputOf(triggerFormValueOf(trigger()))).toEqual({
      event: 'REMINDER_DAY_BEFORE',
      channel: 'SMS',
      templateId: 't1',
      offsetMinutes: -1440,
      conditions: { priorities: ['HIGH'], kinds: [], vipOnly: true },
      enabled: true,
    });
    const stay = triggerFormValueOf(trigger({ event: 'PRE_ARRIVAL' }));
    expect(createTriggerInputOf(stay).conditions).toEqual({
      priorities: [],
      kinds: [],
      vipOnly: true,
    });
    expect(updateTriggerInputOf(stay)).not.toHaveProperty('event');
    expect(triggerControlOf('offsetMinutes')).toBe('amount');
    expect(triggerControlOf('conditions')).toBeNull();
  });

  it('should list conditions as chips and group triggers per event, enabled first', () => {
    expect(
      conditionChips({ priorities: ['EMERGENCY'], kinds: ['FIELD_JOB'], vipOnly: true }),
    ).toEqual(['Priority: Emergency', 'Kind: Field job', 'VIP only']);
    const groups = byEvent([
      trigger({ id: 'a', event: 'ARRIVED', enabled: false }),
      trigger({ id: 'b', event: 'ARRIVED' }),
      trigger({ id: 'c' }),
    ]);
    expect(groups.map((g) => [g.event, g.triggers.map((t) => t.id)])).toEqual([
      ['REMINDER_DAY_BEFORE', ['c']],
      ['ARRIVED', ['b', 'a']],
    ]);
  });
});
