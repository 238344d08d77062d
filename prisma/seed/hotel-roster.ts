import type { WorkOrderStatus } from '@attendant/db';
import type { WorkOrderRow } from './index';
import { maxDate, MINUTE, type Clock } from './random';

interface RosterTechnician {
  id: string;
  shiftStartMin: number;
  shiftEndMin: number;
  workDays?: number[];
}

const BOOKED: WorkOrderStatus[] = ['SCHEDULED', 'DISPATCHED', 'IN_PROGRESS', 'ON_HOLD'];
const MOVABLE: WorkOrderStatus[] = ['SCHEDULED', 'DISPATCHED'];

/** A job under way that would run past the end of the shift started earlier, if it could have. */
function finishInShift(t: RosterTechnician, w: WorkOrderRow, clock: Clock) {
  const day = clock.dayOf(w.scheduledStart!);
  const start = clock.at(day, t.shiftEndMin - w.estimatedMinutes);
  if (start >= w.scheduledStart! || start < clock.at(day, t.shiftStartMin) || start <= w.createdAt)
    return;
  const delta = start.getTime() - w.scheduledStart!.getTime();
  const moved = (d: Date | null) => d && new Date(d.getTime() + delta);
  w.scheduledStart = start;
  w.scheduledEnd = moved(w.scheduledEnd);
  w.windowStart = moved(w.windowStart);
  w.windowEnd = moved(w.windowEnd);
  w.startedAt = moved(w.startedAt);
  w.updatedAt = maxDate(w.createdAt, moved(w.updatedAt)!);
}

const booked = (w: WorkOrderRow, technicianId: string) =>
  w.technicianId === technicianId && BOOKED.includes(w.status) && w.scheduledStart !== null;

/**
 * Hotel jobs are drawn independently, so two may land on one technician at the same time or
 * after the shift. Jobs not started yet move to the technician's next free time in the shift
 * (the next morning when the shift is over): the dispatch board starts without accidental
 * conflicts.
 */
export function tidyHotelSchedule(
  technicians: RosterTechnician[],
  workOrders: WorkOrderRow[],
  clock: Clock,
): void {
  for (const t of technicians) {
    const jobs = workOrders
      .filter((w) => booked(w, t.id))
      .sort((a, b) => a.scheduledStart!.getTime() - b.scheduledStart!.getTime());
    let free = 0;
    for (const w of jobs) {
      if (w.status === 'IN_PROGRESS') finishInShift(t, w, clock);
      if (MOVABLE.includes(w.status)) {
        const earliest = Math.max(w.scheduledStart!.getTime(), free + 10 * MINUTE);
        let start = new Date(Math.ceil(earliest / (5 * MINUTE)) * 5 * MINUTE);
        const day = clock.dayOf(start);
        const local = clock.minuteOfDay(start);
        if (local < t.shiftStartMin) start = clock.at(day, t.shiftStartMin);
        else if (local + w.estimatedMinutes > t.shiftEndMin)
          start = clock.at(day + 1, t.shiftStartMin);
        const delta = start.getTime() - w.scheduledStart!.getTime();
        const moved = (d: Date | null) => d && new Date(d.getTime() + delta);
        w.scheduledStart = start;
        w.scheduledEnd = moved(w.scheduledEnd);
        w.windowStart = moved(w.windowStart);
        w.windowEnd = moved(w.windowEnd);
      }
      free = Math.max(free, w.scheduledEnd!.getTime());
    }
  }
}

/** Pairs of days off (days from today), best first: consecutive days, partners on different days. */
const DAYS_OFF: [number, number][][] = [0, 0, 1, 1].map((k) => {
  const consecutive: [number, number][] = k
    ? [
        [3, 4],
        [5, 6],
        [4, 5],
      ]
    : [
        [5, 6],
        [3, 4],
        [4, 5],
      ];
  return [...consecutive, [3, 5], [3, 6], [4, 6]];
});

/**
 * A hotel works every day: each technician has a five-day week whose two days off fall later
 * this week, on days without a job of theirs (best consecutive; six days when no pair is free) (so today, tomorrow and the day after are working
 * days for everybody). Returns the ISO weekdays each technician works.
 */
export function hotelRoster(
  technicians: RosterTechnician[],
  workOrders: WorkOrderRow[],
  clock: Clock,
): number[][] {
  return technicians.map((t, i) => {
    const busy = new Set(
      workOrders
        .filter((w) => booked(w, t.id))
        .map((w) => clock.weekday(clock.dayOf(w.scheduledStart!))),
    );
    const free = (d: number) => !busy.has(clock.weekday(d));
    const pairs = DAYS_OFF[i % DAYS_OFF.length]!;
    const off = (pairs.find((p) => p.every(free)) ?? [3, 4, 5, 6].filter(free).slice(0, 1)).map(
      clock.weekday,
    );
    return [1, 2, 3, 4, 5, 6, 7].filter((d) => !off.includes(d));
  });
}
