import type { GuestRuleSettingsInput } from '../../generated/graphql';
import {
  controlPathOf,
  FIELD_NAMES,
  formValueOf,
  inputOf,
  PROFILE_FIELDS,
  totalWeight,
} from './guest-rules.model';

/** A complete rule set (the platform defaults at the time of writing). */
const DEFAULT_GUEST_RULES: GuestRuleSettingsInput = {
  completeness: (
    [
      ['EMAIL', 20],
      ['PHONE', 15],
      ['NATIONALITY', 10],
      ['ADDRESS', 10],
      ['PREFERENCES', 10],
      ['LANGUAGE', 10],
      ['FIRST_NAME', 10],
      ['BIRTH_DATE', 5],
      ['COMPANY', 5],
      ['TITLE', 5],
    ] as const
  ).map(([field, weight]) => ({ field, weight, label: FIELD_NAMES[field] })),
  validation: {
    emailFormat: true,
    phoneFormat: true,
    phonePattern: null,
    required: [
      { guestKind: 'HOTEL_GUEST', fields: ['EMAIL'] },
      { guestKind: 'CUSTOMER', fields: ['PHONE'] },
    ],
  },
  enrichment: {
    languageFromNationality: true,
    companyFromEmailDomain: true,
    flagRepeatGuest: { enabled: true, minStays: 2 },
  },
  vip: {
    classifications: ['Vip', 'VeryImportant'],
    minStays: null,
    minSpendMinor: null,
    honourManualFlag: true,
  },
};

const settings = () => ({
  completeness: [
    { field: 'EMAIL' as const, weight: 40, label: 'E-mail' },
    { field: 'PHONE' as const, weight: 60, label: 'Phone' },
  ],
  validation: {
    emailFormat: true,
    phoneFormat: false,
    phonePattern: null,
    required: [{ guestKind: 'HOTEL_GUEST' as const, fields: ['EMAIL' as const] }],
  },
  enrichment: {
    languageFromNationality: false,
    companyFromEmailDomain: true,
    flagRepeatGuest: { enabled: true, minStays: 3 },
  },
  vip: { classifications: ['Vip'], minStays: null, minSpendMinor: 150000, honourManualFlag: true },
});

describe('guest rules form', () => {
  it('should list every profile field with weight 0 when the rules leave it out', () => {
    const value = formValueOf(settings(), 'EUR');
    expect(value.completeness).toHaveLength(PROFILE_FIELDS.length);
    expect(value.completeness.find((r) => r.field === 'NATIONALITY')).toEqual({
      field: 'NATIONALITY',
      weight: 0,
      label: 'Nationality',
    });
    expect(value.validation.required).toEqual({ HOTEL_GUEST: ['EMAIL'], CUSTOMER: [] });
    expect(value.vip.minSpend).toBe('1500.00');
    expect(totalWeight(value.completeness)).toBe(100);
  });

  it('should round-trip the settings into the input when nothing was edited', () => {
    const input = inputOf(formValueOf(settings(), 'EUR'), 'EUR');
    expect(input.vip.minSpendMinor).toBe(150000);
    expect(input.validation.phonePattern).toBeNull();
    expect(input.validation.required).toEqual([
      { guestKind: 'HOTEL_GUEST', fields: ['EMAIL'] },
      { guestKind: 'CUSTOMER', fields: [] },
    ]);
    expect(input.completeness.find((r) => r.field === 'PHONE')).toEqual({
      field: 'PHONE',
      weight: 60,
      label: 'Phone',
    });
  });

  it('should keep the defaults intact when they pass through the form', () => {
    const input = inputOf(formValueOf(DEFAULT_GUEST_RULES as never, 'EUR'), 'EUR');
    expect(input).toEqual(DEFAULT_GUEST_RULES);
    expect(totalWeight(DEFAULT_GUEST_RULES.completeness)).toBe(100);
  });

  it('should point server issues at the control they name when saving fails', () => {
    expect(controlPathOf('completeness.phone.weight')).toBe('completeness.1.weight');
    expect(controlPathOf('completeness.birthDate.label')).toBe('completeness.7.label');
    expect(controlPathOf('completeness')).toBe('completeness');
    expect(controlPathOf('validation.phonePattern')).toBe('validation.phonePattern');
    expect(controlPathOf('validation.required.1.guestKind')).toBe('validation.required.CUSTOMER');
    expect(controlPathOf('enrichment.flagRepeatGuest.minStays')).toBe(
      'enrichment.flagRepeatGuest.minStays',
    );
    expect(controlPathOf('vip.minSpendMinor')).toBe('vip.minSpend');
    expect(controlPathOf('vip.classifications.2')).toBe('vip.classifications');
    expect(controlPathOf('settings')).toBeNull();
  });
});
