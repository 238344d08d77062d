/*
 * Northwind's subcontractors: four vendors around Austin, the past jobs they did (on time or
 * late, rated) and two rework orders, so the vendor quality scores have something to explain.
 */
import type { Prisma } from '@attendant/db';
import { randomUUID } from 'node:crypto';
import type { OrgSeed, WorkOrderRow } from './index';
import * as N from './names';
import { distanceKm, rate, type OpsContext } from './operations';
import { addMinutes, maxDate } from './random';

interface VendorPlan {
  name: string;
  email: string;
  phone: string;
  /** Base near the centre of this N.CITIES city. */
  city: string;
  radiusKm: number;
  /** [service type, price in USD, lead time in hours]. */
  offers: [string, number, number][];
  /** [ISO weekdays, from, to (minutes of the local day)]. */
  hours: [number[], number, number][];
  /** Past jobs, how many of them finished after the SLA, and the ratings they got. */
  jobs: number;
  late: number;
  ratings: [number, number][];
  /** A job of theirs was redone: by them, already (COMPLETED), or still waiting (NEW). */
  rework?: 'COMPLETED' | 'NEW';
}

const WEEKDAYS = [1, 2, 3, 4, 5];
export const FIELD_VENDORS: VendorPlan[] = [
  {
    name: 'Lone Star Mechanical',
    email: 'dispatch@lonestarmech.example.com',
    phone: '+15125550171',
    city: 'Round Rock',
    radiusKm: 40,
    offers: [
      ['HVAC service call', 165, 24],
      ['HVAC filter change', 79, 48],
      ['Gas safety inspection', 135, 24],
    ],
    hours: [
      [WEEKDAYS, 420, 1080],
      [[6], 480, 720],
    ],
    jobs: 5,
    late: 0,
    ratings: [
      [5, 6],
      [4, 3],
    ],
  },
  {
    name: 'Capitol Plumbing & Drain',
    email: 'jobs@capitolplumbing.example.com',
    phone: '+15125550172',
    city: 'Austin',
    radiusKm: 30,
    offers: [
      ['Plumbing repair', 155, 4],
      ['Gas safety inspection', 129, 12],
    ],
    hours: [[[1, 2, 3, 4, 5, 6, 7], 0, 1440]],
    jobs: 4,
    late: 1,
    ratings: [
      [5, 2],
      [4, 3],
      [3, 2],
    ],
    rework: 'COMPLETED',
  },
  {
    name: 'Hill Country Roofing & Carpentry',
    email: 'office@hillcountryroofing.example.com',
    phone: '+15125550173',
    city: 'Cedar Park',
    radiusKm: 45,
    offers: [
      ['Roof repair', 390, 48],
      ['Carpentry', 150, 48],
    ],
    hours: [[[1, 2, 3, 4, 5, 6], 420, 1140]],
    jobs: 3,
    late: 2,
    ratings: [
      [3, 2],
      [2, 2],
    ],
    rework: 'NEW',
  },
  {
    name: 'BrightSpark Electric',
    email: 'service@brightspark.example.com',
    phone: '+15125550174',
    city: 'Pflugerville',
    radiusKm: 35,
    offers: [
      ['Electrical repair', 170, 24],
      ['Appliance repair', 120, 24],
    ],
    hours: [[WEEKDAYS, 480, 1020]],
    jobs: 3,
    late: 0,
    ratings: [
      [5, 3],
      [4, 2],
    ],
  },
];

export function seedFieldVendors(
  ctx: OpsContext,
  org: OrgSeed,
  typeIdOf: (name: string) => string,
) {
  const { organizationId, now, clock, rng } = ctx;
  const created = addMinutes(now, -300 * 1440);
  const plans = new Map<string, VendorPlan>();
  const vendors: (Prisma.VendorCreateManyInput & { id: string })[] = FIELD_VENDORS.map((plan) => {
    const city = N.CITIES.find((c) => c.name === plan.city)!;
    const base = rng.near(city.lat, city.lng, 3);
    return {
      id: randomUUID(),
      organizationId,
      name: plan.name,
      email: plan.email,
      phone: plan.phone,
      baseLat: base.lat,
      baseLng: base.lng,
      serviceRadiusKm: plan.radiusKm,
      createdAt: created,
      updatedAt: created,
    };
  });
  FIELD_VENDORS.forEach((plan, i) => plans.set(vendors[i]!.id, plan));
  const planOf = (v: { id: string }) => plans.get(v.id)!;
  const vendorOffers = vendors.flatMap((v) =>
    planOf(v).offers.map(([type, price, leadTimeHours]) => ({
      id: randomUUID(),
      organizationId,
      vendorId: v.id,
      serviceTypeId: typeIdOf(type),
      priceMinor: price * 100,
      currency: 'USD',
      leadTimeHours,
    })),
  );
  const vendorAvailability = vendors.flatMap((v) =>
    planOf(v).hours.flatMap(([days, startMin, endMin]) =>
      days.map((weekday) => ({
        id: randomUUID(),
        organizationId,
        vendorId: v.id,
        weekday,
        startMin,
        endMin,
      })),
    ),
  );

  // Past jobs a vendor could have done: its trade, inside its area and hours, and no message to
  // the customer naming a Northwind technician.
  const siteOf = new Map(org.sites.map((s) => [s.id!, s]));
  const techTemplates = new Set(
    org.templates.filter((t) => t.body.includes('technician.')).map((t) => t.id),
  );
  const namesTechnician = new Set(
    org.messages
      .filter((m) => m.templateId && techTemplates.has(m.templateId))
      .map((m) => m.workOrderId),
  );
  const messaged = new Set(org.messages.map((m) => m.workOrderId));
  const invoiced = new Set(org.invoices.map((i) => i.workOrderId));
  const alerted = new Set(org.alerts.map((a) => a.entityId));
  const typeName = (w: WorkOrderRow) => org.serviceTypeOf.get(w.id)!;
  const inHours = (plan: VendorPlan, w: WorkOrderRow) => {
    const start = w.scheduledStart!;
    const weekday = clock.weekday(clock.dayOf(start));
    const minute = clock.minuteOfDay(start);
    return plan.hours.some(([d, from, to]) => d.includes(weekday) && minute >= from && minute < to);
  };
  const taken = new Set<string>();
  const jobsOf = new Map<string, WorkOrderRow[]>();
  for (const v of vendors) {
    const candidates = org.workOrders.filter((w) => {
      const site = siteOf.get(w.siteId!)!;
      return (
        w.status === 'COMPLETED' &&
        !taken.has(w.id) &&
        !namesTechnician.has(w.id) &&
        planOf(v).offers.some(([type]) => type === typeName(w)) &&
        distanceKm({ lat: v.baseLat!, lng: v.baseLng! }, site) <= planOf(v).radiusKm &&
        inHours(planOf(v), w)
      );
    });
    const jobs = rng
      .sample(candidates, planOf(v).jobs)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const late = new Set(rng.sample(jobs, planOf(v).late));
    for (const w of jobs) {
      taken.add(w.id);
      w.vendorId = v.id;
      w.technicianId = null;
      if (late.has(w)) {
        w.slaDueAt = maxDate(
          addMinutes(w.createdAt, 60),
          addMinutes(w.completedAt!, -rng.int(90, 720)),
        );
      } else if (w.slaDueAt! < w.completedAt!) {
        w.slaDueAt = addMinutes(w.completedAt!, rng.int(60, 600));
      }
      if (rng.chance(0.9)) rate(rng, w, planOf(v).ratings);
    }
    jobsOf.set(v.id, jobs);
  }

  // Rework: a later order at the same site, pointing at the vendor's first job there.
  const reworks: WorkOrderRow[] = [];
  for (const v of vendors) {
    const original = jobsOf.get(v.id)?.[0];
    if (!planOf(v).rework || !original) continue;
    const after = (w: WorkOrderRow) =>
      w.createdAt > addMinutes(original.completedAt!, 1440) && !taken.has(w.id);
    const done = org.workOrders.find(
      (w) =>
        planOf(v).rework === 'COMPLETED' &&
        w.status === 'COMPLETED' &&
        after(w) &&
        !messaged.has(w.id) &&
        !invoiced.has(w.id),
    );
    const waiting = rng.shuffle(
      org.workOrders.filter((w) => w.status === 'NEW' && after(w) && !alerted.has(w.id)),
    )[0];
    const rework = done ?? waiting;
    if (!rework) continue;
    taken.add(rework.id);
    org.serviceTypeOf.set(rework.id, typeName(original));
    Object.assign(rework, {
      title: `Rework: ${original.title}`,
      description:
        `Return visit: the problem came back after WO-${original.number}. ${original.description ?? ''}`.trim(),
      reworkOfId: original.id,
      siteId: original.siteId,
      guestId: original.guestId,
      priceMinor: 0,
    });
    if (rework.status === 'NEW') rework.estimatedMinutes = original.estimatedMinutes;
    else {
      Object.assign(rework, { vendorId: v.id, technicianId: null });
      if (rework.slaDueAt! < rework.completedAt!)
        rework.slaDueAt = addMinutes(rework.completedAt!, rng.int(60, 600));
      rate(rng, rework, planOf(v).ratings);
    }
    reworks.push(rework);
  }

  // The vendor with the most late jobs and reworks, for the manager's to-do list.
  const trouble = (v: (typeof vendors)[number]) => {
    const jobs = jobsOf.get(v.id) ?? [];
    const late = jobs.filter((w) => w.slaDueAt! < w.completedAt!).length;
    return late + reworks.filter((r) => jobs.some((w) => w.id === r.reworkOfId)).length;
  };
  const worst = [...vendors].sort((a, b) => trouble(b) - trouble(a))[0]!;
  return {
    vendors,
    vendorOffers,
    vendorAvailability,
    vendorJobs: [...jobsOf.values()].flat(),
    reworks,
    worstVendor: { name: worst.name, late: trouble(worst) },
  };
}
