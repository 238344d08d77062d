import { WorkOrderStatus, type WorkOrder } from '@attendant/db';
import { createDb, verifyPassword, type Db } from '@attendant/kit';
import { createTestDatabase, type TestDatabase } from '@attendant/testing';
import { DateTime } from 'luxon';
import { DEMO_LOGINS, DEMO_PASSWORD } from './demo-logins';
import { generateOrganizations, isSeeded, seed, type SeedSummary } from './index';
import { distanceKm } from './operations';

// A fixed clock between the US (8 March) and EU (29 March) daylight-saving switches.
const NOW = new Date('2026-03-18T14:30:00.000Z');
const ZONE = { hotel: 'Europe/Prague', field: 'America/Chicago' };
const OPEN_BOOKINGS: WorkOrderStatus[] = ['SCHEDULED', 'DISPATCHED'];
const RESPONDED: WorkOrderStatus[] = [
  'DISPATCHED',
  'EN_ROUTE',
  'ARRIVED',
  'IN_PROGRESS',
  'ON_HOLD',
  'COMPLETED',
];
const FORCED = /^Booked over another job/;

type Booking = Pick<WorkOrder, 'scheduledStart' | 'scheduledEnd'>;
const overlap = (a: Booking, b: Booking) =>
  a.scheduledStart! < b.scheduledEnd! && b.scheduledStart! < a.scheduledEnd!;
const local = (date: Date, zone: string) => DateTime.fromJSDate(date, { zone });

/** Booked jobs of a shift-bound technician that break the shift, work days or each other. */
function bookingProblems(
  technicians: { id: string; shiftStartMin: number; shiftEndMin: number; workDays: number[] }[],
  jobs: (Booking & Pick<WorkOrder, 'number' | 'technicianId' | 'statusReason' | 'status'>)[],
  zone: string,
): string[] {
  const problems: string[] = [];
  for (const t of technicians) {
    const mine = jobs
      .filter((j) => j.technicianId === t.id && OPEN_BOOKINGS.includes(j.status))
      .sort((a, b) => a.scheduledStart!.getTime() - b.scheduledStart!.getTime());
    mine.forEach((j, i) => {
      const start = local(j.scheduledStart!, zone);
      const end = local(j.scheduledEnd!, zone);
      if (!t.workDays.includes(start.weekday)) problems.push(`WO-${j.number} on a day off`);
      if (start.hour * 60 + start.minute < t.shiftStartMin || !end.hasSame(start, 'day'))
        problems.push(`WO-${j.number} before the shift`);
      if (end.hour * 60 + end.minute > t.shiftEndMin)
        problems.push(`WO-${j.number} after the shift`);
      const clash = mine.slice(0, i).find((other) => overlap(other, j));
      if (clash && !FORCED.test(j.statusReason ?? '') && !FORCED.test(clash.statusReason ?? ''))
        problems.push(`WO-${clash.number} and WO-${j.number} overlap`);
    });
  }
  return problems;
}

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
  const both = async <T>(query: (organizationId: string) => Promise<T[]>) =>
    (await Promise.all([hotel, field].map(query))).flat();
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
    expect(
      assigned.every((j) => (j.technicianId || j.vendorId) && j.scheduledStart && j.scheduledEnd),
    ).toBe(true);
    expect(jobs.every((j) => !(j.technicianId && j.vendorId))).toBe(true);
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

  it('should seed rows of every operations model when seeding', () => {
    const models = [
      'team',
      'technicianCertification',
      'technicianTimeOff',
      'serviceType',
      'serviceTypeSkill',
      'slaPolicy',
      'vendor',
      'vendorOffer',
      'vendorAvailability',
      'workOrderChecklistItem',
      'workOrderNote',
      'maintenancePlan',
      'automationRule',
      'staffTask',
      'siteProjection',
      'roomProjection',
      'reservationProjection',
      'technicianPosition',
    ] as const;
    expect(models.filter((m) => !(summary.counts[m] > 0))).toEqual([]);
  });

  it('should give every work order a type whose required skills its technician and the team have when seeding', async () => {
    for (const organizationId of [hotel, field]) {
      const types = await db.serviceType.findMany({
        where: { organizationId },
        include: { requiredSkills: true },
      });
      const levels = await db.technicianSkill.findMany({
        where: { technician: { organizationId } },
      });
      const jobs = await db.workOrder.findMany({ where: { organizationId } });
      const has = (technicianId: string | null, skillId: string, minLevel: number) =>
        levels.some(
          (l) =>
            (technicianId === null || l.technicianId === technicianId) &&
            l.skillId === skillId &&
            l.level >= minLevel,
        );
      const problems = jobs.flatMap((j) => {
        const type = types.find((t) => t.id === j.serviceTypeId);
        if (!type) return [`WO-${j.number} has no type`];
        return type.requiredSkills
          .filter(
            (r) =>
              !has(null, r.skillId, r.minLevel) ||
              (j.technicianId && !has(j.technicianId, r.skillId, r.minLevel)),
          )
          .map(() => `WO-${j.number} (${type.name}) lacks a qualified technician`);
      });
      expect(problems).toEqual([]);
      expect(types.every((t) => t.checklist.length >= 2 && t.defaultMinutes > 0)).toBe(true);
    }
    const gas = await db.serviceType.findFirst({
      where: { organizationId: field, name: 'Gas safety inspection' },
      include: { requiredSkills: { include: { skill: true } } },
    });
    expect(gas?.requiredSkills.map((r) => [r.skill.name, r.minLevel])).toEqual([['Gas safety', 2]]);
  });

  it('should copy the type checklist onto each work order, ticked as far as the job got, when seeding', async () => {
    for (const organizationId of [hotel, field]) {
      const jobs = await db.workOrder.findMany({
        where: { organizationId },
        include: { checklist: { orderBy: { position: 'asc' } }, serviceType: true },
      });
      for (const j of jobs) {
        expect(j.checklist.map((c) => c.label)).toEqual(j.serviceType!.checklist);
        const done = j.checklist.filter((c) => c.done && c.doneAt);
        if (j.status === 'COMPLETED') expect(done).toHaveLength(j.checklist.length);
        else if (j.status === 'IN_PROGRESS') {
          expect(done.length).toBeGreaterThan(0);
          expect(done.length).toBeLessThan(j.checklist.length);
        } else if (!['ON_HOLD'].includes(j.status)) expect(done).toHaveLength(0);
        expect(done.every((c) => c.doneAt! <= NOW && c.doneAt! >= j.createdAt)).toBe(true);
      }
    }
  });

  it('should book open jobs on working days inside shifts, double booking only the forced one, when seeding', async () => {
    for (const [organizationId, zone] of [
      [hotel, ZONE.hotel],
      [field, ZONE.field],
    ] as const) {
      const technicians = await db.technician.findMany({ where: { organizationId } });
      const jobs = await db.workOrder.findMany({ where: { organizationId } });
      expect(bookingProblems(technicians, jobs, zone)).toEqual([]);
    }
    const forced = await db.workOrder.findMany({
      where: { organizationId: field, statusReason: { startsWith: 'Booked over' } },
    });
    expect(forced).toHaveLength(1);
    const others = await db.workOrder.findMany({
      where: { organizationId: field, technicianId: forced[0]!.technicianId, status: 'SCHEDULED' },
    });
    expect(others.filter((o) => o.id !== forced[0]!.id && overlap(o, forced[0]!))).toHaveLength(1);
    expect(
      await db.workOrderNote.count({
        where: { organizationId: field, workOrderId: forced[0]!.id },
      }),
    ).toBe(1);
    // The hotel's staged conflict: housekeeping booked into a room that is out of order.
    const outOfOrder = await db.roomProjection.findMany({
      where: { organizationId: hotel, state: 'OUT_OF_ORDER' },
    });
    const inBlockedRooms = await db.workOrder.findMany({
      where: {
        organizationId: hotel,
        status: 'SCHEDULED',
        roomId: { in: outOfOrder.map((r) => r.roomId) },
      },
      include: { serviceType: true },
    });
    expect(inBlockedRooms.map((w) => w.serviceType?.name)).toContain('Housekeeping request');
  });

  it('should keep time off clear of the same technician’s booked jobs when seeding', async () => {
    const timeOff = await both((organizationId) =>
      db.technicianTimeOff.findMany({ where: { organizationId } }),
    );
    const jobs = await both((organizationId) =>
      db.workOrder.findMany({
        where: {
          organizationId,
          technicianId: { in: timeOff.map((t) => t.technicianId) },
          status: { notIn: ['NEW', 'CANCELLED'] },
        },
      }),
    );
    const clashes = timeOff.flatMap((off) =>
      jobs
        .filter(
          (j) =>
            j.technicianId === off.technicianId &&
            overlap(j, { scheduledStart: off.startsAt, scheduledEnd: off.endsAt }),
        )
        .map((j) => `WO-${j.number} during ${off.reason}`),
    );
    expect(clashes).toEqual([]);
    const hours = (org: string) =>
      timeOff
        .filter((t) => t.organizationId === org)
        .map((t) => (t.endsAt.getTime() - t.startsAt.getTime()) / 3_600_000)
        .sort((a, b) => a - b);
    expect(hours(field)).toEqual([4, 24]);
    expect(hours(hotel)).toEqual([24]);
    const tomorrow = local(NOW, ZONE.field).plus({ days: 1 }).startOf('day');
    expect(timeOff.some((t) => t.startsAt.getTime() === tomorrow.toMillis())).toBe(true);
  });

  it('should put every technician in a team with work days and flag lapsed and expiring certificates when seeding', async () => {
    const technicians = await both((organizationId) =>
      db.technician.findMany({ where: { organizationId }, include: { team: true } }),
    );
    expect(technicians.every((t) => t.team?.organizationId === t.organizationId)).toBe(true);
    expect(new Set(technicians.map((t) => t.team!.name))).toEqual(
      new Set(['North crew', 'South crew', 'Maintenance', 'Housekeeping']),
    );
    const crew = technicians.filter((t) => t.organizationId === field);
    expect(crew.filter((t) => t.workDays.join() === '2,3,4,5,6')).toHaveLength(2);
    expect(crew.filter((t) => t.workDays.join() === '1,2,3,4,5')).toHaveLength(13);
    expect(crew.every((t) => t.vehicleCapacity! >= 200 && t.vehicleCapacity! <= 400)).toBe(true);
    const today = local(NOW, ZONE.field).toISODate()!;
    const certificates = await db.technicianCertification.findMany({
      where: { organizationId: field },
    });
    const expires = (c: (typeof certificates)[number]) => c.expiresOn!.toISOString().slice(0, 10);
    expect(certificates.filter((c) => expires(c) < today)).toHaveLength(1);
    const soon = local(NOW, ZONE.field).plus({ days: 30 }).toISODate()!;
    expect(certificates.filter((c) => expires(c) >= today && expires(c) <= soon).length).toBe(1);
  });

  it('should stamp the SLA policy, response target and response on work orders when seeding', async () => {
    for (const organizationId of [hotel, field]) {
      const policies = await db.slaPolicy.findMany({ where: { organizationId } });
      const jobs = await db.workOrder.findMany({
        where: { organizationId },
        include: { serviceType: true },
      });
      for (const j of jobs) {
        const policy = policies.find((p) => p.id === j.slaPolicyId)!;
        expect(policy.serviceTypeId === null || policy.serviceTypeId === j.serviceTypeId).toBe(
          true,
        );
        expect(policy.priority === null || policy.priority === j.priority).toBe(true);
        expect(j.responseDueAt!.getTime() - j.createdAt.getTime()).toBe(
          policy.responseMinutes * 60_000,
        );
        expect(Boolean(j.respondedAt)).toBe(RESPONDED.includes(j.status));
        if (j.respondedAt) expect(j.respondedAt >= j.createdAt && j.respondedAt <= NOW).toBe(true);
        if (j.serviceType!.name === 'Gas safety inspection') expect(policy.name).toBe('Gas safety');
      }
    }
    const emergency = await db.slaPolicy.findFirst({
      where: { organizationId: hotel, priority: 'EMERGENCY' },
    });
    expect([emergency?.responseMinutes, emergency?.resolutionMinutes]).toEqual([15, 60]);
  });

  it('should give about 15 past field jobs to vendors in their area, some late, rated, two reworked, when seeding', async () => {
    const vendors = await db.vendor.findMany({
      where: { organizationId: field },
      include: { offers: true, availability: true },
    });
    expect(vendors).toHaveLength(4);
    expect(vendors.every((v) => v.offers.length > 0 && v.availability.length > 0)).toBe(true);
    const sites = await db.siteProjection.findMany({ where: { organizationId: field } });
    const jobs = await db.workOrder.findMany({
      where: { organizationId: field, vendorId: { not: null } },
    });
    expect(jobs.length).toBeGreaterThanOrEqual(12);
    expect(jobs.length).toBeLessThanOrEqual(18);
    for (const j of jobs) {
      const vendor = vendors.find((v) => v.id === j.vendorId)!;
      const site = sites.find((s) => s.siteId === j.siteId)!;
      expect([j.status, j.technicianId]).toEqual(['COMPLETED', null]);
      expect(vendor.offers.some((o) => o.serviceTypeId === j.serviceTypeId)).toBe(true);
      expect(distanceKm({ lat: vendor.baseLat!, lng: vendor.baseLng! }, site)).toBeLessThan(
        vendor.serviceRadiusKm!,
      );
    }
    const late = jobs.filter((j) => j.completedAt! > j.slaDueAt!);
    expect(late.length).toBeGreaterThanOrEqual(2);
    expect(jobs.length - late.length).toBeGreaterThanOrEqual(8);
    expect(jobs.filter((j) => j.customerRating).length / jobs.length).toBeGreaterThan(0.7);
    const reworks = await db.workOrder.findMany({
      where: { organizationId: field, reworkOfId: { not: null } },
    });
    expect(reworks).toHaveLength(2);
    for (const r of reworks) {
      const original = jobs.find((j) => j.id === r.reworkOfId)!;
      expect(original.status).toBe('COMPLETED');
      expect([r.siteId, r.serviceTypeId]).toEqual([original.siteId, original.serviceTypeId]);
      expect(r.createdAt > original.completedAt!).toBe(true);
    }
    const rated = await db.workOrder.findMany({
      where: { organizationId: field, status: 'COMPLETED', customerRating: { not: null } },
    });
    expect(rated.every((j) => j.customerRating! >= 2 && j.customerRating! <= 5)).toBe(true);
    expect(rated.length).toBeGreaterThan(100);
    expect(await db.vendorOffer.count({ where: { organizationId: hotel } })).toBeGreaterThan(1);
  });

  it('should mirror sites, rooms and the coming week’s arrivals in operations’ read models when seeding', async () => {
    const sites = await db.site.findMany({ where: { organizationId: field } });
    const siteRows = await db.siteProjection.findMany({ where: { organizationId: field } });
    expect(siteRows.map((s) => [s.siteId, s.name, s.city, s.lat, s.lng]).sort()).toEqual(
      sites.map((s) => [s.id, s.name, s.city, s.lat, s.lng]).sort(),
    );
    const rooms = await db.room.findMany({ where: { organizationId: hotel } });
    const roomRows = await db.roomProjection.findMany({ where: { organizationId: hotel } });
    expect(roomRows.map((r) => [r.roomId, r.number, r.state]).sort()).toEqual(
      rooms.map((r) => [r.id, r.number, r.state]).sort(),
    );
    expect(roomRows.some((r) => r.state === 'OUT_OF_ORDER')).toBe(true);
    const from = local(NOW, ZONE.hotel).minus({ days: 1 }).startOf('day').toJSDate();
    const to = local(NOW, ZONE.hotel).plus({ days: 8 }).startOf('day').toJSDate();
    const reservations = await db.reservation.findMany({
      where: { organizationId: hotel, arrivalAt: { gte: from, lt: to } },
      include: { guest: true, room: true },
    });
    const rows = await db.reservationProjection.findMany({ where: { organizationId: hotel } });
    const project = (r: (typeof reservations)[number]) => ({
      reservationId: r.id,
      guestId: r.guestId,
      guestName: `${r.guest.firstName} ${r.guest.lastName}`,
      roomId: r.roomId,
      roomNumber: r.room?.number ?? null,
      status: r.status,
      arrivalAt: r.arrivalAt,
      departureAt: r.departureAt,
      etaAt: r.etaAt,
      vip: r.guest.vip,
      products: r.products,
      notes: r.notes,
    });
    const sort = <T extends { reservationId: string }>(xs: T[]) =>
      [...xs].sort((a, b) => a.reservationId.localeCompare(b.reservationId));
    expect(sort(rows)).toMatchObject(sort(reservations.map(project)));
    expect(rows.length).toBeGreaterThan(20);
    const withProducts = await db.reservation.count({
      where: { organizationId: hotel, products: { isEmpty: false } },
    });
    expect(withProducts).toBeGreaterThan(20);
  });

  it('should point automation rules and maintenance plans at their own types, teams, rooms and sites when seeding', async () => {
    for (const organizationId of [hotel, field]) {
      const types = new Set(
        (await db.serviceType.findMany({ where: { organizationId } })).map((t) => t.id),
      );
      const teams = new Set(
        (await db.team.findMany({ where: { organizationId } })).map((t) => t.id),
      );
      const rules = await db.automationRule.findMany({ where: { organizationId } });
      expect(
        rules.every((r) => types.has(r.serviceTypeId) && (!r.teamId || teams.has(r.teamId))),
      ).toBe(true);
      const plans = await db.maintenancePlan.findMany({ where: { organizationId } });
      expect(plans.length).toBeGreaterThanOrEqual(3);
      for (const p of plans) {
        expect(types.has(p.serviceTypeId) && (!p.teamId || teams.has(p.teamId))).toBe(true);
        expect(Boolean(p.intervalDays) !== Boolean(p.rrule)).toBe(true);
        expect(p.startsOn < NOW && p.leadDays > 0).toBe(true);
      }
    }
    const rules = await db.automationRule.findMany({
      where: { organizationId: hotel },
      orderBy: { name: 'asc' },
    });
    expect(rules.map((r) => [r.name, r.conditions])).toEqual([
      ['Champagne on arrival', { products: ['Champagne on arrival'] }],
      ['Early check-in prep', { earlyCheckIn: true, earlyCheckInBefore: 840 }],
      ['VIP welcome amenity', { vip: true }],
    ]);
    // Each rule has an arrival to act on in the coming days.
    const arrivals = await db.reservationProjection.findMany({
      where: { organizationId: hotel, status: 'CONFIRMED', arrivalAt: { gt: NOW } },
    });
    const earlyEta = (r: (typeof arrivals)[number]) => {
      const eta = r.etaAt && local(r.etaAt, ZONE.hotel);
      return eta ? eta.hour * 60 + eta.minute < 840 : false;
    };
    expect(arrivals.some((r) => r.vip)).toBe(true);
    expect(arrivals.some((r) => r.products.includes('Champagne on arrival'))).toBe(true);
    expect(arrivals.some(earlyEta)).toBe(true);
    const rooms = new Set(
      (await db.room.findMany({ where: { organizationId: hotel } })).map((r) => r.id),
    );
    const sites = new Set(
      (await db.site.findMany({ where: { organizationId: field } })).map((s) => s.id),
    );
    const plans = await both((organizationId) =>
      db.maintenancePlan.findMany({ where: { organizationId } }),
    );
    expect(
      plans.every((p) => (!p.roomId || rooms.has(p.roomId)) && (!p.siteId || sites.has(p.siteId))),
    ).toBe(true);
  });

  it('should seed staff tasks, some overdue, some done, some assigned to demo users, when seeding', async () => {
    for (const organizationId of [hotel, field]) {
      const users = new Set(
        (await db.user.findMany({ where: { organizationId } })).map((u) => u.id),
      );
      const tasks = await db.staffTask.findMany({ where: { organizationId } });
      expect(tasks.length).toBeGreaterThanOrEqual(10);
      const open = tasks.filter((t) => t.status === 'OPEN' || t.status === 'IN_PROGRESS');
      expect(open.filter((t) => t.dueAt! < NOW && t.escalationLevel === 0).length).toBeGreaterThan(
        1,
      );
      expect(tasks.filter((t) => t.status === 'DONE').every((t) => t.completedAt! <= NOW)).toBe(
        true,
      );
      expect(tasks.some((t) => t.status === 'DONE')).toBe(true);
      expect(open.every((t) => t.completedAt === null)).toBe(true);
      expect(tasks.filter((t) => t.assigneeId && users.has(t.assigneeId)).length).toBeGreaterThan(
        3,
      );
      expect(tasks.every((t) => !t.assigneeId || users.has(t.assigneeId))).toBe(true);
      expect(new Set(tasks.map((t) => t.priority)).size).toBeGreaterThanOrEqual(3);
    }
  });

  it('should keep time off clear of bookings and open jobs inside shifts on any day of the week when generating', () => {
    const users = new Proxy({} as Record<string, string>, {
      get: (_, key) => `user:${String(key)}`,
    });
    for (let day = 0; day < 7; day++) {
      const now = new Date(NOW.getTime() + day * 86_400_000);
      const { orgs, ops } = generateOrganizations(now, { hotel: 'h', field: 'f' }, users);
      orgs.forEach((org, k) => {
        const jobs = org.workOrders.filter((j) => j.technicianId && j.scheduledStart);
        const clashes = ops[k]!.timeOff.filter((off) =>
          jobs.some(
            (j) =>
              j.technicianId === off.technicianId &&
              !['CANCELLED', 'NEW'].includes(j.status) &&
              overlap(j, { scheduledStart: off.startsAt, scheduledEnd: off.endsAt }),
          ),
        );
        expect(clashes).toEqual([]);
        expect(ops[k]!.timeOff).toHaveLength(k === 0 ? 1 : 2);
        expect(
          bookingProblems(
            org.technicians,
            jobs.map((j) => ({
              ...j,
              technicianId: j.technicianId ?? null,
              statusReason: j.statusReason ?? null,
            })),
            k === 0 ? ZONE.hotel : ZONE.field,
          ),
        ).toEqual([]);
      });
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
