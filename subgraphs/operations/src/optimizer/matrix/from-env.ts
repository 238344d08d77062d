import { DEFAULT_ROAD_FACTOR, DEFAULT_SPEED_KMH, GreatCircleMatrixProvider } from './great-circle';
import type { MatrixProvider } from './matrix-provider';
import { OsrmMatrixProvider } from './osrm';

/** A number variable within [min, max], or its default when unset or blank. */
function numberVar(
  env: Record<string, string | undefined>,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max)
    throw new Error(`${name} must be a number from ${min} to ${max} (got "${raw}")`);
  return value;
}

/**
 * The matrix provider configured by the environment:
 * - OPTIMIZER_MATRIX: `great-circle` (default) or `osrm`;
 * - OSRM_URL: the OSRM server (http/https), required for `osrm`;
 * - OPTIMIZER_ROAD_FACTOR (1..3, default 1.3) and OPTIMIZER_SPEED_KMH (5..130, default 40) shape
 *   the great-circle estimate, which OSRM also uses for pairs it cannot route.
 */
export function matrixProviderFromEnv(env: Record<string, string | undefined>): MatrixProvider {
  const kind = env['OPTIMIZER_MATRIX']?.trim() || 'great-circle';
  const estimate = new GreatCircleMatrixProvider({
    roadFactor: numberVar(env, 'OPTIMIZER_ROAD_FACTOR', 1, 3, DEFAULT_ROAD_FACTOR),
    speedKmh: numberVar(env, 'OPTIMIZER_SPEED_KMH', 5, 130, DEFAULT_SPEED_KMH),
  });
  if (kind === 'great-circle') return estimate;
  if (kind !== 'osrm')
    throw new Error(`OPTIMIZER_MATRIX must be "great-circle" or "osrm" (got "${kind}")`);
  const raw = env['OSRM_URL']?.trim();
  if (!raw) throw new Error('OSRM_URL is required when OPTIMIZER_MATRIX=osrm');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // The value itself is not echoed: it may carry credentials.
    throw new Error('OSRM_URL must be an http:// or https:// URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error('OSRM_URL must be an http:// or https:// URL');
  return new OsrmMatrixProvider({ baseUrl: raw, fallback: estimate });
}
