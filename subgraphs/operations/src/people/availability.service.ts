import type { TechnicianTimeOff } from '@attendant/db';
import { isUuid, type DbOrTx } from '@attendant/kit';
import { DateTime } from 'luxon';

export interface TimeWindow {
  start: Date;
  end: Date;
}

/** A weekly shift: the same local times on each ISO weekday of `workDays` (1 = Monday). */
export interface WeeklyShift {
  shiftStartMin: number;
  shiftEndMin: number;
  workDays: readonly number[];
}

/** A valid IANA zone, or UTC when the stored one is unknown. */
export function zoneOrUtc(zone: string | null | undefined): string {
  return zone && DateTime.now().setZone(zone).isValid ? zone : 'UTC';
}

/** A local day at `minutes` after its midnight, by the wall clock (so DST days stay right). */
function atMinute(day: DateTime, minutes: number): DateTime {
  if (minutes >= 1440) return day.plus({ days: 1 }).startOf('day');
  return day.set({
    hour: Math.floor(minutes / 60),
    minute: minutes % 60,
    second: 0,
    millisecond: 0,
  });
}

/** The shift's occurrences that touch [from, to), clipped to it, in time order. */
export function shiftWindows(shift: WeeklyShift, zone: string, from: Date, to: Date): TimeWindow[] {
  const windows: TimeWindow[] = [];
  if (to <= from || shift.shiftEndMin <= shift.shiftStartMin) return windows;
  const end = DateTime.fromJSDate(to, { zone });
  for (
    let day = DateTime.fromJSDate(from, { zone }).startOf('day');
    day < end;
    day = day.plus({ days: 1 }).startOf('day')
  ) {
    if (!shift.workDays.includes(day.weekday)) continue;
    const start = atMinute(day, shift.shiftStartMin).toJSDate();
    const stop = atMinute(day, shift.shiftEndMin).toJSDate();
    const clipped = {
      start: start < from ? from : start,
      end: stop > to ? to : stop,
    };
    if (clipped.start < clipped.end) windows.push(clipped);
  }
  return windows;
}

/** `windows` with every `cuts` interval removed; a cut inside a window splits it in two. */
export function subtractIntervals(
  windows: readonly TimeWindow[],
  cuts: readonly TimeWindow[],
): TimeWindow[] {
  let result = [...windows];
  for (const cut of cuts) {
    result = result.flatMap((w) => {
      if (cut.end <= w.start || cut.start >= w.end) return [w];
      const parts: TimeWindow[] = [];
      if (cut.start > w.start) parts.push({ start: w.start, end: cut.start });
      if (cut.end < w.end) parts.push({ start: cut.end, end: w.end });
      return parts;
    });
  }
  return result;
}

/** True when [start, end) lies entirely inside one of the windows. */
export function isWithinWindows(windows: readonly TimeWindow[], start: Date, end: Date): boolean {
  return windows.some((w) => w.start <= start && end <= w.end);
}

/**
 * When technicians can work: their weekly shift on their work days in the organization's time
 * zone, minus time off. Inactive technicians have no working windows.
 */
export class AvailabilityService {
  constructor(private readonly db: DbOrTx) {}

  /** Working windows per technician id, clipped to [from, to); every asked id has an entry. */
  async workingWindows(
    organizationId: string,
    technicianIds: readonly string[],
    from: Date,
    to: Date,
  ): Promise<Map<string, TimeWindow[]>> {
    const result = new Map<string, TimeWindow[]>(technicianIds.map((id) => [id, []]));
    const ids = [...new Set(technicianIds.filter(isUuid))];
    if (ids.length === 0 || to <= from) return result;
    const [zone, technicians, timeOff] = await Promise.all([
      this.timezone(organizationId),
      this.db.technician.findMany({
        where: { organizationId, id: { in: ids }, active: true },
        select: { id: true, shiftStartMin: true, shiftEndMin: true, workDays: true },
      }),
      this.timeOffBetween(organizationId, ids, from, to),
    ]);
    for (const technician of technicians) {
      const off = timeOff.filter((t) => t.technicianId === technician.id);
      const shifts = shiftWindows(technician, zone, from, to);
      result.set(
        technician.id,
        subtractIntervals(
          shifts,
          off.map((t) => ({ start: t.startsAt, end: t.endsAt })),
        ),
      );
    }
    return result;
  }

  /** Time off of these technicians overlapping [from, to), by start. */
  timeOffBetween(
    organizationId: string,
    technicianIds: readonly string[],
    from: Date,
    to: Date,
  ): Promise<TechnicianTimeOff[]> {
    const ids = technicianIds.filter(isUuid);
    if (ids.length === 0 || to <= from) return Promise.resolve([]);
    return this.db.technicianTimeOff.findMany({
      where: {
        organizationId,
        technicianId: { in: ids },
        startsAt: { lt: to },
        endsAt: { gt: from },
      },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    });
  }

  /** The organization's IANA time zone (UTC when unknown). */
  async timezone(organizationId: string): Promise<string> {
    const org = await this.db.organization.findUnique({
      where: { id: organizationId },
      select: { timezone: true },
    });
    return zoneOrUtc(org?.timezone);
  }
}
