import type { VendorDetailFragment } from '../generated/graphql';
import {
  copyWindow,
  createVendorInput,
  hasErrors,
  newOfferDraft,
  newVendorForm,
  offerDraftsOf,
  offersInput,
  percent,
  points,
  qualityTone,
  updateVendorInput,
  validateOffers,
  validateVendor,
  validateWindows,
  vendorFieldOf,
  vendorFiltersOf,
  vendorFormOf,
  vendorParamsOf,
  windowDraftsOf,
  windowsInput,
  windowSummary,
  type OfferDraft,
  type VendorFormValue,
  type WindowDraft,
} from './vendor.model';

function vendor(overrides: Partial<VendorDetailFragment> = {}): VendorDetailFragment {
  return {
    __typename: 'Vendor',
    id: 'v1',
    name: 'AquaFix s.r.o.',
    email: 'office@aquafix.example',
    phone: '+420 222 333 444',
    baseLat: 50.08,
    baseLng: 14.43,
    serviceRadiusKm: 25,
    active: true,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    offers: [
      {
        __typename: 'VendorOffer',
        serviceTypeId: 'st1',
        leadTimeHours: 48,
        price: { __typename: 'Money', amountMinor: 12050, currency: 'EUR' },
        serviceType: { __typename: 'ServiceType', id: 'st1', name: 'Leak repair', active: true },
      },
    ],
    availability: [
      { __typename: 'VendorWindow', weekday: 2, startMin: 480, endMin: 1440 },
      { __typename: 'VendorWindow', weekday: 1, startMin: 780, endMin: 1020 },
      { __typename: 'VendorWindow', weekday: 1, startMin: 480, endMin: 720 },
    ],
    quality: {
      __typename: 'VendorQuality',
      score: null,
      jobs: 0,
      onTimeRate: null,
      averageRating: null,
      reworkRate: null,
      explanation: 'No completed jobs yet',
      factors: [],
    },
    ...overrides,
  };
}

const form = (overrides: Partial<VendorFormValue> = {}): VendorFormValue => ({
  ...newVendorForm(),
  name: 'AquaFix',
  ...overrides,
});

describe('vendor form', () => {
  it('should accept a vendor with a base and radius when all rules hold', () => {
    expect(validateVendor(vendorFormOf(vendor()))).toEqual({});
  });

  it('should report the server messages when fields break the rules', () => {
    expect(
      validateVendor(
        form({ name: 'A', email: 'x@', phone: 'call me', baseLat: 95, baseLng: null }),
      ),
    ).toEqual({
      name: 'Give a name of 2 to 80 characters',
      email: 'Give a valid email address',
      phone: 'Give a phone number of 5 to 30 digits, spaces or ( ) - . /',
      baseLat: 'Latitude must be between -90 and 90',
      baseLng: 'Give the base latitude and longitude together',
    });
  });

  it('should require a base when a service radius is given', () => {
    expect(validateVendor(form({ serviceRadiusKm: 10 }))).toEqual({
      serviceRadiusKm: 'A service radius needs a base location to measure from',
    });
    expect(validateVendor(form({ baseLat: 1, baseLng: 1, serviceRadiusKm: 0 }))).toEqual({
      serviceRadiusKm: 'The service radius must be between 0.1 and 1000 km',
    });
  });

  it('should send only given fields when creating', () => {
    expect(createVendorInput(form({ email: ' a@b.cz ', baseLat: 1, baseLng: 2 }))).toEqual({
      name: 'AquaFix',
      active: true,
      email: 'a@b.cz',
      baseLat: 1,
      baseLng: 2,
    });
  });

  it('should send changes and nulls for cleared fields when updating', () => {
    const before = vendorFormOf(vendor());
    expect(updateVendorInput({ ...before }, before)).toEqual({});
    expect(
      updateVendorInput({ ...before, phone: '', serviceRadiusKm: null, name: 'AquaFix' }, before),
    ).toEqual({ phone: null, serviceRadiusKm: null, name: 'AquaFix' });
  });

  it('should map server fields to form fields when showing server errors', () => {
    expect(vendorFieldOf('input.baseLat')).toBe('baseLat');
    expect(vendorFieldOf('offers')).toBeNull();
  });
});

describe('offers editor', () => {
  const offer = (o: Partial<OfferDraft> = {}): OfferDraft => ({
    serviceTypeId: 'st1',
    price: '120.50',
    currency: 'EUR',
    leadTimeHours: 24,
    ...o,
  });

  it('should show stored prices as decimals when editing', () => {
    expect(offerDraftsOf(vendor())).toEqual([
      { serviceTypeId: 'st1', price: '120.50', currency: 'EUR', leadTimeHours: 48 },
    ]);
    expect(newOfferDraft('CZK')).toEqual({
      serviceTypeId: '',
      price: '',
      currency: 'CZK',
      leadTimeHours: 24,
    });
  });

  it('should flag duplicates, bad prices, currencies and lead times per row', () => {
    const errors = validateOffers([
      offer(),
      offer({ price: 'abc', currency: 'eu', leadTimeHours: 721 }),
      offer({ serviceTypeId: '', price: '1000000' }),
    ]);
    expect(errors).toEqual([
      {},
      {
        serviceTypeId: 'Give each service type once; it is offered at one price',
        price: 'Enter a price like 120.50',
        currency: 'Currency must be a 3-letter ISO code',
        leadTimeHours: 'Lead time must be between 0 and 720 hours',
      },
      { serviceTypeId: 'Choose a service type', price: 'Prices must be below 1,000,000.00' },
    ]);
    expect(hasErrors(errors)).toBe(true);
    expect(hasErrors(validateOffers([offer()]))).toBe(false);
  });

  it('should send prices in minor units and upper-case currencies when saving', () => {
    expect(offersInput([offer({ price: '99,9', currency: 'czk', leadTimeHours: 0 })])).toEqual([
      { serviceTypeId: 'st1', priceMinor: 9990, currency: 'CZK', leadTimeHours: 0 },
    ]);
  });
});

describe('availability windows', () => {
  const w = (weekday: number, start: string, end: string): WindowDraft => ({ weekday, start, end });

  it('should sort windows by day and start when editing', () => {
    expect(windowDraftsOf(vendor())).toEqual([
      w(1, '08:00', '12:00'),
      w(1, '13:00', '17:00'),
      w(2, '08:00', '00:00'),
    ]);
  });

  it('should accept touching windows and a window to midnight', () => {
    expect(hasErrors(validateWindows([w(1, '08:00', '12:00'), w(1, '12:00', '00:00')]))).toBe(
      false,
    );
  });

  it('should flag overlaps on the same day only when windows intersect', () => {
    expect(
      validateWindows([w(1, '08:00', '12:00'), w(1, '11:00', '14:00'), w(2, '11:00', '14:00')]),
    ).toEqual([
      { start: 'Overlaps Monday 11:00–14:00' },
      { start: 'Overlaps Monday 08:00–12:00' },
      {},
    ]);
  });

  it('should flag an end before the start and malformed times', () => {
    expect(validateWindows([w(3, '17:00', '08:00'), w(3, '', '10:00')])).toEqual([
      { end: 'A window must end after it starts' },
      { start: 'Give the start as HH:mm' },
    ]);
  });

  it('should send minutes with 1440 for midnight when saving', () => {
    expect(windowsInput([w(2, '08:00', '00:00'), w(1, '09:30', '12:00')])).toEqual([
      { weekday: 1, startMin: 570, endMin: 720 },
      { weekday: 2, startMin: 480, endMin: 1440 },
    ]);
  });

  it('should copy a window to other days when asked', () => {
    const copied = copyWindow([w(1, '08:00', '16:00')], w(1, '08:00', '16:00'), [1, 2, 3]);
    expect(copied).toEqual([
      w(1, '08:00', '16:00'),
      w(2, '08:00', '16:00'),
      w(3, '08:00', '16:00'),
    ]);
  });

  it('should summarize windows per weekday when listing', () => {
    expect(
      windowSummary([
        { weekday: 1, startMin: 780, endMin: 1020 },
        { weekday: 1, startMin: 480, endMin: 720 },
        { weekday: 5, startMin: 480, endMin: 1440 },
      ]),
    ).toEqual(['Mon 08:00–12:00, 13:00–17:00', 'Fri 08:00–24:00']);
  });
});

describe('quality', () => {
  it('should pick a tone by score when showing the bar', () => {
    expect(qualityTone(null)).toBe('none');
    expect(qualityTone(85)).toBe('good');
    expect(qualityTone(60)).toBe('fair');
    expect(qualityTone(59)).toBe('poor');
  });

  it('should format shares and points when listing factors', () => {
    expect(percent(0.923)).toBe('92%');
    expect(percent(null)).toBe('—');
    expect(points(12.345)).toBe('+12.3');
    expect(points(0)).toBe('+0.0');
  });
});

describe('vendor filters', () => {
  it('should round-trip filters through the URL when navigating', () => {
    const f = vendorFiltersOf({ q: 'aqua ', type: 'st1', inactive: 'true' });
    expect(f).toEqual({ search: 'aqua', serviceTypeId: 'st1', includeInactive: true });
    expect(vendorParamsOf(f)).toEqual({ q: 'aqua', type: 'st1', inactive: '1' });
  });
});
