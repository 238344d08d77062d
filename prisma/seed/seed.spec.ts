import { WorkOrderStatus } from '@attendant/db';
import { createDb, verifyPassword, type Db } from '@attendant/kit';
import { createTestDatabase, type TestDatabase } from '@attendant/testing';
import { DEMO_LOGINS, DEMO_PASSWORD } from './demo-logins';
import { isSeeded, seed, type SeedSummary } from './index';

// A fixed clock between the US (8 March) and EU (29 March) daylight-saving switches.
const NOW = new Date('2026-03-18T14:30:00.000Z');

describe('demo seed', () => {
  let database: TestDatabase;
  let db: Db;
  let summary: SeedSummary;
  let seededBefore: boolean;
  let durationMs: number;
  let hotel: string;
  let field: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url, 4);
    seededBefore = await isSeeded(db);
    const started = performance.now();
    summary = await seed(db, { now: NOW });
    durationMs = Math.round(performance.now() - started);
    console.log(`demo seed: ${durationMs} ms`, summary.counts);
    hotel = summary.hotelOrganizationId;
    field = summary.fieldOrganizationId;
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  it('should finish within 15 seconds when seeding an empty database', () => {
    expect(durationMs).toBeLessThan(15_000);
  });

  it('should create both organizations when seeding', async () => {
    const orgs = await db.organization.findMany({ orderBy: { slug: 'asc' } });
    expect(orgs.map((o) => [o.slug, o.kind, o.timezone, o.currency])).toEqual([
      ['aurora', 'HOTEL', 'Europe/Prague', 'EUR'],
      ['northwind', 'FIELD_SERVICE', 'America/Chicago', 'USD'],
    ]);
    expect(orgs.map((o) => o.id).sort()).toEqual([hotel, field].sort());
  });

  it('should create 60 rooms on floors 1 to 6 when seeding the hotel', async () => {
    const rooms = await db.room.findMany({ where: { organizationId: hotel } });
    expect(rooms).toHaveLength(60);
    expect(new Set(rooms.map((r) => r.floor))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    expect(new Set(rooms.map((r) => r.roomType))).toEqual(
      new Set(['Standard', 'Superior', 'Deluxe', 'Suite']),
    );
    expect(rooms.map((r) => r.number)).toContain('101');
  });

  it('should spread 400 reservations of 300 guests over past, in house and future when seeding the hotel', async () => {
    expect(await db.guest.count({ where: { organizationId: hotel, kind: 'HOTEL_GUEST' } })).toBe(
      300,
    );
    const reservations = await db.reservation.findMany({ where: { organizationId: hotel } });
    expect(reservations).toHaveLength(400);
    const past = reservations.filter((r) => r.departureAt <= NOW);
    const current = reservations.filter((r) => r.arrivalAt <= NOW && r.departureAt > NOW);
    const future = reservations.filter((r) => r.arrivalAt > NOW);
    expect(past.length).toBeGreaterThan(50);
    expect(current.length).toBeGreaterThan(20);
    expect(future.length).toBeGreaterThan(50);
    expect(
      past.every((r) => ['CHECKED_OUT', 'CANCELLED', 'NO_SHOW'].includes(r.status) && r.roomId),
    ).toBe(true);
    expect(current.every((r) => r.status === 'CHECKED_IN' && r.roomId)).toBe(true);
    expect(future.every((r) => ['CONFIRMED', 'INQUIRED'].includes(r.status))).toBe(true);
    expect(new Set(reservations.map((r) => r.confirmationCode)).size).toBe(400);
    expect(reservations.every((r) => r.totalMinor > 0 && r.currency === 'EUR')).toBe(true);
  });

  it('should never overlap two stays in one room when seeding reservations', async () => {
    const reservations = await db.reservation.findMany({
      where: { organizationId: hotel, roomId: { not: null } },
      orderBy: [{ roomId: 'asc' }, { arrivalAt: 'asc' }],
    });
    const overlaps = reservations.filter((r, i) => {
      const previous = reservations[i - 1];
      return previous?.roomId === r.roomId && previous.departureAt > r.arrivalAt;
    });
    expect(overlaps).toEqual([]);
  });

  it('should give every one of the 15 technicians at least one skill when seeding field service', async () => {
    const technicians = await db.technician.findMany({
      where: { organizationId: field },
      include: { skills: true },
    });
    expect(technicians).toHaveLength(15);
    expect(technicians.every((t) => t.skills.length >= 1 && t.skills.length <= 4)).toBe(true);
    expect(
      technicians.every((t) => t.homeLat !== null && t.homeLng !== null && t.homeAddress),
    ).toBe(true);
    const skills = await db.skill.findMany({ where: { organizationId: field } });
    expect(skills.map((s) => s.name).sort()).toEqual([
      'Appliance repair',
      'Carpentry',
      'Electrical',
      'Gas safety',
      'HVAC',
      'Plumbing',
      'Roofing',
    ]);
    const techUser = await db.user.findFirst({
      where: { organizationId: field, email: 'tech@northwind.demo' },
    });
    expect(technicians.find((t) => t.userId === techUser?.id)).toBeDefined();
  });

  it('should give each of the 200 customers a geocoded site near Austin when seeding field service', async () => {
    const customers = await db.guest.findMany({
      where: { organizationId: field, kind: 'CUSTOMER' },
      include: { sites: true },
    });
    expect(customers).toHaveLength(200);
    expect(customers.every((c) => c.sites.length >= 1)).toBe(true);
    const sites = customers.flatMap((c) => c.sites);
    const km = (lat: number, lng: number) => Math.hypot((lat - 30.27) * 111, (lng + 97.74) * 96);
    expect(sites.every((s) => s.country === 'US' && km(s.lat, s.lng) < 40)).toBe(true);
  });

  it('should cover every work order status with consistent fields when seeding 300 field jobs', async () => {
    const jobs = await db.workOrder.findMany({ where: { organizationId: field } });
    expect(jobs).toHaveLength(300);
    expect(
      jobs.every((j) => j.kind === 'FIELD_JOB' && j.guestId && j.siteId && j.currency === 'USD'),
    ).toBe(true);
    expect(new Set(jobs.map((j) => j.status))).toEqual(new Set(Object.values(WorkOrderStatus)));
    const assigned = jobs.filter((j) => !['NEW', 'CANCELLED'].includes(j.status));
    expect(assigned.every((j) => j.technicianId && j.scheduledStart && j.scheduledEnd)).toBe(true);
    expect(
      jobs.filter((j) => j.status === 'NEW').every((j) => !j.technicianId && !j.scheduledStart),
    ).toBe(true);
    const completed = jobs.filter((j) => j.status === 'COMPLETED');
    expect(completed.every((j) => j.startedAt && j.completedAt && j.completedAt <= NOW)).toBe(true);
    expect(jobs.filter((j) => j.status === 'SCHEDULED').every((j) => j.scheduledStart! > NOW)).toBe(
      true,
    );
    const today = jobs.filter((j) => ['EN_ROUTE', 'ARRIVED', 'IN_PROGRESS'].includes(j.status));
    expect(
      today.every((j) => Math.abs(j.scheduledStart!.getTime() - NOW.getTime()) < 3 * 3_600_000),
    ).toBe(true);
    expect(new Set(today.map((j) => j.technicianId)).size).toBe(today.length);
    const held = jobs.filter((j) => j.status === 'ON_HOLD' || j.status === 'CANCELLED');
    expect(held.every((j) => j.statusReason)).toBe(true);
    expect(jobs.filter((j) => j.status === 'CANCELLED').every((j) => j.cancelledAt)).toBe(true);
    expect(jobs.some((j) => j.priority === 'EMERGENCY')).toBe(true);
    expect(jobs.map((j) => j.number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 300 }, (_, i) => i + 1),
    );
    const counter = await db.workOrderCounter.findFirst({ where: { organizationId: field } });
    expect(counter?.last).toBe(300);
  });

  it('should link hotel work orders to rooms and technicians when seeding the hotel', async () => {
    const jobs = await db.workOrder.findMany({ where: { organizationId: hotel } });
    expect(jobs.length).toBeGreaterThanOrEqual(50);
    expect(jobs.every((j) => j.kind === 'HOTEL_SERVICE' && j.roomId)).toBe(true);
    expect(jobs.some((j) => j.reservationId && j.guestId)).toBe(true);
    expect(await db.technician.count({ where: { organizationId: hotel } })).toBe(4);
    const counter = await db.workOrderCounter.findFirst({ where: { organizationId: hotel } });
    expect(counter?.last).toBe(jobs.length);
  });

  it('should make invoice totals equal the sum of their lines when seeding finance', async () => {
    for (const organizationId of [hotel, field]) {
      const invoices = await db.invoice.findMany({
        where: { organizationId },
        include: { lines: true, payments: true },
      });
      expect(invoices.length).toBeGreaterThan(90);
      for (const invoice of invoices) {
        const sum = (f: (l: (typeof invoice.lines)[number]) => number) =>
          invoice.lines.reduce((s, l) => s + f(l), 0);
        expect(invoice.lines.every((l) => l.netMinor === l.quantity * l.unitPriceMinor)).toBe(true);
        expect(
          invoice.lines.every(
            (l) => l.taxMinor === Math.round((l.netMinor * l.taxRateBps) / 10_000),
          ),
        ).toBe(true);
        expect([invoice.subtotalMinor, invoice.taxMinor, invoice.totalMinor]).toEqual([
          sum((l) => l.netMinor),
          sum((l) => l.taxMinor),
          sum((l) => l.totalMinor),
        ]);
        const paid = invoice.payments
          .filter((p) => p.status === 'SUCCEEDED')
          .reduce((s, p) => s + p.amountMinor, 0);
        expect(invoice.paidMinor).toBe(paid);
      }
      expect(invoices.every((i) => /^(NW|AUR)-\d{4}-\d{5}$/.test(i.number))).toBe(true);
    }
  });

  it('should record 14 days of utilization per technician when seeding analytics', async () => {
    const snapshots = await db.metricSnapshot.findMany({
      where: { organizationId: field, metric: 'technician.utilization' },
    });
    expect(snapshots).toHaveLength(15 * 14);
    expect(
      snapshots.every(
        (s) => s.value >= 0.4 && s.value <= 0.95 && s.periodStart.getUTCHours() === 0,
      ),
    ).toBe(true);
    const facts = await db.workOrderFact.count({ where: { organizationId: field } });
    expect(facts).toBe(300);
    expect(summary.counts['healthScore']).toBe(150);
    expect(summary.counts['message']).toBeGreaterThan(300);
  });

  it('should let every demo login sign in with the demo password when seeding users', async () => {
    for (const login of DEMO_LOGINS) {
      const organizationId = login.organization === 'hotel' ? hotel : field;
      const user = await db.user.findFirst({ where: { organizationId, email: login.email } });
      expect(user?.roles).toEqual(login.roles);
      expect(user?.active).toBe(true);
      expect(await verifyPassword(DEMO_PASSWORD, user!.passwordHash)).toBe(true);
    }
  });

  it('should report seeded when the seed has run', async () => {
    expect(seededBefore).toBe(false);
    expect(await isSeeded(db)).toBe(true);
  });

  it('should throw when seeding a database that is already seeded', async () => {
    await expect(seed(db, { now: NOW })).rejects.toThrow(/already/);
  });
});
