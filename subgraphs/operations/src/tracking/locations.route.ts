import { DomainError, requireRoles, type Actor } from '@attendant/kit';
import type { Router } from 'express';
import type { LocationIngest } from './location-ingest';
import type { LocationPingInput } from './tracking.type';

/** Where the gateway's `POST /api/locations` is forwarded to, behind the signed `/internal`. */
export const LOCATIONS_ROUTE = '/locations';

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

class BadPings extends Error {}

const optionalNumber = (value: unknown, name: string, i: number): number | null => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new BadPings(`pings[${i}].${name} must be a number`);
  }
  return value;
};

/** The JSON body `{ pings: [{ recordedAt, lat, lng, accuracyM?, speedMps?, headingDeg? }] }`. */
export function parsePings(body: unknown): LocationPingInput[] {
  const pings = (body as { pings?: unknown } | null)?.pings;
  if (!Array.isArray(pings)) throw new BadPings('Send { "pings": [...] }');
  return pings.map((p: Record<string, unknown>, i) => {
    if (typeof p !== 'object' || p === null) throw new BadPings(`pings[${i}] must be an object`);
    const recordedAt = typeof p['recordedAt'] === 'string' ? new Date(p['recordedAt']) : null;
    if (!recordedAt || Number.isNaN(recordedAt.getTime())) {
      throw new BadPings(`pings[${i}].recordedAt must be an ISO date-time`);
    }
    const lat = optionalNumber(p['lat'], 'lat', i);
    const lng = optionalNumber(p['lng'], 'lng', i);
    if (lat === null || lng === null) throw new BadPings(`pings[${i}] needs lat and lng`);
    return {
      recordedAt,
      lat,
      lng,
      accuracyM: optionalNumber(p['accuracyM'], 'accuracyM', i),
      speedMps: optionalNumber(p['speedMps'], 'speedMps', i),
      headingDeg: optionalNumber(p['headingDeg'], 'headingDeg', i),
    };
  });
}

/**
 * The lean ingest path for fleets that ping often: the same `LocationIngest.record` as the
 * `recordLocations` mutation (same checks, idempotency, ETA, geofence and events), without
 * query planning and GraphQL execution per ping. Answers the ids of the jobs the position points
 * at; the app reads anything else over GraphQL.
 */
export function locationsRoute(router: Router, ingest: LocationIngest): void {
  router.post(LOCATIONS_ROUTE, async (req, res) => {
    const actor = res.locals['actor'] as Actor;
    try {
      requireRoles(actor, ['TECHNICIAN']);
      const result = await ingest.record(actor, parsePings(req.body));
      const p = result.position;
      res.json({
        accepted: result.accepted,
        duplicates: result.duplicates,
        position: p && {
          id: p.id,
          lat: p.lat,
          lng: p.lng,
          recordedAt: p.recordedAt,
          stale: p.stale,
          travelSeconds: p.travelSeconds,
          distanceM: p.distanceM,
          etaAt: p.etaAt,
          nextWorkOrderId: p.nextWorkOrderId,
          arrivalProposedForId: p.arrivalProposedForId,
        },
      });
    } catch (err) {
      if (err instanceof BadPings) {
        res.status(400).json({ code: 'BAD_USER_INPUT', message: err.message });
      } else if (err instanceof DomainError) {
        res.status(STATUS[err.transportCode] ?? 400).json({
          code: err.transportCode,
          reason: err.code,
          message: err.message,
        });
      } else {
        throw err;
      }
    }
  });
}
