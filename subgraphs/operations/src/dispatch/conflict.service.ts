import type { WorkOrder as WorkOrderRow } from '@attendant/db';
import type { DbOrTx } from '@attendant/kit';
import { AvailabilityService } from '../people/availability.service';
import {
  detectConflicts,
  type ConflictContext,
  type ConflictSubject,
  type Interval,
  type ScheduleConflictView,
  type TimeOffRow,
} from './conflict.rules';
import { technicianNotFound, workOrderNotFound } from './dispatch.errors';
import { DispatchRepository } from './dispatch.repository';
import { dayOf, parseDay } from './local-time';

export type { ScheduleConflictView as ScheduleConflict } from './conflict.rules';

export interface ScheduleProposal {
  workOrderId: string;
  technicianId: string | null;
  start: Date;
  end: Date;
}

const CLOSED = new Set(['COMPLETED', 'CANCELLED']);

const groupBy = <T>(rows: readonly T[], key: (row: T) => string) => {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
};

/**
 * Finds what is wrong with a schedule: double bookings, shifts, time off, daily limits, skills,
 * certifications, rooms out of order and customer windows. All data for many orders is loaded in
 * a fixed number of queries, so the board costs the same as a single check.
 */
export class ConflictService {
  private readonly repo: DispatchRepository;
  private readonly availability: AvailabilityService;

  constructor(db: DbOrTx) {
    this.repo = new DispatchRepository(db);
    this.availability = new AvailabilityService(db);
  }

  /**
   * The check for a booking about to be saved: the technician's row is locked first (until the
   * transaction ends), so two bookings at once cannot both pass. Call it inside that transaction.
   */
  async checkLocked(
    organizationId: string,
    proposal: ScheduleProposal & { technicianId: string },
  ): Promise<ScheduleConflictView[]> {
    await this.repo.lockTechnician(organizationId, proposal.technicianId);
    return this.check(organizationId, proposal);
  }

  /** Conflicts of putting a work order on a technician (or nobody) at [start, end). */
  async check(organizationId: string, proposal: ScheduleProposal): Promise<ScheduleConflictView[]> {
    const [order] = await this.repo.workOrdersByIds(organizationId, [proposal.workOrderId]);
    if (!order) throw workOrderNotFound(proposal.workOrderId);
    const zone = await this.repo.timezoneOf(organizationId);
    const subject: ConflictSubject = {
      order,
      technicianId: proposal.technicianId,
      start: proposal.start,
      end: proposal.end,
      day: dayOf(proposal.start, zone),
    };
    const ctx = await this.load(organizationId, zone, [subject]);
    if (proposal.technicianId && !ctx.technicians.has(proposal.technicianId)) {
      throw technicianNotFound(proposal.technicianId);
    }
    return detectConflicts(ctx, subject);
  }

  /**
   * Conflicts of many work orders where they stand. Scheduled open orders are checked at their
   * schedule; unscheduled ones only for what needs no time (skills available on `day`, room),
   * and only when a day is given. Closed orders have none.
   */
  async forBoard(
    organizationId: string,
    rows: readonly WorkOrderRow[],
    options: { day?: string } = {},
  ): Promise<Map<string, ScheduleConflictView[]>> {
    const result = new Map<string, ScheduleConflictView[]>(rows.map((r) => [r.id, []]));
    const open = rows.filter((r) => !CLOSED.has(r.status));
    if (open.length === 0) return result;
    const zone = await this.repo.timezoneOf(organizationId);
    const boardDay = options.day ? parseDay(options.day, zone) : null;
    const subjects: ConflictSubject[] = [];
    for (const order of open) {
      if (order.scheduledStart && order.scheduledEnd) {
        subjects.push({
          order,
          technicianId: order.technicianId,
          start: order.scheduledStart,
          end: order.scheduledEnd,
          day: dayOf(order.scheduledStart, zone),
        });
      } else if (boardDay) {
        subjects.push({
          order,
          technicianId: order.technicianId,
          start: null,
          end: null,
          day: boardDay,
        });
      }
    }
    if (subjects.length === 0) return result;
    const ctx = await this.load(organizationId, zone, subjects);
    for (const s of subjects) result.set(s.order.id, detectConflicts(ctx, s));
    return result;
  }

  private async load(
    organizationId: string,
    zone: string,
    subjects: readonly ConflictSubject[],
  ): Promise<ConflictContext> {
    let from = subjects[0]!.day.start;
    let to = subjects[0]!.day.end;
    for (const s of subjects) {
      if (s.day.start < from) from = s.day.start;
      if (s.start && s.start < from) from = s.start;
      if (s.day.end > to) to = s.day.end;
      if (s.end && s.end > to) to = s.end;
    }
    const assignedIds = [
      ...new Set(subjects.flatMap((s) => (s.technicianId ? [s.technicianId] : []))),
    ];
    const serviceTypeIds = [
      ...new Set(subjects.flatMap((s) => (s.order.serviceTypeId ? [s.order.serviceTypeId] : []))),
    ];
    const roomIds = [...new Set(subjects.flatMap((s) => (s.order.roomId ? [s.order.roomId] : [])))];

    // Sequential on purpose: the service also runs inside a scheduling transaction.
    const required = await this.repo.requiredSkills(organizationId, serviceTypeIds);
    const technicians = await this.repo.techniciansByIds(organizationId, assignedIds);
    const candidates = await this.repo.activeWithAnySkill(organizationId, [
      ...new Set(required.map((r) => r.skillId)),
    ]);
    const windowIds = [...new Set([...assignedIds, ...candidates.map((c) => c.id)])];
    const windows =
      windowIds.length > 0
        ? await this.availability.workingWindows(organizationId, windowIds, from, to)
        : new Map<string, Interval[]>();
    const bookings = await this.repo.bookings(organizationId, assignedIds, from, to);
    const timeOff = await this.repo.timeOff(organizationId, assignedIds, from, to);
    const rooms = await this.repo.roomStates(organizationId, roomIds);

    return {
      zone,
      technicians: new Map(technicians.map((t) => [t.id, t])),
      candidates,
      windows,
      bookings: groupBy(bookings, (b) => b.technicianId),
      timeOff: groupBy(
        timeOff.map<TimeOffRow>((o) => ({
          technicianId: o.technicianId,
          start: o.startsAt,
          end: o.endsAt,
          reason: o.reason,
        })),
        (o) => o.technicianId,
      ),
      required: groupBy(required, (r) => r.serviceTypeId),
      roomStates: new Map(rooms.map((r) => [r.roomId, r.state])),
    };
  }
}
