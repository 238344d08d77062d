import { createDb, SecretBox, secretDigest, type Db } from '@attendant/kit';
import { startMewsSim, type MewsSim, type SeedData } from '@attendant/mews-sim';
import { seed } from '@attendant/seed';
import { createTestDatabase, type TestDatabase } from '@attendant/testing';
import {
  connectDemoHotel,
  exportHotelToSim,
  moveDemoConnection,
  RESERVATION_STATES,
  RESOURCE_STATES,
} from './demo-hotel';

const NOW = new Date('2026-03-18T14:30:00.000Z');
const utc = (d: Date) => d.toISOString().replace('.000Z', 'Z');

describe('demo hotel export to the Mews simulator', () => {
  let database: TestDatabase;
  let db: Db;
  let hotel: string;
  let data: SeedData;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url, 4);
    hotel = (await seed(db, { now: NOW })).hotelOrganizationId;
    data = await exportHotelToSim(db, hotel);
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  it('should give every Aurora room, company, hotel guest and reservation a Mews id when seeding', async () => {
    const where = { organizationId: hotel, externalId: null };
    expect(await db.room.count({ where })).toBe(0);
    expect(await db.company.count({ where })).toBe(0);
    expect(await db.guest.count({ where: { ...where, kind: 'HOTEL_GUEST' } })).toBe(0);
    expect(await db.reservation.count({ where })).toBe(0);
    const guests = await db.guest.findMany({ where: { organizationId: hotel } });
    const vips = guests.filter((g) => g.classifications.includes('Vip'));
    expect(vips.length).toBeGreaterThanOrEqual(20);
    expect(vips.length).toBeLessThanOrEqual(40);
    expect(guests.every((g) => g.vip === g.classifications.includes('Vip'))).toBe(true);
    const withAddress = guests.filter((g) => g.addressLine1 && g.city && g.countryCode);
    expect(withAddress.length / guests.length).toBeGreaterThan(0.45);
    expect(withAddress.length / guests.length).toBeLessThan(0.75);
    expect(withAddress.every((g) => g.countryCode === g.nationality && g.postalCode)).toBe(true);
    const withPreferences = guests.filter((g) => g.preferences.length > 0);
    expect(withPreferences.length / guests.length).toBeGreaterThan(0.2);
    expect(withPreferences.length / guests.length).toBeLessThan(0.4);
  });

  it('should map every room to a resource with its state, floor and Mews id when exporting', async () => {
    const rooms = await db.room.findMany({ where: { organizationId: hotel } });
    expect(data.resources).toHaveLength(rooms.length);
    for (const room of rooms) {
      expect(data.resources.find((r) => r.Id === room.externalId)).toEqual({
        Id: room.externalId,
        EnterpriseId: data.enterpriseId,
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
      });
    }
    expect(new Set(data.resources.map((r) => r.State)).size).toBeGreaterThanOrEqual(4);
  });

  it('should map every guest with a reservation to a customer with its profile and address when exporting', async () => {
    const guests = await db.guest.findMany({
      where: { organizationId: hotel, kind: 'HOTEL_GUEST', reservations: { some: {} } },
      include: { company: true },
    });
    expect(guests).toHaveLength(300);
    expect(data.customers).toHaveLength(300);
    for (const guest of guests) {
      const customer = data.customers.find((c) => c.Id === guest.externalId)!;
      expect(customer).toMatchObject({
        FirstName: guest.firstName || null,
        LastName: guest.lastName,
        Email: guest.email,
        Phone: guest.phone,
        LanguageCode: guest.language,
        NationalityCode: guest.nationality,
        BirthDate: guest.birthDate?.toISOString().slice(0, 10) ?? null,
        Notes: guest.notes,
        Title: guest.title,
        Classifications: [...guest.classifications].sort(),
        CompanyId: guest.company?.externalId ?? null,
        IsActive: true,
        CreatedUtc: utc(guest.createdAt),
        UpdatedUtc: utc(guest.updatedAt),
      });
      const address = data.addresses.find((a) => a.Id === customer.AddressId);
      if (guest.addressLine1) {
        expect(address).toMatchObject({
          Line1: guest.addressLine1,
          City: guest.city,
          PostalCode: guest.postalCode,
          CountryCode: guest.countryCode,
        });
      } else {
        expect(customer.AddressId).toBeNull();
      }
    }
    const companies = await db.company.findMany({ where: { organizationId: hotel } });
    expect(data.companies.map((c) => [c.Id, c.Name, c.TaxIdentifier]).sort()).toEqual(
      companies.map((c) => [c.externalId, c.name, c.taxId]).sort(),
    );
  });

  it('should map every reservation with its state, times, room and guests when exporting', async () => {
    const reservations = await db.reservation.findMany({
      where: { organizationId: hotel },
      include: { guest: true, room: true },
    });
    expect(data.reservations).toHaveLength(reservations.length);
    const bookable = data.services.find((s) => s.Data.Discriminator === 'Bookable')!;
    for (const r of reservations) {
      const mews = data.reservations.find((x) => x.Id === r.externalId)!;
      const started = r.status === 'CHECKED_IN' || r.status === 'CHECKED_OUT';
      expect(mews).toMatchObject({
        Number: r.confirmationCode,
        AccountId: r.guest.externalId,
        AccountType: 'Customer',
        BookerId: r.guest.externalId,
        ServiceId: bookable.Id,
        State: RESERVATION_STATES[r.status],
        CancellationReason:
          r.status === 'NO_SHOW' ? 'NoShow' : r.status === 'CANCELLED' ? expect.any(String) : null,
        CancelledUtc: ['CANCELLED', 'NO_SHOW'].includes(r.status) ? utc(r.updatedAt) : null,
        ScheduledStartUtc: utc(r.arrivalAt),
        ScheduledEndUtc: utc(r.departureAt),
        ActualStartUtc: started ? utc(r.arrivalAt) : null,
        ActualEndUtc: r.status === 'CHECKED_OUT' ? utc(r.departureAt) : null,
        AssignedResourceId: r.room?.externalId ?? null,
        Origin: 'Connector',
        CreatedUtc: utc(r.createdAt),
        UpdatedUtc: utc(r.updatedAt),
        PersonCounts: [
          { AgeCategoryId: data.adultAgeCategoryId, Count: r.adults },
          ...(r.children > 0
            ? [{ AgeCategoryId: data.childAgeCategoryId, Count: r.children }]
            : []),
        ],
        Options: {
          OwnerCheckedIn: started,
          AllCompanionsCheckedIn: started,
          AnyCompanionCheckedIn: started,
          ConnectorCheckIn: false,
        },
      });
    }
  });

  it('should give the same ids when exporting again', async () => {
    const again = await exportHotelToSim(db, hotel);
    expect(again).toEqual(data);
    expect(data.services.map((s) => [s.Name, s.Data.Discriminator])).toEqual([
      ['Accommodation', 'Bookable'],
      ['Hotel services', 'Additional'],
    ]);
    expect(data.enterpriseId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-/);
  });

  describe('loaded into the simulator', () => {
    let sim: MewsSim;
    beforeAll(async () => {
      sim = await startMewsSim({ initialState: data });
    });
    afterAll(() => sim.stop());

    const api = async (op: string, body: Record<string, unknown>) => {
      const res = await fetch(`${sim.url}/api/connector/v1/${op}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...sim.tokens, Client: 'demo-hotel-spec 1.0', ...body }),
      });
      expect(res.status).toBe(200);
      return (await res.json()) as Record<string, any>;
    };

    it('should return every exported reservation through reservations/getAll', async () => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await api('reservations/getAll/2023-06-06', {
          EnterpriseIds: [data.enterpriseId],
          Limitation: { Count: 150, ...(cursor ? { Cursor: cursor } : {}) },
        });
        ids.push(...page['Reservations'].map((r: { Id: string }) => r.Id));
        cursor = page['Reservations'].length < 150 ? null : page['Cursor'];
      } while (cursor);
      expect(ids.sort()).toEqual(data.reservations.map((r) => r.Id).sort());
      const first = data.reservations[0]!;
      const one = await api('reservations/getAll/2023-06-06', {
        ReservationIds: [first.Id],
        Limitation: { Count: 1 },
      });
      expect(one['Reservations']).toEqual([first]);
    });

    it('should return the customers with their addresses and the rooms', async () => {
      const withAddress = data.customers.find((c) => c.AddressId)!;
      const customers = await api('customers/getAll', {
        CustomerIds: [withAddress.Id],
        Extent: { Customers: true, Addresses: true },
        Limitation: { Count: 10 },
      });
      expect(customers['Customers']).toEqual([withAddress]);
      expect(customers['Addresses']).toEqual([
        data.addresses.find((a) => a.Id === withAddress.AddressId),
      ]);
      const resources = await api('resources/getAll', {
        Extent: { Resources: true },
        Limitation: { Count: 1000 },
      });
      expect(resources['Resources']).toHaveLength(60);
    });
  });

  it('should connect the hotel to the simulator with sealed tokens and move it when the port changes', async () => {
    const box = new SecretBox('a'.repeat(40));
    const connection = await connectDemoHotel(db, {
      organizationId: hotel,
      baseUrl: 'http://127.0.0.1:4010',
      webSocketUrl: 'ws://127.0.0.1:4010',
      clientToken: 'client-token-1234',
      accessToken: 'access-token-9876',
      webhookSecret: 'hook-secret',
      box,
      snapshot: data,
      now: NOW,
    });
    expect(connection).toMatchObject({
      organizationId: hotel,
      baseUrl: 'http://127.0.0.1:4010',
      accessTokenHint: '9876',
      webhookSecretHash: secretDigest('hook-secret'),
      enterpriseId: data.enterpriseId,
      bookableServiceId: data.services[0]!.Id,
      chargeServiceId: data.services[1]!.Id,
      currency: 'EUR',
      status: 'CONNECTED',
      importedAt: NOW,
      pollWatermark: NOW,
      pollIntervalSeconds: 30,
    });
    expect(box.open(connection.clientTokenEnc)).toBe('client-token-1234');
    expect(box.open(connection.accessTokenEnc)).toBe('access-token-9876');
    expect(box.open(connection.webhookSecretEnc)).toBe('hook-secret');

    const move = { organizationId: hotel, webSocketUrl: 'ws://127.0.0.1:4999' };
    expect(await moveDemoConnection(db, { ...move, baseUrl: 'http://127.0.0.1:4999' })).toBe(true);
    expect(await moveDemoConnection(db, { ...move, baseUrl: 'http://127.0.0.1:4999' })).toBe(false);
    const moved = await db.mewsConnection.findUnique({ where: { organizationId: hotel } });
    expect([moved?.baseUrl, moved?.webSocketUrl]).toEqual([
      'http://127.0.0.1:4999',
      'ws://127.0.0.1:4999',
    ]);
    await db.mewsConnection.update({
      where: { organizationId: hotel },
      data: { baseUrl: 'https://api.mews-demo.com' },
    });
    expect(await moveDemoConnection(db, { ...move, baseUrl: 'http://127.0.0.1:4010' })).toBe(false);
  });
});
