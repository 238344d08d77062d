import type { Db } from '@attendant/kit';
import { TrackingRepository, type PositionRow, type SettingsRow } from './tracking.repository';
import type { TechnicianPosition } from './tracking.type';

const TTL_MS = 15_000;

export interface OrgTracking {
  settings: SettingsRow;
  name: string;
  timezone: string;
}

/**
 * An organization's tracking settings, name and time zone, read at most every 15 s per process:
 * every ping needs them, and they change rarely. A change made through this process applies at
 * once; other replicas pick it up within the TTL.
 */
export class OrgTrackingCache {
  private readonly entries = new Map<string, { value: OrgTracking; until: number }>();
  private readonly repo: TrackingRepository;

  constructor(db: Db) {
    this.repo = new TrackingRepository(db);
  }

  async get(organizationId: string): Promise<OrgTracking> {
    const hit = this.entries.get(organizationId);
    if (hit && hit.until > Date.now()) return hit.value;
    const [settings, org] = await Promise.all([
      this.repo.settings(organizationId),
      this.repo.organization(organizationId),
    ]);
    const value = { settings, name: org?.name ?? '', timezone: org?.timezone ?? 'UTC' };
    if (this.entries.size > 10_000) this.entries.clear();
    this.entries.set(organizationId, { value, until: Date.now() + TTL_MS });
    return value;
  }

  forget(organizationId: string): void {
    this.entries.delete(organizationId);
  }
}

/** A position is stale when no ping came for three intervals (app closed, no signal). */
export function positionView(
  row: PositionRow,
  settings: SettingsRow,
  now: Date = new Date(),
): TechnicianPosition {
  return {
    id: row.technicianId,
    technicianId: row.technicianId,
    organizationId: row.organizationId,
    lat: row.lat,
    lng: row.lng,
    accuracyM: row.accuracyM,
    speedMps: row.speedMps,
    headingDeg: row.headingDeg,
    recordedAt: row.recordedAt,
    stale: now.getTime() - row.recordedAt.getTime() > 3 * settings.pingIntervalSeconds * 1000,
    nextWorkOrderId: row.nextWorkOrderId,
    travelSeconds: row.travelSeconds,
    distanceM: row.distanceM,
    etaAt: row.etaAt,
    arrivalProposedForId: row.arrivalProposedForId,
  };
}
