import type { AutomationRuleFieldsFragment } from '../../generated/graphql';
import {
  conditionChips,
  conditionsOf,
  hasAnyCondition,
  hoursBeforeLabel,
  normalizeProducts,
  ruleControlOf,
  ruleFormValueOf,
  ruleInputOf,
  unknownPlaceholders,
} from './automation.model';

function rule(overrides: Partial<AutomationRuleFieldsFragment> = {}): AutomationRuleFieldsFragment {
  return {
    id: 'ar1',
    name: 'VIP champagne',
    title: 'Champagne for {guest} in {room}',
    priority: 'HIGH',
    hoursBeforeArrival: 3,
    active: true,
    lastFiredAt: null,
    firedCount: 4,
    conditions: {
      vip: true,
      products: ['Champagne on arrival'],
      earlyCheckIn: true,
      earlyCheckInBefore: 840,
      specialRequest: true,
    },
    serviceType: { id: 'st1', name: 'Room amenity' },
    team: { id: 'tm1', name: 'Housekeeping' },
    updatedAt: '2026-03-01T10:00:00Z',
    ...overrides,
  };
}

describe('automation rule list', () => {
  it('should show each condition as a chip when the rule sets it', () => {
    expect(conditionChips(rule().conditions)).toEqual([
      'VIP',
      'Product: Champagne on arrival',
      'Early check-in before 14:00',
      'Special request',
    ]);
    expect(
      conditionChips({
        vip: false,
        products: ['A', 'B'],
        earlyCheckIn: false,
        earlyCheckInBefore: 900,
        specialRequest: false,
      }),
    ).toEqual(['Product: A', 'Product: B']);
  });

  it('should say how long before arrival the order is created', () => {
    expect(hoursBeforeLabel(3)).toBe('3 h before arrival');
    expect(hoursBeforeLabel(0)).toBe('At arrival');
  });
});

describe('automation rule form', () => {
  it('should round-trip a rule into the input when nothing was edited', () => {
    expect(ruleInputOf(ruleFormValueOf(rule()))).toEqual({
      name: 'VIP champagne',
      conditions: {
        vip: true,
        products: ['Champagne on arrival'],
        earlyCheckIn: true,
        earlyCheckInBefore: 840,
        specialRequest: true,
      },
      serviceTypeId: 'st1',
      title: 'Champagne for {guest} in {room}',
      priority: 'HIGH',
      hoursBeforeArrival: 3,
      teamId: 'tm1',
    });
  });

  it('should start a new rule without conditions, 2 h ahead, early before 15:00', () => {
    const value = ruleFormValueOf(null);
    expect(value).toMatchObject({ hoursBeforeArrival: 2, teamId: null });
    const c = value.conditions;
    expect(c.earlyBefore).toBe('15:00');
    expect(hasAnyCondition(conditionsOf(c))).toBe(false);
    expect(hasAnyCondition(conditionsOf({ ...c, products: ['  '] }))).toBe(false);
    expect(hasAnyCondition(conditionsOf({ ...c, specialRequest: true }))).toBe(true);
    expect(ruleInputOf({ ...value, teamId: '' }).teamId).toBeNull();
  });

  it('should drop blank and repeated products whatever their case', () => {
    expect(normalizeProducts([' Champagne ', 'champagne', '', 'Late  checkout'])).toEqual([
      'Champagne',
      'Late checkout',
    ]);
  });

  it('should find placeholders the server does not know', () => {
    expect(unknownPlaceholders('Welcome {guest} at {arrival} in {room}')).toEqual([]);
    expect(unknownPlaceholders('Hi {gest} {}')).toEqual(['gest', '']);
  });

  it('should point server fields at their controls when a save is refused', () => {
    expect(ruleControlOf('conditions')).toBe('conditions');
    expect(ruleControlOf('input.conditions.products')).toBe('conditions.products');
    expect(ruleControlOf('conditions.earlyCheckInBefore')).toBe('conditions.earlyBefore');
    expect(ruleControlOf('hoursBeforeArrival')).toBe('hoursBeforeArrival');
    expect(ruleControlOf('ruleId')).toBeNull();
  });
});
