/*
 * Northwind's operations: catalog, crews, certifications, time off, SLA policies, vendors,
 * maintenance plans and the dispatcher's to-dos, fitted to the jobs field-service.ts booked.
 */
import type { Prisma } from '@attendant/db';
import { randomUUID } from 'node:crypto';
import { FIELD_SERVICE_TYPES } from './catalog';
import { seedFieldVendors } from './field-vendors';
import type { OrgSeed, WorkOrderRow } from './index';
import { fieldTasks } from './operations-tasks';
import {
  bookingsOf,
  buildCatalog,
  buildChecklists,
  isFree,
  projections,
  rate,
  stampSla,
  team,
  type OpsContext,
  type OpsSeed,
  type SlaPolicyRow,
  type TimeOffRow,
} from './operations';
import { addMinutes, minDate } from './random';

const BUSINESS_HOURS = [1, 2, 3, 4, 5].map((day) => ({ day, start: 480, end: 1080 }));

export function seedFieldOperations(org: OrgSeed, ctx: OpsContext): OpsSeed {
  const { organizationId, now, clock, rng, users } = ctx;
  const admin = users['admin@northwind.demo']!;
  const dispatcher = users['dispatcher@northwind.demo']!;
  const catalog = buildCatalog(ctx, FIELD_SERVICE_TYPES, org.skills, 'FIELD_JOB');
  const technicians = org.technicians;
  const techOf = new Map(technicians.map((t) => [t.id, t]));
  const works = (technicianId: string, day: number) =>
    techOf.get(technicianId)!.workDays.includes(clock.weekday(day));

  // Two crews by home: the northern suburbs and Austin proper.
  const north = team(ctx, 'North crew');
  const south = team(ctx, 'South crew');
  const byLatitude = [...technicians].sort((a, b) => b.homeLat! - a.homeLat!);
  byLatitude.forEach((t, i) => {
    t.teamId = i < Math.ceil(byLatitude.length / 2) ? north.id : south.id;
    t.vehicleCapacity = rng.pick([200, 250, 300, 350, 400]);
  });
  const boundary =
    (byLatitude[Math.ceil(byLatitude.length / 2) - 1]!.homeLat! +
      byLatitude[Math.ceil(byLatitude.length / 2)]!.homeLat!) /
    2;

  const vendorSeed = seedFieldVendors(ctx, org, (name) => catalog.byName(name).id);
  const forced = forceDoubleBooking(ctx, org, catalog.byName);
  const typeOf = (w: WorkOrderRow) => catalog.byName(org.serviceTypeOf.get(w.id)!);
  const siteOf = new Map(org.sites.map((s) => [s.id!, s]));
  for (const w of org.workOrders) {
    w.serviceTypeId = typeOf(w).id;
    w.teamId = w.technicianId
      ? techOf.get(w.technicianId)!.teamId
      : w.vendorId
        ? null
        : siteOf.get(w.siteId!)!.lat >= boundary
          ? north.id
          : south.id;
    if (w.status === 'COMPLETED' && w.technicianId && !w.customerRating && rng.chance(0.75))
      rate(rng, w);
  }

  const slaPolicies = fieldPolicies(ctx, catalog.byName('Gas safety inspection').id);
  stampSla(ctx, org.workOrders, slaPolicies);

  // Certifications: EPA 608 for HVAC, Gas Safe for gas work, Journeyman for senior electricians.
  const skillName = new Map(org.skills.map((s) => [s.id!, s.name]));
  const CERTS: Record<string, [name: string, minLevel: number, years: number]> = {
    HVAC: ['EPA 608 Universal', 1, 3],
    'Gas safety': ['Gas Safe', 2, 2],
    Electrical: ['Journeyman Electrician', 2, 2],
  };
  const certifications = org.technicianSkills.flatMap((ts) => {
    const cert = CERTS[skillName.get(ts.skillId)!];
    if (!cert || (ts.level ?? 1) < cert[1]) return [];
    const expires = rng.int(60, 900);
    return [
      {
        id: randomUUID(),
        organizationId,
        technicianId: ts.technicianId,
        name: cert[0],
        issuedOn: clock.date(expires - cert[2] * 365),
        expiresOn: clock.date(expires),
      },
    ];
  });
  // One lapsed EPA card (a technician with HVAC jobs coming up), one Gas Safe card expiring soon.
  const upcomingHvac = (technicianId: string) =>
    org.workOrders.some(
      (w) =>
        w.technicianId === technicianId &&
        w.status === 'SCHEDULED' &&
        typeOf(w).name === 'HVAC service call',
    );
  const epa = certifications.filter((c) => c.name === 'EPA 608 Universal');
  const expired =
    epa.find((c) => c.technicianId !== technicians[0]!.id && upcomingHvac(c.technicianId)) ??
    epa.find((c) => c.technicianId !== technicians[0]!.id)!;
  expired.expiresOn = clock.date(-9);
  expired.issuedOn = clock.date(-9 - 3 * 365);
  const expiring = certifications.find((c) => c.name === 'Gas Safe')!;
  expiring.expiresOn = clock.date(12);
  expiring.issuedOn = clock.date(12 - 2 * 365);

  const timeOff = fieldTimeOff(ctx, org, works);

  const typeById = new Map(catalog.serviceTypes.map((t) => [t.id, t]));
  const checklistItems = buildChecklists(
    ctx,
    org.workOrders,
    (w) => typeById.get(w.serviceTypeId!),
    (id) => (id && techOf.get(id)?.userId) || null,
  );

  // Preventive maintenance: filter changes at two customers, a yearly gas check at a restaurant.
  const companySites = org.sites.filter((s) => s.companyId);
  const homeSite = org.sites.find((s) => s.name === 'Home')!;
  const customerName = (guestId: string) => {
    const g = org.guests.find((x) => x.id === guestId)!;
    return `${g.firstName} ${g.lastName}`;
  };
  const teamOfSite = (lat: number) => (lat >= boundary ? north.id : south.id);
  const plan = (p: Omit<Prisma.MaintenancePlanCreateManyInput, 'id' | 'organizationId'>) => ({
    id: randomUUID(),
    organizationId,
    leadDays: 7,
    createdAt: addMinutes(now, -120 * 1440),
    ...p,
  });
  const cafe = companySites.find((s) => s.name.startsWith('Pecan Street Cafe')) ?? companySites[1]!;
  const office = companySites[0]!;
  const gasDay = clock.date(10);
  const maintenancePlans = [
    plan({
      name: `Quarterly HVAC filter change — ${office.name}`,
      serviceTypeId: catalog.byName('HVAC filter change').id,
      asset: 'Rooftop units 1-3',
      siteId: office.id,
      guestId: office.guestId,
      intervalDays: 90,
      startsOn: clock.date(-85),
      teamId: teamOfSite(office.lat),
    }),
    plan({
      name: `Quarterly HVAC filter change — ${customerName(homeSite.guestId!)} home`,
      serviceTypeId: catalog.byName('HVAC filter change').id,
      priority: 'LOW',
      siteId: homeSite.id,
      guestId: homeSite.guestId,
      intervalDays: 90,
      startsOn: clock.date(-40),
      teamId: teamOfSite(homeSite.lat),
    }),
    plan({
      name: `Annual gas safety check — ${cafe.name}`,
      serviceTypeId: catalog.byName('Gas safety inspection').id,
      asset: 'Kitchen gas ranges and water heater',
      siteId: cafe.id,
      guestId: cafe.guestId,
      rrule: `FREQ=YEARLY;BYMONTH=${gasDay.getUTCMonth() + 1};BYMONTHDAY=${gasDay.getUTCDate()}`,
      startsOn: clock.date(-355),
      leadDays: 14,
      teamId: teamOfSite(cafe.lat),
    }),
  ];

  const staffTasks = fieldTasks(ctx, org, {
    admin,
    dispatcher,
    expiredTech: techOf.get(expired.technicianId)!.name,
    expiringTech: techOf.get(expiring.technicianId)!.name,
    forced,
    rework: vendorSeed.reworks.find((w) => w.status === 'NEW'),
    worstVendor: vendorSeed.worstVendor.name,
    customerName,
  });

  return {
    teams: [north, south],
    serviceTypes: catalog.serviceTypes,
    serviceTypeSkills: catalog.serviceTypeSkills,
    certifications,
    timeOff,
    slaPolicies,
    vendors: vendorSeed.vendors,
    vendorOffers: vendorSeed.vendorOffers,
    vendorAvailability: vendorSeed.vendorAvailability,
    checklistItems,
    workOrderNotes: forced ? [forced.note] : [],
    maintenancePlans,
    automationRules: [],
    staffTasks,
    ...projections(ctx, org),
  };
}

function fieldPolicies(ctx: OpsContext, gasTypeId: string): SlaPolicyRow[] {
  const year = ctx.now.getUTCFullYear();
  const holidays = [`${year}-07-04`, `${year}-11-26`, `${year}-12-25`, `${year + 1}-01-01`];
  const created = addMinutes(ctx.now, -380 * 1440);
  const policy = (p: Omit<Prisma.SlaPolicyCreateManyInput, 'id' | 'organizationId'>) => ({
    id: randomUUID(),
    organizationId: ctx.organizationId,
    timezone: ctx.timezone,
    createdAt: created,
    updatedAt: created,
    ...p,
  });
  const office = { businessHours: BUSINESS_HOURS, holidays };
  return [
    policy({
      name: 'Emergency, around the clock',
      priority: 'EMERGENCY',
      responseMinutes: 60,
      resolutionMinutes: 240,
    }),
    policy({
      name: 'High, business hours',
      priority: 'HIGH',
      responseMinutes: 240,
      resolutionMinutes: 1440,
      ...office,
    }),
    policy({
      name: 'Normal, business hours',
      priority: 'NORMAL',
      responseMinutes: 480,
      resolutionMinutes: 1800,
      ...office,
    }),
    policy({
      name: 'Low and everything else',
      responseMinutes: 1440,
      resolutionMinutes: 3000,
      ...office,
      warnAt: 0.9,
    }),
    policy({
      name: 'Gas safety',
      serviceTypeId: gasTypeId,
      responseMinutes: 60,
      resolutionMinutes: 1440,
      warnAt: 0.7,
    }),
  ];
}

/**
 * A dispatcher override: one waiting request booked on top of a technician's job tomorrow at
 * the customer's insistence, so the board opens with a double booking to resolve.
 */
function forceDoubleBooking(
  ctx: OpsContext,
  org: OrgSeed,
  typeByName: (name: string) => { id: string; skillId: string | null; spec: { minLevel: number } },
) {
  const { clock, rng, now, organizationId, users } = ctx;
  const time = new Intl.DateTimeFormat('en-US', {
    timeZone: ctx.timezone,
    hour: 'numeric',
    minute: '2-digit',
  });
  const alerted = new Set(org.alerts.map((a) => a.entityId));
  const levels = org.technicianSkills;
  const waiting = rng.shuffle(
    org.workOrders.filter((w) => w.status === 'NEW' && !alerted.has(w.id) && !w.reworkOfId),
  );
  for (const w of waiting) {
    const type = typeByName(org.serviceTypeOf.get(w.id)!);
    for (const day of [1, 2, 3]) {
      for (const t of org.technicians) {
        const level = levels.find((l) => l.technicianId === t.id && l.skillId === type.skillId);
        if ((level?.level ?? 0) < type.spec.minLevel) continue;
        const jobs = bookingsOf(org.workOrders, t.id).filter(
          (b) => clock.dayOf(b.start) === day && b.workOrder.status === 'SCHEDULED',
        );
        for (const job of jobs) {
          const start = addMinutes(job.start, 30);
          const end = addMinutes(start, w.estimatedMinutes);
          const others = org.workOrders.filter((x) => x !== job.workOrder);
          if (clock.minuteOfDay(end) > t.shiftEndMin || clock.dayOf(end) !== day) continue;
          if (!isFree(others, t.id, start, end)) continue;
          const local = clock.minuteOfDay(start);
          const windowStart = clock.at(day, local < 720 ? 480 : local < 960 ? 720 : 960);
          Object.assign(w, {
            status: 'SCHEDULED',
            technicianId: t.id,
            scheduledStart: start,
            scheduledEnd: end,
            windowStart,
            windowEnd: addMinutes(windowStart, 240),
            statusReason: 'Booked over another job: the customer can only do this time',
            version: 2,
            updatedAt: minDate(addMinutes(w.createdAt, rng.int(10, 40)), now),
          });
          const note: Prisma.WorkOrderNoteCreateManyInput = {
            id: randomUUID(),
            organizationId,
            workOrderId: w.id,
            authorId: users['dispatcher@northwind.demo']!,
            authorName: 'Luis Moreno',
            body: `Customer can only do this slot. ${t.name.split(' ')[0]} is on WO-${job.workOrder.number} until ${time.format(job.end)}: move one of them.`,
            createdAt: w.updatedAt,
          };
          return { workOrder: w, other: job.workOrder, technician: t, note };
        }
      }
    }
  }
  return null;
}

/** Time off that no booked job collides with: a day off tomorrow, half a day later this week. */
function fieldTimeOff(
  ctx: OpsContext,
  org: OrgSeed,
  works: (technicianId: string, day: number) => boolean,
): TimeOffRow[] {
  const { clock, rng, organizationId, now } = ctx;
  const rows: TimeOffRow[] = [];
  const candidates = rng.shuffle(org.technicians.slice(1));
  const add = (technicianId: string, startsAt: Date, endsAt: Date, reason: string) =>
    rows.push({
      id: randomUUID(),
      organizationId,
      technicianId,
      startsAt,
      endsAt,
      reason,
      createdAt: addMinutes(now, -rng.int(3, 20) * 1440),
    });
  dayOff: for (let day = 1; day <= 7; day++) {
    for (const t of candidates) {
      if (
        !works(t.id, day) ||
        !isFree(org.workOrders, t.id, clock.at(day, 0), clock.at(day + 1, 0))
      )
        continue;
      add(t.id, clock.at(day, 0), clock.at(day + 1, 0), 'Vacation day');
      break dayOff;
    }
  }
  // Half a day: preferably someone who still has a job in the other half of that day.
  halfDay: for (const busyOtherHalf of [true, false]) {
    for (let day = 2; day <= 6; day++) {
      for (const t of candidates) {
        if (rows.some((r) => r.technicianId === t.id) || !works(t.id, day)) continue;
        const start = clock.at(day, t.shiftEndMin - 240);
        const end = clock.at(day, t.shiftEndMin);
        const sameDay = bookingsOf(org.workOrders, t.id).some((b) => clock.dayOf(b.start) === day);
        if ((busyOtherHalf && !sameDay) || !isFree(org.workOrders, t.id, start, end)) continue;
        add(t.id, start, end, "Doctor's appointment (afternoon)");
        break halfDay;
      }
    }
  }
  return rows;
}
