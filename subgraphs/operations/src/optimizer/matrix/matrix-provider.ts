import type { TravelMatrix } from '../engine/vrp.types';

/** WGS84 coordinates in degrees. */
export interface GeoPoint {
  lat: number;
  lng: number;
}

/** Where travel times and distances come from: an estimate, or a road network (OSRM). */
export interface MatrixProvider {
  readonly name: string;
  /** Travel between every pair of points (minutes, metres), same order as given. */
  matrix(points: readonly GeoPoint[], signal?: AbortSignal): Promise<TravelMatrix>;
}

/** Mean Earth radius (IUGG), the usual choice for haversine distances. */
const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** Fails on the first point that is not a finite latitude/longitude, naming its index. */
export function validatePoints(points: readonly GeoPoint[]): void {
  points.forEach((p, i) => {
    if (!Number.isFinite(p.lat) || p.lat < -90 || p.lat > 90)
      throw new Error(`Point ${i}: latitude must be a number from -90 to 90 (got ${p.lat})`);
    if (!Number.isFinite(p.lng) || p.lng < -180 || p.lng > 180)
      throw new Error(`Point ${i}: longitude must be a number from -180 to 180 (got ${p.lng})`);
  });
}

/** Straight-line (great-circle) distance in metres. */
export function haversineMetres(a: GeoPoint, b: GeoPoint): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2;
  // min() guards against rounding just above 1 for antipodal points.
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function emptyMatrix(size: number): TravelMatrix {
  return { size, time: new Float64Array(size * size), distance: new Float64Array(size * size) };
}
