/*
 * Where the field technicians were last seen, so the live map has something to show before any
 * app pings: on the way to their EN_ROUTE job (part way from home), or at the site of the job
 * they are working on. ETAs use the great-circle estimate the server uses by default.
 */
import type { Prisma } from '@attendant/db';
import type { OrgSeed } from './index';

const ROAD_FACTOR = 1.3;
const SPEED_KMH = 40;
const EARTH_M = 6_371_008.8;
const RAD = Math.PI / 180;

function metres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const h =
    Math.sin(((b.lat - a.lat) * RAD) / 2) ** 2 +
    Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(((b.lng - a.lng) * RAD) / 2) ** 2;
  return 2 * EARTH_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function seedPositions(org: OrgSeed, now: Date): Prisma.TechnicianPositionCreateManyInput[] {
  const siteOf = new Map(org.sites.map((s) => [s.id!, s]));
  const rank = { EN_ROUTE: 0, ARRIVED: 1, IN_PROGRESS: 1 } as Record<string, number>;
  return org.technicians.flatMap((tech, i): Prisma.TechnicianPositionCreateManyInput[] => {
    const job = org.workOrders
      .filter((w) => w.technicianId === tech.id && w.siteId && rank[w.status!] !== undefined)
      .sort((a, b) => rank[a.status!]! - rank[b.status!]!)[0];
    const site = job && siteOf.get(job.siteId!);
    if (!job || !site || tech.homeLat == null || tech.homeLng == null) return [];
    const recordedAt = new Date(now.getTime() - (10 + i * 7) * 1000);
    const base = {
      technicianId: tech.id,
      organizationId: org.organizationId,
      accuracyM: 8,
      recordedAt,
      nextWorkOrderId: job.id,
    };
    if (job.status !== 'EN_ROUTE') {
      const at = { lat: site.lat + 0.0002, lng: site.lng };
      return [{ ...base, ...at, speedMps: 0, insideWorkOrderId: job.id }];
    }
    // Part way from home to the site, driving towards it.
    const share = 0.55;
    const at = {
      lat: tech.homeLat + (site.lat - tech.homeLat) * share,
      lng: tech.homeLng + (site.lng - tech.homeLng) * share,
    };
    const distanceM = Math.round(metres(at, site) * ROAD_FACTOR);
    const travelSeconds = Math.round((distanceM / 1000 / SPEED_KMH) * 3600);
    const heading = (Math.atan2(site.lng - at.lng, site.lat - at.lat) / RAD + 360) % 360;
    return [
      {
        ...base,
        ...at,
        speedMps: 11,
        headingDeg: Math.round(heading),
        distanceM,
        travelSeconds,
        etaAt: new Date(recordedAt.getTime() + travelSeconds * 1000),
      },
    ];
  });
}
