import type { Logger } from '@attendant/kit';
import { GreatCircleMatrixProvider } from '../optimizer/matrix/great-circle';
import {
  haversineMetres,
  type GeoPoint,
  type MatrixProvider,
} from '../optimizer/matrix/matrix-provider';

/** Ask the travel-time provider at most this often per technician… */
export const ETA_REFRESH_MS = 30_000;
/** …unless the next job changed or the technician moved this far since the last answer. */
export const ETA_REFRESH_METRES = 300;
const PROVIDER_TIMEOUT_MS = 3_000;
const REMEMBERED = 20_000;

export interface Eta {
  travelSeconds: number | null;
  distanceM: number | null;
  etaAt: Date | null;
}

export const NO_ETA: Eta = Object.freeze({ travelSeconds: null, distanceM: null, etaAt: null });

interface LastAsked {
  workOrderId: string;
  at: number;
  from: GeoPoint;
}

/*
 * Travel time from a technician's position to their next job. 1000 technicians pinging every 5 s
 * would be 200 provider calls a second (an OSRM round trip each), so a technician's ETA is asked
 * for again only after 30 s, a change of job, or 300 m of movement; in between the last answer
 * stands (an ETA moving by seconds helps nobody). What was asked is remembered per process; with
 * several replicas each asks at most that often, and a change of job is also seen from the stored
 * position, so it refreshes on any replica.
 */
export class EtaEstimator {
  private readonly asked = new Map<string, LastAsked>();
  private readonly estimate = new GreatCircleMatrixProvider();

  constructor(
    private readonly provider: MatrixProvider,
    private readonly logger: Logger,
    private readonly clock: () => number = Date.now,
  ) {}

  async eta(
    technicianId: string,
    from: GeoPoint,
    recordedAt: Date,
    job: { id: string; site: GeoPoint | null } | null,
    stored: (Eta & { nextWorkOrderId: string | null }) | null,
  ): Promise<Eta> {
    if (!job || !job.site) {
      this.asked.delete(technicianId);
      return NO_ETA;
    }
    const last = this.asked.get(technicianId);
    const now = this.clock();
    const fresh =
      last !== undefined &&
      stored !== null &&
      stored.nextWorkOrderId === job.id &&
      stored.travelSeconds !== null &&
      last.workOrderId === job.id &&
      now - last.at < ETA_REFRESH_MS &&
      haversineMetres(last.from, from) <= ETA_REFRESH_METRES;
    if (fresh) {
      return {
        travelSeconds: stored.travelSeconds,
        distanceM: stored.distanceM,
        etaAt: stored.etaAt,
      };
    }
    const { seconds, metres } = await this.travel(from, job.site);
    this.remember(technicianId, { workOrderId: job.id, at: now, from });
    return {
      travelSeconds: seconds,
      distanceM: metres,
      etaAt: new Date(recordedAt.getTime() + seconds * 1000),
    };
  }

  /** One source → destination; a failing provider falls back to the straight-line estimate. */
  private async travel(from: GeoPoint, to: GeoPoint): Promise<{ seconds: number; metres: number }> {
    let m;
    try {
      m = await this.provider.matrix([from, to], AbortSignal.timeout(PROVIDER_TIMEOUT_MS));
    } catch (err) {
      this.logger.warn(
        { err, provider: this.provider.name },
        'travel time unavailable; estimating',
      );
      m = this.estimate.compute([from, to]);
    }
    return { seconds: Math.round(m.time[1]! * 60), metres: Math.round(m.distance[1]!) };
  }

  private remember(technicianId: string, entry: LastAsked): void {
    this.asked.delete(technicianId);
    this.asked.set(technicianId, entry);
    // Oldest first (insertion order): forget technicians who stopped pinging.
    if (this.asked.size > REMEMBERED) {
      const oldest = this.asked.keys().next().value;
      if (oldest !== undefined) this.asked.delete(oldest);
    }
  }
}
