import type { Prisma, WorkOrder as WorkOrderRow } from '@attendant/db';
import type { DbOrTx } from '@attendant/kit';
import { zoneOrUtc } from '../people/availability.service';
import { OPEN_STATUSES } from '../work-order/work-order.transitions';

/** The most unassigned orders the board shows at once. */
export const UNASSIGNED_LIMIT = 300;

const withSkills = { skills: { include: { skill: true } } } satisfies Prisma.TechnicianInclude;
export type LaneTechnicianRow = Prisma.TechnicianGetPayload<{ include: typeof withSkills }>;

const withQualifications = {
  skills: { include: { skill: true } },
  certifications: true,
} satisfies Prisma.TechnicianInclude;
export type QualifiedTechnicianRow = Prisma.TechnicianGetPayload<{
  include: typeof withQualifications;
}>;

export interface Booking {
  id: string;
  number: number;
  technicianId: string;
  start: Date;
  end: Date;
}

export interface RequiredSkill {
  serviceTypeId: string;
  skillId: string;
  minLevel: number;
  name: string;
}

/** Queries of the dispatch board and conflict detection; every one scoped to an organization. */
export class DispatchRepository {
  constructor(private readonly db: DbOrTx) {}

  /** The organization's IANA zone (UTC when unknown). */
  async timezoneOf(organizationId: string): Promise<string> {
    const org = await this.db.organization.findUnique({
      where: { id: organizationId },
      select: { timezone: true },
    });
    return zoneOrUtc(org?.timezone);
  }

  workOrdersByIds(organizationId: string, ids: readonly string[]): Promise<WorkOrderRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.workOrder.findMany({ where: { organizationId, id: { in: [...ids] } } });
  }

  techniciansByIds(
    organizationId: string,
    ids: readonly string[],
  ): Promise<QualifiedTechnicianRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.technician.findMany({
      where: { organizationId, id: { in: [...ids] } },
      include: withQualifications,
    });
  }

  /** Active technicians holding at least one of the skills (narrowed further by the caller). */
  activeWithAnySkill(
    organizationId: string,
    skillIds: readonly string[],
  ): Promise<QualifiedTechnicianRow[]> {
    if (skillIds.length === 0) return Promise.resolve([]);
    return this.db.technician.findMany({
      where: { organizationId, active: true, skills: { some: { skillId: { in: [...skillIds] } } } },
      include: withQualifications,
    });
  }

  /** Open, scheduled orders of the technicians overlapping [from, to). */
  async bookings(
    organizationId: string,
    technicianIds: readonly string[],
    from: Date,
    to: Date,
  ): Promise<Booking[]> {
    if (technicianIds.length === 0) return [];
    const rows = await this.db.workOrder.findMany({
      where: {
        organizationId,
        technicianId: { in: [...technicianIds] },
        status: { in: [...OPEN_STATUSES] },
        scheduledStart: { lt: to },
        scheduledEnd: { gt: from },
      },
      select: {
        id: true,
        number: true,
        technicianId: true,
        scheduledStart: true,
        scheduledEnd: true,
      },
      orderBy: [{ scheduledStart: 'asc' }, { number: 'asc' }],
    });
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      technicianId: r.technicianId as string,
      start: r.scheduledStart as Date,
      end: r.scheduledEnd as Date,
    }));
  }

  timeOff(organizationId: string, technicianIds: readonly string[], from: Date, to: Date) {
    if (technicianIds.length === 0) return Promise.resolve([]);
    return this.db.technicianTimeOff.findMany({
      where: {
        organizationId,
        technicianId: { in: [...technicianIds] },
        startsAt: { lt: to },
        endsAt: { gt: from },
      },
      orderBy: { startsAt: 'asc' },
    });
  }

  async requiredSkills(
    organizationId: string,
    serviceTypeIds: readonly string[],
  ): Promise<RequiredSkill[]> {
    if (serviceTypeIds.length === 0) return [];
    const rows = await this.db.serviceTypeSkill.findMany({
      where: { serviceTypeId: { in: [...serviceTypeIds] }, serviceType: { organizationId } },
      include: { skill: { select: { name: true } } },
    });
    return rows.map((r) => ({
      serviceTypeId: r.serviceTypeId,
      skillId: r.skillId,
      minLevel: r.minLevel,
      name: r.skill.name,
    }));
  }

  roomStates(organizationId: string, roomIds: readonly string[]) {
    if (roomIds.length === 0) return Promise.resolve([]);
    return this.db.roomProjection.findMany({
      where: { organizationId, roomId: { in: [...roomIds] } },
      select: { roomId: true, state: true },
    });
  }

  sites(organizationId: string, siteIds: readonly string[]) {
    if (siteIds.length === 0) return Promise.resolve([]);
    return this.db.siteProjection.findMany({
      where: { organizationId, siteId: { in: [...siteIds] } },
      select: { siteId: true, lat: true, lng: true },
    });
  }

  /** Lanes: active technicians, plus inactive ones that still have jobs on the day. */
  laneTechnicians(
    organizationId: string,
    day: { start: Date; end: Date },
    teamId: string | null,
  ): Promise<LaneTechnicianRow[]> {
    return this.db.technician.findMany({
      where: {
        organizationId,
        ...(teamId ? { teamId } : {}),
        OR: [
          { active: true },
          {
            workOrders: {
              some: {
                status: { not: 'CANCELLED' },
                scheduledStart: { lt: day.end },
                scheduledEnd: { gt: day.start },
              },
            },
          },
        ],
      },
      include: withSkills,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    });
  }

  /** Jobs of the technicians overlapping the day (cancelled ones left out), by start. */
  jobsOfDay(
    organizationId: string,
    technicianIds: readonly string[],
    day: { start: Date; end: Date },
  ): Promise<WorkOrderRow[]> {
    if (technicianIds.length === 0) return Promise.resolve([]);
    return this.db.workOrder.findMany({
      where: {
        organizationId,
        technicianId: { in: [...technicianIds] },
        status: { not: 'CANCELLED' },
        scheduledStart: { lt: day.end },
        scheduledEnd: { gt: day.start },
      },
      orderBy: [{ scheduledStart: 'asc' }, { number: 'asc' }],
    });
  }

  /**
   * The unassigned queue of a day (at most UNASSIGNED_LIMIT orders): open orders without technician or vendor that are due on or
   * before the day (by schedule, customer window or SLA), or carry no date at all.
   */
  unassigned(organizationId: string, dayEnd: Date, teamId: string | null): Promise<WorkOrderRow[]> {
    return this.db.workOrder.findMany({
      where: {
        organizationId,
        technicianId: null,
        vendorId: null,
        status: { in: [...OPEN_STATUSES] },
        AND: [
          {
            OR: [
              { scheduledStart: null, windowStart: null, slaDueAt: null },
              { scheduledStart: { lt: dayEnd } },
              { windowStart: { lt: dayEnd } },
              { slaDueAt: { lt: dayEnd } },
            ],
          },
          ...(teamId ? [{ OR: [{ teamId }, { teamId: null }] }] : []),
        ],
      },
      // A bounded queue, most pressing first (the service then orders it by SLA risk too).
      orderBy: [
        { priority: 'asc' },
        { slaDueAt: { sort: 'asc', nulls: 'last' } },
        { createdAt: 'asc' },
      ],
      take: UNASSIGNED_LIMIT,
    });
  }

  findWorkOrder(organizationId: string, id: string): Promise<WorkOrderRow | null> {
    return this.db.workOrder.findFirst({ where: { organizationId, id } });
  }

  findTechnician(organizationId: string, id: string) {
    return this.db.technician.findFirst({
      where: { organizationId, id },
      select: { id: true, name: true, active: true },
    });
  }

  /** Serialises scheduling onto one technician, so two dispatchers cannot double-book them. */
  async lockTechnician(organizationId: string, id: string): Promise<void> {
    await this.db.$queryRawUnsafe(
      `SELECT id FROM "operations"."technician" WHERE id = $1::uuid AND "organizationId" = $2::uuid FOR UPDATE`,
      id,
      organizationId,
    );
  }

  /** Updates only if the version still matches; null when someone else changed it first. */
  async updateVersioned(
    organizationId: string,
    id: string,
    version: number,
    data: Prisma.WorkOrderUncheckedUpdateManyInput,
  ): Promise<WorkOrderRow | null> {
    const { count } = await this.db.workOrder.updateMany({
      where: { id, organizationId, version },
      data: { ...data, version: { increment: 1 } },
    });
    return count === 0 ? null : this.findWorkOrder(organizationId, id);
  }
}
