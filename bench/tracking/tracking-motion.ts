import type { FleetTechnician, GeoPoint } from './tracking-protocol';

const EARTH_M = 6_371_000;
const rad = (d: number) => (d * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

export function metresBetween(a: GeoPoint, b: GeoPoint): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_M * Math.asin(Math.sqrt(h));
}

/** Initial bearing from a to b, 0–360 (0 = north). */
export function bearing(a: GeoPoint, b: GeoPoint): number {
  const y = Math.sin(rad(b.lng - a.lng)) * Math.cos(rad(b.lat));
  const x =
    Math.cos(rad(a.lat)) * Math.sin(rad(b.lat)) -
    Math.sin(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.cos(rad(b.lng - a.lng));
  return (deg(Math.atan2(y, x)) + 360) % 360;
}

/** The point `metres` away from `from` towards `bearingDeg` (flat-earth; fine for a city). */
export function offset(from: GeoPoint, metres: number, bearingDeg: number): GeoPoint {
  const b = rad(bearingDeg);
  return {
    lat: from.lat + deg((metres * Math.cos(b)) / EARTH_M),
    lng: from.lng + deg((metres * Math.sin(b)) / (EARTH_M * Math.cos(rad(from.lat)))),
  };
}

export interface Fix extends GeoPoint {
  speedMps: number;
  headingDeg: number;
}

/**
 * Where a technician is at `atMs`: driving at `speedMps` along their line since `epochMs`. A
 * patrol goes back and forth; a technician en route stops at the job's site.
 */
export function fixAt(t: FleetTechnician, epochMs: number, speedMps: number, atMs: number): Fix {
  const length = Math.max(1, metresBetween(t.from, t.to));
  const driven = t.startOffsetM + (speedMps * Math.max(0, atMs - epochMs)) / 1000;
  let along: number;
  let forward = true;
  let moving = true;
  if (t.mode === 'enRoute') {
    along = Math.min(driven, length);
    moving = driven < length;
  } else {
    const s = driven % (2 * length);
    forward = s < length;
    along = forward ? s : 2 * length - s;
  }
  const k = along / length;
  const heading = forward ? bearing(t.from, t.to) : bearing(t.to, t.from);
  return {
    lat: t.from.lat + (t.to.lat - t.from.lat) * k,
    lng: t.from.lng + (t.to.lng - t.from.lng) * k,
    speedMps: moving ? speedMps : 0,
    headingDeg: Math.round(heading * 10) / 10,
  };
}
