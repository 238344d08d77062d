import type { VrpInstance, VrpJob, VrpRoute, VrpSolution, VrpVehicle } from '../engine/vrp.types';

/*
 * Test data for the checker: four points on a line (depot at 0, then 10, 20 and -5), distance
 * |dx| and travel time 2·|dx| so that the two are told apart.
 */

const POINTS = [0, 10, 20, -5];

export function lineMatrix(points: readonly number[] = POINTS): VrpInstance['matrix'] {
  const size = points.length;
  const distance = new Float64Array(size * size);
  const time = new Float64Array(size * size);
  for (let i = 0; i < size; i++)
    for (let j = 0; j < size; j++) {
      distance[i * size + j] = Math.abs(points[i]! - points[j]!);
      time[i * size + j] = 2 * Math.abs(points[i]! - points[j]!);
    }
  return { size, distance, time };
}

export const aVehicle = (overrides: Partial<VrpVehicle> = {}): VrpVehicle => ({
  id: 'v1',
  start: 0,
  end: 0,
  shift: [0, 200],
  capacity: [10],
  skills: {},
  ...overrides,
});

export const aJob = (overrides: Partial<VrpJob> = {}): VrpJob => ({
  id: 'j1',
  location: 1,
  service: 5,
  windows: [[0, 100]],
  demand: [4],
  skills: {},
  priority: 0,
  ...overrides,
});

/** v1 (electrician) and v2; j1 at 10, j2 at 20 (two windows), j3 at -5 (needs electric 1). */
export function lineInstance(
  change: { vehicles?: Partial<VrpVehicle>[]; jobs?: Partial<VrpJob>[] } = {},
): VrpInstance {
  const vehicles = [
    aVehicle({ id: 'v1', skills: { electric: 2 }, maxJobs: 3 }),
    aVehicle({ id: 'v2' }),
  ].map((v, i) => ({ ...v, ...change.vehicles?.[i] }));
  const jobs = [
    aJob({ id: 'j1', location: 1, windows: [[0, 100]], demand: [4] }),
    aJob({
      id: 'j2',
      location: 2,
      windows: [
        [30, 40],
        [60, 80],
      ],
      demand: [4],
    }),
    aJob({ id: 'j3', location: 3, windows: [[0, 200]], demand: [2], skills: { electric: 1 } }),
  ].map((j, i) => ({ ...j, ...change.jobs?.[i] }));
  return { name: 'line', matrix: lineMatrix(), vehicles, jobs, objective: 'distance' };
}

/**
 * The feasible answer to `lineInstance()`, with numbers worked out by hand:
 * v1: 0 → j3 (arrive 10, start 10, done 15) → back at 25; distance 10, time 20.
 * v2: 0 → j1 (arrive 20, start 20, done 25) → j2 (arrive 45, misses [30, 40], starts 60 in
 * [60, 80], done 65) → back at 105; distance 40, time 80.
 */
export function lineSolution(): VrpSolution {
  const routes: VrpRoute[] = [
    {
      vehicleId: 'v1',
      stops: [{ jobId: 'j3', arrival: 10, start: 10 }],
      departure: 0,
      returnAt: 25,
      distance: 10,
      travelTime: 20,
    },
    {
      vehicleId: 'v2',
      stops: [
        { jobId: 'j1', arrival: 20, start: 20 },
        { jobId: 'j2', arrival: 45, start: 60 },
      ],
      departure: 0,
      returnAt: 105,
      distance: 40,
      travelTime: 80,
    },
  ];
  return {
    routes,
    unassigned: [],
    totals: { distance: 50, travelTime: 100, vehicles: 2, unassigned: 0 },
  };
}

/** Euclidean distances between 2-D points; travel time = `timeFactor` × distance. */
export function euclideanMatrix(
  points: readonly (readonly [number, number])[],
  timeFactor = 1,
): VrpInstance['matrix'] {
  const size = points.length;
  const distance = new Float64Array(size * size);
  const time = new Float64Array(size * size);
  for (let a = 0; a < size; a++)
    for (let b = 0; b < size; b++) {
      const d = Math.hypot(points[a]![0] - points[b]![0], points[a]![1] - points[b]![1]);
      distance[a * size + b] = d;
      time[a * size + b] = timeFactor * d;
    }
  return { size, distance, time };
}
