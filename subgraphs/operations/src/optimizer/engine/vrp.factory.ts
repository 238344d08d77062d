import { Rng } from './rng';
import type { VrpInstance, VrpJob, VrpVehicle } from './vrp.types';

/** Test data: a Euclidean instance over points (travel time = distance). */
export function euclideanMatrix(
  points: readonly (readonly [number, number])[],
): VrpInstance['matrix'] {
  const n = points.length;
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const [xi, yi] = points[i] as readonly [number, number];
      const [xj, yj] = points[j] as readonly [number, number];
      d[i * n + j] = Math.hypot(xi - xj, yi - yj);
    }
  }
  return { size: n, time: d, distance: d };
}

export function makeVehicle(overrides: Partial<VrpVehicle> = {}): VrpVehicle {
  return {
    id: 'v1',
    start: 0,
    end: 0,
    shift: [0, 1000],
    capacity: [100],
    skills: {},
    ...overrides,
  };
}

export function makeJob(location: number, overrides: Partial<VrpJob> = {}): VrpJob {
  return {
    id: `j${location}`,
    location,
    service: 0,
    windows: [[0, 1000]],
    demand: [1],
    skills: {},
    priority: 0,
    ...overrides,
  };
}

/** Depot at location 0 plus one job per further point. */
export function makeInstance(
  points: readonly (readonly [number, number])[],
  vehicles: VrpVehicle[],
  jobs?: VrpJob[],
): VrpInstance {
  return {
    matrix: euclideanMatrix(points),
    vehicles,
    jobs: jobs ?? points.slice(1).map((_, i) => makeJob(i + 1)),
    objective: 'distance',
  };
}

/** Random small instance with time windows, several vehicles and tight-ish capacity. */
export function randomInstance(seed: number, nJobs: number, nVehicles: number): VrpInstance {
  const rng = new Rng(seed);
  const points: [number, number][] = [[50, 50]];
  for (let i = 0; i < nJobs; i++) points.push([rng.int(0, 100), rng.int(0, 100)]);
  const jobs = points.slice(1).map((_, i) => {
    const a = rng.int(0, 300);
    return makeJob(i + 1, {
      service: rng.int(0, 10),
      windows: [[a, a + rng.int(20, 150)]],
      demand: [rng.int(1, 10)],
    });
  });
  const vehicles = Array.from({ length: nVehicles }, (_, i) =>
    makeVehicle({ id: `v${i}`, shift: [0, 500], capacity: [25] }),
  );
  return makeInstance(points, vehicles, jobs);
}
