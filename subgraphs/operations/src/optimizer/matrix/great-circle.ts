import type { TravelMatrix } from '../engine/vrp.types';
import {
  emptyMatrix,
  haversineMetres,
  validatePoints,
  type GeoPoint,
  type MatrixProvider,
} from './matrix-provider';

export interface GreatCircleOptions {
  /** Road distance ÷ straight-line distance; 1.3 is typical for towns and their surroundings. */
  roadFactor?: number;
  /** Average driving speed including junctions and parking, km/h. */
  speedKmh?: number;
}

export const DEFAULT_ROAD_FACTOR = 1.3;
export const DEFAULT_SPEED_KMH = 40;

/**
 * Estimates travel without a road network: straight-line distance stretched by a road factor,
 * driven at a constant speed. Needs no service, so it is the default and the fallback.
 */
export class GreatCircleMatrixProvider implements MatrixProvider {
  readonly name = 'great-circle';
  readonly roadFactor: number;
  readonly speedKmh: number;

  constructor(options: GreatCircleOptions = {}) {
    this.roadFactor = options.roadFactor ?? DEFAULT_ROAD_FACTOR;
    this.speedKmh = options.speedKmh ?? DEFAULT_SPEED_KMH;
    if (!Number.isFinite(this.roadFactor) || this.roadFactor <= 0)
      throw new Error(`roadFactor must be a positive number (got ${this.roadFactor})`);
    if (!Number.isFinite(this.speedKmh) || this.speedKmh <= 0)
      throw new Error(`speedKmh must be a positive number (got ${this.speedKmh})`);
  }

  /** Estimated road distance in metres. */
  distance(a: GeoPoint, b: GeoPoint): number {
    return haversineMetres(a, b) * this.roadFactor;
  }

  /** Minutes to drive `metres` at the configured speed. */
  minutes(metres: number): number {
    return (metres / 1000 / this.speedKmh) * 60;
  }

  matrix(points: readonly GeoPoint[], signal?: AbortSignal): Promise<TravelMatrix> {
    try {
      signal?.throwIfAborted();
      return Promise.resolve(this.compute(points));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  /** Synchronous form (cheap: n² haversines). */
  compute(points: readonly GeoPoint[]): TravelMatrix {
    validatePoints(points);
    const n = points.length;
    const m = emptyMatrix(n);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const d = this.distance(points[i]!, points[j]!);
        const t = this.minutes(d);
        // Symmetric by construction; the diagonal stays 0.
        m.distance[i * n + j] = m.distance[j * n + i] = d;
        m.time[i * n + j] = m.time[j * n + i] = t;
      }
    }
    return m;
  }
}
