import {
  prefillOf,
  requiredSkillsText,
  serviceTypeChoices,
  type ServiceTypeOption,
} from './work-order-catalog.model';

let seq = 0;
function serviceType(overrides: Partial<ServiceTypeOption> = {}): ServiceTypeOption {
  seq++;
  return {
    id: `st${seq}`,
    name: `Type ${seq}`,
    kind: null,
    active: true,
    defaultMinutes: 90,
    price: { amountMinor: 12050, currency: 'EUR' },
    requiredSkills: [],
    ...overrides,
  };
}

describe('serviceTypeChoices', () => {
  it('should offer active types of the kind plus the current one', () => {
    const any = serviceType();
    const field = serviceType({ kind: 'FIELD_JOB' });
    const hotel = serviceType({ kind: 'HOTEL_SERVICE' });
    const retired = serviceType({ active: false });
    const all = [any, field, hotel, retired];
    expect(serviceTypeChoices(all, 'FIELD_JOB', '')).toEqual([any, field]);
    expect(serviceTypeChoices(all, 'FIELD_JOB', retired.id)).toEqual([any, field, retired]);
  });
});

describe('prefillOf', () => {
  it('should prefill the duration and the price of a type', () => {
    expect(prefillOf(serviceType())).toEqual({
      estimatedMinutes: 90,
      price: '120.50',
      currency: 'EUR',
    });
  });

  it('should prefill only the duration when the type has no price', () => {
    expect(prefillOf(serviceType({ price: null, defaultMinutes: 30 }))).toEqual({
      estimatedMinutes: 30,
    });
  });
});

describe('requiredSkillsText', () => {
  it('should list the required skills with their minimum levels', () => {
    const t = serviceType({
      requiredSkills: [
        { minLevel: 3, skill: { id: 's1', name: 'Plumbing' } },
        { minLevel: 1, skill: { id: 's2', name: 'Gas safety' } },
      ],
    });
    expect(requiredSkillsText(t)).toBe('Requires Plumbing (level 3+), Gas safety (level 1+)');
  });

  it('should say nothing when the type requires no skill', () => {
    expect(requiredSkillsText(serviceType())).toBeNull();
    expect(requiredSkillsText(null)).toBeNull();
  });
});
