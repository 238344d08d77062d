/*
 * The operations layer of the demo seed, shared by both organizations: service catalog,
 * checklists, SLA stamping, ratings, availability checks, staff tasks and the read models
 * operations keeps of the guests domain. operations-hotel.ts and operations-field.ts build on it.
 * A separate random stream (its own Rng), so the rest of the demo data does not move with it.
 */
import type { Prisma, WorkOrderKind, WorkOrderPriority, WorkOrderStatus } from '@attendant/db';
import { randomUUID } from 'node:crypto';
import type { ServiceTypeSpec } from './catalog';
import type { OrgSeed, WorkOrderRow } from './index';
import { addMinutes, maxDate, minDate, type Clock, type Rng } from './random';

export interface OpsContext {
  organizationId: string;
  now: Date;
  clock: Clock;
  rng: Rng;
  /** Demo user ids by e-mail. */
  users: Record<string, string>;
  currency: string;
  timezone: string;
}

export type ServiceTypeRow = Prisma.ServiceTypeCreateManyInput & {
  id: string;
  spec: ServiceTypeSpec;
  skillId: string | null;
};
export type TeamRow = Prisma.TeamCreateManyInput & { id: string; name: string };
export type TimeOffRow = Prisma.TechnicianTimeOffCreateManyInput & { startsAt: Date; endsAt: Date };
export type SlaPolicyRow = Prisma.SlaPolicyCreateManyInput & { id: string };

/** What the operations layer adds to one organization. */
export interface OpsSeed {
  teams: TeamRow[];
  serviceTypes: ServiceTypeRow[];
  serviceTypeSkills: Prisma.ServiceTypeSkillCreateManyInput[];
  certifications: Prisma.TechnicianCertificationCreateManyInput[];
  timeOff: TimeOffRow[];
  slaPolicies: SlaPolicyRow[];
  vendors: Prisma.VendorCreateManyInput[];
  vendorOffers: Prisma.VendorOfferCreateManyInput[];
  vendorAvailability: Prisma.VendorAvailabilityCreateManyInput[];
  checklistItems: Prisma.WorkOrderChecklistItemCreateManyInput[];
  workOrderNotes: Prisma.WorkOrderNoteCreateManyInput[];
  maintenancePlans: Prisma.MaintenancePlanCreateManyInput[];
  automationRules: Prisma.AutomationRuleCreateManyInput[];
  staffTasks: Prisma.StaffTaskCreateManyInput[];
  siteProjections: Prisma.SiteProjectionCreateManyInput[];
  roomProjections: Prisma.RoomProjectionCreateManyInput[];
  reservationProjections: Prisma.ReservationProjectionCreateManyInput[];
}

/** Work order statuses that hold a technician's time. */
export const BOOKED: WorkOrderStatus[] = [
  'SCHEDULED',
  'DISPATCHED',
  'EN_ROUTE',
  'ARRIVED',
  'IN_PROGRESS',
  'ON_HOLD',
  'COMPLETED',
];
/** Statuses at or past the first acknowledgement (the SLA response). */
const RESPONDED: WorkOrderStatus[] = [
  'DISPATCHED',
  'EN_ROUTE',
  'ARRIVED',
  'IN_PROGRESS',
  'ON_HOLD',
  'COMPLETED',
];

export function buildCatalog(
  ctx: OpsContext,
  specs: ServiceTypeSpec[],
  skills: Prisma.SkillCreateManyInput[],
  kind: WorkOrderKind,
) {
  const created = addMinutes(ctx.now, -380 * 1440);
  const serviceTypes: ServiceTypeRow[] = specs.map((spec) => ({
    id: randomUUID(),
    organizationId: ctx.organizationId,
    name: spec.name,
    description: spec.description,
    kind,
    defaultMinutes: spec.minutes,
    priceMinor: spec.price === null ? null : spec.price * 100,
    currency: spec.price === null ? null : ctx.currency,
    checklist: spec.checklist,
    active: true,
    createdAt: created,
    updatedAt: created,
    spec,
    skillId: spec.skill ? skills.find((s) => s.name === spec.skill)!.id! : null,
  }));
  const serviceTypeSkills = serviceTypes
    .filter((t) => t.skillId)
    .map((t) => ({ serviceTypeId: t.id, skillId: t.skillId!, minLevel: t.spec.minLevel }));
  const byName = (name: string) => {
    const type = serviceTypes.find((t) => t.name === name);
    if (!type) throw new Error(`demo seed: no service type ${name}`);
    return type;
  };
  return { serviceTypes, serviceTypeSkills, byName };
}

/** Rows for the database: the seed-only fields dropped. */
export function serviceTypeRows(types: ServiceTypeRow[]): Prisma.ServiceTypeCreateManyInput[] {
  return types.map((t) => ({
    id: t.id,
    organizationId: t.organizationId,
    name: t.name,
    description: t.description,
    kind: t.kind,
    defaultMinutes: t.defaultMinutes,
    priceMinor: t.priceMinor,
    currency: t.currency,
    checklist: t.checklist,
    active: t.active,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  }));
}

export function team(ctx: OpsContext, name: string): TeamRow {
  return {
    id: randomUUID(),
    organizationId: ctx.organizationId,
    name,
    createdAt: addMinutes(ctx.now, -380 * 1440),
  };
}

/**
 * The type's checklist on each of its work orders: all done on completed jobs, some done on
 * jobs under way or on hold, none on the others.
 */
export function buildChecklists(
  ctx: OpsContext,
  workOrders: WorkOrderRow[],
  typeOf: (w: WorkOrderRow) => ServiceTypeRow | undefined,
  userOfTechnician: (technicianId: string | null | undefined) => string | null,
): Prisma.WorkOrderChecklistItemCreateManyInput[] {
  const { rng, now, organizationId } = ctx;
  return workOrders.flatMap((w) => {
    const labels = typeOf(w)?.spec.checklist ?? [];
    const done =
      w.status === 'COMPLETED'
        ? labels.length
        : w.status === 'IN_PROGRESS' || w.status === 'ON_HOLD'
          ? rng.int(1, labels.length - 1)
          : 0;
    const from = w.startedAt ?? w.createdAt;
    const to = minDate(w.completedAt ?? now, now);
    return labels.map((label, k) => {
      const doneAt =
        k < done
          ? new Date(from.getTime() + ((to.getTime() - from.getTime()) * (k + 1)) / (done + 1))
          : null;
      return {
        id: randomUUID(),
        organizationId,
        workOrderId: w.id,
        position: k + 1,
        label,
        done: doneAt !== null,
        doneAt,
        doneById: doneAt ? userOfTechnician(w.technicianId) : null,
      };
    });
  });
}

/** The most specific active policy: type and priority, then type, then priority, then catch-all. */
export function policyFor(
  policies: SlaPolicyRow[],
  serviceTypeId: string | null | undefined,
  priority: WorkOrderPriority,
): SlaPolicyRow | undefined {
  const rank = (p: SlaPolicyRow) =>
    p.serviceTypeId && p.serviceTypeId !== serviceTypeId
      ? -1
      : p.priority && p.priority !== priority
        ? -1
        : (p.serviceTypeId ? 2 : 0) + (p.priority ? 1 : 0);
  return [...policies]
    .filter((p) => rank(p) >= 0)
    .sort((a, b) => rank(b) - rank(a))
    .at(0);
}

/**
 * The policy that applied when each order was created, its response target (plain minutes:
 * good enough for demo data) and, for orders dispatched or further, when they were answered.
 * The resolution target (slaDueAt) stays as the domain module generated it.
 */
export function stampSla(ctx: OpsContext, workOrders: WorkOrderRow[], policies: SlaPolicyRow[]) {
  const { rng, now } = ctx;
  for (const w of workOrders) {
    const policy = policyFor(policies, w.serviceTypeId, w.priority ?? 'NORMAL');
    if (!policy) continue;
    w.slaPolicyId = policy.id;
    w.responseDueAt = addMinutes(w.createdAt, policy.responseMinutes);
    if (!RESPONDED.includes(w.status)) continue;
    const within = Math.max(3, Math.min(45, Math.floor(policy.responseMinutes * 0.8)));
    const answered = addMinutes(w.createdAt, rng.int(2, within));
    w.respondedAt = maxDate(w.createdAt, minDate(answered, w.startedAt ?? now, now));
  }
}

const FEEDBACK: Record<number, string[]> = {
  5: ['Fast and friendly, thank you!', 'Explained everything clearly.', 'Spotless work.'],
  4: ['Good job, arrived a bit late.', 'Fixed it, but had to come back for a part.'],
  3: ['Fixed, but the visit window was missed.', 'OK, left some mess behind.'],
  2: ['Problem came back the next day.', 'Nobody told us about the delay.'],
};

/** A customer rating on most completed orders; `weights` is the [rating, weight] mix. */
export function rate(
  rng: Rng,
  w: WorkOrderRow,
  weights: [number, number][] = [
    [5, 45],
    [4, 35],
    [3, 13],
    [2, 7],
  ],
) {
  const rating = rng.weighted(weights);
  w.customerRating = rating;
  w.customerFeedback = rng.chance(0.4) ? rng.pick(FEEDBACK[rating]!) : null;
}

/** Great-circle distance in km. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }) {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

export function overlaps(a: { start: Date; end: Date }, b: { start: Date; end: Date }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The booked jobs of a technician (cancelled ones do not hold time). */
export function bookingsOf(workOrders: WorkOrderRow[], technicianId: string) {
  return workOrders
    .filter(
      (w) =>
        w.technicianId === technicianId &&
        BOOKED.includes(w.status) &&
        w.scheduledStart &&
        w.scheduledEnd,
    )
    .map((w) => ({ start: w.scheduledStart!, end: w.scheduledEnd!, workOrder: w }));
}

/** True when the technician has no booked job in [start, end). */
export function isFree(
  workOrders: WorkOrderRow[],
  technicianId: string,
  start: Date,
  end: Date,
): boolean {
  return !bookingsOf(workOrders, technicianId).some((b) => overlaps(b, { start, end }));
}

export type TaskDraft = Omit<Prisma.StaffTaskCreateManyInput, 'id' | 'organizationId'> & {
  createdAt: Date;
};

/** A staff task; done tasks get their completion time, open ones none. */
export function staffTask(ctx: OpsContext, draft: TaskDraft): Prisma.StaffTaskCreateManyInput {
  const completedAt =
    draft.status === 'DONE'
      ? (draft.completedAt ?? minDate(addMinutes(draft.createdAt, 90), ctx.now))
      : null;
  return {
    id: randomUUID(),
    organizationId: ctx.organizationId,
    escalationLevel: 0,
    ...draft,
    completedAt,
    updatedAt: completedAt ?? draft.createdAt,
  };
}

/** Operations' read models of the guests domain, filled directly (operations never reads guests). */
export function projections(ctx: OpsContext, org: OrgSeed) {
  const { organizationId, now, clock } = ctx;
  const siteProjections = org.sites.map((s) => ({
    siteId: s.id!,
    organizationId,
    name: s.name,
    city: s.city,
    lat: s.lat,
    lng: s.lng,
    updatedAt: now,
  }));
  const roomProjections = org.rooms.map((r) => ({
    roomId: r.id!,
    organizationId,
    number: r.number,
    state: r.state ?? 'CLEAN',
    updatedAt: now,
  }));
  const guestOf = new Map(org.guests.map((g) => [g.id, g]));
  const roomNumber = new Map(org.rooms.map((r) => [r.id, r.number]));
  const reservationProjections = org.reservations
    .filter((r) => {
      const day = clock.dayOf(r.arrivalAt);
      return day >= -1 && day <= 7;
    })
    .map((r) => {
      const guest = guestOf.get(r.guestId)!;
      return {
        reservationId: r.id,
        organizationId,
        guestId: r.guestId,
        guestName: `${guest.firstName} ${guest.lastName}`,
        roomId: r.roomId ?? null,
        roomNumber: r.roomId ? (roomNumber.get(r.roomId) ?? null) : null,
        status: r.status,
        arrivalAt: r.arrivalAt,
        departureAt: r.departureAt,
        etaAt: r.etaAt ?? null,
        vip: guest.vip ?? false,
        products: r.products ?? [],
        notes: r.notes ?? null,
        updatedAt: now,
      };
    });
  return { siteProjections, roomProjections, reservationProjections };
}
