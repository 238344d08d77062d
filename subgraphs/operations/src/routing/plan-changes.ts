import { formatTime } from '../dispatch/local-time';
import type { DayPlan, PlanResult } from './day-plan';
import { ScheduleChangeKind } from './routing.type';

/** A work order's move from the plan as it stands to a proposal, as stored and applied. */
export interface PlanChange {
  workOrderId: string;
  kind: ScheduleChangeKind;
  fromTechnicianId: string | null;
  fromStart: Date | null;
  toTechnicianId: string | null;
  toStart: Date | null;
  toEnd: Date | null;
  summary: string;
  /** The work order's version the change was computed from; a newer one makes it stale. */
  expectedVersion: number;
  applied: boolean;
}

/**
 * What applying `proposed` would change, per work order: only real work orders that may move
 * (not started, not hypothetical), only when technician or start differ. Jobs the day cannot
 * hold at all (`keep`) stay as they are.
 */
export function planChanges(
  plan: DayPlan,
  proposed: PlanResult,
  keep: ReadonlySet<string> = new Set(),
  why: ReadonlyMap<string, string> = new Map(),
): PlanChange[] {
  const zone = plan.day.zone;
  const names = new Map(plan.technicians.map((t) => [t.id, t.name]));
  const place = new Map<string, { technicianId: string; start: Date; end: Date }>();
  for (const r of proposed.routes) {
    for (const s of r.stops)
      place.set(s.jobId, { technicianId: r.technicianId, start: s.start, end: s.end });
  }
  const at = (technicianId: string | null, start: Date | null) =>
    technicianId
      ? `${names.get(technicianId) ?? 'another technician'}${start ? ` ${formatTime(start, zone)}` : ''}`
      : 'queue';
  const changes: PlanChange[] = [];
  for (const job of plan.jobs) {
    if (job.locked || job.id.startsWith('what-if:') || keep.has(job.id)) continue;
    const to = place.get(job.id) ?? null;
    const fromTech = job.start ? job.technicianId : null;
    const fromStart = fromTech ? job.start : null;
    let kind: ScheduleChangeKind | null = null;
    if (!to) kind = fromTech ? ScheduleChangeKind.UNASSIGN : null;
    else if (!fromTech) kind = ScheduleChangeKind.ASSIGN;
    else if (fromTech !== to.technicianId) kind = ScheduleChangeKind.REASSIGN;
    else if (Math.abs((fromStart as Date).getTime() - to.start.getTime()) >= 60_000)
      kind = ScheduleChangeKind.RETIME;
    if (!kind) continue;
    const number = job.label.split(' ')[0] ?? job.label;
    const target =
      kind === ScheduleChangeKind.RETIME && to
        ? formatTime(to.start, zone)
        : at(to?.technicianId ?? null, to?.start ?? null);
    const reason = why.get(job.id);
    changes.push({
      workOrderId: job.id,
      kind,
      fromTechnicianId: fromTech,
      fromStart,
      toTechnicianId: to?.technicianId ?? null,
      toStart: to?.start ?? null,
      toEnd: to?.end ?? null,
      summary: `${number}: ${at(fromTech, fromStart)} → ${target}${reason ? ` (${reason})` : ''}`,
      expectedVersion: job.version,
      applied: false,
    });
  }
  return changes;
}
