import { tenant, type Actor, type Db, type Logger, type TenantActor } from '@attendant/kit';
import { DateTime } from 'luxon';
import { WorkOrderError } from '../work-order/work-order.errors';
import type { WorkOrderService } from '../work-order/work-order.service';
import type { ChangeWorkOrderStatusInput } from '../work-order/work-order.type';
import type { EtaEstimator } from './eta';
import { judgeTrack } from './geofence';
import type { HotSql } from './hot-sql';
import type { LocationEvents } from './tracking.events';
import { TrackingError, TrackingErrorCode, invalidPings } from './tracking.errors';
import { TrackingRepository, type JobSpot, type PingRow } from './tracking.repository';
import { positionView, type OrgTrackingCache } from './tracking-settings';
import type { LocationPingInput, RecordLocationsResult } from './tracking.type';

export const MAX_PINGS = 500;
const FUTURE_SLACK_MS = 5 * 60_000;
const NO_USER = '00000000-0000-0000-0000-000000000000';
const DAY_MS = 86_400_000;

export interface IngestDeps {
  orgs: OrgTrackingCache;
  eta: EtaEstimator;
  events: LocationEvents;
  workOrders: WorkOrderService;
  logger: Logger;
  /** Runs the per-fix statements; Prisma when absent. */
  hotSql?: HotSql;
  now?: () => Date;
}

/**
 * recordLocations: a technician's batch of GPS fixes (live, or replayed from the offline queue).
 * Stores the pings idempotently, then, when the batch holds a fix newer than the stored
 * position, moves the position, refreshes the ETA to the next job, runs the geofence and
 * announces the new position to dispatch.
 */
export class LocationIngest {
  private readonly repo: TrackingRepository;
  private readonly now: () => Date;
  private readonly days = new Map<string, LocalDay>();

  constructor(
    db: Db,
    private readonly deps: IngestDeps,
  ) {
    this.repo = new TrackingRepository(db, deps.hotSql);
    this.now = deps.now ?? (() => new Date());
  }

  async record(actor: Actor, input: readonly LocationPingInput[]): Promise<RecordLocationsResult> {
    const t = tenant(actor);
    const org = await this.deps.orgs.get(t.organizationId);
    const now = this.now();
    const pings = checkPings(input, now, org.settings.retentionDays);
    const newest = pings.reduce((a, b) => (b.recordedAt > a.recordedAt ? b : a));
    const { start: dayStart, end: dayEnd } = this.dayOf(t.organizationId, org.timezone, newest);

    const read = await this.repo.ingest(
      t.organizationId,
      t.userId ?? NO_USER,
      pings,
      dayStart,
      dayEnd,
    );
    const tech = read.technician;
    if (!tech) {
      throw new TrackingError(
        TrackingErrorCode.NotATechnician,
        'Only a signed-in technician can record locations; this login is not linked to one',
      );
    }
    const accepted = read.inserted;
    const duplicates = pings.length - accepted;
    const stored = read.position;
    if (stored && stored.recordedAt >= newest.recordedAt) {
      return { accepted, duplicates, position: positionView(stored, org.settings, now) };
    }
    const next = read.next;
    const previousInsideId = stored?.insideWorkOrderId ?? null;
    const previousInside = previousInsideId !== next?.id ? read.previousInside : null;

    const at = { lat: newest.lat, lng: newest.lng };
    const eta = await this.deps.eta.eta(
      tech.id,
      at,
      newest.recordedAt,
      next ? { id: next.id, site: siteOf(next) } : null,
      stored,
    );
    const fence = judgeTrack(
      {
        mode: org.settings.geofenceArrival,
        radiusM: org.settings.geofenceRadiusM,
        next,
        previousInside,
        previousInsideId,
        completedToday: (job) => job.completedAt !== null && job.completedAt >= dayStart,
      },
      pings.filter((p) => !stored || p.recordedAt > stored.recordedAt),
    );

    const event = this.deps.events.event({
      organizationId: t.organizationId,
      technicianId: tech.id,
      teamId: tech.teamId,
    });
    // An AUTO arrival changes the job after the save: announce once, after that, not twice.
    const inline = fence.arriveId ? null : this.deps.events.inline(event);
    const saved = await this.repo.savePosition(
      {
        technicianId: tech.id,
        organizationId: t.organizationId,
        ...at,
        accuracyM: newest.accuracyM,
        speedMps: newest.speedMps,
        headingDeg: newest.headingDeg,
        recordedAt: newest.recordedAt,
        nextWorkOrderId: next?.id ?? null,
        ...eta,
        insideWorkOrderId: fence.insideId,
        arrivalProposedForId: fence.proposeId,
      },
      inline,
    );
    if (!saved) {
      // A concurrent batch stored a newer fix; it has judged the geofence and announced it.
      const current = await this.repo.position(t.organizationId, tech.id);
      return {
        accepted,
        duplicates,
        position: current ? positionView(current, org.settings, now) : null,
      };
    }

    if (fence.departedId && fence.departedAt)
      await this.repo.markDeparted(t.organizationId, fence.departedId, fence.departedAt);
    if (fence.arriveId) await this.arrive(t, fence.arriveId);
    if (!inline) this.deps.events.publish(event);
    return { accepted, duplicates, position: positionView(saved, org.settings, now) };
  }

  /**
   * The organization's local day around a fix. Remembered per organization (time zone arithmetic
   * is a measurable share of a fix's cost): recomputed when a fix falls outside it.
   */
  private dayOf(organizationId: string, timezone: string, fix: PingRow): LocalDay {
    const at = fix.recordedAt.getTime();
    const known = this.days.get(organizationId);
    if (known && known.timezone === timezone && at >= known.startMs && at < known.endMs) {
      return known;
    }
    const start = DateTime.fromJSDate(fix.recordedAt, { zone: timezone }).startOf('day');
    const day: LocalDay = {
      timezone,
      start: start.toJSDate(),
      end: start.plus({ days: 1 }).toJSDate(),
      startMs: start.toMillis(),
      endMs: start.plus({ days: 1 }).toMillis(),
    };
    // Fixes replayed from yesterday's queue must not evict today's day.
    if (!known || day.startMs > known.startMs) this.days.set(organizationId, day);
    return day;
  }

  /** AUTO geofence: the technician is at the site of the job they drive to. */
  private async arrive(t: TenantActor, workOrderId: string): Promise<void> {
    const input: ChangeWorkOrderStatusInput = {
      id: workOrderId,
      status: 'ARRIVED',
      reason: 'Arrival detected from location',
    };
    try {
      await this.deps.workOrders.changeStatus(t, input);
    } catch (err) {
      // Someone moved the job on meanwhile (the technician tapped "Arrived", dispatch recalled it).
      if (!(err instanceof WorkOrderError)) throw err;
      this.deps.logger.info({ workOrderId, reason: err.code }, 'geofence arrival not applied');
    }
  }
}

interface LocalDay {
  timezone: string;
  start: Date;
  end: Date;
  startMs: number;
  endMs: number;
}

const siteOf = (job: JobSpot) =>
  job.lat !== null && job.lng !== null ? { lat: job.lat, lng: job.lng } : null;

const optional = (v: number | null | undefined) => (v === undefined ? null : v);

/** Validates a batch; the first problem names the ping's index. */
export function checkPings(
  input: readonly LocationPingInput[],
  now: Date,
  retentionDays: number,
): PingRow[] {
  if (input.length === 0) throw invalidPings('Send at least one location');
  if (input.length > MAX_PINGS)
    throw invalidPings(`Send at most ${MAX_PINGS} locations per call (got ${input.length})`);
  const oldest = now.getTime() - retentionDays * DAY_MS;
  const latest = now.getTime() + FUTURE_SLACK_MS;
  return input.map((p, i) => {
    const at = p.recordedAt instanceof Date ? p.recordedAt.getTime() : NaN;
    if (!Number.isFinite(at)) throw invalidPings(`Location ${i}: recordedAt is not a time`, i);
    if (at > latest)
      throw invalidPings(`Location ${i}: recordedAt is in the future; check the device clock`, i);
    if (at < oldest)
      throw invalidPings(
        `Location ${i}: recordedAt is older than the ${retentionDays}-day retention`,
        i,
      );
    if (!Number.isFinite(p.lat) || p.lat < -90 || p.lat > 90)
      throw invalidPings(`Location ${i}: latitude must be from -90 to 90`, i);
    if (!Number.isFinite(p.lng) || p.lng < -180 || p.lng > 180)
      throw invalidPings(`Location ${i}: longitude must be from -180 to 180`, i);
    const accuracyM = optional(p.accuracyM);
    const speedMps = optional(p.speedMps);
    const headingDeg = optional(p.headingDeg);
    if (accuracyM !== null && (!Number.isFinite(accuracyM) || accuracyM < 0))
      throw invalidPings(`Location ${i}: accuracyM cannot be negative`, i);
    if (speedMps !== null && (!Number.isFinite(speedMps) || speedMps < 0))
      throw invalidPings(`Location ${i}: speedMps cannot be negative`, i);
    if (headingDeg !== null && (!Number.isFinite(headingDeg) || headingDeg < 0 || headingDeg > 360))
      throw invalidPings(`Location ${i}: headingDeg must be from 0 to 360`, i);
    return { recordedAt: new Date(at), lat: p.lat, lng: p.lng, accuracyM, speedMps, headingDeg };
  });
}
