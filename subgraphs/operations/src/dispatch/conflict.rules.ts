import type { WorkOrder as WorkOrderRow } from '@attendant/db';
import type { Booking, QualifiedTechnicianRow, RequiredSkill } from './dispatch.repository';
import { ConflictKind } from './dispatch.type';
import { formatDay, formatRange, formatTime, type LocalDay } from './local-time';

export interface ScheduleConflictView {
  kind: ConflictKind;
  message: string;
  blocking: boolean;
  workOrderId: string;
  otherWorkOrderId: string | null;
}

/** Conflicts that refuse a schedule unless forced; the others are warnings. */
export const BLOCKING_KINDS: ReadonlySet<ConflictKind> = new Set([
  ConflictKind.DOUBLE_BOOKED,
  ConflictKind.OUTSIDE_SHIFT,
  ConflictKind.TIME_OFF,
  ConflictKind.MISSING_SKILL,
  ConflictKind.ROOM_OUT_OF_ORDER,
]);

// Room states (guests' RoomState enum) in which no service can be scheduled in the room.
const ROOM_UNAVAILABLE: Readonly<Record<string, string>> = {
  OUT_OF_ORDER: 'out of order',
  OUT_OF_SERVICE: 'out of service',
};

export interface Interval {
  start: Date;
  end: Date;
}

export interface TimeOffRow extends Interval {
  technicianId: string;
  reason: string;
}

/** Everything conflict detection reads, loaded once for many work orders. */
export interface ConflictContext {
  zone: string;
  technicians: Map<string, QualifiedTechnicianRow>;
  /** Active technicians holding some required skill: candidates for NO_QUALIFIED_TECHNICIAN. */
  candidates: QualifiedTechnicianRow[];
  windows: Map<string, Interval[]>;
  bookings: Map<string, Booking[]>;
  timeOff: Map<string, TimeOffRow[]>;
  required: Map<string, RequiredSkill[]>;
  roomStates: Map<string, string>;
}

/** One work order at a proposed (or its current) place on the schedule. */
export interface ConflictSubject {
  order: WorkOrderRow;
  technicianId: string | null;
  /** Null for an unscheduled order: only the checks that need no time run. */
  start: Date | null;
  end: Date | null;
  day: LocalDay;
}

const overlaps = (a: Interval, b: Interval) => a.start < b.end && a.end > b.start;

/** Whether the union of `intervals` covers [start, end) without a gap. */
export function covers(intervals: readonly Interval[], start: Date, end: Date): boolean {
  let cursor = start.getTime();
  const sorted = [...intervals].sort((a, b) => a.start.getTime() - b.start.getTime());
  for (const i of sorted) {
    if (i.start.getTime() > cursor) break;
    cursor = Math.max(cursor, i.end.getTime());
    if (cursor >= end.getTime()) return true;
  }
  return cursor >= end.getTime();
}

export function detectConflicts(ctx: ConflictContext, s: ConflictSubject): ScheduleConflictView[] {
  const out: ScheduleConflictView[] = [];
  const add = (kind: ConflictKind, message: string, otherWorkOrderId: string | null = null) =>
    out.push({
      kind,
      message,
      blocking: BLOCKING_KINDS.has(kind),
      workOrderId: s.order.id,
      otherWorkOrderId,
    });
  const label = `WO-${s.order.number}`;
  const required = s.order.serviceTypeId ? (ctx.required.get(s.order.serviceTypeId) ?? []) : [];
  const tech = s.technicianId ? ctx.technicians.get(s.technicianId) : undefined;
  const slot = s.start && s.end ? { start: s.start, end: s.end } : null;

  if (tech && slot) {
    for (const b of ctx.bookings.get(tech.id) ?? []) {
      if (b.id === s.order.id || !overlaps(b, slot)) continue;
      add(
        ConflictKind.DOUBLE_BOOKED,
        `${tech.name} already has WO-${b.number} ${formatRange(b.start, b.end, s.day)}`,
        b.id,
      );
    }
    const offs = (ctx.timeOff.get(tech.id) ?? []).filter((o) => overlaps(o, slot));
    for (const o of offs) {
      add(
        ConflictKind.TIME_OFF,
        `${tech.name} is off ${formatRange(o.start, o.end, s.day)} (${o.reason})`,
      );
    }
    // Working windows already exclude time off; a job that only collides with time off is
    // reported once, as TIME_OFF, so the time off counts as covered here.
    const windows = ctx.windows.get(tech.id) ?? [];
    if (!covers([...windows, ...offs], slot.start, slot.end)) {
      const today = windows.filter((w) => overlaps(w, s.day));
      add(
        ConflictKind.OUTSIDE_SHIFT,
        today.length === 0
          ? `${tech.name} does not work on ${formatDay(s.day)}`
          : `${label} ${formatRange(slot.start, slot.end, s.day)} is outside ${tech.name}'s working hours ${today.map((w) => formatRange(w.start, w.end, s.day)).join(', ')}`,
      );
    }
    const sameDay = (ctx.bookings.get(tech.id) ?? []).filter(
      (b) => b.id !== s.order.id && b.start >= s.day.start && b.start < s.day.end,
    );
    const jobs = sameDay.length + 1;
    if (jobs > tech.maxJobsPerDay) {
      add(
        ConflictKind.OVER_DAILY_LIMIT,
        `${tech.name} would have ${jobs} jobs on ${formatDay(s.day)} (limit ${tech.maxJobsPerDay})`,
      );
    }
  }

  if (tech) {
    for (const req of required) {
      const held = tech.skills.find((k) => k.skillId === req.skillId);
      if (!held || held.level < req.minLevel) {
        add(
          ConflictKind.MISSING_SKILL,
          held
            ? `${tech.name} has ${req.name} at level ${held.level}; ${label} needs level ${req.minLevel}`
            : `${tech.name} lacks ${req.name}, which ${label} needs`,
        );
      }
      const certs = tech.certifications.filter(
        (c) => c.name.trim().toLowerCase() === req.name.trim().toLowerCase(),
      );
      const expired = (c: { expiresOn: Date | null }) =>
        c.expiresOn !== null && c.expiresOn.toISOString().slice(0, 10) < s.day.day;
      if (certs.length > 0 && certs.every(expired)) {
        const last = certs
          .map((c) => c.expiresOn!.toISOString().slice(0, 10))
          .sort()
          .at(-1);
        add(
          ConflictKind.CERTIFICATION_EXPIRED,
          `${tech.name}'s ${certs[0]!.name} certification expired on ${last}`,
        );
      }
    }
  }

  if (required.length > 0) {
    const qualified = ctx.candidates.some(
      (c) =>
        c.active &&
        required.every((r) =>
          c.skills.some((k) => k.skillId === r.skillId && k.level >= r.minLevel),
        ) &&
        (ctx.windows.get(c.id) ?? []).some((w) => overlaps(w, s.day)),
    );
    if (!qualified) {
      const skills = required.map((r) => `${r.name} (level ${r.minLevel})`).join(', ');
      add(
        ConflictKind.NO_QUALIFIED_TECHNICIAN,
        `No active technician with ${skills} works on ${formatDay(s.day)}`,
      );
    }
  }

  const roomState = s.order.roomId ? ctx.roomStates.get(s.order.roomId) : undefined;
  if (roomState && ROOM_UNAVAILABLE[roomState]) {
    add(ConflictKind.ROOM_OUT_OF_ORDER, `The room of ${label} is ${ROOM_UNAVAILABLE[roomState]}`);
  }

  if (slot) {
    const { windowStart: from, windowEnd: to } = s.order;
    if ((from && slot.start < from) || (to && slot.end > to)) {
      const window =
        from && to
          ? formatRange(from, to, s.day)
          : from
            ? `from ${formatTime(from, ctx.zone)}`
            : `until ${formatTime(to!, ctx.zone)}`;
      add(
        ConflictKind.OUTSIDE_TIME_WINDOW,
        `${label} ${formatRange(slot.start, slot.end, s.day)} is outside the customer's window ${window}`,
      );
    }
  }
  return out;
}
