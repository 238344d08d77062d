import type { VrpInstance } from './vrp.types';

/** Feasibility tolerance for floating-point times (Solomon uses unrounded Euclidean times). */
export const EPS = 1e-9;

/**
 * The instance flattened into typed arrays so the hot loops never allocate or look up by id.
 * Jobs and vehicles are referred to by index; `cost` is the matrix the objective minimises.
 */
export interface Model {
  instance: VrpInstance;
  nJobs: number;
  nVehicles: number;
  dims: number;
  size: number;
  cost: Float64Array;
  time: Float64Array;
  dist: Float64Array;
  jobLoc: Int32Array;
  service: Float64Array;
  /** Windows of job j are winA/winB[winOff[j] .. winOff[j + 1]). */
  winOff: Int32Array;
  winA: Float64Array;
  winB: Float64Array;
  demand: Float64Array;
  priority: Float64Array;
  /** Cost of leaving a job unassigned (huge for mandatory jobs, scaled by priority). */
  penalty: Float64Array;
  optional: Uint8Array;
  pinned: Int32Array;
  vStart: Int32Array;
  vEnd: Int32Array;
  shiftA: Float64Array;
  shiftB: Float64Array;
  capacity: Float64Array;
  maxJobs: Int32Array;
  hasBreaks: Uint8Array;
  /** compat[v * nJobs + j]: vehicle v may serve job j (skills and pinning). */
  compat: Uint8Array;
  /** Vehicles v, w may exchange route tails (same end, shift end, skills, no breaks). */
  tailSwap: Uint8Array;
  /** Vehicles with identical attributes share a class; only one empty route per class is tried. */
  vClass: Int32Array;
  fixedCost: number;
  maxCost: number;
}

export function buildModel(instance: VrpInstance): Model {
  const { matrix, vehicles, jobs } = instance;
  const nJobs = jobs.length;
  const nVehicles = vehicles.length;
  const dims = Math.max(
    1,
    ...vehicles.map((v) => v.capacity.length),
    ...jobs.map((j) => j.demand.length),
  );
  const objective = instance.objective ?? 'distance';
  const cost = objective === 'time' ? matrix.time : matrix.distance;
  let maxCost = 0;
  for (let i = 0; i < cost.length; i++) maxCost = Math.max(maxCost, cost[i] as number);
  maxCost = Math.max(maxCost, 1);

  const winCount = jobs.reduce((s, j) => s + Math.max(1, j.windows.length), 0);
  const winOff = new Int32Array(nJobs + 1);
  const winA = new Float64Array(winCount);
  const winB = new Float64Array(winCount);
  let w = 0;
  jobs.forEach((job, j) => {
    winOff[j] = w;
    const windows = job.windows.length > 0 ? [...job.windows] : [[-Infinity, Infinity] as const];
    windows.sort((a, b) => a[0] - b[0]);
    for (const [a, b] of windows) {
      winA[w] = a;
      winB[w] = b;
      w++;
    }
  });
  winOff[nJobs] = w;

  const fixedCost = objective === 'vehicles-then-distance' ? (nJobs + 2) * maxCost : 0;
  const bigUnit = (nVehicles + 1) * fixedCost + (nJobs + nVehicles + 2) * maxCost;
  const vehicleIndex = new Map(vehicles.map((v, i) => [v.id, i]));

  const demand = new Float64Array(nJobs * dims);
  const capacity = new Float64Array(nVehicles * dims);
  const compat = new Uint8Array(nVehicles * nJobs);
  const model: Model = {
    instance,
    nJobs,
    nVehicles,
    dims,
    size: matrix.size,
    cost,
    time: matrix.time,
    dist: matrix.distance,
    jobLoc: Int32Array.from(jobs, (j) => j.location),
    service: Float64Array.from(jobs, (j) => j.service),
    winOff,
    winA,
    winB,
    demand,
    priority: Float64Array.from(jobs, (j) => j.priority),
    penalty: Float64Array.from(jobs, (j) =>
      j.optional
        ? (j.penalty ?? 2 * maxCost * (1 + Math.max(0, j.priority)))
        : bigUnit * (1 + Math.max(0, j.priority)),
    ),
    optional: Uint8Array.from(jobs, (j) => (j.optional ? 1 : 0)),
    pinned: Int32Array.from(jobs, (j) =>
      j.pinnedVehicle === undefined ? -1 : (vehicleIndex.get(j.pinnedVehicle) ?? -2),
    ),
    vStart: Int32Array.from(vehicles, (v) => v.start),
    vEnd: Int32Array.from(vehicles, (v) => v.end),
    shiftA: Float64Array.from(vehicles, (v) => v.shift[0]),
    shiftB: Float64Array.from(vehicles, (v) => v.shift[1]),
    capacity,
    maxJobs: Int32Array.from(vehicles, (v) => v.maxJobs ?? 0x7fffffff),
    hasBreaks: Uint8Array.from(vehicles, (v) => (v.breaks && v.breaks.length > 0 ? 1 : 0)),
    compat,
    tailSwap: new Uint8Array(nVehicles * nVehicles),
    vClass: new Int32Array(nVehicles),
    fixedCost,
    maxCost,
  };
  jobs.forEach((job, j) => {
    for (let d = 0; d < dims; d++) demand[j * dims + d] = job.demand[d] ?? 0;
  });
  vehicles.forEach((v, i) => {
    for (let d = 0; d < dims; d++) capacity[i * dims + d] = v.capacity[d] ?? 0;
    jobs.forEach((job, j) => {
      const pin = model.pinned[j] as number;
      const skilled = Object.entries(job.skills).every(([s, lvl]) => (v.skills[s] ?? -1) >= lvl);
      compat[i * nJobs + j] = skilled && (pin === -1 || pin === i) ? 1 : 0;
    });
  });
  const signature = vehicles.map(
    (v, i) =>
      JSON.stringify([v.start, v.end, v.shift, v.capacity, v.maxJobs, v.breaks ?? []]) +
      Array.from(compat.subarray(i * nJobs, (i + 1) * nJobs)).join(''),
  );
  const classes = new Map<string, number>();
  signature.forEach((sig, i) => {
    if (!classes.has(sig)) classes.set(sig, classes.size);
    model.vClass[i] = classes.get(sig) as number;
  });
  for (let a = 0; a < nVehicles; a++) {
    for (let b = 0; b < nVehicles; b++) {
      const same =
        model.vEnd[a] === model.vEnd[b] &&
        model.shiftB[a] === model.shiftB[b] &&
        !model.hasBreaks[a] &&
        !model.hasBreaks[b] &&
        sameCompat(compat, nJobs, a, b);
      model.tailSwap[a * nVehicles + b] = same ? 1 : 0;
    }
  }
  return model;
}

function sameCompat(compat: Uint8Array, n: number, a: number, b: number): boolean {
  for (let j = 0; j < n; j++) if (compat[a * n + j] !== compat[b * n + j]) return false;
  return true;
}

/** Earliest service start at or after `t` inside one of job j's windows (Infinity if none). */
export function firstStart(m: Model, j: number, t: number): number {
  for (let w = m.winOff[j] as number, e = m.winOff[j + 1] as number; w < e; w++) {
    const s = Math.max(t, m.winA[w] as number);
    if (s <= (m.winB[w] as number) + EPS) return s;
  }
  return Infinity;
}

/** Latest service start at or before `t` inside one of job j's windows (-Infinity if none). */
export function lastStart(m: Model, j: number, t: number): number {
  for (let e = m.winOff[j] as number, w = (m.winOff[j + 1] as number) - 1; w >= e; w--) {
    const s = Math.min(t, m.winB[w] as number);
    if (s >= (m.winA[w] as number) - EPS) return s;
  }
  return -Infinity;
}
