import type { StoredPing } from '../core/offline/offline-db';
import { nextBatch, pingIntervalMs, PING_BATCH } from './ping-batches';

const ping = (seq: number): StoredPing => ({
  seq,
  recordedAt: new Date(Date.UTC(2026, 2, 14, 9, 0, seq)).toISOString(),
  lat: 52,
  lng: 4,
  accuracyM: 5,
  speedMps: null,
  headingDeg: null,
});

describe('nextBatch', () => {
  it('should send the oldest pings first, at most 100, with their device timestamps', () => {
    const pings = Array.from({ length: 250 }, (_, i) => ping(250 - i));
    const batch = nextBatch(pings);
    expect(batch.seqs).toHaveLength(PING_BATCH);
    expect(batch.seqs[0]).toBe(1);
    expect(batch.input[0]!.recordedAt).toBe(ping(1).recordedAt);
  });
});

describe('pingIntervalMs', () => {
  it('should default to 30 s and keep the interval within 5–600 s', () => {
    expect(pingIntervalMs(undefined)).toBe(30_000);
    expect(pingIntervalMs(1)).toBe(5_000);
    expect(pingIntervalMs(9999)).toBe(600_000);
    expect(pingIntervalMs(45)).toBe(45_000);
  });
});
