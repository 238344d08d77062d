import { tenant, type Actor, type Db, type TenantActor } from '@attendant/kit';
import { TrackingError, TrackingErrorCode } from './tracking.errors';
import { TrackingRepository, type SettingsRow } from './tracking.repository';
import { positionView, type OrgTrackingCache } from './tracking-settings';
import type {
  LocationPoint,
  TechnicianPosition,
  TrackingSettings,
  UpdateTrackingSettingsInput,
} from './tracking.type';

export const MAX_PATH_POINTS = 2000;
const MAX_PATH_MS = 24 * 3_600_000;

/** Who sees where technicians are: the office. Technicians see only themselves. */
export const POSITION_VIEWERS = ['ADMIN', 'MANAGER', 'DISPATCHER', 'ANALYST'] as const;
const seesEveryone = (t: TenantActor) =>
  t.roles.some((r) => (POSITION_VIEWERS as readonly string[]).includes(r));

/** Settings, positions and paths. Recording is LocationIngest; links are TrackingLinkService. */
export class TrackingService {
  private readonly repo: TrackingRepository;

  constructor(
    db: Db,
    private readonly orgs: OrgTrackingCache,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repo = new TrackingRepository(db);
  }

  async settings(actor: Actor): Promise<TrackingSettings> {
    return (await this.orgs.get(tenant(actor).organizationId)).settings;
  }

  async updateSettings(
    actor: Actor,
    input: UpdateTrackingSettingsInput,
  ): Promise<TrackingSettings> {
    const t = tenant(actor);
    const data: Partial<SettingsRow> = {};
    if (input.pingIntervalSeconds != null) data.pingIntervalSeconds = input.pingIntervalSeconds;
    if (input.retentionDays != null) data.retentionDays = input.retentionDays;
    if (input.geofenceRadiusM != null) data.geofenceRadiusM = input.geofenceRadiusM;
    if (input.geofenceArrival != null) data.geofenceArrival = input.geofenceArrival;
    if (input.publicShowsPosition != null) data.publicShowsPosition = input.publicShowsPosition;
    const row = await this.repo.saveSettings(t.organizationId, data);
    this.orgs.forget(t.organizationId);
    return row;
  }

  /** Latest positions of the organization's (or a team's) technicians. */
  async positions(actor: Actor, teamId: string | null): Promise<TechnicianPosition[]> {
    const t = tenant(actor);
    const ids = teamId ? await this.repo.technicianIdsOfTeam(t.organizationId, teamId) : null;
    if (ids && ids.length === 0) return [];
    const [rows, org] = await Promise.all([
      this.repo.positions(t.organizationId, ids),
      this.orgs.get(t.organizationId),
    ]);
    const now = this.now();
    return rows.map((r) => positionView(r, org.settings, now));
  }

  /** Batched (Technician.position, the subscription); invisible ones are left out. */
  async byTechnicianIds(
    actor: Actor,
    technicianIds: readonly string[],
  ): Promise<TechnicianPosition[]> {
    const t = tenant(actor);
    const visible = seesEveryone(t) ? technicianIds : await this.ownOnly(t, technicianIds);
    if (visible.length === 0) return [];
    const [rows, org] = await Promise.all([
      this.repo.positions(t.organizationId, visible),
      this.orgs.get(t.organizationId),
    ]);
    const now = this.now();
    return rows.map((r) => positionView(r, org.settings, now));
  }

  /** Where a technician went in [from, to] (at most 24 h), thinned to at most 2000 points. */
  async path(actor: Actor, technicianId: string, from: Date, to: Date): Promise<LocationPoint[]> {
    const t = tenant(actor);
    if (!(to.getTime() > from.getTime()))
      throw new TrackingError(TrackingErrorCode.InvalidRange, '`to` must be after `from`', {
        field: 'to',
      });
    if (to.getTime() - from.getTime() > MAX_PATH_MS)
      throw new TrackingError(
        TrackingErrorCode.InvalidRange,
        'Ask for at most 24 hours of path at a time',
        { field: 'to' },
      );
    if (!seesEveryone(t) && (await this.ownOnly(t, [technicianId])).length === 0)
      throw new TrackingError(
        TrackingErrorCode.NotYourPosition,
        'Technicians can see only their own path',
      );
    if (!(await this.repo.technician(t.organizationId, technicianId)))
      throw new TrackingError(
        TrackingErrorCode.TechnicianNotFound,
        `Technician ${technicianId} was not found`,
        { id: technicianId },
      );
    return this.repo.path(t.organizationId, technicianId, from, to, MAX_PATH_POINTS);
  }

  private async ownOnly(t: TenantActor, ids: readonly string[]): Promise<string[]> {
    if (!t.roles.includes('TECHNICIAN')) return [];
    const own = t.userId ? await this.repo.technicianOfUser(t.organizationId, t.userId) : null;
    return own ? ids.filter((id) => id === own.id) : [];
  }
}
