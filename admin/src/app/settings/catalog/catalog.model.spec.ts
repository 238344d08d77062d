import type { CatalogServiceTypeFragment } from '../../generated/graphql';
import {
  catalogControlOf,
  duplicateSkills,
  kindLabel,
  matchesSearch,
  moveItem,
  serviceTypeFormValueOf,
  serviceTypeInputOf,
  skillsSummary,
} from './catalog.model';

function serviceType(
  overrides: Partial<CatalogServiceTypeFragment> = {},
): CatalogServiceTypeFragment {
  return {
    id: 'st1',
    name: 'Boiler service',
    description: 'Yearly check of a gas boiler',
    kind: 'FIELD_JOB',
    defaultMinutes: 90,
    price: { amountMinor: 12950, currency: 'EUR' },
    checklist: ['Check pressure', 'Clean burner'],
    requiredSkills: [
      { minLevel: 2, skill: { id: 'sk1', name: 'Gas' } },
      { minLevel: 1, skill: { id: 'sk2', name: 'Plumbing' } },
    ],
    active: true,
    updatedAt: '2026-03-01T10:00:00Z',
    ...overrides,
  };
}

describe('service catalog form', () => {
  it('should round-trip a service type into the input when nothing was edited', () => {
    expect(serviceTypeInputOf(serviceTypeFormValueOf(serviceType(), 'USD'))).toEqual({
      name: 'Boiler service',
      description: 'Yearly check of a gas boiler',
      kind: 'FIELD_JOB',
      defaultMinutes: 90,
      priceMinor: 12950,
      currency: 'EUR',
      checklist: ['Check pressure', 'Clean burner'],
      requiredSkills: [
        { skillId: 'sk1', minLevel: 2 },
        { skillId: 'sk2', minLevel: 1 },
      ],
    });
  });

  it('should send null price and currency when the price is emptied', () => {
    const value = { ...serviceTypeFormValueOf(serviceType(), 'EUR'), price: '  ' };
    const input = serviceTypeInputOf(value);
    expect(input.priceMinor).toBeNull();
    expect(input.currency).toBeNull();
  });

  it('should send null kind when the type is for any kind of order', () => {
    const value = serviceTypeFormValueOf(serviceType({ kind: null }), 'EUR');
    expect(value.kind).toBe('');
    expect(serviceTypeInputOf(value).kind).toBeNull();
    expect(kindLabel(null)).toBe('Any');
    expect(kindLabel('HOTEL_SERVICE')).toBe('Hotel service');
  });

  it('should start a new type in the organization currency with an hour', () => {
    const value = serviceTypeFormValueOf(null, 'CZK');
    expect(value).toMatchObject({ currency: 'CZK', defaultMinutes: 60, price: '', skills: [] });
    const input = serviceTypeInputOf({
      ...value,
      name: ' Room  cleaning ',
      price: '350',
      checklist: ['Beds', '  ', 'Bathroom '],
      skills: [{ skillId: '', minLevel: 1 }],
    });
    expect(input).toMatchObject({
      name: 'Room cleaning',
      description: null,
      priceMinor: 35000,
      currency: 'CZK',
      checklist: ['Beds', 'Bathroom'],
      requiredSkills: [],
    });
  });

  it('should move checklist items up and down and stop at the ends', () => {
    const list = ['a', 'b', 'c'];
    expect(moveItem(list, 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(list, 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(list, 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(list, 2, 1)).toEqual(['a', 'b', 'c']);
    expect(list).toEqual(['a', 'b', 'c']);
  });

  it('should find skills chosen twice when the same skill is added again', () => {
    expect(
      duplicateSkills([
        { skillId: 'a', minLevel: 1 },
        { skillId: 'b', minLevel: 1 },
        { skillId: 'a', minLevel: 3 },
        { skillId: '', minLevel: 1 },
        { skillId: '', minLevel: 1 },
      ]),
    ).toEqual(['a']);
  });

  it('should point server fields at their controls when a save is refused', () => {
    expect(catalogControlOf('priceMinor')).toBe('price');
    expect(catalogControlOf('input.requiredSkills.0.minLevel')).toBe('skills');
    expect(catalogControlOf('checklist')).toBe('checklist');
    expect(catalogControlOf('whatever')).toBeNull();
  });
});

describe('service catalog list', () => {
  it('should summarize required skills with their minimum levels', () => {
    expect(skillsSummary(serviceType())).toBe('Gas ≥ 2, Plumbing ≥ 1');
    expect(skillsSummary(serviceType({ requiredSkills: [] }))).toBe('—');
  });

  it('should match the search in the name or the description', () => {
    expect(matchesSearch(serviceType(), 'boiler')).toBe(true);
    expect(matchesSearch(serviceType(), 'GAS')).toBe(true);
    expect(matchesSearch(serviceType(), 'window')).toBe(false);
    expect(matchesSearch(serviceType(), '  ')).toBe(true);
  });
});
