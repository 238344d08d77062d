/*
 * Hotel Aurora's operations: catalog, the two departments, SLA policies, contractors,
 * maintenance plans, pre-arrival automation (and the products, ETAs and VIPs it runs on), the
 * front office's to-dos and operations' read models of rooms and arrivals.
 */
import type { Prisma } from '@attendant/db';
import { randomUUID } from 'node:crypto';
import { HOTEL_SERVICE_TYPES } from './catalog';
import type { OrgSeed } from './index';
import { hotelTasks, type Arrivals } from './operations-tasks';
import {
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
import { addMinutes } from './random';

type Reservation = OrgSeed['reservations'][number];

/** Products booked with stays, and the share of stays booking each. */
const PRODUCTS: [string, number][] = [
  ['Breakfast', 0.08],
  ['Champagne on arrival', 0.04],
  ['Airport transfer', 0.03],
];
const HOTEL_VENDORS = [
  {
    name: 'Výtahy Vltava s.r.o.',
    email: 'servis@vytahy-vltava.example.com',
    phone: '+420555200300',
    radiusKm: 30,
    offers: [['Elevator service', 175, 48]] as [string, number, number][],
    hours: [[1, 2, 3, 4, 5], 480, 960] as [number[], number, number],
  },
  {
    name: 'Prague Linen Services',
    email: 'orders@praguelinen.example.com',
    phone: '+420555200400',
    radiusKm: 20,
    offers: [
      ['Laundry pickup', 55, 12],
      ['Deep clean', 85, 24],
    ] as [string, number, number][],
    hours: [[1, 2, 3, 4, 5, 6], 360, 840] as [number[], number, number],
  },
];
const HOTEL_BASE = { lat: 50.0875, lng: 14.4213 };

export function seedHotelOperations(org: OrgSeed, ctx: OpsContext): OpsSeed {
  const { organizationId, now, clock, rng } = ctx;
  const catalog = buildCatalog(ctx, HOTEL_SERVICE_TYPES, org.skills, 'HOTEL_SERVICE');
  const skillOf = new Map(org.technicianSkills.map((s) => [s.technicianId, s.skillId]));
  const maintenanceSkill = org.skills.find((s) => s.name === 'Maintenance')!.id!;
  const maintenance = team(ctx, 'Maintenance');
  const housekeeping = team(ctx, 'Housekeeping');
  const teamOfSkill = (skillId: string | null) =>
    skillId === maintenanceSkill ? maintenance.id : housekeeping.id;
  for (const t of org.technicians) t.teamId = teamOfSkill(skillOf.get(t.id)!);

  for (const w of org.workOrders) {
    const type = catalog.byName(org.serviceTypeOf.get(w.id)!);
    w.serviceTypeId = type.id;
    w.teamId = teamOfSkill(type.skillId);
    if (w.status === 'COMPLETED' && rng.chance(0.7)) rate(rng, w);
  }
  const slaPolicies = hotelPolicies(ctx);
  stampSla(ctx, org.workOrders, slaPolicies);

  const created = addMinutes(now, -300 * 1440);
  const vendors = HOTEL_VENDORS.map((v) => {
    const base = rng.near(HOTEL_BASE.lat, HOTEL_BASE.lng, 6);
    return {
      id: randomUUID(),
      organizationId,
      name: v.name,
      email: v.email,
      phone: v.phone,
      baseLat: base.lat,
      baseLng: base.lng,
      serviceRadiusKm: v.radiusKm,
      createdAt: created,
      updatedAt: created,
    };
  });
  const vendorOffers = HOTEL_VENDORS.flatMap((v, i) =>
    v.offers.map(([type, price, leadTimeHours]) => ({
      id: randomUUID(),
      organizationId,
      vendorId: vendors[i]!.id,
      serviceTypeId: catalog.byName(type).id,
      priceMinor: price * 100,
      currency: 'EUR',
      leadTimeHours,
    })),
  );
  const vendorAvailability = HOTEL_VENDORS.flatMap((v, i) =>
    v.hours[0].map((weekday) => ({
      id: randomUUID(),
      organizationId,
      vendorId: vendors[i]!.id,
      weekday,
      startMin: v.hours[1],
      endMin: v.hours[2],
    })),
  );

  const arrivals = addPreArrivalDetails(ctx, org.reservations);
  stageRoomConflict(org);
  const rule = (r: Omit<Prisma.AutomationRuleCreateManyInput, 'id' | 'organizationId'>) => ({
    id: randomUUID(),
    organizationId,
    teamId: housekeeping.id,
    createdAt: addMinutes(now, -90 * 1440),
    ...r,
  });
  const automationRules = [
    rule({
      name: 'VIP welcome amenity',
      conditions: { vip: true },
      serviceTypeId: catalog.byName('VIP welcome amenity').id,
      title: 'Welcome amenity for {guest} in room {room}',
      priority: 'HIGH',
      hoursBeforeArrival: 3,
    }),
    rule({
      name: 'Early check-in prep',
      conditions: { earlyCheckIn: true, earlyCheckInBefore: 840 },
      serviceTypeId: catalog.byName('Early check-in room preparation').id,
      title: 'Prepare room {room} early for {guest}',
      priority: 'HIGH',
      hoursBeforeArrival: 2,
    }),
    rule({
      name: 'Champagne on arrival',
      conditions: { products: ['Champagne on arrival'] },
      serviceTypeId: catalog.byName('Champagne on arrival').id,
      title: 'Champagne for {guest} in room {room}',
      priority: 'NORMAL',
      hoursBeforeArrival: 2,
    }),
  ];

  const roomNumbered = (n: string) => org.rooms.find((r) => r.number === n)!;
  const plan = (p: Omit<Prisma.MaintenancePlanCreateManyInput, 'id' | 'organizationId'>) => ({
    id: randomUUID(),
    organizationId,
    leadDays: 7,
    createdAt: addMinutes(now, -200 * 1440),
    ...p,
  });
  const maintenancePlans = [
    plan({
      name: 'Monthly AC filter check — Floor 1',
      serviceTypeId: catalog.byName('AC filter check').id,
      asset: 'Floor 1 AC units',
      rrule: 'FREQ=MONTHLY;BYMONTHDAY=1',
      startsOn: clock.date(-200),
      teamId: maintenance.id,
    }),
    ...[
      ['607', -26],
      ['610', -12],
    ].map(([room, start]) =>
      plan({
        name: `Deep clean — Room ${room}`,
        serviceTypeId: catalog.byName('Deep clean').id,
        priority: 'LOW',
        roomId: roomNumbered(room as string).id,
        intervalDays: 30,
        startsOn: clock.date(start as number),
        teamId: housekeeping.id,
      }),
    ),
    plan({
      name: 'Quarterly lift service',
      serviceTypeId: catalog.byName('Elevator service').id,
      asset: 'Guest lifts A and B',
      intervalDays: 91,
      startsOn: clock.date(-88),
      leadDays: 14,
    }),
  ];

  // One technician takes the day after tomorrow off (nobody has a job then).
  const timeOff: TimeOffRow[] = [];
  const offDay = rng
    .shuffle(org.technicians)
    .find(
      (t) =>
        t.workDays.includes(clock.weekday(2)) &&
        isFree(org.workOrders, t.id, clock.at(2, 0), clock.at(3, 0)),
    );
  if (offDay)
    timeOff.push({
      id: randomUUID(),
      organizationId,
      technicianId: offDay.id,
      startsAt: clock.at(2, 0),
      endsAt: clock.at(3, 0),
      reason: 'Personal day',
      createdAt: addMinutes(now, -6 * 1440),
    });

  const typeById = new Map(catalog.serviceTypes.map((t) => [t.id, t]));
  const techUser = new Map(org.technicians.map((t) => [t.id, t.userId ?? null]));
  const checklistItems = buildChecklists(
    ctx,
    org.workOrders,
    (w) => typeById.get(w.serviceTypeId!),
    (id) => (id ? (techUser.get(id) ?? null) : null),
  );

  return {
    teams: [maintenance, housekeeping],
    serviceTypes: catalog.serviceTypes,
    serviceTypeSkills: catalog.serviceTypeSkills,
    certifications: [],
    timeOff,
    slaPolicies,
    vendors,
    vendorOffers,
    vendorAvailability,
    checklistItems,
    workOrderNotes: [],
    maintenancePlans,
    automationRules,
    staffTasks: hotelTasks(ctx, org, arrivals),
    ...projections(ctx, org),
  };
}

/**
 * Housekeeping booked a job in a room maintenance has taken out of order: the dispatch board
 * opens with a room conflict to resolve. The job moves to that room (no guest stays there).
 */
function stageRoomConflict(org: OrgSeed) {
  const blocked = org.rooms.find((r) => r.state === 'OUT_OF_ORDER');
  const job =
    org.workOrders.find((w) => w.status === 'SCHEDULED' && w.title.startsWith('Deep clean')) ??
    org.workOrders.find(
      (w) => w.status === 'SCHEDULED' && org.serviceTypeOf.get(w.id) === 'Housekeeping request',
    );
  if (!blocked || !job) return;
  const from = org.rooms.find((r) => r.id === job.roomId)!;
  Object.assign(job, {
    title: job.title.replace(new RegExp(`${from.number}$`), blocked.number),
    roomId: blocked.id,
    guestId: null,
    reservationId: null,
  });
}

function hotelPolicies(ctx: OpsContext): SlaPolicyRow[] {
  const created = addMinutes(ctx.now, -380 * 1440);
  const policy = (p: Omit<Prisma.SlaPolicyCreateManyInput, 'id' | 'organizationId'>) => ({
    id: randomUUID(),
    organizationId: ctx.organizationId,
    timezone: ctx.timezone,
    createdAt: created,
    updatedAt: created,
    ...p,
  });
  return [
    policy({
      name: 'Emergency',
      priority: 'EMERGENCY',
      responseMinutes: 15,
      resolutionMinutes: 60,
    }),
    policy({ name: 'High', priority: 'HIGH', responseMinutes: 30, resolutionMinutes: 240 }),
    policy({ name: 'Normal', priority: 'NORMAL', responseMinutes: 60, resolutionMinutes: 1440 }),
    policy({ name: 'Low and everything else', responseMinutes: 120, resolutionMinutes: 4320 }),
  ];
}

/**
 * Products booked with the stays, and arrival times (ETA) for the coming week's arrivals, some
 * before check-in time. Makes sure the automation rules have an arrival to act on.
 */
function addPreArrivalDetails(ctx: OpsContext, reservations: Reservation[]): Arrivals {
  const { clock, rng } = ctx;
  for (const r of reservations)
    r.products = PRODUCTS.filter(([, share]) => rng.chance(share)).map(([name]) => name);
  const arrivingDay = (r: Reservation) => clock.dayOf(r.arrivalAt);
  const upcoming = reservations
    .filter((r) => arrivingDay(r) >= -1 && arrivingDay(r) <= 7 && r.status !== 'CANCELLED')
    .sort((a, b) => a.arrivalAt.getTime() - b.arrivalAt.getTime());
  for (const r of upcoming) {
    if (!rng.chance(0.4)) continue;
    const minute = rng.weighted<[number, number]>([
      [[600, 810], 3],
      [[840, 1080], 5],
      [[1140, 1410], 2],
    ]);
    r.etaAt = clock.at(arrivingDay(r), Math.round(rng.int(...minute) / 15) * 15);
  }
  const confirmed = upcoming.filter(
    (r) => r.status === 'CONFIRMED' && r.roomId && arrivingDay(r) >= 1 && arrivingDay(r) <= 3,
  );
  const early = (r: Reservation) => r.etaAt && clock.minuteOfDay(r.etaAt) < 840;
  if (!confirmed.some(early) && confirmed[0])
    confirmed[0].etaAt = clock.at(arrivingDay(confirmed[0]), 690);
  const late =
    confirmed.find((r) => r.etaAt && clock.minuteOfDay(r.etaAt) >= 1260) ??
    confirmed.find((r) => !r.etaAt);
  if (late && !late.etaAt) late.etaAt = clock.at(arrivingDay(late), 1350);
  const booked = (r: Reservation | undefined, product: string) => r?.products?.includes(product);
  const addProduct = (r: Reservation | undefined, product: string) => {
    if (r && !booked(r, product)) r.products = [...(r.products ?? []), product];
  };
  if (!confirmed.some((r) => booked(r, 'Champagne on arrival')))
    addProduct(confirmed.at(-1), 'Champagne on arrival');
  const transfer = upcoming.find((r) => booked(r, 'Airport transfer')) ?? confirmed[1];
  addProduct(transfer, 'Airport transfer');
  return { upcoming, late, transfer };
}
