import type { Db } from '@attendant/kit';
import { DateTime } from 'luxon';
import type { DayPlan, PlanJob, PlanTechnician } from './day-plan';
import { RoutingError, RoutingErrorCode } from './routing.errors';
import type { WhatIfScenarioInput } from './routing.type';

/**
 * A what-if scenario applied to a loaded day: technicians added (copying a colleague's skills
 * and home base), removed or on another shift, hypothetical jobs added, jobs kept on a chosen
 * technician or left out. Returns a new plan (the loaded one is not touched) and, in words,
 * what the scenario did.
 */
export async function applyScenario(
  db: Db,
  plan: DayPlan,
  input: WhatIfScenarioInput,
): Promise<{ plan: DayPlan; notes: string[] }> {
  const org = plan.organizationId;
  const notes: string[] = [];
  let technicians: PlanTechnician[] = plan.technicians.map((t) => ({ ...t }));
  let jobs: PlanJob[] = plan.jobs.map((j) => ({ ...j }));
  const known = new Map(technicians.map((t) => [t.id, t]));
  const shiftOf = (start: string, end: string, what: string) => {
    const s = atLocal(plan, start);
    const e = atLocal(plan, end);
    if (e <= s) {
      throw new RoutingError(
        RoutingErrorCode.InvalidScenario,
        `${what}: the shift must end after it starts`,
        { field: 'shiftEnd' },
      );
    }
    return [{ start: s, end: e }];
  };
  const needTechnician = (id: string, field: string) => {
    const t = known.get(id);
    if (!t) {
      throw new RoutingError(
        RoutingErrorCode.TechnicianNotFound,
        `No technician ${id} works on ${plan.day.day} in this plan`,
        { field },
      );
    }
    return t;
  };

  for (const id of input.removeTechnicianIds) {
    const t = needTechnician(id, 'removeTechnicianIds');
    technicians = technicians.filter((x) => x.id !== id);
    const started = jobs.filter((j) => j.locked && j.technicianId === id);
    jobs = jobs
      .filter((j) => !(j.locked && j.technicianId === id))
      .map((j) =>
        j.technicianId === id ? { ...j, technicianId: null, start: null, end: null } : j,
      );
    notes.push(
      `Without ${t.name}` +
        (started.length > 0
          ? ` (their started jobs ${started.map(num).join(', ')} are left out)`
          : ''),
    );
  }
  for (const change of input.shiftChanges) {
    const t = needTechnician(change.technicianId, 'shiftChanges');
    if (input.removeTechnicianIds.includes(t.id)) continue;
    const windows = shiftOf(change.shiftStart, change.shiftEnd, t.name);
    technicians = technicians.map((x) => (x.id === t.id ? { ...x, windows } : x));
    notes.push(`${t.name} works ${change.shiftStart}–${change.shiftEnd}`);
  }
  for (const [i, add] of input.addTechnicians.entries()) {
    const like =
      known.get(add.likeTechnicianId) ?? (await technicianOf(db, org, add.likeTechnicianId));
    technicians.push({
      id: `what-if:${i + 1}`,
      name: add.name.trim(),
      home: like.home,
      skills: { ...like.skills },
      maxJobs: like.maxJobs,
      windows: shiftOf(add.shiftStart, add.shiftEnd, add.name),
    });
    notes.push(`Adds ${add.name.trim()} (like ${like.name}) ${add.shiftStart}–${add.shiftEnd}`);
  }
  for (const [i, add] of input.addJobs.entries()) {
    jobs.push(await hypotheticalJob(db, org, add, i + 1));
    notes.push(`Adds ${add.priority.toLowerCase()} job "${add.title.trim()}"`);
  }
  const ids = new Set(technicians.map((t) => t.id));
  for (const move of input.moveJobs) {
    const job = jobs.find((j) => j.id === move.workOrderId);
    if (!job) {
      throw new RoutingError(
        RoutingErrorCode.InvalidScenario,
        `Work order ${move.workOrderId} is not part of ${plan.day.day}’s plan`,
        { field: 'moveJobs' },
      );
    }
    if (job.locked) {
      throw new RoutingError(
        RoutingErrorCode.InvalidScenario,
        `${num(job)} has started and cannot be moved`,
        { field: 'moveJobs' },
      );
    }
    if (move.technicianId) {
      if (!ids.has(move.technicianId)) needTechnician(move.technicianId, 'moveJobs');
      job.pinnedTo = move.technicianId;
      notes.push(
        `${num(job)} goes to ${known.get(move.technicianId)?.name ?? 'the new technician'}`,
      );
    } else {
      jobs = jobs.filter((j) => j !== job);
      notes.push(`${num(job)} is left out`);
    }
  }
  return { plan: { ...plan, technicians, jobs }, notes };
}

const num = (j: PlanJob) => j.label.split(' ')[0] ?? j.label;

/** HH:MM on the plan's local day. */
function atLocal(plan: DayPlan, hhmm: string): Date {
  const [h, m] = hhmm.split(':').map(Number);
  return DateTime.fromJSDate(plan.day.start, { zone: plan.day.zone })
    .set({ hour: h ?? 0, minute: m ?? 0 })
    .toJSDate();
}

async function technicianOf(db: Db, organizationId: string, id: string): Promise<PlanTechnician> {
  const t = await db.technician.findFirst({
    where: { organizationId, id },
    include: { skills: true },
  });
  if (!t) {
    throw new RoutingError(RoutingErrorCode.TechnicianNotFound, `No technician ${id}`, {
      field: 'likeTechnicianId',
    });
  }
  return {
    id: t.id,
    name: t.name,
    home: t.homeLat !== null && t.homeLng !== null ? { lat: t.homeLat, lng: t.homeLng } : null,
    windows: [],
    skills: Object.fromEntries(t.skills.map((s) => [s.skillId, s.level])),
    maxJobs: t.maxJobsPerDay,
  };
}

async function hypotheticalJob(
  db: Db,
  organizationId: string,
  add: WhatIfScenarioInput['addJobs'][number],
  n: number,
): Promise<PlanJob> {
  let location = add.lat != null && add.lng != null ? { lat: add.lat, lng: add.lng } : null;
  if (add.siteId) {
    const site = await db.siteProjection.findFirst({
      where: { organizationId, siteId: add.siteId },
    });
    if (!site) {
      throw new RoutingError(RoutingErrorCode.SiteNotFound, `No site ${add.siteId}`, {
        field: 'siteId',
      });
    }
    location = { lat: site.lat, lng: site.lng };
  }
  let minutes = add.durationMinutes ?? null;
  let skills: Record<string, number> = {};
  if (add.serviceTypeId) {
    const type = await db.serviceType.findFirst({
      where: { organizationId, id: add.serviceTypeId },
      include: { requiredSkills: true },
    });
    if (!type) {
      throw new RoutingError(
        RoutingErrorCode.InvalidScenario,
        `No service type ${add.serviceTypeId}`,
        {
          field: 'serviceTypeId',
        },
      );
    }
    minutes ??= type.defaultMinutes;
    skills = Object.fromEntries(type.requiredSkills.map((s) => [s.skillId, s.minLevel]));
  }
  if (add.windowStart && add.windowEnd && add.windowEnd <= add.windowStart) {
    throw new RoutingError(
      RoutingErrorCode.InvalidScenario,
      'The window must end after it starts',
      {
        field: 'windowEnd',
      },
    );
  }
  return {
    id: `what-if:job:${n}`,
    label: add.title.trim(),
    location,
    durationMinutes: minutes ?? 60,
    windowStart: add.windowStart ?? null,
    windowEnd: add.windowEnd ?? null,
    slaDueAt: null,
    priority: add.priority,
    skills,
    status: null,
    technicianId: null,
    start: null,
    end: null,
    version: 0,
    locked: false,
  };
}
