import type { WorkOrderPriority, WorkOrderStatus, WorkOrder as WorkOrderRow } from '@attendant/db';
import { tenant, type Actor, type Db, type Role } from '@attendant/kit';
import { AvailabilityService, shiftWindows } from '../people/availability.service';
import { SlaService } from '../sla/sla.service';
import { recordWorkOrderEvent } from '../work-order/work-order.events';
import type { ScheduleConflictView } from './conflict.rules';
import { ConflictService } from './conflict.service';
import {
  DispatchError,
  DispatchErrorCode,
  technicianNotFound,
  scheduleRefused,
  workOrderNotFound,
} from './dispatch.errors';
import { DispatchRepository, type LaneTechnicianRow } from './dispatch.repository';
import type { CheckScheduleInput, ScheduleWorkOrderInput } from './dispatch.type';
import { dayOf, parseDay, type LocalDay } from './local-time';

export interface BoardLaneView {
  technician: LaneTechnicianRow;
  shiftStart: Date | null;
  shiftEnd: Date | null;
  working: boolean;
  timeOff: { startsAt: Date; endsAt: Date; reason: string }[];
  jobs: WorkOrderRow[];
  utilization: number | null;
}

export interface DispatchBoardView {
  day: string;
  timezone: string;
  start: Date;
  end: Date;
  technicians: BoardLaneView[];
  unassigned: WorkOrderRow[];
  conflicts: ScheduleConflictView[];
  locations: { workOrderId: string; lat: number; lng: number }[];
}

const PRIORITY_RANK: Readonly<Record<WorkOrderPriority, number>> = {
  EMERGENCY: 0,
  HIGH: 1,
  NORMAL: 2,
  LOW: 3,
};
/** Statuses the board may (re)schedule; later ones are already underway. */
export const SCHEDULABLE: ReadonlySet<WorkOrderStatus> = new Set([
  'NEW',
  'SCHEDULED',
  'DISPATCHED',
]);
const FORCERS: readonly Role[] = ['ADMIN', 'MANAGER', 'DISPATCHER'];
const MAX_DAYS_AHEAD = 366;
const MINUTE = 60_000;

const overlapMs = (a: { start: Date; end: Date }, b: { start: Date; end: Date }) =>
  Math.max(
    0,
    Math.min(a.end.getTime(), b.end.getTime()) - Math.max(a.start.getTime(), b.start.getTime()),
  );

/** The dispatch board, schedule checks and (re)scheduling with conflict refusal. */
export class DispatchService {
  private readonly repo: DispatchRepository;
  private readonly conflicts: ConflictService;
  private readonly availability: AvailabilityService;
  private readonly sla: SlaService;

  constructor(private readonly db: Db) {
    this.repo = new DispatchRepository(db);
    this.conflicts = new ConflictService(db);
    this.availability = new AvailabilityService(db);
    this.sla = new SlaService(db);
  }

  async board(actor: Actor, dayText: string, teamId: string | null): Promise<DispatchBoardView> {
    const org = tenant(actor).organizationId;
    const timezone = await this.repo.timezoneOf(org);
    const day = parseDay(dayText, timezone);
    const technicians = await this.repo.laneTechnicians(org, day, teamId);
    const ids = technicians.map((t) => t.id);
    const windows = await this.availability.workingWindows(org, ids, day.start, day.end);
    const timeOff = await this.repo.timeOff(org, ids, day.start, day.end);
    const jobs = await this.repo.jobsOfDay(org, ids, day);
    const unassigned = await this.sortQueue(
      actor,
      await this.repo.unassigned(org, day.end, teamId),
    );
    const conflicts = await this.conflicts.forBoard(org, [...jobs, ...unassigned], {
      day: day.day,
    });
    const siteIds = [
      ...new Set([...jobs, ...unassigned].flatMap((w) => (w.siteId ? [w.siteId] : []))),
    ];
    const sites = new Map((await this.repo.sites(org, siteIds)).map((s) => [s.siteId, s]));

    const lanes = technicians.map((technician): BoardLaneView => {
      const open = windows.get(technician.id) ?? [];
      const shift = technician.active ? shiftWindows(technician, timezone, day.start, day.end) : [];
      const working = open.length > 0;
      const own = jobs.filter((j) => j.technicianId === technician.id);
      const workingMs = open.reduce((sum, w) => sum + (w.end.getTime() - w.start.getTime()), 0);
      const bookedMs = own.reduce(
        (sum, j) => sum + overlapMs({ start: j.scheduledStart!, end: j.scheduledEnd! }, day),
        0,
      );
      return {
        technician,
        shiftStart: working ? (shift[0]?.start ?? null) : null,
        shiftEnd: working ? (shift.at(-1)?.end ?? null) : null,
        working,
        timeOff: timeOff
          .filter((o) => o.technicianId === technician.id)
          .map((o) => ({ startsAt: o.startsAt, endsAt: o.endsAt, reason: o.reason })),
        jobs: own,
        utilization: workingMs > 0 ? Math.round((bookedMs / workingMs) * 1000) / 1000 : null,
      };
    });
    const all = [...jobs, ...unassigned];
    return {
      day: day.day,
      timezone,
      start: day.start,
      end: day.end,
      technicians: lanes,
      unassigned,
      conflicts: all.flatMap((w) => conflicts.get(w.id) ?? []),
      locations: all.flatMap((w) => {
        const site = w.siteId ? sites.get(w.siteId) : undefined;
        return site ? [{ workOrderId: w.id, lat: site.lat, lng: site.lng }] : [];
      }),
    };
  }

  /** Conflicts of scheduled open work orders where they stand (for WorkOrder.conflicts). */
  async conflictsOf(
    actor: Actor,
    ids: readonly string[],
  ): Promise<{ id: string; conflicts: ScheduleConflictView[] }[]> {
    const org = tenant(actor).organizationId;
    const rows = await this.repo.workOrdersByIds(org, ids);
    const found = await this.conflicts.forBoard(org, rows);
    return ids.map((id) => ({ id, conflicts: found.get(id) ?? [] }));
  }

  /** What scheduling would run into, without changing anything (drag previews). */
  async checkSchedule(actor: Actor, input: CheckScheduleInput): Promise<ScheduleConflictView[]> {
    const org = tenant(actor).organizationId;
    const order = await this.repo.findWorkOrder(org, input.workOrderId);
    if (!order) throw workOrderNotFound(input.workOrderId);
    return this.conflicts.check(org, {
      workOrderId: order.id,
      technicianId: input.technicianId ?? null,
      start: input.start,
      end: new Date(input.start.getTime() + order.estimatedMinutes * MINUTE),
    });
  }

  /**
   * Puts a work order on a technician's timeline (or back into the queue). Blocking conflicts
   * refuse it unless forced by a planner; the check runs again under a lock on the technician,
   * so two dispatchers dropping jobs at once cannot double-book them.
   */
  async schedule(actor: Actor, input: ScheduleWorkOrderInput): Promise<WorkOrderRow> {
    const t = tenant(actor);
    const org = t.organizationId;
    const current = await this.repo.findWorkOrder(org, input.workOrderId);
    if (!current) throw workOrderNotFound(input.workOrderId);
    const label = `WO-${current.number}`;
    if (current.status === 'COMPLETED' || current.status === 'CANCELLED') {
      throw new DispatchError(
        DispatchErrorCode.Closed,
        `${label} is ${current.status.toLowerCase()} and can no longer be scheduled`,
      );
    }
    if (!SCHEDULABLE.has(current.status)) {
      throw new DispatchError(
        DispatchErrorCode.NotReschedulable,
        `${label} is ${current.status.toLowerCase().replace('_', ' ')} and cannot be rescheduled from the board`,
        { field: 'workOrderId', status: current.status },
      );
    }
    if (input.expectedVersion != null && input.expectedVersion !== current.version) {
      throw versionConflict(current.id);
    }
    if (input.force && !t.roles.some((r) => FORCERS.includes(r))) {
      throw new DispatchError(
        DispatchErrorCode.ForceNotAllowed,
        'Only an admin, manager or dispatcher can schedule despite conflicts',
      );
    }
    const technicianId = input.technicianId ?? null;
    const start = input.start ?? null;
    if (technicianId) {
      if (!start) {
        throw new DispatchError(
          DispatchErrorCode.StartRequired,
          `Give a start time to schedule ${label}`,
          { field: 'start' },
        );
      }
      const technician = await this.repo.findTechnician(org, technicianId);
      if (!technician) throw technicianNotFound(technicianId);
      if (!technician.active) {
        throw new DispatchError(
          DispatchErrorCode.TechnicianInactive,
          `${technician.name} is inactive and cannot take jobs`,
          { field: 'technicianId' },
        );
      }
    }
    if (start) checkStart(start, dayOf(new Date(), await this.repo.timezoneOf(org)));
    const end = start ? new Date(start.getTime() + current.estimatedMinutes * MINUTE) : null;

    return this.db.$transaction(async (tx) => {
      const repo = new DispatchRepository(tx);
      let conflicts: ScheduleConflictView[] = [];
      if (technicianId && start && end) {
        conflicts = await new ConflictService(tx).checkLocked(org, {
          workOrderId: current.id,
          technicianId,
          start,
          end,
        });
      }
      const blocking = conflicts.filter((c) => c.blocking);
      if (blocking.length > 0 && !input.force) throw scheduleRefused(label, conflicts);
      const status = nextStatus(current.status, technicianId !== null);
      const reason = input.reason?.trim() || null;
      const row = await repo.updateVersioned(org, current.id, current.version, {
        technicianId,
        vendorId: null,
        scheduledStart: start,
        scheduledEnd: end,
        status,
        ...(status !== current.status ? { statusReason: reason } : {}),
      });
      if (!row) throw versionConflict(current.id);
      await recordWorkOrderEvent(tx, 'WorkOrderUpdated', row, {
        change: 'schedule',
        changedById: t.userId,
        previousTechnicianId: current.technicianId,
        previousStatus: current.status,
        reason,
        forcedConflicts: blocking.map((c) => ({ kind: c.kind, message: c.message })),
        warnings: conflicts
          .filter((c) => !c.blocking)
          .map((c) => ({ kind: c.kind, message: c.message })),
      });
      if (status !== current.status) {
        await recordWorkOrderEvent(tx, 'WorkOrderStatusChanged', row, {
          previousStatus: current.status,
        });
      }
      return row;
    });
  }

  /**
   * Priority first, then how much of the SLA is used up (on each policy's business clock), then
   * the earliest deadline, then age.
   */
  private async sortQueue(actor: Actor, rows: WorkOrderRow[]): Promise<WorkOrderRow[]> {
    const now = new Date();
    const policyIds = [...new Set(rows.flatMap((r) => (r.slaPolicyId ? [r.slaPolicyId] : [])))];
    const policies = new Map(
      (await this.sla.policiesByIds(actor, policyIds)).map((p) => [p.id, p]),
    );
    const risk = new Map(
      rows.map((r) => [
        r.id,
        this.sla.risk(r, now, r.slaPolicyId ? policies.get(r.slaPolicyId) : null),
      ]),
    );
    return [...rows].sort(
      (a, b) =>
        PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
        compareRisk(risk.get(b.id) ?? 0, risk.get(a.id) ?? 0) ||
        (a.slaDueAt?.getTime() ?? Infinity) - (b.slaDueAt?.getTime() ?? Infinity) ||
        a.createdAt.getTime() - b.createdAt.getTime() ||
        a.number - b.number,
    );
  }
}

// Infinity - Infinity is NaN, which a sort comparator must never return.
const compareRisk = (a: number, b: number) => (a === b ? 0 : a > b ? 1 : -1);

/** NEW becomes SCHEDULED on assignment; going back to the queue undoes SCHEDULED/DISPATCHED. */
export function nextStatus(current: WorkOrderStatus, assigned: boolean): WorkOrderStatus {
  if (assigned) return current === 'NEW' ? 'SCHEDULED' : current;
  return current === 'SCHEDULED' || current === 'DISPATCHED' ? 'NEW' : current;
}

function checkStart(start: Date, today: LocalDay): void {
  if (start < today.start) {
    throw new DispatchError(DispatchErrorCode.StartOutOfRange, 'Pick a start time from today on', {
      field: 'start',
    });
  }
  if (start.getTime() > today.start.getTime() + MAX_DAYS_AHEAD * 24 * 60 * MINUTE) {
    throw new DispatchError(
      DispatchErrorCode.StartOutOfRange,
      'Pick a start time within the next year',
      { field: 'start' },
    );
  }
}

const versionConflict = (id: string) =>
  new DispatchError(
    DispatchErrorCode.VersionConflict,
    'Someone else changed this work order; reload and try again',
    { id },
  );
