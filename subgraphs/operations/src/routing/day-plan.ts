import type { WorkOrderPriority, WorkOrderStatus } from '@attendant/db';
import type { LocalDay } from '../dispatch/local-time';

/*
 * A day of dispatch as the optimizer sees it, loaded from the database (day-plan.loader.ts) or
 * changed by a what-if scenario (what-if.ts). Plain data with real instants; plan-instance.ts
 * turns it into a routing instance in minutes since local midnight.
 */

export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface PlanWindow {
  start: Date;
  end: Date;
}

export interface PlanTechnician {
  /** A technician's id, or `what-if:<n>` for one a scenario adds. */
  id: string;
  name: string;
  home: GeoPoint | null;
  /** Working time on the day, time off already cut out; empty = not working. */
  windows: PlanWindow[];
  /** Skill id → level. */
  skills: Record<string, number>;
  maxJobs: number;
}

export interface PlanJob {
  /** A work order's id, or `what-if:job:<n>` for one a scenario adds. */
  id: string;
  label: string;
  location: GeoPoint | null;
  durationMinutes: number;
  windowStart: Date | null;
  windowEnd: Date | null;
  slaDueAt: Date | null;
  priority: WorkOrderPriority;
  /** Skill id → minimum level. */
  skills: Record<string, number>;
  status: WorkOrderStatus | null;
  /** Where the job stands now. */
  technicianId: string | null;
  start: Date | null;
  end: Date | null;
  version: number;
  /** Started (en route, arrived, in progress, on hold): stays with its technician and time. */
  locked: boolean;
  /** A scenario keeps the job on this technician (what-if "move a job"). */
  pinnedTo?: string;
}

export interface DayPlan {
  organizationId: string;
  day: LocalDay;
  /** Nothing is planned before this instant (now, on today). */
  planFrom: Date;
  technicians: PlanTechnician[];
  jobs: PlanJob[];
}

/** A job in the order and at the time it is (or would be) done. */
export interface PlannedStop {
  jobId: string;
  arrival: Date;
  start: Date;
  end: Date;
  travelMinutes: number;
  location: GeoPoint | null;
}

export interface PlannedTechnicianRoute {
  technicianId: string;
  technicianName: string;
  departure: Date;
  returnAt: Date;
  stops: PlannedStop[];
  travelMinutes: number;
  distanceKm: number;
  overtimeMinutes: number;
  path: GeoPoint[];
}

export interface Kpis {
  jobs: number;
  unassigned: number;
  travelMinutes: number;
  distanceKm: number;
  overtimeMinutes: number;
  techniciansUsed: number;
}

export interface PlanResult {
  routes: PlannedTechnicianRoute[];
  unassigned: { jobId: string; reason: string }[];
  kpis: Kpis;
}
