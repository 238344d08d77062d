import type { TravelMatrix } from '../engine/vrp.types';
import { GreatCircleMatrixProvider } from './great-circle';
import { emptyMatrix, validatePoints, type GeoPoint, type MatrixProvider } from './matrix-provider';

export interface OsrmOptions {
  /** Server root, e.g. `http://osrm:5000` (no trailing `/table`). */
  baseUrl: string;
  /** The profile segment of the URL; osrm-routed ignores it, hosted services may not. */
  profile?: string;
  /** Per request. */
  timeoutMs?: number;
  /** The server's `--max-table-size`: a request may have at most this² source×destination cells. */
  maxTableSize?: number;
  /** Estimates pairs the road network cannot connect. */
  fallback?: GreatCircleMatrixProvider;
  fetch?: typeof fetch;
}

/** Requests in flight at once when a matrix needs several blocks. */
const CONCURRENCY = 4;
/** Error text taken from the server is cut to this length. */
const MAX_MESSAGE = 200;

/** The Table service response (only what we read). */
interface TableResponse {
  code?: unknown;
  message?: unknown;
  durations?: unknown;
  distances?: unknown;
}

interface Block {
  rows: number[];
  cols: number[];
}

/**
 * Road-network travel from an OSRM server's Table service
 * (`/table/v1/{profile}/{lng,lat;…}?annotations=duration,distance`). Durations arrive in seconds
 * and become minutes; distances are metres. Matrices larger than `maxTableSize` are requested in
 * blocks (with `sources`/`destinations` index lists) and assembled.
 */
export class OsrmMatrixProvider implements MatrixProvider {
  readonly name = 'osrm';
  private readonly baseUrl: string;
  private readonly profile: string;
  private readonly timeoutMs: number;
  private readonly maxTableSize: number;
  private readonly fallback: GreatCircleMatrixProvider;
  private readonly fetch: typeof fetch;

  constructor(options: OsrmOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.profile = options.profile ?? 'driving';
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxTableSize = options.maxTableSize ?? 100;
    this.fallback = options.fallback ?? new GreatCircleMatrixProvider();
    this.fetch = options.fetch ?? globalThis.fetch;
    if (!/^https?:\/\/[^/]/.test(this.baseUrl))
      throw new Error('OSRM baseUrl must be an http:// or https:// URL');
    if (!/^[\w.-]+$/.test(this.profile))
      throw new Error('OSRM profile may contain only letters, digits, "_", "-" and "."');
    if (!Number.isInteger(this.maxTableSize) || this.maxTableSize < 1)
      throw new Error(`maxTableSize must be a positive integer (got ${this.maxTableSize})`);
    if (!Number.isFinite(this.timeoutMs) || this.timeoutMs <= 0)
      throw new Error(`timeoutMs must be a positive number (got ${this.timeoutMs})`);
  }

  async matrix(points: readonly GeoPoint[], signal?: AbortSignal): Promise<TravelMatrix> {
    validatePoints(points);
    signal?.throwIfAborted();
    const n = points.length;
    const m = emptyMatrix(n);
    if (n < 2) return m;
    const blocks = this.blocks(n);
    // The first failure cancels the other blocks' requests.
    const failed = new AbortController();
    const blockSignal = signal ? AbortSignal.any([signal, failed.signal]) : failed.signal;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < blocks.length && !blockSignal.aborted) {
        const block = blocks[next++]!;
        await this.fill(m, points, block, blocks.length > 1, blockSignal);
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, blocks.length) }, worker));
    } catch (error) {
      failed.abort();
      throw error;
    }
    signal?.throwIfAborted();
    return m;
  }

  /** Square tiles of at most maxTableSize² cells, so every request passes the server's limit. */
  private blocks(n: number): Block[] {
    const size = this.maxTableSize;
    const ranges: number[][] = [];
    for (let s = 0; s < n; s += size)
      ranges.push(Array.from({ length: Math.min(size, n - s) }, (_, k) => s + k));
    return ranges.flatMap((rows) => ranges.map((cols) => ({ rows, cols })));
  }

  /** Requests one block and writes it into the matrix. */
  private async fill(
    m: TravelMatrix,
    points: readonly GeoPoint[],
    { rows, cols }: Block,
    split: boolean,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    // Only the block's own points are sent (a diagonal block's rows and columns coincide).
    const coords = rows === cols ? rows : [...rows, ...cols];
    // Built by hand: OSRM reads `;` and `,` literally, so nothing is percent-encoded.
    let query = 'annotations=duration,distance';
    if (split) {
      const offset = rows === cols ? 0 : rows.length;
      query += `&sources=${rows.map((_, k) => k).join(';')}`;
      query += `&destinations=${cols.map((_, k) => offset + k).join(';')}`;
    }
    // OSRM wants longitude first; six decimals are ~0.1 m and avoid exponent notation.
    const path = coords
      .map((i) => `${points[i]!.lng.toFixed(6)},${points[i]!.lat.toFixed(6)}`)
      .join(';');
    const url = `${this.baseUrl}/table/v1/${this.profile}/${path}?${query}`;
    const body = await this.request(url, signal);
    const durations = matrixField(body.durations, 'durations', rows.length, cols.length);
    const distances = matrixField(body.distances, 'distances', rows.length, cols.length);
    const n = m.size;
    rows.forEach((i, r) => {
      cols.forEach((j, c) => {
        const at = i * n + j;
        // Staying put costs nothing, whatever the snapped positions say.
        if (i === j) return;
        const seconds = durations[r]![c];
        const metres = distances[r]![c];
        // OSRM gives null when the road network does not connect the pair (an island, a closed
        // area): estimate that pair from the straight line instead of failing the whole plan.
        const estimate =
          seconds === null || metres === null ? this.fallback.distance(points[i]!, points[j]!) : 0;
        m.distance[at] = metres ?? estimate;
        m.time[at] = seconds === null ? this.fallback.minutes(estimate) : seconds / 60;
      });
    });
  }

  /** GET with a timeout; any failure becomes an Error carrying only OSRM's code and message. */
  private async request(url: string, signal: AbortSignal | undefined): Promise<TableResponse> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let status: number;
    let body: TableResponse | undefined;
    try {
      const res = await this.fetch(url, {
        signal: combined,
        headers: { accept: 'application/json' },
      });
      status = res.status;
      const text = await res.text();
      try {
        body = JSON.parse(text) as TableResponse;
      } catch {
        body = undefined;
      }
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (timeout.aborted)
        throw new Error(`OSRM table request timed out after ${this.timeoutMs} ms`);
      // Network errors (refused, reset, DNS) carry the URL in places; keep only the kind.
      // (Read structurally: fetch's errors may come from another realm, e.g. under Jest.)
      const { cause } = (error ?? {}) as { cause?: { code?: unknown } };
      const code = cause?.code ?? (error as { code?: unknown } | null)?.code;
      throw new Error(
        `OSRM table request failed: ${typeof code === 'string' ? code : 'network error'}`,
      );
    }
    if (status === 200 && body?.code === 'Ok') return body;
    const code = typeof body?.code === 'string' ? body.code : undefined;
    const message = typeof body?.message === 'string' ? body.message.slice(0, MAX_MESSAGE) : '';
    const detail = code ? `${code}${message ? `: ${message}` : ''}` : 'unexpected response';
    throw new Error(`OSRM table request failed (HTTP ${status}): ${detail}`);
  }
}

/** A rows × cols array of numbers or nulls, checked so that bad data never reaches the solver. */
function matrixField(
  value: unknown,
  name: string,
  rows: number,
  cols: number,
): (number | null)[][] {
  const ok =
    Array.isArray(value) &&
    value.length === rows &&
    value.every(
      (row) =>
        Array.isArray(row) &&
        row.length === cols &&
        row.every((x) => x === null || (typeof x === 'number' && Number.isFinite(x) && x >= 0)),
    );
  if (!ok) throw new Error(`OSRM table response has no valid ${rows}×${cols} "${name}"`);
  return value as (number | null)[][];
}
