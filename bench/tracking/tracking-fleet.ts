import { signAccessToken } from '@attendant/kit';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { offset } from './tracking-motion';
import type { FleetTechnician, GeoPoint } from './tracking-protocol';

/** Austin, the seeded field-service region (prisma/seed/names.ts CITIES). */
const CENTRE: GeoPoint = { lat: 30.2672, lng: -97.7431 };
const TEAMS = 10;

export interface FleetOptions {
  organizationId: string;
  technicians: number;
  dispatchers: number;
  /** Share of technicians driving to an EN_ROUTE job (exercises next job, ETA and geofence). */
  enRouteShare: number;
  pingIntervalSeconds: number;
}

export interface Fleet {
  organizationId: string;
  technicians: Omit<FleetTechnician, 'token'>[];
  dispatcherUserIds: string[];
  enRoute: number;
  epochMs: number;
}

/** A small deterministic generator, so every run drives the same routes. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/*
 * Creates the fleet straight in the database (1,000 logins through the API would only measure
 * password hashing): technicians as real TECHNICIAN users linked to technician records in ten
 * teams, dispatchers as DISPATCHER users, an EN_ROUTE job at a seeded site for a share of the
 * technicians, and tracking settings with the bench's ping interval. Access tokens are minted
 * with the stack's JWT secret, exactly as the login mutation mints them (see mintTokens).
 */
export async function createFleet(databaseUrl: string, opts: FleetOptions): Promise<Fleet> {
  const random = rng(7);
  const org = opts.organizationId;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('BEGIN');
    const teamIds = Array.from({ length: TEAMS }, () => randomUUID());
    await db.query(
      `INSERT INTO operations.team (id, "organizationId", name)
       SELECT id, $1::uuid, 'Bench team ' || n FROM unnest($2::uuid[]) WITH ORDINALITY AS t(id, n)`,
      [org, teamIds],
    );

    const techUsers = Array.from({ length: opts.technicians }, () => randomUUID());
    const dispatcherUsers = Array.from({ length: opts.dispatchers }, () => randomUUID());
    const insertUsers = (ids: string[], kind: string, role: string) =>
      db.query(
        `INSERT INTO operations."user" (id, "organizationId", email, name, "passwordHash", roles, "updatedAt")
         SELECT id, $1::uuid, 'bench-${kind}-' || n || '@bench.invalid', 'Bench ${kind} ' || n,
                'bench: no password, tokens are minted', ARRAY['${role}']::operations."Role"[], now()
           FROM unnest($2::uuid[]) WITH ORDINALITY AS t(id, n)`,
        [org, ids],
      );
    await insertUsers(techUsers, 'technician', 'TECHNICIAN');
    await insertUsers(dispatcherUsers, 'dispatcher', 'DISPATCHER');

    const sites = (
      await db.query<{ siteId: string; lat: number; lng: number }>(
        `SELECT "siteId", lat, lng FROM operations.site_projection WHERE "organizationId" = $1`,
        [org],
      )
    ).rows;
    const enRoute = sites.length > 0 ? Math.round(opts.technicians * opts.enRouteShare) : 0;

    const technicians = techUsers.map((userId, i): Omit<FleetTechnician, 'token'> => {
      const technicianId = randomUUID();
      if (i < enRoute) {
        // 6–9 km out, driving straight at the job's site: the ETA shrinks over the run.
        const site = sites[Math.floor(random() * sites.length)]!;
        const to = { lat: site.lat, lng: site.lng };
        const from = offset(to, 6000 + random() * 3000, random() * 360);
        return { technicianId, userId, from, to, mode: 'enRoute', startOffsetM: 0 };
      }
      // Anywhere within 15 km of the centre, back and forth along an 8 km street.
      const from = offset(CENTRE, Math.sqrt(random()) * 15_000, random() * 360);
      const to = offset(from, 8000, random() * 360);
      return { technicianId, userId, from, to, mode: 'patrol', startOffsetM: random() * 16_000 };
    });
    await db.query(
      `INSERT INTO operations.technician
         (id, "organizationId", "userId", name, "teamId", "homeLat", "homeLng", "updatedAt")
       SELECT t.id, $1::uuid, t.uid, 'Bench technician ' || t.n, t.team, t.lat, t.lng, now()
         FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::float8[], $6::float8[])
              WITH ORDINALITY AS t(id, uid, team, lat, lng, n)`,
      [
        org,
        technicians.map((t) => t.technicianId),
        technicians.map((t) => t.userId),
        technicians.map((_, i) => teamIds[i % TEAMS]),
        technicians.map((t) => t.from.lat),
        technicians.map((t) => t.from.lng),
      ],
    );

    if (enRoute > 0) {
      const jobs = technicians.slice(0, enRoute);
      const siteOf = new Map(sites.map((s) => [`${s.lat},${s.lng}`, s.siteId]));
      const counter = await db.query<{ last: number }>(
        `INSERT INTO operations.work_order_counter ("organizationId", last) VALUES ($1, $2)
         ON CONFLICT ("organizationId") DO UPDATE SET last = work_order_counter.last + $2
         RETURNING last`,
        [org, jobs.length],
      );
      const first = counter.rows[0]!.last - jobs.length + 1;
      await db.query(
        `INSERT INTO operations.work_order
           (id, "organizationId", number, kind, title, status, "technicianId", "siteId", "teamId",
            "scheduledStart", "scheduledEnd", "updatedAt")
         SELECT gen_random_uuid(), $1::uuid, $2::int + t.n - 1, 'FIELD_JOB', 'Bench job ' || t.n,
                'EN_ROUTE', t.tech, t.site, t.team, now(), now() + interval '1 hour', now()
           FROM unnest($3::uuid[], $4::uuid[], $5::uuid[]) WITH ORDINALITY AS t(tech, site, team, n)`,
        [
          org,
          first,
          jobs.map((t) => t.technicianId),
          jobs.map((t) => siteOf.get(`${t.to.lat},${t.to.lng}`)),
          jobs.map((_, i) => teamIds[i % TEAMS]),
        ],
      );
    }

    await db.query(
      `INSERT INTO operations.tracking_settings ("organizationId", "pingIntervalSeconds", "updatedAt")
       VALUES ($1, $2, now())
       ON CONFLICT ("organizationId") DO UPDATE SET "pingIntervalSeconds" = $2, "updatedAt" = now()`,
      [org, Math.min(600, Math.max(5, opts.pingIntervalSeconds))],
    );
    await db.query('COMMIT');
    return {
      organizationId: org,
      technicians,
      dispatcherUserIds: dispatcherUsers,
      enRoute,
      epochMs: Date.now(),
    };
  } catch (err) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await db.end();
  }
}

/** Access tokens as `login` issues them (15 minutes): minted right before each run. */
export async function mintTokens(
  organizationId: string,
  userIds: readonly string[],
  role: 'TECHNICIAN' | 'DISPATCHER',
  jwtSecret: string,
): Promise<string[]> {
  const now = Date.now();
  return Promise.all(
    userIds.map(
      async (userId) =>
        (await signAccessToken({ userId, organizationId, roles: [role] }, jwtSecret, now)).token,
    ),
  );
}
