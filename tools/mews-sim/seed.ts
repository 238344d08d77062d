import type {
  ReservationState,
  ResourceState,
  SimAddress,
  SimCompany,
  SimCustomer,
  SimReservation,
  SimResource,
  SimService,
} from './types';

/* A deterministic, realistic hotel: the same seed and day give the same data. */

export interface SeedData {
  enterpriseId: string;
  integrationId: string;
  adultAgeCategoryId: string;
  childAgeCategoryId: string;
  services: SimService[];
  resources: SimResource[];
  companies: SimCompany[];
  customers: SimCustomer[];
  addresses: SimAddress[];
  reservations: SimReservation[];
}

/** How big the seeded hotel is; each size defaults to the small demo hotel. */
export interface HotelSizes {
  /** Rooms, 10 per floor (default 60). */
  rooms?: number;
  /** Customer profiles, created within the last ~380 days (default 300). */
  customers?: number;
  /** Reservations, starting from 90 days ago to 120 days ahead (default 400). */
  reservations?: number;
  /** Companies (default 7). */
  companies?: number;
}

export const DEFAULT_HOTEL_SIZES: Required<HotelSizes> = {
  rooms: 60,
  customers: 300,
  reservations: 400,
  companies: 7,
};

function resolveSizes(sizes: HotelSizes): Required<HotelSizes> {
  const resolved = { ...DEFAULT_HOTEL_SIZES };
  for (const key of Object.keys(resolved) as (keyof HotelSizes)[]) {
    const value = sizes[key];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 0) {
      throw new Error(`Invalid hotel size ${key}: ${value} (expected an integer >= 0)`);
    }
    resolved[key] = value;
  }
  if (resolved.reservations > 0 && (resolved.customers === 0 || resolved.rooms === 0)) {
    throw new Error('Reservations need at least one customer and one room');
  }
  return resolved;
}

export type Rng = () => number;

/** mulberry32: small, fast and deterministic. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function rngUuid(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const int = (rng: Rng, min: number, max: number): number =>
  min + Math.floor(rng() * (max - min + 1));
const DAY = 86_400_000;
export const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

const FIRST = ['Anna', 'Ben', 'Clara', 'David', 'Elena', 'Felix', 'Greta', 'Hugo', 'Ines', 'Jonas'];
const FIRST2 = ['Karl', 'Lena', 'Marta', 'Noah', 'Olga', 'Paul', 'Rosa', 'Sami', 'Tara', 'Yusuf'];
const FEMALE_FIRST = FIRST.concat(FIRST2).filter((_, k) => k % 2 === 0);
const LAST = ['Novak', 'Svoboda', 'Dvorak', 'Muller', 'Schmidt', 'Rossi', 'Dubois', 'Garcia'];
const LAST2 = ['Smith', 'Kowalski', 'Nielsen', 'Horvat', 'Silva', 'Jensen', 'Costa', 'Meyer'];
const COUNTRIES = ['CZ', 'DE', 'GB', 'FR', 'IT', 'ES', 'US', 'NL', 'AT', 'PL'];
const LANGS: Record<string, string> = { CZ: 'cs-CZ', DE: 'de-DE', FR: 'fr-FR', IT: 'it-IT' };
const CITIES = ['Prague', 'Berlin', 'London', 'Paris', 'Rome', 'Madrid', 'Vienna', 'Warsaw'];
const COMPANY_NAMES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Soylent'];
/** Acme Ltd … Soylent Ltd, then Acme 2 Ltd … for bigger hotels. */
function companyName(i: number): string {
  const base = COMPANY_NAMES[i % COMPANY_NAMES.length]!;
  const round = Math.floor(i / COMPANY_NAMES.length);
  return round === 0 ? `${base} Ltd` : `${base} ${round + 1} Ltd`;
}

/** Every entity is generated in O(1), so a hotel of any size is O(n). */
export function seedHotel(seed: number, nowMs: number, sizes: HotelSizes = {}): SeedData {
  const size = resolveSizes(sizes);
  const rng = createRng(seed);
  const id = (): string => rngUuid(rng);
  const today = Math.floor(nowMs / DAY) * DAY;
  const longAgo = iso(today - 400 * DAY);
  const enterpriseId = id();
  const integrationId = id();
  const adultAgeCategoryId = id();
  const childAgeCategoryId = id();

  const bookable: SimService = {
    Id: id(),
    EnterpriseId: enterpriseId,
    Name: 'Accommodation',
    IsActive: true,
    Ordering: 0,
    Data: { Discriminator: 'Bookable', Value: { StartOffset: 'P0M0DT14H0M0S' } },
    CreatedUtc: longAgo,
    UpdatedUtc: longAgo,
  };
  const additional: SimService = {
    Id: id(),
    EnterpriseId: enterpriseId,
    Name: 'Restaurant & Bar',
    IsActive: true,
    Ordering: 1,
    Data: { Discriminator: 'Additional', Value: {} },
    CreatedUtc: longAgo,
    UpdatedUtc: longAgo,
  };

  const resources: SimResource[] = [];
  for (let i = 0; i < size.rooms; i++) {
    const floor = Math.floor(i / 10) + 1;
    const room = (i % 10) + 1;
    const roll = rng();
    const state: ResourceState =
      roll < 0.03
        ? 'OutOfOrder'
        : roll < 0.06
          ? 'OutOfService'
          : roll < 0.35
            ? 'Dirty'
            : roll < 0.8
              ? 'Clean'
              : 'Inspected';
    resources.push({
      Id: id(),
      EnterpriseId: enterpriseId,
      IsActive: true,
      Name: String(floor * 100 + room),
      ParentResourceId: null,
      State: state,
      StateReason: state === 'OutOfOrder' ? 'Maintenance' : null,
      Data: {
        Discriminator: 'Space',
        Value: { FloorNumber: String(floor), LocationNotes: null },
      },
      CreatedUtc: longAgo,
      UpdatedUtc: iso(today - int(rng, 0, 30) * DAY),
    });
  }

  const companies: SimCompany[] = Array.from({ length: size.companies }, (_, i) => ({
    Id: id(),
    Name: companyName(i),
    Number: i + 1,
    Identifier: `CID${1000 + i}`,
    TaxIdentifier: `CZ${10_000_000 + i}`,
    IsActive: true,
    CreatedUtc: longAgo,
    UpdatedUtc: iso(today - int(rng, 1, 200) * DAY),
  }));

  const customers: SimCustomer[] = [];
  const addresses: SimAddress[] = [];
  for (let i = 0; i < size.customers; i++) {
    const female = rng() < 0.5;
    const first = pick(rng, female ? FEMALE_FIRST : FIRST);
    const last = pick(rng, rng() < 0.5 ? LAST : LAST2);
    const country = pick(rng, COUNTRIES);
    let addressId: string | null = null;
    if (rng() < 0.6) {
      addressId = id();
      addresses.push({
        Id: addressId,
        Line1: `${int(rng, 1, 200)} Main Street`,
        Line2: null,
        City: pick(rng, CITIES),
        PostalCode: String(int(rng, 10000, 99999)),
        CountryCode: country,
        CountrySubdivisionCode: null,
      });
    }
    const created = today - int(rng, 30, 380) * DAY;
    customers.push({
      Id: id(),
      Number: String(1000 + i),
      Title: female ? 'Misses' : 'Mister',
      Sex: female ? 'Female' : 'Male',
      FirstName: first,
      LastName: last,
      Email: rng() < 0.9 ? `${first}.${last}.${i}@example.com`.toLowerCase() : null,
      Phone: rng() < 0.7 ? `+420 6${int(rng, 10_000_000, 99_999_999)}` : null,
      LanguageCode: LANGS[country] ?? 'en-GB',
      NationalityCode: country,
      BirthDate: `${int(rng, 1950, 2004)}-0${int(rng, 1, 9)}-1${int(rng, 0, 9)}`,
      Notes: null,
      Classifications: rng() < 0.1 ? ['Vip'] : [],
      Options: [],
      AddressId: addressId,
      CompanyId: rng() < 0.15 && companies.length > 0 ? pick(rng, companies).Id : null,
      IsActive: true,
      CreatedUtc: iso(created),
      UpdatedUtc: iso(created + int(rng, 0, 25) * DAY),
    });
  }

  const reservations: SimReservation[] = [];
  const rateId = id();
  const categoryId = id();
  for (let i = 0; i < size.reservations; i++) {
    const customer = pick(rng, customers);
    const start = today - int(rng, -90, 120) * DAY + 14 * 3_600_000;
    const end = start + int(rng, 1, 7) * DAY - 4 * 3_600_000;
    const created = start - int(rng, 1, 60) * DAY;
    let state: ReservationState;
    if (end < nowMs) state = rng() < 0.1 ? 'Canceled' : 'Processed';
    else if (start <= nowMs) state = 'Started';
    else {
      const roll = rng();
      state =
        roll < 0.1 ? 'Canceled' : roll < 0.15 ? 'Optional' : roll < 0.18 ? 'Inquired' : 'Confirmed';
    }
    const updated = Math.min(
      nowMs - 60_000,
      Math.max(created, state === 'Confirmed' ? created : start),
    );
    const started = state === 'Started' || state === 'Processed';
    const children = rng() < 0.2 ? int(rng, 1, 2) : 0;
    reservations.push({
      Id: id(),
      EnterpriseId: enterpriseId,
      ServiceId: bookable.Id,
      AccountId: customer.Id,
      AccountType: 'Customer',
      BookerId: customer.Id,
      Number: String(5000 + i),
      State: state,
      Origin: pick(rng, ['Distributor', 'Connector', 'Commander', 'ChannelManager']),
      CreatedUtc: iso(created),
      UpdatedUtc: iso(updated),
      CancelledUtc: state === 'Canceled' ? iso(updated) : null,
      RateId: rateId,
      GroupId: id(),
      RequestedResourceCategoryId: categoryId,
      AssignedResourceId: state === 'Canceled' || rng() < 0.05 ? null : pick(rng, resources).Id,
      AssignedResourceLocked: false,
      ChannelNumber: rng() < 0.4 ? `BK${int(rng, 100_000, 999_999)}` : null,
      CancellationReason: state === 'Canceled' ? 'ConfirmationMissed' : null,
      ScheduledStartUtc: iso(start),
      ActualStartUtc: started ? iso(start + int(rng, 0, 6) * 3_600_000) : null,
      ScheduledEndUtc: iso(end),
      ActualEndUtc: state === 'Processed' ? iso(end - int(rng, 0, 2) * 3_600_000) : null,
      Purpose: pick(rng, ['Leisure', 'Business', null] as const),
      PersonCounts: [
        { AgeCategoryId: adultAgeCategoryId, Count: int(rng, 1, 2) },
        ...(children ? [{ AgeCategoryId: childAgeCategoryId, Count: children }] : []),
      ],
      Options: {
        OwnerCheckedIn: started,
        AllCompanionsCheckedIn: started,
        AnyCompanionCheckedIn: started,
        ConnectorCheckIn: false,
      },
    });
  }

  return {
    enterpriseId,
    integrationId,
    adultAgeCategoryId,
    childAgeCategoryId,
    services: [bookable, additional],
    resources,
    companies,
    customers,
    addresses,
    reservations,
  };
}
