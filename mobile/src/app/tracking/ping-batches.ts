import type { StoredPing } from '../core/offline/offline-db';

/** recordLocations takes at most this many pings; the app sends smaller batches. */
export const PING_BATCH = 100;
export const DEFAULT_PING_INTERVAL_S = 30;

/** The oldest pings first, at most PING_BATCH, as the API's input. */
export function nextBatch(pings: readonly StoredPing[]): {
  seqs: number[];
  input: {
    recordedAt: string;
    lat: number;
    lng: number;
    accuracyM: number | null;
    speedMps: number | null;
    headingDeg: number | null;
  }[];
} {
  const batch = [...pings].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)).slice(0, PING_BATCH);
  return {
    seqs: batch.map((p) => p.seq!),
    input: batch.map((p) => ({
      recordedAt: p.recordedAt,
      lat: p.lat,
      lng: p.lng,
      accuracyM: p.accuracyM,
      speedMps: p.speedMps,
      headingDeg: p.headingDeg,
    })),
  };
}

/** A ping interval from the settings, kept within what the API allows (5–600 s). */
export function pingIntervalMs(seconds: number | null | undefined): number {
  const s = Number.isFinite(seconds)
    ? Math.min(600, Math.max(5, seconds!))
    : DEFAULT_PING_INTERVAL_S;
  return s * 1000;
}
