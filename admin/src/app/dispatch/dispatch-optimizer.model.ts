import type {
  OptimizerKpisFragment,
  OptimizerSuggestionFragment,
  ScheduleSuggestionStatus,
  WhatIfScenarioInput,
  WorkOrderPriority,
} from '../generated/graphql';
import { woNumber } from '../shared/format';
import { localTime, stackLane, type Block, type TimeScale } from './dispatch-timeline.model';

/*
 * The pure side of the dispatch optimizer on the board: where a suggestion's ghosts go, what the
 * KPIs say, which changes the dispatcher picked, and the what-if scenario a form describes.
 */

export type Suggestion = OptimizerSuggestionFragment;
export type SuggestionChange = Suggestion['changes'][number];
export type PlannedRoute = Suggestion['routes'][number];
export type Kpis = OptimizerKpisFragment;

/** Suggestions that still belong on the board (a partly applied one keeps its other changes). */
export const SHOWN_STATUSES: readonly ScheduleSuggestionStatus[] = ['OPEN', 'PARTLY_APPLIED'];

/** Search times offered for "Suggest optimal schedule", seconds. */
export const BUDGETS = [2, 5, 10] as const;
export const DEFAULT_BUDGET = 5;

export function isShown(s: Pick<Suggestion, 'status'>): boolean {
  return SHOWN_STATUSES.includes(s.status);
}

/** The changes still to apply. */
export function pendingChanges(s: Suggestion): SuggestionChange[] {
  return s.changes.filter((c) => !c.applied);
}

/**
 * The suggestions to show for a day and team filter, newest first: one list from the query and
 * the newest copies from mutations and live events (by id, the later `createdAt`… or the copy
 * seen last wins). Optimisations of another team are left out; emergencies always show.
 */
export function shownSuggestions(
  listed: readonly Suggestion[],
  seen: ReadonlyMap<string, Suggestion>,
  day: string,
  teamId: string | null,
): Suggestion[] {
  const byId = new Map<string, Suggestion>();
  for (const s of listed) byId.set(s.id, s);
  for (const s of seen.values()) byId.set(s.id, s);
  return [...byId.values()]
    .filter(
      (s) =>
        s.day === day &&
        isShown(s) &&
        (s.kind === 'URGENT_INSERTION' || (s.teamId ?? null) === teamId),
    )
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

/** A job at its proposed place: a translucent block on the proposed technician's lane. */
export interface Ghost {
  workOrderId: string;
  number: number | null;
  label: string;
  start: string;
  end: string;
  summary: string;
  kind: SuggestionChange['kind'];
}

/** The pending changes that put a job on a lane, by the technician they go to. */
export function ghostsByTechnician(s: Suggestion | null): Map<string, Ghost[]> {
  const out = new Map<string, Ghost[]>();
  if (!s) return out;
  for (const c of pendingChanges(s)) {
    if (!c.toTechnicianId || !c.toStart || !c.toEnd) continue;
    const number = c.workOrder?.number ?? null;
    const ghost: Ghost = {
      workOrderId: c.workOrderId,
      number,
      label: number != null ? woNumber(number) : c.summary.split(':')[0]!,
      start: c.toStart,
      end: c.toEnd,
      summary: c.summary,
      kind: c.kind,
    };
    out.set(c.toTechnicianId, [...(out.get(c.toTechnicianId) ?? []), ghost]);
  }
  return out;
}

/**
 * Ghost blocks of a lane: stacked among themselves below the lane's own rows (`baseRows`), so a
 * proposal never hides the job it would replace. `rows` is what the lane needs in all.
 */
export function placeGhosts(
  scale: TimeScale,
  ghosts: readonly Ghost[],
  baseRows: number,
): { blocks: Block<Ghost>[]; rows: number } {
  if (ghosts.length === 0) return { blocks: [], rows: baseRows };
  const layout = stackLane(
    scale,
    ghosts,
    (g) => g.start,
    (g) => g.end,
  );
  return {
    blocks: layout.blocks.map((b) => ({ ...b, row: b.row + baseRows })),
    rows: baseRows + layout.rows,
  };
}

/** Jobs the suggestion would take from where they are now, with what would happen to them. */
export function leavingJobs(s: Suggestion | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of s ? pendingChanges(s) : []) {
    if (c.fromTechnicianId) out.set(c.workOrderId, c.summary);
  }
  return out;
}

/** Technicians' names as the suggestion's routes know them. */
export function technicianNames(s: Suggestion): Map<string, string> {
  return new Map(s.routes.map((r) => [r.technicianId, r.technicianName]));
}

/** "→ Ana Novak 09:30" for the queued jobs a suggestion would assign. */
export function queueHints(s: Suggestion | null, zone: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!s) return out;
  const names = technicianNames(s);
  for (const c of pendingChanges(s)) {
    if (c.fromTechnicianId || !c.toTechnicianId) continue;
    const who = names.get(c.toTechnicianId) ?? 'a technician';
    out.set(c.workOrderId, `→ ${who}${c.toStart ? ` ${localTime(c.toStart, zone)}` : ''}`);
  }
  return out;
}

/** The work order ids to apply: null (all) when every pending change is checked. */
export function selectedWorkOrderIds(
  s: Suggestion,
  unchecked: ReadonlySet<string>,
): string[] | null {
  const pending = pendingChanges(s).map((c) => c.workOrderId);
  const picked = pending.filter((id) => !unchecked.has(id));
  return picked.length === pending.length ? null : picked;
}

/** How many changes "Apply" would apply. */
export function selectedCount(s: Suggestion, unchecked: ReadonlySet<string>): number {
  return pendingChanges(s).filter((c) => !unchecked.has(c.workOrderId)).length;
}

type KpiKey = keyof Kpis;

export interface KpiRow {
  key: KpiKey;
  label: string;
  unit: string;
  /** Formatted values, e.g. "123 min", "42.5 km". */
  values: string[];
  /** Last value minus the first, e.g. "−47 min", "+2", "±0". */
  delta: string;
  /** Whether the change is for the better (null: neither). */
  better: boolean | null;
}

const KPI_ROWS: readonly {
  key: KpiKey;
  label: string;
  unit: string;
  lowerIsBetter: boolean | null;
}[] = [
  { key: 'travelMinutes', label: 'Travel time', unit: 'min', lowerIsBetter: true },
  { key: 'distanceKm', label: 'Distance', unit: 'km', lowerIsBetter: true },
  { key: 'overtimeMinutes', label: 'Overtime', unit: 'min', lowerIsBetter: true },
  { key: 'jobs', label: 'Jobs on routes', unit: '', lowerIsBetter: false },
  { key: 'unassigned', label: 'Unassigned', unit: '', lowerIsBetter: true },
  { key: 'techniciansUsed', label: 'Technicians used', unit: '', lowerIsBetter: null },
];

const MINUS = '−';

function round(key: KpiKey, value: number): number {
  return key === 'distanceKm' ? Math.round(value * 10) / 10 : Math.round(value);
}

function formatKpi(key: KpiKey, unit: string, value: number): string {
  const n = round(key, value);
  const text = key === 'distanceKm' ? n.toFixed(1) : String(n);
  return unit ? `${text} ${unit}` : text;
}

/** "+3", "−47 min", "±0". */
export function formatDelta(value: number, unit = '', decimals = 0): string {
  const factor = 10 ** decimals;
  const n = Math.round(value * factor) / factor;
  const text = Math.abs(n).toFixed(decimals);
  const sign = n > 0 ? '+' : n < 0 ? MINUS : '±';
  return `${sign}${text}${unit ? ` ${unit}` : ''}`;
}

/** The KPI rows of plans side by side (the delta is the last against the first). */
export function kpiRows(plans: readonly Kpis[]): KpiRow[] {
  return KPI_ROWS.map(({ key, label, unit, lowerIsBetter }) => {
    const first = plans[0]?.[key] ?? 0;
    const last = plans.at(-1)?.[key] ?? 0;
    const diff = round(key, last) - round(key, first);
    return {
      key,
      label,
      unit,
      values: plans.map((p) => formatKpi(key, unit, p[key])),
      delta: formatDelta(diff, unit, key === 'distanceKm' ? 1 : 0),
      better: diff === 0 || lowerIsBetter === null ? null : lowerIsBetter ? diff < 0 : diff > 0,
    };
  });
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * What the proposal gains in a line: "Places 4 more jobs on routes · Saves 47 min of driving
 * (−23 %)"; "The current plan is already optimal" without changes.
 */
export function headline(current: Kpis, proposed: Kpis, changeCount: number): string {
  if (changeCount === 0) return 'The current plan is already optimal';
  const parts: string[] = [];
  const moreJobs = proposed.jobs - current.jobs;
  if (moreJobs > 0) parts.push(`Places ${plural(moreJobs, 'more job')} on routes`);
  else if (moreJobs < 0) parts.push(`Leaves ${plural(-moreJobs, 'job')} off the routes`);
  const travel = Math.round(current.travelMinutes - proposed.travelMinutes);
  if (travel > 0) {
    const pct = current.travelMinutes > 0 ? Math.round((travel / current.travelMinutes) * 100) : 0;
    parts.push(`Saves ${travel} min of driving${pct ? ` (${MINUS}${pct} %)` : ''}`);
  } else if (travel < 0 && moreJobs <= 0) {
    parts.push(`Adds ${-travel} min of driving`);
  }
  const overtime = Math.round(current.overtimeMinutes - proposed.overtimeMinutes);
  if (overtime > 0) parts.push(`Cuts overtime by ${overtime} min`);
  if (parts.length === 0) parts.push(`Reorders ${plural(changeCount, 'job')}`);
  return parts.join(' · ');
}

/** Whether the proposal is visibly better: more jobs on routes, or less driving or overtime. */
export function isImprovement(current: Kpis, proposed: Kpis): boolean {
  return (
    proposed.jobs > current.jobs ||
    (proposed.jobs === current.jobs &&
      (proposed.travelMinutes < current.travelMinutes - 0.5 ||
        proposed.overtimeMinutes < current.overtimeMinutes - 0.5))
  );
}

/** "Emergency WO-40 can go to Ana Novak at 11:20 · bumps WO-12 (back to the queue)". */
export function urgentText(s: Suggestion, zone: string): string {
  const trigger = s.triggerWorkOrder;
  const names = technicianNames(s);
  const label = trigger ? woNumber(trigger.number) : 'An emergency';
  const own = s.changes.find((c) => c.workOrderId === trigger?.id);
  let text =
    own?.toTechnicianId && own.toStart
      ? `Emergency ${label} can go to ${names.get(own.toTechnicianId) ?? 'a technician'} at ${localTime(own.toStart, zone)}`
      : `Emergency ${label} has a proposed place in the plan`;
  const bumped = s.changes.filter(
    (c) => c.workOrderId !== trigger?.id && (c.kind === 'UNASSIGN' || c.kind === 'REASSIGN'),
  );
  if (bumped.length) text += ` · bumps ${bumped.map((c) => c.summary).join('; ')}`;
  return text;
}

/** "Applied 12 changes" and one line per skipped change. */
export function applySummary(
  applied: number,
  skipped: readonly { workOrderId: string; reason: string }[],
  labels: ReadonlyMap<string, string>,
): { title: string; skipped: string[] } {
  return {
    title: `Applied ${plural(applied, 'change')}${skipped.length ? `, skipped ${skipped.length}` : ''}`,
    skipped: skipped.map((s) => `${labels.get(s.workOrderId) ?? s.workOrderId}: ${s.reason}`),
  };
}

/** Each technician's colour on the map, stable in the lanes' order. */
const PALETTE = [
  '#1565c0',
  '#2e7d32',
  '#6a1b9a',
  '#c62828',
  '#00838f',
  '#ef6c00',
  '#4e342e',
  '#ad1457',
  '#283593',
  '#827717',
];

export function routeColor(index: number): string {
  return PALETTE[((index % PALETTE.length) + PALETTE.length) % PALETTE.length]!;
}

export interface MapRoute {
  technicianId: string;
  name: string;
  color: string;
  points: { lat: number; lng: number }[];
}

interface LaneLike {
  technician: { id: string; name: string; homeLat?: number | null; homeLng?: number | null };
  jobs: readonly { id: string; scheduledStart?: string | null }[];
}

/** Today's routes from the board: home → jobs in time order → home (jobs with a location). */
export function currentRoutes(
  lanes: readonly LaneLike[],
  locations: readonly { workOrderId: string; lat: number; lng: number }[],
  colors: ReadonlyMap<string, string>,
): MapRoute[] {
  const where = new Map(locations.map((l) => [l.workOrderId, l]));
  return lanes.flatMap(({ technician: t, jobs }) => {
    const stops = [...jobs]
      .filter((j) => j.scheduledStart && where.has(j.id))
      .sort((a, b) => Date.parse(a.scheduledStart!) - Date.parse(b.scheduledStart!))
      .map((j) => ({ lat: where.get(j.id)!.lat, lng: where.get(j.id)!.lng }));
    if (stops.length === 0) return [];
    const home = t.homeLat != null && t.homeLng != null ? [{ lat: t.homeLat, lng: t.homeLng }] : [];
    const points = [...home, ...stops, ...home];
    return points.length > 1
      ? [{ technicianId: t.id, name: t.name, color: colors.get(t.id) ?? routeColor(0), points }]
      : [];
  });
}

/** A suggestion's routes for the map, coloured like the technicians' current ones. */
export function proposedRoutes(
  routes: readonly PlannedRoute[],
  colors: ReadonlyMap<string, string>,
): MapRoute[] {
  let extra = colors.size;
  return routes
    .filter((r) => r.path.length > 1 && r.stops.length > 0)
    .map((r) => ({
      technicianId: r.technicianId,
      name: r.technicianName,
      color: colors.get(r.technicianId) ?? routeColor(extra++),
      points: r.path.map((p) => ({ lat: p.lat, lng: p.lng })),
    }));
}

/* ---------- what-if ---------- */

export interface TechnicianDraft {
  name: string;
  likeTechnicianId: string;
  shiftStart: string;
  shiftEnd: string;
}

export interface ShiftDraft {
  technicianId: string;
  shiftStart: string;
  shiftEnd: string;
}

export interface JobDraft {
  title: string;
  serviceTypeId: string;
  /** A site id, or '' to give coordinates. */
  siteId: string;
  lat: string;
  lng: string;
  priority: WorkOrderPriority;
  durationMinutes: string;
}

export interface MoveDraft {
  workOrderId: string;
  /** '' leaves the job out of every route. */
  technicianId: string;
}

export interface ScenarioDraft {
  addTechnicians: TechnicianDraft[];
  removeTechnicianIds: string[];
  shiftChanges: ShiftDraft[];
  addJobs: JobDraft[];
  moveJobs: MoveDraft[];
}

export function emptyScenario(): ScenarioDraft {
  return {
    addTechnicians: [],
    removeTechnicianIds: [],
    shiftChanges: [],
    addJobs: [],
    moveJobs: [],
  };
}

const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/;

function minutesOf(clock: string): number | null {
  const m = CLOCK.exec(clock.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

function shiftError(what: string, start: string, end: string): string | null {
  const a = minutesOf(start);
  const b = minutesOf(end);
  if (a === null || b === null) return `${what}: give the shift as HH:MM–HH:MM`;
  if (b <= a) return `${what}: the shift must end after it starts`;
  return null;
}

function number(text: string): number | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** Why a scenario cannot be compared yet; empty when it can. */
export function scenarioErrors(d: ScenarioDraft): string[] {
  const errors: string[] = [];
  const count =
    d.addTechnicians.length +
    d.removeTechnicianIds.length +
    d.shiftChanges.length +
    d.addJobs.length +
    d.moveJobs.length;
  if (count === 0) return ['Add at least one change to the scenario'];
  d.addTechnicians.forEach((t, i) => {
    const what = `New technician ${i + 1}`;
    if (!t.name.trim()) errors.push(`${what}: give a name`);
    if (!t.likeTechnicianId) errors.push(`${what}: pick whom they are like`);
    const e = shiftError(what, t.shiftStart, t.shiftEnd);
    if (e) errors.push(e);
  });
  d.shiftChanges.forEach((s, i) => {
    const what = `Shift change ${i + 1}`;
    if (!s.technicianId) errors.push(`${what}: pick a technician`);
    else if (d.removeTechnicianIds.includes(s.technicianId))
      errors.push(`${what}: that technician is removed in this scenario`);
    const e = shiftError(what, s.shiftStart, s.shiftEnd);
    if (e) errors.push(e);
  });
  d.addJobs.forEach((j, i) => {
    const what = `Urgent job ${i + 1}`;
    if (!j.title.trim()) errors.push(`${what}: give a title`);
    if (!j.siteId) {
      const lat = number(j.lat);
      const lng = number(j.lng);
      if (lat === null || lng === null)
        errors.push(`${what}: pick a site or enter latitude and longitude`);
      else if (Math.abs(lat) > 90 || Math.abs(lng) > 180)
        errors.push(`${what}: latitude is −90…90 and longitude −180…180`);
    }
    const minutes = number(j.durationMinutes);
    if (j.durationMinutes.trim() && (minutes === null || minutes < 1 || !Number.isInteger(minutes)))
      errors.push(`${what}: the duration is whole minutes`);
  });
  const moved = new Set<string>();
  d.moveJobs.forEach((m, i) => {
    const what = `Moved job ${i + 1}`;
    if (!m.workOrderId) errors.push(`${what}: pick a job`);
    else if (moved.has(m.workOrderId)) errors.push(`${what}: that job is moved twice`);
    else moved.add(m.workOrderId);
    if (m.technicianId && d.removeTechnicianIds.includes(m.technicianId))
      errors.push(`${what}: that technician is removed in this scenario`);
  });
  return errors;
}

/** The API's input for a (valid) scenario. */
export function scenarioInput(
  d: ScenarioDraft,
  day: string,
  teamId: string | null,
  timeBudgetSeconds: number,
): WhatIfScenarioInput {
  return {
    day,
    teamId,
    timeBudgetSeconds,
    addTechnicians: d.addTechnicians.map((t) => ({
      name: t.name.trim(),
      likeTechnicianId: t.likeTechnicianId,
      shiftStart: t.shiftStart.trim(),
      shiftEnd: t.shiftEnd.trim(),
    })),
    removeTechnicianIds: [...d.removeTechnicianIds],
    shiftChanges: d.shiftChanges.map((s) => ({
      technicianId: s.technicianId,
      shiftStart: s.shiftStart.trim(),
      shiftEnd: s.shiftEnd.trim(),
    })),
    addJobs: d.addJobs.map((j) => ({
      title: j.title.trim(),
      priority: j.priority,
      ...(j.siteId ? { siteId: j.siteId } : { lat: number(j.lat), lng: number(j.lng) }),
      ...(j.serviceTypeId ? { serviceTypeId: j.serviceTypeId } : {}),
      ...(j.durationMinutes.trim() ? { durationMinutes: number(j.durationMinutes) } : {}),
    })),
    moveJobs: d.moveJobs.map((m) => ({
      workOrderId: m.workOrderId,
      technicianId: m.technicianId || null,
    })),
  };
}
