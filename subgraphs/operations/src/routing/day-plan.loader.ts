import type { WorkOrder as WorkOrderRow, WorkOrderStatus } from '@attendant/db';
import type { DbOrTx } from '@attendant/kit';
import { DispatchRepository } from '../dispatch/dispatch.repository';
import { SCHEDULABLE } from '../dispatch/dispatch.service';
import { dayOf, parseDay, type LocalDay } from '../dispatch/local-time';
import { AvailabilityService } from '../people/availability.service';
import type { DayPlan, PlanJob, PlanTechnician } from './day-plan';
import { RoutingError, RoutingErrorCode } from './routing.errors';

/** The optimizer moves what the board may reschedule; later statuses have started. */
const MOVABLE = SCHEDULABLE;
const STARTED: ReadonlySet<WorkOrderStatus> = new Set([
  'EN_ROUTE',
  'ARRIVED',
  'IN_PROGRESS',
  'ON_HOLD',
]);
const MINUTE = 60_000;

/** Reads one day (and team) of dispatch: technicians on duty, their jobs and the queue. */
export class DayPlanLoader {
  private readonly repo: DispatchRepository;
  private readonly availability: AvailabilityService;

  constructor(private readonly db: DbOrTx) {
    this.repo = new DispatchRepository(db);
    this.availability = new AvailabilityService(db);
  }

  /** The organization's local day, refusing days that are over. */
  async day(organizationId: string, dayText: string, now: Date): Promise<LocalDay> {
    const zone = await this.repo.timezoneOf(organizationId);
    const day = parseDay(dayText, zone);
    if (day.end <= now) {
      throw new RoutingError(
        RoutingErrorCode.DayOver,
        `${day.day} is over; pick today or a later day`,
        {
          field: 'day',
        },
      );
    }
    return day;
  }

  async today(organizationId: string, now: Date): Promise<LocalDay> {
    return dayOf(now, await this.repo.timezoneOf(organizationId));
  }

  async load(
    organizationId: string,
    day: LocalDay,
    teamId: string | null,
    now: Date,
  ): Promise<DayPlan> {
    const lanes = (await this.repo.laneTechnicians(organizationId, day, teamId)).filter(
      (t) => t.active,
    );
    const ids = lanes.map((t) => t.id);
    const windows = await this.availability.workingWindows(organizationId, ids, day.start, day.end);
    const booked = (await this.repo.jobsOfDay(organizationId, ids, day)).filter(
      (w) => MOVABLE.has(w.status) || STARTED.has(w.status),
    );
    const queue = await this.repo.unassigned(organizationId, day.end, teamId);
    const rows = [...booked, ...queue.filter((w) => MOVABLE.has(w.status))];
    const serviceTypeIds = [
      ...new Set(rows.flatMap((w) => (w.serviceTypeId ? [w.serviceTypeId] : []))),
    ];
    const required = new Map<string, Record<string, number>>();
    for (const s of await this.repo.requiredSkills(organizationId, serviceTypeIds)) {
      required.set(s.serviceTypeId, { ...required.get(s.serviceTypeId), [s.skillId]: s.minLevel });
    }
    const siteIds = [...new Set(rows.flatMap((w) => (w.siteId ? [w.siteId] : [])))];
    const sites = new Map(
      (await this.repo.sites(organizationId, siteIds)).map((s) => [
        s.siteId,
        { lat: s.lat, lng: s.lng },
      ]),
    );

    const technicians: PlanTechnician[] = lanes.map((t) => ({
      id: t.id,
      name: t.name,
      home: t.homeLat !== null && t.homeLng !== null ? { lat: t.homeLat, lng: t.homeLng } : null,
      windows: (windows.get(t.id) ?? []).map((w) => ({ start: w.start, end: w.end })),
      skills: Object.fromEntries(t.skills.map((s) => [s.skillId, s.level])),
      maxJobs: t.maxJobsPerDay,
    }));
    const planFrom = new Date(Math.max(day.start.getTime(), now.getTime()));
    const jobs = rows.flatMap((w): PlanJob[] => {
      const start = w.scheduledStart ?? (STARTED.has(w.status) ? w.startedAt : null);
      const end =
        w.scheduledEnd ?? (start ? new Date(start.getTime() + w.estimatedMinutes * MINUTE) : null);
      // The past is not replanned: a booking already over is left alone, one running by the
      // clock stays where it is like a started job.
      const booked = w.technicianId !== null && start !== null && end !== null;
      if (booked && end <= planFrom && !STARTED.has(w.status)) return [];
      const locked = STARTED.has(w.status) || (booked && start < planFrom);
      if (locked && !start) return [];
      return [
        {
          id: w.id,
          label: labelOf(w),
          location: w.siteId ? (sites.get(w.siteId) ?? null) : null,
          durationMinutes: w.estimatedMinutes,
          windowStart: w.windowStart,
          windowEnd: w.windowEnd,
          slaDueAt: w.slaDueAt,
          priority: w.priority,
          skills: w.serviceTypeId ? (required.get(w.serviceTypeId) ?? {}) : {},
          status: w.status,
          technicianId: w.technicianId,
          start,
          end:
            w.scheduledEnd ??
            (start ? new Date(start.getTime() + w.estimatedMinutes * MINUTE) : null),
          version: w.version,
          locked,
        },
      ];
    });
    return {
      organizationId,
      day,
      planFrom,
      technicians,
      jobs,
    };
  }
}

export const labelOf = (w: Pick<WorkOrderRow, 'number' | 'title'>) => `WO-${w.number} ${w.title}`;
