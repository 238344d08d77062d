import type {
  GeofenceArrival,
  TechnicianPosition as PositionRow,
  TrackingLink as LinkRow,
  WorkOrderStatus,
} from '@attendant/db';
import { isUuid, type DbOrTx } from '@attendant/kit';
import { prismaHotSql, type HotSql } from './hot-sql';

export type { LinkRow, PositionRow };

export interface SettingsRow {
  pingIntervalSeconds: number;
  retentionDays: number;
  geofenceRadiusM: number;
  geofenceArrival: GeofenceArrival;
  publicShowsPosition: boolean;
}

export const DEFAULT_SETTINGS: Readonly<SettingsRow> = Object.freeze({
  pingIntervalSeconds: 30,
  retentionDays: 30,
  geofenceRadiusM: 150,
  geofenceArrival: 'PROPOSE',
  publicShowsPosition: true,
});

export interface PingRow {
  recordedAt: Date;
  lat: number;
  lng: number;
  accuracyM: number | null;
  speedMps: number | null;
  headingDeg: number | null;
}

/** A job with where it is (site coordinates, when the site has them). */
export interface JobSpot {
  id: string;
  status: WorkOrderStatus;
  completedAt: Date | null;
  lat: number | null;
  lng: number | null;
}

export type NewPosition = Omit<PositionRow, 'updatedAt'>;

export interface IngestRead {
  technician: { id: string; teamId: string | null } | null;
  inserted: number;
  position: PositionRow | null;
  next: JobSpot | null;
  previousInside: JobSpot | null;
}

type Json = Record<string, unknown> | string | null;
interface RawIngest {
  tech: Json;
  inserted: number;
  position: Json;
  next: Json;
  previous: Json;
}

const date = (v: unknown): Date | null => (v == null ? null : new Date(v as string));

/** row_to_json gives timestamps as ISO strings; the rest of the code expects Dates. */
function revivePosition(r: Record<string, unknown>): PositionRow {
  return {
    ...(r as unknown as PositionRow),
    recordedAt: date(r['recordedAt'])!,
    etaAt: date(r['etaAt']),
    updatedAt: date(r['updatedAt'])!,
  };
}

function reviveJob(r: Record<string, unknown> | null): JobSpot | null {
  return r ? { ...(r as unknown as JobSpot), completedAt: date(r['completedAt']) } : null;
}

const JOB_COLUMNS = `w.id, w.status::text AS status, w."completedAt", s.lat, s.lng`;
const JOB_FROM = `operations.work_order w
  LEFT JOIN operations.site_projection s
    ON s."siteId" = w."siteId" AND s."organizationId" = w."organizationId"`;

/** Tracking queries; all scoped to an organization except the token lookup of a public link. */
export class TrackingRepository {
  constructor(
    private readonly db: DbOrTx,
    /** Runs the per-fix statements (ingest, savePosition); Prisma unless given a leaner one. */
    private readonly hot: HotSql = prismaHotSql(db),
  ) {}

  async settings(organizationId: string): Promise<SettingsRow> {
    const row = await this.db.trackingSettings.findFirst({ where: { organizationId } });
    return row ?? { ...DEFAULT_SETTINGS };
  }

  async saveSettings(organizationId: string, data: Partial<SettingsRow>): Promise<SettingsRow> {
    return this.db.trackingSettings.upsert({
      where: { organizationId },
      create: { ...DEFAULT_SETTINGS, ...data, organizationId },
      update: data,
    });
  }

  organization(id: string): Promise<{ name: string; timezone: string } | null> {
    return this.db.organization.findUnique({
      where: { id },
      select: { name: true, timezone: true },
    });
  }

  technicianOfUser(
    organizationId: string,
    userId: string,
  ): Promise<{ id: string; teamId: string | null } | null> {
    return this.db.technician.findFirst({
      where: { organizationId, userId },
      select: { id: true, teamId: true },
    });
  }

  technician(
    organizationId: string,
    id: string,
  ): Promise<{ id: string; name: string; teamId: string | null; photoUrl: string | null } | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.db.technician.findFirst({
      where: { organizationId, id },
      select: { id: true, name: true, teamId: true, photoUrl: true },
    });
  }

  async technicianIdsOfTeam(organizationId: string, teamId: string): Promise<string[]> {
    if (!isUuid(teamId)) return [];
    const rows = await this.db.technician.findMany({
      where: { organizationId, teamId },
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }

  /**
   * One round trip for a batch (1000 technicians pinging every 5 s make 200 of these a second):
   * finds the signed-in user's technician, stores the pings (a fix already stored, same
   * technician and time, is skipped), and reads the stored position, the job the technician is
   * working towards (the one they drive to, EN_ROUTE; else the one they are at, ARRIVED or
   * IN_PROGRESS; else the day's first SCHEDULED/DISPATCHED one) and the job whose geofence they
   * were inside. The reads see the state before the statement, which is all they need.
   */
  async ingest(
    organizationId: string,
    userId: string,
    pings: readonly PingRow[],
    dayStart: Date,
    dayEnd: Date,
  ): Promise<IngestRead> {
    const [row] = await this.hot.run<RawIngest>(
      'tracking_ingest',
      `WITH tech AS (
         SELECT id, "teamId" FROM operations.technician
          WHERE "organizationId" = $1::uuid AND "userId" = $2::uuid),
       ins AS (
         INSERT INTO operations.location_ping
           ("organizationId","technicianId","recordedAt",lat,lng,"accuracyM","speedMps","headingDeg")
         SELECT $1::uuid, tech.id, p."recordedAt", p.lat, p.lng, p."accuracyM", p."speedMps", p."headingDeg"
           FROM tech, jsonb_to_recordset($3::jsonb) AS p("recordedAt" timestamptz, lat float8,
                lng float8, "accuracyM" float8, "speedMps" float8, "headingDeg" float8)
         ON CONFLICT ("technicianId","recordedAt") DO NOTHING
         RETURNING 1),
       pos AS (
         SELECT t.* FROM operations.technician_position t, tech
          WHERE t."technicianId" = tech.id AND t."organizationId" = $1::uuid),
       nxt AS (
         SELECT ${JOB_COLUMNS} FROM ${JOB_FROM}, tech
          WHERE w."organizationId" = $1::uuid AND w."technicianId" = tech.id
            AND (w.status IN ('EN_ROUTE','ARRIVED','IN_PROGRESS')
                 OR (w.status IN ('SCHEDULED','DISPATCHED')
                     AND w."scheduledStart" >= $4::timestamptz AND w."scheduledStart" < $5::timestamptz))
          ORDER BY CASE w.status WHEN 'EN_ROUTE' THEN 0 WHEN 'SCHEDULED' THEN 2
                                 WHEN 'DISPATCHED' THEN 2 ELSE 1 END,
                   w."scheduledStart" NULLS LAST, w.number
          LIMIT 1),
       prev AS (
         SELECT ${JOB_COLUMNS} FROM ${JOB_FROM}, pos
          WHERE w."organizationId" = $1::uuid AND w.id = pos."insideWorkOrderId")
       SELECT (SELECT row_to_json(tech) FROM tech) AS tech,
              (SELECT count(*)::int FROM ins) AS inserted,
              (SELECT row_to_json(pos) FROM pos) AS position,
              (SELECT row_to_json(nxt) FROM nxt) AS next,
              (SELECT row_to_json(prev) FROM prev) AS previous`,
      [
        organizationId,
        userId,
        JSON.stringify(pings.map((p) => ({ ...p, recordedAt: p.recordedAt.toISOString() }))),
        dayStart.toISOString(),
        dayEnd.toISOString(),
      ],
    );
    // The pg driver hands json columns back parsed; be safe if a string comes instead.
    const json = <T = Record<string, unknown>>(v: Json | undefined): T | null =>
      v == null ? null : ((typeof v === 'string' ? JSON.parse(v) : v) as T);
    const position = json(row?.position);
    return {
      technician: json<{ id: string; teamId: string | null }>(row?.tech),
      inserted: Number(row?.inserted ?? 0),
      position: position ? revivePosition(position) : null,
      next: reviveJob(json(row?.next)),
      previousInside: reviveJob(json(row?.previous)),
    };
  }

  position(organizationId: string, technicianId: string): Promise<PositionRow | null> {
    if (!isUuid(technicianId)) return Promise.resolve(null);
    return this.db.technicianPosition.findFirst({ where: { organizationId, technicianId } });
  }

  positions(
    organizationId: string,
    technicianIds: readonly string[] | null,
  ): Promise<PositionRow[]> {
    return this.db.technicianPosition.findMany({
      where: {
        organizationId,
        ...(technicianIds ? { technicianId: { in: technicianIds.filter(isUuid) } } : {}),
      },
      orderBy: { technicianId: 'asc' },
    });
  }

  /**
   * Writes the position unless a newer one is stored (two batches of one technician racing: the
   * newest fix wins). Returns the row written, or null when a newer one was already there. With
   * `notify`, the same statement sends that NOTIFY when it writes the row.
   */
  async savePosition(
    p: NewPosition,
    notify: { channel: string; payload: string } | null = null,
  ): Promise<PositionRow | null> {
    const upsert = `INSERT INTO operations.technician_position AS t
         ("technicianId","organizationId",lat,lng,"accuracyM","speedMps","headingDeg","recordedAt",
          "nextWorkOrderId","travelSeconds","distanceM","etaAt","insideWorkOrderId",
          "arrivalProposedForId","updatedAt")
       VALUES ($1::uuid,$2::uuid,$3,$4,$5,$6,$7,$8::timestamptz,$9::uuid,$10::int,$11,$12::timestamptz,
               $13::uuid,$14::uuid,now())
       ON CONFLICT ("technicianId") DO UPDATE SET
         lat = EXCLUDED.lat, lng = EXCLUDED.lng, "accuracyM" = EXCLUDED."accuracyM",
         "speedMps" = EXCLUDED."speedMps", "headingDeg" = EXCLUDED."headingDeg",
         "recordedAt" = EXCLUDED."recordedAt", "nextWorkOrderId" = EXCLUDED."nextWorkOrderId",
         "travelSeconds" = EXCLUDED."travelSeconds", "distanceM" = EXCLUDED."distanceM",
         "etaAt" = EXCLUDED."etaAt", "insideWorkOrderId" = EXCLUDED."insideWorkOrderId",
         "arrivalProposedForId" = EXCLUDED."arrivalProposedForId", "updatedAt" = now()
       WHERE t."recordedAt" < EXCLUDED."recordedAt" AND t."organizationId" = EXCLUDED."organizationId"
       RETURNING *`;
    // The NOTIFY rides along (sent at commit), filtered per written row: no row, no event.
    const [name, text] = notify
      ? [
          'tracking_save_position_notify',
          `WITH up AS (${upsert}) SELECT up.* FROM up WHERE pg_notify($15, $16) IS NOT NULL`,
        ]
      : ['tracking_save_position', upsert];
    const rows = await this.hot.run<PositionRow>(name, text, [
      p.technicianId,
      p.organizationId,
      p.lat,
      p.lng,
      p.accuracyM,
      p.speedMps,
      p.headingDeg,
      p.recordedAt.toISOString(),
      p.nextWorkOrderId,
      p.travelSeconds,
      p.distanceM,
      p.etaAt?.toISOString() ?? null,
      p.insideWorkOrderId,
      p.arrivalProposedForId,
      ...(notify ? [notify.channel, notify.payload] : []),
    ]);
    return rows[0] ?? null;
  }

  /** Stamps when the technician left a completed job's site; only the first departure counts. */
  async markDeparted(organizationId: string, workOrderId: string, at: Date): Promise<boolean> {
    const { count } = await this.db.workOrder.updateMany({
      where: { organizationId, id: workOrderId, status: 'COMPLETED', departedAt: null },
      data: { departedAt: at },
    });
    return count > 0;
  }

  /**
   * A technician's points in [from, to], thinned evenly to at most `max` (every k-th point, and
   * always the last one), in time order.
   */
  path(
    organizationId: string,
    technicianId: string,
    from: Date,
    to: Date,
    max: number,
  ): Promise<{ recordedAt: Date; lat: number; lng: number }[]> {
    return this.db.$queryRawUnsafe(
      `WITH pts AS (
         SELECT "recordedAt", lat, lng,
                row_number() OVER (ORDER BY "recordedAt") AS rn, count(*) OVER () AS n
           FROM operations.location_ping
          WHERE "organizationId" = $1::uuid AND "technicianId" = $2::uuid
            AND "recordedAt" >= $3::timestamptz AND "recordedAt" <= $4::timestamptz)
       SELECT "recordedAt", lat, lng FROM pts
        WHERE n <= $5::int OR (rn - 1) % ceil((n - 1)::numeric / ($5::int - 1)) = 0 OR rn = n
        ORDER BY "recordedAt"`,
      organizationId,
      technicianId,
      from.toISOString(),
      to.toISOString(),
      max,
    );
  }

  /**
   * Deletes up to `batch` pings older than their organization's retention (30 days without
   * settings). Runs as the process, across organizations.
   */
  deleteExpiredPings(now: Date, batch: number, defaultDays: number): Promise<number> {
    return this.db.$executeRawUnsafe(
      `DELETE FROM operations.location_ping WHERE id IN (
         SELECT p.id FROM operations.location_ping p
           LEFT JOIN operations.tracking_settings s ON s."organizationId" = p."organizationId"
          WHERE p."recordedAt" < $1::timestamptz - interval '1 day'
            AND p."recordedAt" < $1::timestamptz
                                 - make_interval(days => COALESCE(s."retentionDays", $3::int))
          LIMIT $2)`,
      now.toISOString(),
      batch,
      defaultDays,
    );
  }

  // --- Tracking links ---------------------------------------------------------------------

  createLink(data: {
    organizationId: string;
    workOrderId: string;
    tokenHash: string;
    createdById: string | null;
    expiresAt: Date;
  }): Promise<LinkRow> {
    return this.db.trackingLink.create({ data });
  }

  link(organizationId: string, id: string): Promise<LinkRow | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.db.trackingLink.findFirst({ where: { organizationId, id } });
  }

  linksOfWorkOrders(organizationId: string, workOrderIds: readonly string[]): Promise<LinkRow[]> {
    return this.db.trackingLink.findMany({
      where: { organizationId, workOrderId: { in: workOrderIds.filter(isUuid) } },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    });
  }

  revokeLink(organizationId: string, id: string, at: Date): Promise<LinkRow> {
    return this.db.trackingLink.update({
      where: { id, organizationId },
      data: { revokedAt: at },
    });
  }

  /** The public lookup: the token's hash is the key, so no organization is known yet. */
  async linkByTokenHash(tokenHash: string): Promise<LinkRow | null> {
    const rows = await this.db.$queryRawUnsafe<LinkRow[]>(
      `SELECT * FROM operations.tracking_link WHERE "tokenHash" = $1`,
      tokenHash,
    );
    return rows[0] ?? null;
  }

  /** Counts a visit when the last one was more than `gapMs` ago; always records the time. */
  async recordView(organizationId: string, id: string, now: Date, gapMs: number): Promise<void> {
    await this.db.$executeRawUnsafe(
      `UPDATE operations.tracking_link
          SET "viewCount" = "viewCount" + CASE
                WHEN "lastViewedAt" IS NULL OR "lastViewedAt" < $3::timestamptz - ($4::int * interval '1 millisecond')
                THEN 1 ELSE 0 END,
              "lastViewedAt" = $3::timestamptz
        WHERE id = $2::uuid AND "organizationId" = $1::uuid`,
      organizationId,
      id,
      now.toISOString(),
      gapMs,
    );
  }

  workOrder(organizationId: string, id: string) {
    return this.db.workOrder.findFirst({
      where: { organizationId, id },
      select: {
        id: true,
        number: true,
        status: true,
        technicianId: true,
        siteId: true,
        scheduledStart: true,
        windowStart: true,
        windowEnd: true,
        completedAt: true,
        cancelledAt: true,
        updatedAt: true,
      },
    });
  }

  site(organizationId: string, siteId: string): Promise<{ lat: number; lng: number } | null> {
    return this.db.siteProjection.findFirst({
      where: { organizationId, siteId },
      select: { lat: true, lng: true },
    });
  }
}
