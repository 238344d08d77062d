/*
 * The routing problem the optimizer solves (VRPTW generalised for field service) and its
 * answer. Pure data: no database, no clock. Times and distances are plain numbers in the
 * instance's units (minutes and metres for field service; Solomon's Euclidean units for the
 * benchmark). Locations are indices into the travel matrices.
 */

/** Travel between location indices: n × n, row-major (`time[from * n + to]`). */
export interface TravelMatrix {
  size: number;
  time: Float64Array;
  distance: Float64Array;
}

/** [earliest, latest] start of service (a job) or presence (a vehicle), inclusive. */
export type TimeWindow = readonly [number, number];

export interface VrpVehicle {
  id: string;
  /** Where the route starts and ends (home base or depot). */
  start: number;
  end: number;
  /** Leaves `start` no earlier than shift[0] and is back at `end` no later than shift[1]. */
  shift: TimeWindow;
  /** Per dimension (e.g. [kg]); a job's demand must fit. */
  capacity: readonly number[];
  /** Skill name → level held. */
  skills: Readonly<Record<string, number>>;
  maxJobs?: number;
  /** A break of `duration` that must start within `window`, taken where the vehicle is. */
  breaks?: readonly { window: TimeWindow; duration: number }[];
}

export interface VrpJob {
  id: string;
  location: number;
  /** Service duration. */
  service: number;
  /** Service must start inside one of these windows (waiting before is allowed). */
  windows: readonly TimeWindow[];
  demand: readonly number[];
  /** Skill name → minimum level a vehicle must hold. */
  skills: Readonly<Record<string, number>>;
  /** Higher first; 0 = normal. Emergencies get a large value. */
  priority: number;
  /** An optional job may stay unassigned at `penalty` cost; others must be served if possible. */
  optional?: boolean;
  penalty?: number;
  /** Must stay on this vehicle (e.g. a job already started or dispatched). */
  pinnedVehicle?: string;
}

export interface VrpInstance {
  name?: string;
  matrix: TravelMatrix;
  vehicles: readonly VrpVehicle[];
  jobs: readonly VrpJob[];
  /** What is minimised: distance first (Solomon distance) or vehicles then distance. */
  objective?: 'distance' | 'vehicles-then-distance' | 'time';
}

export interface RouteStop {
  jobId: string;
  /** When the vehicle gets there, and when service starts (after any wait). */
  arrival: number;
  start: number;
}

export interface VrpRoute {
  vehicleId: string;
  stops: RouteStop[];
  /** Departure from start, return to end. */
  departure: number;
  returnAt: number;
  distance: number;
  travelTime: number;
  /** Breaks taken on the route (start time, duration), when the vehicle has any. */
  breaks?: { start: number; duration: number }[];
}

export interface VrpSolution {
  routes: VrpRoute[];
  unassigned: { jobId: string; reason: string }[];
  totals: { distance: number; travelTime: number; vehicles: number; unassigned: number };
}

/** A vehicle's jobs in their current order (a plan already communicated to the technician). */
export interface CurrentRoute {
  vehicleId: string;
  jobIds: string[];
}

export interface SolveOptions {
  seed: number;
  /** Wall-clock budget; the best solution so far is returned when it runs out. */
  timeLimitMs: number;
  /** Optional cap on iterations (deterministic runs in tests regardless of machine speed). */
  maxIterations?: number;
  /** Called with each new best solution (anytime results). */
  onImprovement?: (solution: VrpSolution) => void;
  /**
   * Warm start: begin from these routes (jobs that cannot be kept in order are dropped and
   * reinserted) instead of an empty plan, so a suggestion is never worse than the current plan.
   */
  initialRoutes?: readonly CurrentRoute[];
}
