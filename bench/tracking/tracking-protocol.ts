/** What the orchestrator hands the load generators (as a JSON file) and what they answer (IPC). */

export interface GeoPoint {
  lat: number;
  lng: number;
}

/** One technician's phone: who it is and the line it drives along. */
export interface FleetTechnician {
  technicianId: string;
  userId: string;
  token: string;
  /** Drives from `from` to `to`; `patrol` turns round at the ends, `enRoute` stops at `to` (the job). */
  from: GeoPoint;
  to: GeoPoint;
  mode: 'patrol' | 'enRoute';
  /** Metres already driven along the line at the fleet's epoch (spreads the patrols out). */
  startOffsetM: number;
}

export interface TechnicianFixture {
  httpUrl: string;
  technicians: FleetTechnician[];
  /** When the fleet started driving (ms since 1970); positions are a function of time. */
  epochMs: number;
  speedMps: number;
  intervalMs: number;
  /** First ping of the run (ms since 1970); pings are staggered evenly over one interval. */
  startAtMs: number;
  /** Pings are scheduled in [startAtMs, endAtMs). */
  endAtMs: number;
  connections: number;
  /** Every fix its own request at once, instead of the app's one-call-in-flight queue. */
  openLoop: boolean;
  /** Where to write the per-fix records (Float64 × PING_FIELDS each). */
  outFile: string;
}

export interface DispatcherFixture {
  wsUrl: string;
  tokens: string[];
  technicianIds: string[];
  /** Float64 × DELIVERY_FIELDS per first delivery of a position to a dispatcher. */
  outFile: string;
}

/**
 * Per fix: takenMs (= its recordedAt), sentMs (its request), doneMs (the answer), code index
 * (0 = accepted), and on the newest fix of each request the request's batch size (else NaN).
 */
export const PING_FIELDS = 5;
/** Per first delivery: recordedAtMs, latencyMs (arrival − recordedAt), dispatcher, technician. */
export const DELIVERY_FIELDS = 4;

export type TechnicianMessage =
  | { type: 'done'; codes: string[]; pings: number; lagP99Ms: number; lagMaxMs: number }
  | { type: 'error'; message: string };

export type DispatcherMessage =
  | { type: 'ready'; connected: number }
  | {
      type: 'done';
      deliveries: number;
      duplicates: number;
      outOfOrder: number;
      unknown: number;
      closed: number;
      errors: string[];
    }
  | { type: 'error'; message: string };

export type DispatcherCommand = { type: 'stop' };
