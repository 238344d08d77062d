import {
  customerUpdate,
  personCounts,
  profileFromCustomer,
  reservationStatus,
  resourceState,
  roomState,
  sameValue,
} from './mews.mapping';

describe('Mews mapping', () => {
  it('should wrap each changed profile field as a customers/update value and skip the address', () => {
    expect(
      customerUpdate('c-1', {
        phone: '+420 1',
        email: null,
        lastName: '',
        classifications: ['Vip'],
        companyId: 'co-1',
        city: 'Prague',
      }),
    ).toEqual({
      CustomerId: 'c-1',
      Phone: { Value: '+420 1' },
      Email: { Value: null },
      LastName: { Value: '' },
      Classifications: { Value: ['Vip'] },
      CompanyId: { Value: 'co-1' },
    });
  });

  it('should map Mews states to platform states both ways when a state is known', () => {
    expect(reservationStatus({ State: 'Started', CancellationReason: null })).toBe('CHECKED_IN');
    expect(reservationStatus({ State: 'Canceled', CancellationReason: 'NoShow' })).toBe('NO_SHOW');
    expect(reservationStatus({ State: 'Optional', CancellationReason: null })).toBe('INQUIRED');
    expect(roomState('OutOfOrder')).toBe('OUT_OF_ORDER');
    expect(resourceState('INSPECTED')).toBe('Inspected');
  });

  it('should count the first age category as adults and the rest as children', () => {
    expect(
      personCounts({
        PersonCounts: [
          { AgeCategoryId: 'a', Count: 2 },
          { AgeCategoryId: 'c', Count: 1 },
          { AgeCategoryId: 'i', Count: 1 },
        ],
      }),
    ).toEqual({ adults: 2, children: 2 });
  });

  it('should normalise a customer so that case and order differences are not changes', () => {
    const profile = profileFromCustomer(
      {
        Id: 'c',
        Number: '1',
        Title: null,
        Sex: null,
        FirstName: null,
        LastName: 'Novak',
        Email: ' Jana@Example.com ',
        Phone: '',
        LanguageCode: 'cs-CZ',
        NationalityCode: 'cz',
        BirthDate: '1990-05-01T00:00:00Z',
        Notes: null,
        Classifications: ['Vip', 'Returning'],
        Options: [],
        AddressId: null,
        CompanyId: null,
        IsActive: true,
        CreatedUtc: '2026-01-01T00:00:00Z',
        UpdatedUtc: '2026-01-01T00:00:00Z',
      },
      null,
    );
    expect(profile).toMatchObject({
      firstName: '',
      email: 'jana@example.com',
      phone: null,
      nationality: 'CZ',
      birthDate: '1990-05-01',
    });
    expect(sameValue(profile.classifications, ['Returning', 'Vip'])).toBe(true);
  });
});
