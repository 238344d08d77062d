import type { GeofenceArrival } from '@attendant/db';
import { haversineMetres, type GeoPoint } from '../optimizer/matrix/matrix-provider';
import type { JobSpot } from './tracking.repository';

/** Leaving takes a little more than the radius, so GPS jitter at the edge does not flap. */
export const EXIT_FACTOR = 1.25;

export interface GeofenceInput {
  mode: GeofenceArrival;
  radiusM: number;
  at: GeoPoint;
  /** The job the technician is working towards (see TrackingRepository.ingest). */
  next: JobSpot | null;
  /** The job whose geofence they were inside at the previous position, when it is not `next`. */
  previousInside: JobSpot | null;
  previousInsideId: string | null;
  /** Whether a COMPLETED job was completed on the organization's current day. */
  completedToday: (job: JobSpot) => boolean;
}

export interface GeofenceDecision {
  /** The job whose geofence the technician is now inside (the state kept on the position). */
  insideId: string | null;
  /** PROPOSE: the job the app should offer "Mark arrived" for. */
  proposeId: string | null;
  /** AUTO: the job to set ARRIVED. */
  arriveId: string | null;
  /** A job completed today whose site the technician just left ("leaving closes it"). */
  departedId: string | null;
}

const siteOf = (job: JobSpot | null): GeoPoint | null =>
  job && job.lat !== null && job.lng !== null ? { lat: job.lat, lng: job.lng } : null;

function within(job: JobSpot | null, at: GeoPoint, radius: number, wasInside: boolean): boolean {
  const site = siteOf(job);
  if (!site) return false;
  return haversineMetres(at, site) <= (wasInside ? radius * EXIT_FACTOR : radius);
}

/*
 * The geofence as a state machine over consecutive positions. The state is the job whose radius
 * the technician is inside: the job they are working towards when they are at its site, else the
 * job they were already inside (e.g. the one just completed) until they leave it. Arrival is
 * judged on the state, not on the crossing, so a technician who sets EN_ROUTE while already
 * standing at the site is also seen as there.
 */
export function judgeGeofence(input: GeofenceInput): GeofenceDecision {
  const { next, previousInside, previousInsideId, at, radiusM } = input;
  let insideId: string | null = null;
  if (next && within(next, at, radiusM, previousInsideId === next.id)) insideId = next.id;
  else if (previousInside && within(previousInside, at, radiusM, true))
    insideId = previousInside.id;

  const arrivingAt = next && insideId === next.id && next.status === 'EN_ROUTE' ? next.id : null;
  const left = previousInsideId && previousInsideId !== insideId ? previousInsideId : null;
  const leftJob = left && previousInside?.id === left ? previousInside : null;
  const departedId =
    leftJob && leftJob.status === 'COMPLETED' && input.completedToday(leftJob) ? leftJob.id : null;
  return {
    insideId,
    proposeId: input.mode === 'PROPOSE' ? arrivingAt : null,
    arriveId: input.mode === 'AUTO' ? arrivingAt : null,
    departedId,
  };
}

export interface TrackDecision extends GeofenceDecision {
  /** When the technician left `departedId` (the first fix outside it). */
  departedAt: Date | null;
}

/**
 * Judges a batch's new fixes in time order (an offline replay may hold a whole visit: arriving,
 * working and leaving), carrying the inside-state from fix to fix. Arrival and proposal follow
 * the last fix; a departure is kept with the time of the fix that left.
 */
export function judgeTrack(
  input: Omit<GeofenceInput, 'at'>,
  fixes: readonly (GeoPoint & { recordedAt: Date })[],
): TrackDecision {
  let insideId = input.previousInsideId;
  let departure: { id: string; at: Date } | null = null;
  let last: GeofenceDecision = { insideId, proposeId: null, arriveId: null, departedId: null };
  for (const fix of [...fixes].sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime())) {
    last = judgeGeofence({
      ...input,
      at: fix,
      previousInsideId: insideId,
      previousInside: input.previousInside?.id === insideId ? input.previousInside : null,
    });
    if (last.departedId && !departure) departure = { id: last.departedId, at: fix.recordedAt };
    insideId = last.insideId;
  }
  return { ...last, departedId: departure?.id ?? null, departedAt: departure?.at ?? null };
}
