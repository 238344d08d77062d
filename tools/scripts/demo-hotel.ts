/*
 * The demo hotel in the Mews simulator: the platform seed is the source of truth, so the
 * simulator's data is exported FROM the platform database (each row's `externalId` is the Mews
 * `Id`), and the organization gets a MewsConnection to the simulator. The sync engine
 * (subgraphs/guests/src/sync/mews.mapping.ts) maps Mews back to the platform with the same rules.
 */
import { createHash } from 'node:crypto';
import type { ReservationStatus, RoomState } from '@attendant/db';
import { secretDigest, type Db, type SecretBox } from '@attendant/kit';
import type {
  ReservationState,
  ResourceState,
  SeedData,
  SimAddress,
  SimCompany,
  SimCustomer,
  SimReservation,
  SimResource,
  SimService,
} from '@attendant/mews-sim';

/** A stable uuid (version 5 layout) from the organization and a name: re-exports give the same ids. */
export function demoUuid(organizationId: string, name: string): string {
  const hex = createHash('sha1').update(`${organizationId}:${name}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** ISO-8601 UTC as the simulator writes it (`…T14:00:00Z`, milliseconds only when present). */
const utc = (date: Date): string => date.toISOString().replace('.000Z', 'Z');

export const RESOURCE_STATES: Record<RoomState, ResourceState> = {
  CLEAN: 'Clean',
  DIRTY: 'Dirty',
  INSPECTED: 'Inspected',
  OUT_OF_SERVICE: 'OutOfService',
  OUT_OF_ORDER: 'OutOfOrder',
};

export const RESERVATION_STATES: Record<ReservationStatus, ReservationState> = {
  INQUIRED: 'Inquired',
  CONFIRMED: 'Confirmed',
  CHECKED_IN: 'Started',
  CHECKED_OUT: 'Processed',
  CANCELLED: 'Canceled',
  NO_SHOW: 'Canceled',
};

/** Builds the simulator's hotel from the organization's rooms, companies, guests and stays. */
export async function exportHotelToSim(db: Db, organizationId: string): Promise<SeedData> {
  const organization = await db.organization.findUniqueOrThrow({ where: { id: organizationId } });
  const where = { organizationId, externalId: { not: null } };
  const [rooms, companies, guests, reservations] = await Promise.all([
    db.room.findMany({ where, orderBy: { number: 'asc' } }),
    db.company.findMany({ where, orderBy: [{ createdAt: 'asc' }, { name: 'asc' }] }),
    db.guest.findMany({
      where: { ...where, kind: 'HOTEL_GUEST' },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
    db.reservation.findMany({ where, orderBy: [{ arrivalAt: 'asc' }, { id: 'asc' }] }),
  ]);
  const id = (name: string) => demoUuid(organizationId, name);
  const enterpriseId = id('enterprise');
  const integrationId = id('integration');
  const adultAgeCategoryId = id('age-category:adult');
  const childAgeCategoryId = id('age-category:child');
  const since = utc(organization.createdAt);

  const services: SimService[] = [
    {
      Id: id('service:accommodation'),
      EnterpriseId: enterpriseId,
      Name: 'Accommodation',
      IsActive: true,
      Ordering: 0,
      Data: { Discriminator: 'Bookable', Value: { StartOffset: 'P0M0DT15H0M0S' } },
      CreatedUtc: since,
      UpdatedUtc: since,
    },
    {
      Id: id('service:hotel-services'),
      EnterpriseId: enterpriseId,
      Name: 'Hotel services',
      IsActive: true,
      Ordering: 1,
      Data: { Discriminator: 'Additional', Value: {} },
      CreatedUtc: since,
      UpdatedUtc: since,
    },
  ];
  const bookable = services[0]!;

  const resources: SimResource[] = rooms.map((room) => ({
    Id: room.externalId!,
    EnterpriseId: enterpriseId,
    IsActive: true,
    Name: room.number,
    ParentResourceId: null,
    State: RESOURCE_STATES[room.state],
    StateReason: room.stateReason,
    Data: {
      Discriminator: 'Space',
      Value: { FloorNumber: String(room.floor), LocationNotes: null },
    },
    CreatedUtc: utc(room.createdAt),
    UpdatedUtc: utc(room.updatedAt),
  }));
  const roomOf = new Map(rooms.map((r) => [r.id, r]));

  const simCompanies: SimCompany[] = companies.map((company, i) => ({
    Id: company.externalId!,
    Name: company.name,
    Number: i + 1,
    Identifier: null,
    TaxIdentifier: company.taxId,
    IsActive: true,
    CreatedUtc: utc(company.createdAt),
    UpdatedUtc: utc(company.updatedAt),
  }));
  const companyExternalId = new Map(companies.map((c) => [c.id, c.externalId!]));

  const addresses: SimAddress[] = [];
  const customers: SimCustomer[] = guests.map((guest, i) => {
    let addressId: string | null = null;
    if (guest.addressLine1) {
      addressId = id(`address:${guest.externalId}`);
      addresses.push({
        Id: addressId,
        Line1: guest.addressLine1,
        Line2: null,
        City: guest.city,
        PostalCode: guest.postalCode,
        CountryCode: guest.countryCode,
        CountrySubdivisionCode: null,
      });
    }
    return {
      Id: guest.externalId!,
      Number: String(1000 + i),
      Title: guest.title as SimCustomer['Title'],
      Sex: null,
      FirstName: guest.firstName || null,
      LastName: guest.lastName,
      Email: guest.email,
      Phone: guest.phone,
      LanguageCode: guest.language,
      NationalityCode: guest.nationality,
      BirthDate: guest.birthDate ? guest.birthDate.toISOString().slice(0, 10) : null,
      Notes: guest.notes,
      Classifications: [...guest.classifications].sort(),
      Options: [],
      AddressId: addressId,
      CompanyId: guest.companyId ? (companyExternalId.get(guest.companyId) ?? null) : null,
      IsActive: true,
      CreatedUtc: utc(guest.createdAt),
      UpdatedUtc: utc(guest.updatedAt),
    };
  });
  const customerId = new Map(guests.map((g) => [g.id, g.externalId!]));

  const rateId = id('rate:best-available');
  const simReservations: SimReservation[] = reservations
    .filter((r) => customerId.has(r.guestId))
    .map((r) => {
      const account = customerId.get(r.guestId)!;
      const room = r.roomId ? roomOf.get(r.roomId) : undefined;
      const started = r.status === 'CHECKED_IN' || r.status === 'CHECKED_OUT';
      const cancelled = r.status === 'CANCELLED' || r.status === 'NO_SHOW';
      return {
        Id: r.externalId!,
        EnterpriseId: enterpriseId,
        ServiceId: bookable.Id,
        AccountId: account,
        AccountType: 'Customer' as const,
        BookerId: account,
        Number: r.confirmationCode,
        State: RESERVATION_STATES[r.status],
        Origin: 'Connector',
        CreatedUtc: utc(r.createdAt),
        UpdatedUtc: utc(r.updatedAt),
        CancelledUtc: cancelled ? utc(r.updatedAt) : null,
        RateId: rateId,
        GroupId: id(`group:${r.externalId}`),
        RequestedResourceCategoryId: id(`resource-category:${room?.roomType ?? 'Standard'}`),
        AssignedResourceId: room?.externalId ?? null,
        AssignedResourceLocked: false,
        ChannelNumber: null,
        CancellationReason:
          r.status === 'NO_SHOW' ? 'NoShow' : r.status === 'CANCELLED' ? 'RequestedByGuest' : null,
        ScheduledStartUtc: utc(r.arrivalAt),
        ActualStartUtc: started ? utc(r.arrivalAt) : null,
        ScheduledEndUtc: utc(r.departureAt),
        ActualEndUtc: r.status === 'CHECKED_OUT' ? utc(r.departureAt) : null,
        Purpose: null,
        PersonCounts: [
          { AgeCategoryId: adultAgeCategoryId, Count: r.adults },
          ...(r.children > 0 ? [{ AgeCategoryId: childAgeCategoryId, Count: r.children }] : []),
        ],
        Options: {
          OwnerCheckedIn: started,
          AllCompanionsCheckedIn: started,
          AnyCompanionCheckedIn: started,
          ConnectorCheckIn: false,
        },
      };
    });

  return {
    enterpriseId,
    integrationId,
    adultAgeCategoryId,
    childAgeCategoryId,
    services,
    resources,
    companies: simCompanies,
    customers,
    addresses,
    reservations: simReservations,
  };
}

export interface DemoConnectionOptions {
  organizationId: string;
  baseUrl: string;
  webSocketUrl: string;
  clientToken: string;
  accessToken: string;
  webhookSecret: string;
  /** Seals the tokens and the webhook secret (the subgraphs' key: DATA_ENCRYPTION_KEY or the signing secret). */
  box: SecretBox;
  /** The simulator's hotel (from {@link exportHotelToSim}): enterprise and service ids. */
  snapshot: SeedData;
  now?: Date;
}

/** Connects the organization to the simulator (creates or replaces its MewsConnection). */
export async function connectDemoHotel(db: Db, options: DemoConnectionOptions) {
  const { organizationId, snapshot, box } = options;
  const now = options.now ?? new Date();
  const serviceOf = (kind: 'Bookable' | 'Additional') =>
    snapshot.services.find((s) => s.IsActive && s.Data.Discriminator === kind)?.Id ?? null;
  const data = {
    baseUrl: options.baseUrl,
    webSocketUrl: options.webSocketUrl,
    clientTokenEnc: box.seal(options.clientToken),
    accessTokenEnc: box.seal(options.accessToken),
    accessTokenHint: options.accessToken.slice(-4),
    webhookSecretHash: secretDigest(options.webhookSecret),
    webhookSecretEnc: box.seal(options.webhookSecret),
    enterpriseId: snapshot.enterpriseId,
    bookableServiceId: serviceOf('Bookable'),
    chargeServiceId: serviceOf('Additional'),
    currency: 'EUR',
    status: 'CONNECTED' as const,
    lastError: null,
    lastErrorAt: null,
    importedAt: now,
    pollWatermark: now,
    pollIntervalSeconds: 30,
  };
  return db.mewsConnection.upsert({
    where: { organizationId },
    create: { organizationId, ...data },
    update: data,
  });
}

/**
 * Points an existing connection to the simulator at its current address (the port may change
 * between starts). Connections to anything but a local simulator are left alone.
 */
export async function moveDemoConnection(
  db: Db,
  options: { organizationId: string; baseUrl: string; webSocketUrl: string },
): Promise<boolean> {
  const connection = await db.mewsConnection.findUnique({
    where: { organizationId: options.organizationId },
  });
  if (!connection || !/^http:\/\/(127\.0\.0\.1|localhost):\d+\/?$/.test(connection.baseUrl))
    return false;
  if (connection.baseUrl === options.baseUrl && connection.webSocketUrl === options.webSocketUrl)
    return false;
  await db.mewsConnection.update({
    where: { organizationId: options.organizationId },
    data: { baseUrl: options.baseUrl, webSocketUrl: options.webSocketUrl },
  });
  return true;
}
